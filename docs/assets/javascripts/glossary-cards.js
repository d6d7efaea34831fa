/*
 * Hover cards for term links: both names and the one-line summary in both languages.
 *
 * Each term's card is a small classic script, cards/<id>.js, loaded when a link to it is first
 * hovered (a <script> element, not fetch, so it loads from file:// too); no page carries the
 * cards of every term it links to. A link to a name several terms share lists their ids in
 * data-gl-choice. Mouse: hover or keyboard focus shows the card.
 * Touch: a tap follows the link at once, as on any page; a long press shows the card instead.
 * Cards are for term pages, where lists (related terms, referenced by) print names only.
 */
(() => {
  "use strict";
  const script = document.currentScript;
  // Term pages only: index lists are dense, and a card there would cover the next entries.
  if (!script || !document.querySelector("h1.gl-title")) return;
  const root = new URL("../../", script.src);  // this file is assets/javascripts/glossary-cards.js
  const terms = {};  // id -> [zh, en, abbr, summary zh, summary en], as the cards arrive
  const waiting = {};  // id -> callbacks waiting for its card
  window.__glossaryCard = (id, data) => {
    terms[id] = data;
    for (const done of waiting[id] || []) done();
    delete waiting[id];
  };

  /* Calls done once every card in ids has arrived (at once if they have); a missing card is skipped. */
  function load(ids, done) {
    const missing = ids.filter(id => !terms[id]);
    let left = missing.length;
    if (!left) return done();
    const arrived = () => { if (--left === 0) done(); };
    for (const id of missing) {
      if (!waiting[id]) {
        waiting[id] = [];
        const tag = document.createElement("script");
        tag.src = new URL(`cards/${id}.js`, root).href;
        tag.onerror = () => { const callbacks = waiting[id] || []; delete waiting[id]; callbacks.forEach(f => f()); };
        document.head.appendChild(tag);
      }
      waiting[id].push(arrived);
    }
  }

  const card = document.createElement("div");
  card.className = "gl-card md-typeset";
  card.id = "gl-card";
  card.setAttribute("role", "tooltip");
  card.hidden = true;
  document.body.appendChild(card);

  let current = null;  // the link whose card is shown
  let wanted = null;  // the link whose card was last asked for
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

  /* The terms a link points to: one, or the several that share a name; null for other links. */
  function target(link) {
    if (link.dataset.glChoice) return { ids: link.dataset.glChoice.split(" "), choice: true };
    const url = new URL(link.href, location.href);
    if (url.href.startsWith(new URL("terms/", root).href)) {
      const term = url.pathname.match(/\/terms\/([a-z0-9-]+)\.html$/);
      if (term) return { ids: [term[1]] };
    }
    return null;
  }

  /* The card of what the link points to, once its data has arrived, if the reader still wants it. */
  function show(link) {
    const found = target(link);
    if (!found) return;
    clearTimeout(hideTimer);
    wanted = link;
    load(found.ids, () => { if (wanted === link) draw(link, found); });
  }

  function draw(link, found) {
    if (!found.ids.some(id => terms[id])) return;
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
    wanted = null;
    if (current) current.removeAttribute("aria-describedby");
    card.hidden = true;
    current = null;
  }

  const links = [...document.querySelectorAll(".md-content article a[href]")].filter(target);
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
