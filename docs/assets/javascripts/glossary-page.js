/*
 * Reading and reusing a term page: copy buttons, today's date in the citations, the address on
 * the printed page, the rest of a long "referenced by" list when unfolded, and the language view
 * (双语 / 中文 / English), remembered across pages like the colour palette. Without JavaScript
 * the page simply shows both languages and no buttons do anything.
 */
(() => {
  "use strict";
  const KEY = "gl-language-view";
  const siteRoot = document.currentScript ? new URL("../../", document.currentScript.src) : null;  // of assets/javascripts/
  const VIEWS = [["both", "双语"], ["zh", "中文"], ["en", "English"]];
  const root = document.documentElement;

  function view() {
    try { return localStorage.getItem(KEY) || "both"; } catch { return "both"; }
  }

  function setView(value) {
    root.dataset.glLang = value;
    try { localStorage.setItem(KEY, value); } catch { /* private mode or file:// storage refused */ }
    for (const button of document.querySelectorAll(".gl-lang button")) button.setAttribute("aria-pressed", String(button.dataset.view === value));
    document.dispatchEvent(new CustomEvent("gl-language-view", { detail: value }));
  }

  // The toggle sits in the header beside the palette switch.
  const options = document.querySelector(".md-header__option") || document.querySelector(".md-header__inner");
  if (options) {
    const group = document.createElement("div");
    group.className = "gl-lang";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "显示语言 · Language view");
    for (const [value, label] of VIEWS) {
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.view = value;
      button.textContent = label;
      button.addEventListener("click", () => setView(value));
      group.append(button);
    }
    options.parentNode.insertBefore(group, options);
  }
  setView(view());

  // This page's public address: the canonical link, or where it was opened from without query or fragment.
  const canonical = document.querySelector('link[rel="canonical"]');
  const address = (canonical && canonical.href) || location.href.split(/[?#]/)[0];

  /* ---- the printed page names its address ---- */
  for (const slot of document.querySelectorAll(".gl-print-url")) slot.textContent = address;

  /* ---- copy buttons ---- */
  const status = document.querySelector(".gl-copy-status");

  // The Clipboard API is refused on file:// and in some browsers: fall back to a selected textarea.
  function copyByHand(text) {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const done = document.execCommand("copy");
    area.remove();
    return done;
  }

  async function copy(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      return copyByHand(text);
    }
  }

  for (const button of document.querySelectorAll(".gl-copy")) {
    if (button.hasAttribute("data-copy-link") && !button.dataset.copy) button.dataset.copy = address;
    button.addEventListener("click", async () => {
      const done = await copy(button.dataset.copy);
      if (status) status.textContent = done ? "已复制 · Copied" : "无法复制 · Could not copy";
      setTimeout(() => { if (status) status.textContent = ""; }, 2500);
    });
  }

  /* ---- citations: the access date is today's ---- */
  const today = new Date().toISOString().slice(0, 10);
  for (const slot of document.querySelectorAll(".gl-today")) slot.textContent = today;

  // The rest of a long "referenced by" list is a classic script (it loads from file:// too),
  // fetched the first time the reader unfolds it.
  const folded = {};
  window.__glossaryMore = (id, items) => {
    const list = folded[id];
    if (!list) return;
    for (const [target, names] of items) {
      const link = document.createElement("a");
      link.href = `${target}.html`;
      link.textContent = names;
      const item = document.createElement("li");
      item.append(link);
      list.append(item);
    }
  };
  for (const details of document.querySelectorAll("details[data-gl-more]")) {
    details.addEventListener("toggle", () => {
      const id = details.dataset.glMore.replace(/^.*\/|\.js$/g, "");
      if (!details.open || folded[id] || !siteRoot) return;
      folded[id] = details.querySelector("ul");
      const script = document.createElement("script");
      script.src = new URL(details.dataset.glMore, siteRoot).href;
      document.head.append(script);
    });
  }
})();
