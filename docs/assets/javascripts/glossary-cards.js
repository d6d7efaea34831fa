/*
 * Hover cards for term links: both names and the one-line summary in both languages.
 *
 * The data is in the page itself (<script id="gl-cards">, only the terms this page links to),
 * so cards work offline and from file://. Mouse: hover or keyboard focus shows the card.
 * Touch: a tap follows the link at once, as on any page; a long press shows the card instead.
 * Lists that already print each summary (related terms) get no cards.
 */
(() => {
  "use strict";
  const data = document.getElementById("gl-cards");
  if (!data) return;
  const { terms, choices } = JSON.parse(data.textContent);
  const card = document.createElement("div");
  card.className = "gl-card md-typeset";
  card.id = "gl-card";
  card.setAttribute("role", "tooltip");
  card.hidden = true;
  document.body.appendChild(card);

  let current = null;
  let hideTimer = 0;

  const text = (tag, value, attrs = {}) => {
    const el = document.createElement(tag);
    el.textContent = value;
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    return el;
  };

  function describe(id) {
    const [zh, en, abbr, summaryZh, summaryEn] = terms[id];
    const box = document.createElement("div");
    // A name that is the same in both languages (Transformer, LoRA) is shown once; the reader's
    // language view (glossary-page.js) decides which language leads and which summary shows.
    const view = document.documentElement.dataset.glLang || "both";
    const title = text("p", "", { class: "gl-card__names" });
    const english = text("span", en, { lang: "en" });
    if (zh === en) title.append(english);
    else if (view === "en") title.append(english, ` · ${zh}`);
    else title.append(`${zh} · `, english);
    if (abbr) title.append(text("abbr", abbr, { class: "gl-card__abbr" }));
    box.append(title);
    if (view !== "en") box.append(text("p", summaryZh));
    if (view !== "zh") box.append(text("p", summaryEn, { lang: "en" }));
    return box;
  }

  /* The term id or shared-name anchor a link points to, or null for other links. */
  function target(link) {
    const url = new URL(link.href, location.href);
    const term = url.pathname.match(/\/terms\/([a-z0-9-]+)\.html$/);
    if (term && terms[term[1]]) return { ids: [term[1]] };
    if (/\/shared-names\.html$/.test(url.pathname) && choices[url.hash.slice(1)]) return { ids: choices[url.hash.slice(1)], choice: true };
    return null;
  }

  function show(link) {
    const found = target(link);
    if (!found) return;
    clearTimeout(hideTimer);
    card.replaceChildren();
    if (found.choice) card.append(text("p", "同名，可能指 · This name can mean:", { class: "gl-card__choice" }));
    for (const id of found.ids.filter(id => terms[id])) card.append(describe(id));
    card.hidden = false;
    place(link.getBoundingClientRect());
    link.setAttribute("aria-describedby", card.id);
    current = link;
  }

  /* Below the link, or above it when there is no room below; always inside the viewport. */
  function place(box) {
    const width = document.documentElement.clientWidth, height = document.documentElement.clientHeight;
    const gap = 6, margin = 8;
    const left = Math.max(margin, Math.min(box.left, width - card.offsetWidth - margin));
    let top = box.bottom + gap;
    if (top + card.offsetHeight > height - margin && box.top - gap - card.offsetHeight >= margin) top = box.top - gap - card.offsetHeight;
    top = Math.max(margin, Math.min(top, height - card.offsetHeight - margin));
    card.style.left = `${left + window.scrollX}px`;
    card.style.top = `${top + window.scrollY}px`;
  }

  function hide() {
    if (current) current.removeAttribute("aria-describedby");
    card.hidden = true;
    current = null;
  }

  // Related terms are listed with their summaries: a card there would only cover what is printed.
  const links = [...document.querySelectorAll(".md-content article a[href]")].filter(a => !a.closest("h2#related + ul") && target(a));
  for (const link of links) {
    link.classList.add("gl-term-link");
    link.addEventListener("mouseenter", () => show(link));
    link.addEventListener("mouseleave", () => { hideTimer = setTimeout(hide, 150); });
    link.addEventListener("focus", () => show(link));
    link.addEventListener("blur", () => { hideTimer = setTimeout(hide, 150); });
    // Touch has no hover. A tap must follow the link at once (readers take a link that does not
    // respond for a broken one), so the card waits for a long press, which then does not navigate.
    let pressTimer = 0, pressed = false;
    link.addEventListener("pointerdown", event => {
      pressed = false;
      if (event.pointerType !== "touch") return;
      pressTimer = setTimeout(() => { pressed = true; show(link); }, 500);
    });
    for (const type of ["pointerup", "pointercancel", "pointerleave"]) link.addEventListener(type, () => clearTimeout(pressTimer));
    link.addEventListener("click", event => { if (pressed) { event.preventDefault(); pressed = false; } });
    link.addEventListener("contextmenu", event => { if (pressed) event.preventDefault(); });
  }
  card.addEventListener("mouseenter", () => clearTimeout(hideTimer));
  card.addEventListener("mouseleave", () => { hideTimer = setTimeout(hide, 150); });
  document.addEventListener("keydown", event => { if (event.key === "Escape") hide(); });
  document.addEventListener("pointerdown", event => { if (current && !card.contains(event.target) && event.target !== current) hide(); });
})();
