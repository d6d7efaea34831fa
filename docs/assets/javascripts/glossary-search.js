/*
 * Glossary search: Material's search box, our index and our ranking.
 *
 * The index (search/glossary-index.js, built by the hook) is a classic script, loaded the first
 * time a reader shows intent to search, so it works from file:// with no fetch, worker or CDN.
 * Ranking follows what a glossary reader expects: exact headword > abbreviation > alias >
 * prefix > part of a name > words in a definition. Every query word must match (AND), Chinese
 * and Latin runs are separate words (rag检索 = rag + 检索), and Chinese parts of words are found
 * through character bigrams, whatever the word boundaries were.
 */
(() => {
  "use strict";

  // Character classes shared with hooks/glossary_core/search_index.py; keep them in step.
  const HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
  const LATIN = "a-z0-9\\u00c0-\\u024f";
  const SEGMENT = new RegExp(`[${HAN}]+|[${LATIN}]+`, "g");
  const IS_HAN = new RegExp(`^[${HAN}]`);
  const NOT_KEY = new RegExp(`[^${HAN}${LATIN}]+`, "g");
  const normalise = text => text.normalize("NFKC").toLowerCase();
  const nameKey = text => normalise(text).replace(NOT_KEY, "");

  // Points per kind of match; a query word's points are weighted by how rare it is (idf).
  // Kinds: h headword, a abbreviation, l accepted alias, d discouraged, f former name, k search-only
  // keyword, p pinyin of the Chinese headword, i its initials. A word inside a Latin name counts as
  // a part of a headword (h) or of another name (l).
  const NAME_POINTS = {
    exact: { h: 12, a: 11, l: 10, f: 10, d: 9, k: 6, p: 8, i: 6 },
    prefix: { h: 7, a: 6, l: 6, f: 6, d: 5, k: 3, p: 4, i: 0 },
    part: { h: 5, a: 4, l: 4, f: 4, d: 3, k: 2, p: 0, i: 0 },
  };
  const WORD_POINTS = 1.5;
  const GRAM_POINTS = 1;
  const WHOLE_QUERY_BONUS = { exact: { h: 40, a: 36, l: 32, f: 32, d: 30, k: 16, p: 24, i: 16, z: 20 }, prefix: { h: 12, a: 10, l: 10, f: 10, d: 8, k: 4, p: 8, i: 0 } };
  const MAX_RESULTS = 50;

  // Name kinds and the end of a term's names, as written by search_index.py.
  const KIND_OF = { "\x11": "h", "\x12": "a", "\x13": "l", "\x14": "d", "\x15": "f", "\x16": "k", "\x17": "H", "\x18": "L", "\x19": "p", "\x1a": "i" };
  const KIND_ORDER = "halfdkpi";
  // What a result says when a name other than the headword matched.
  const KIND_LABEL = { l: "也作 · also", f: "旧称 · former name", d: "不推荐译名 · discouraged", k: "相关词 · related word", p: "拼音 · pinyin", i: "拼音首字母 · pinyin initials", z: "拼写相近 · close spelling" };
  const IS_LATIN = /^[a-z0-9\u00c0-\u024f]/;
  const DOC_END = "\x1e";
  const RANKS = ["exact", "prefix", "part"];

  /* The index: the names part first (enough for name queries), the text part when it arrives. */
  class GlossaryIndex {
    constructor(namesPart) {
      this.docs = namesPart.docs;
      this.names = namesPart.names; // every term's names in one string: kind character + key, DOC_END after each term
      this.docEnds = [];
      for (let at = this.names.indexOf(DOC_END); at !== -1; at = this.names.indexOf(DOC_END, at + 1)) this.docEnds.push(at);
      this.summaries = null;
      this.decoded = new Map();
      const [traditional, simplified] = namesPart.fold || ["", ""];
      this.fold = new Map([...traditional].map((char, i) => [char, simplified[i]]));
      this.latinKeys = null;
    }

    /* Traditional characters read as Simplified ones (微調 -> 微调), from OpenCC's tables at build time. */
    folded(text) { return this.fold.size ? [...text].map(c => this.fold.get(c) || c).join("") : text; }

    /* Terms with a Latin name one typo away from the key (one letter added, dropped, changed or two swapped). */
    closeSpellings(key) {
      if (!this.latinKeys) {
        this.latinKeys = [];
        const pattern = /[\x11-\x16]([a-z0-9]{4,})(?=[\x10-\x1f])/g; // whole names, not their later words
        for (const m of this.names.matchAll(pattern)) this.latinKeys.push([m[1], this.docOf(m.index), m.index]);
      }
      const found = new Map();
      for (const [name, doc, start] of this.latinKeys) {
        if (Math.abs(name.length - key.length) <= 1 && oneEditApart(key, name) && !found.has(doc)) found.set(doc, { rank: "exact", kind: "z", start });
      }
      return found;
    }

    addText(textPart) {
      this.summaries = textPart.summaries;
      this.words = textPart.words ? textPart.words.split("\n") : [];
      this.wordPostings = textPart.wordPostings.split(",");
      this.grams = textPart.grams; // sorted two-character bigrams, concatenated
      this.gramCount = textPart.grams.length / 2;
      this.gramPostings = textPart.gramPostings.split(",");
    }

    get complete() { return this.summaries !== null; }

    /* For every term with a name containing one of the forms: its best match (rank, kind, and which of its names). */
    nameMatches(forms) {
      const best = new Map();
      for (const form of forms) {
        for (let at = this.names.indexOf(form); at !== -1; at = this.names.indexOf(form, at + 1)) {
          let start = at - 1;
          while (this.names.charCodeAt(start) > 0x1f) start--; // back to this name's kind character
          const next = this.names.charCodeAt(at + form.length);
          let rank = at === start + 1 ? (next <= 0x1f ? 0 : 1) : 2;
          let kind = KIND_OF[this.names[start]];
          // Latin text matches where a word starts, never inside one ('rag' is not in 'average'):
          // inside a key that is only after a Chinese character; later words have keys of their own.
          if (rank === 2 && IS_LATIN.test(form) && !IS_HAN.test(this.names[at - 1])) continue;
          if (kind === "H" || kind === "L") { rank = 2; kind = kind.toLowerCase(); }
          if ((kind === "p" && rank === 2) || (kind === "i" && (rank !== 0 || form.length < 3))) continue;
          const order = rank * KIND_ORDER.length + KIND_ORDER.indexOf(kind);
          const doc = this.docOf(at);
          const seen = best.get(doc);
          if (!seen || order < seen.order) best.set(doc, { order, rank: RANKS[rank], kind, start });
        }
      }
      return best;
    }

    /* The written form of the name whose kind character is at `start`, e.g. 回报模型 (see search_index.py). */
    nameAt(doc, start) {
      let ordinal = 0;
      for (let at = doc ? this.docEnds[doc - 1] + 1 : 0; at < start; at++) if (this.names.charCodeAt(at) < 0x1e && this.names.charCodeAt(at) > 0x10) ordinal++;
      return this.docs[doc][4][ordinal] || "";
    }

    docOf(position) {
      let low = 0, high = this.docEnds.length - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (this.docEnds[middle] < position) low = middle + 1; else high = middle;
      }
      return low;
    }

    postings(kind, position) {
      const key = kind + position;
      let docs = this.decoded.get(key);
      if (!docs) {
        const gaps = (kind === "w" ? this.wordPostings : this.gramPostings)[position].split(" ");
        docs = new Array(gaps.length);
        let previous = -1;
        for (let i = 0; i < gaps.length; i++) docs[i] = previous += parseInt(gaps[i], 36);
        this.decoded.set(key, docs);
      }
      return docs;
    }

    /* First position in a sorted vocabulary whose entry is >= token. */
    lowerBound(count, entryAt, token) {
      let low = 0, high = count;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (entryAt(middle) < token) low = middle + 1; else high = middle;
      }
      return low;
    }

    gramAt = i => this.grams.substr(i * 2, 2);

    /* Documents containing every bigram of a Chinese run: it occurs in them as a substring (almost always). */
    docsWithGrams(run) {
      let result = null;
      for (let i = 0; i + 1 < run.length; i++) {
        const gram = run.substr(i, 2);
        const at = this.lowerBound(this.gramCount, this.gramAt, gram);
        if (at >= this.gramCount || this.gramAt(at) !== gram) return new Set();
        const docs = this.postings("g", at);
        result = result ? new Set(docs.filter(d => result.has(d))) : new Set(docs);
        if (!result.size) break;
      }
      return result || new Set();
    }

    /* Documents with any bigram that starts with this one character (for one-character queries). */
    docsWithGramStarting(char) {
      const out = new Set();
      for (let at = this.lowerBound(this.gramCount, this.gramAt, char); at < this.gramCount && this.gramAt(at)[0] === char; at++) {
        for (const d of this.postings("g", at)) out.add(d);
      }
      return out;
    }

    docsWithWord(word) {
      const at = this.lowerBound(this.words.length, i => this.words[i], word);
      return at < this.words.length && this.words[at] === word ? this.postings("w", at) : [];
    }

    docsWithWordPrefix(prefix) {
      const out = new Set();
      for (let at = this.lowerBound(this.words.length, i => this.words[i], prefix); at < this.words.length && this.words[at].startsWith(prefix); at++) {
        for (const d of this.postings("w", at)) out.add(d);
      }
      return out;
    }
  }

  /* Whether two strings differ by exactly one edit: an insertion, a deletion, a substitution or a swap of neighbours. */
  function oneEditApart(a, b) {
    if (a === b) return false;
    if (a.length > b.length) [a, b] = [b, a];
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    if (a.length === b.length) {
      return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    }
    return b.length === a.length + 1 && a.slice(i) === b.slice(i + 1);
  }

  /* English plural and singular forms of a Latin word, so LLMs finds LLM and embedding finds embeddings. */
  function variants(word) {
    const out = [word];
    if (IS_HAN.test(word) || word.length < 3) return out;
    if (word.endsWith("es")) out.push(word.slice(0, -2));
    if (word.endsWith("s")) out.push(word.slice(0, -1));
    else out.push(word + "s", word + "es");
    return out;
  }

  /* Points each document earns for one query word (Map doc -> points); absent docs do not match. */
  function matchWord(index, word, isLast) {
    const points = new Map();
    const forms = variants(word);
    for (const [doc, match] of index.nameMatches(forms)) points.set(doc, NAME_POINTS[match.rank][match.kind]);
    if (!index.complete) return points; // the text part is still loading: names only, for now
    const credit = (docs, value) => { for (const d of docs) if (!(points.get(d) >= value)) points.set(d, value); };
    if (IS_HAN.test(word)) {
      credit(word.length === 1 ? index.docsWithGramStarting(word) : index.docsWithGrams(word), GRAM_POINTS);
      if (word.length > 2) credit(index.docsWithWord(word), WORD_POINTS);
    } else {
      for (const form of forms) credit(index.docsWithWord(form), WORD_POINTS);
      // The word being typed is a prefix: results must not vanish while the reader finishes it.
      if (isLast && word.length >= 2) credit(index.docsWithWordPrefix(word), GRAM_POINTS);
    }
    return points;
  }

  // Questions readers type around a term: 什么是RAG, 大语言模型是什么？, what is LoRA.
  const QUESTION = /^\s*(?:什么是|啥是|何为|何谓|what\s+is\s+(?:an?\s+|the\s+)?|what's\s+(?:an?\s+|the\s+)?|what\s+are\s+|define\s+)|(?:是什么意思|是什么|是啥|什么意思|的意思|的定义)?\s*[?？]*\s*$/giu;
  const withoutQuestion = query => query.replace(QUESTION, "").trim() || query;

  function search(index, rawQuery) {
    const query = index.folded(withoutQuestion(rawQuery));
    const text = normalise(query);
    const words = [...new Set(text.match(SEGMENT) || [])];
    if (!words.length) return { words, hits: [], whole: new Map() };
    const total = index.docs.length;
    let scores = null;
    words.forEach((word, i) => {
      const points = matchWord(index, word, i === words.length - 1);
      const rarity = Math.log(1 + total / Math.max(points.size, 1));
      const next = new Map();
      for (const [doc, value] of points) {
        if (scores === null || scores.has(doc)) next.set(doc, (scores ? scores.get(doc) : 0) + value * rarity);
      }
      scores = next;
    });
    // The whole query read as one name ("fine tuning" = Fine-tuning, LLMs = LLM) outranks word-by-word matches.
    const key = nameKey(query);
    const whole = index.nameMatches(variants(key));
    // A Latin name of five letters or more typed with one typo (trasnformer) still finds its term.
    if (!scores.size && key.length >= 5 && /^[a-z0-9]+$/.test(key)) {
      for (const [doc, match] of index.closeSpellings(key)) { scores.set(doc, 0); whole.set(doc, match); }
    }
    // A whole-query match counts even where the words alone do not all match: 'wei tiao' is one
    // pinyin name, though 'tiao' starts no key by itself.
    for (const [doc, match] of whole) {
      if (match.rank !== "part") scores.set(doc, (scores.get(doc) || 0) + WHOLE_QUERY_BONUS[match.rank][match.kind]);
    }
    const hits = [...scores].sort((a, b) => b[1] - a[1] || index.docs[a[0]][1].length - index.docs[b[0]][1].length || a[0] - b[0]);
    return { words, hits, whole };
  }

  /* ---- the page: Material's search box, driven by the functions above ---- */

  const root = document.querySelector("[data-gl-search]");
  if (!root) return;
  const config = JSON.parse(document.getElementById("__config").textContent);
  const toggle = document.getElementById("__search");
  const form = root.querySelector("form");
  const input = root.querySelector("[data-gl-search-query]");
  const suggest = root.querySelector("[data-gl-search-suggest]");
  const meta = root.querySelector(".md-search-result__meta");
  const list = root.querySelector(".md-search-result__list");
  const initialMeta = meta.textContent;
  let index = null;
  let loading = null;

  function loadScript(name) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = `${config.base}/search/${name}`;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`${name} is missing`));
      document.head.appendChild(script);
    });
  }

  /* Both parts start loading at once; results show from the names part and refine with the text part. */
  function loadIndex() {
    if (!loading) {
      const names = loadScript("glossary-names.js").then(() => { index = new GlossaryIndex(window.__glossarySearchNames); render(); });
      const text = loadScript("glossary-text.js");
      loading = Promise.all([names, text]).then(() => { index.addText(window.__glossarySearchText); render(); });
      loading.catch(() => { meta.textContent = "搜索索引无法加载 · The search index could not be loaded"; });
    }
    return loading;
  }

  const escapeHtml = text => text.replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  const escapeRegExp = text => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

  function highlighter(words) {
    if (!words.length) return escapeHtml;
    const pattern = new RegExp(words.sort((a, b) => b.length - a.length).map(escapeRegExp).join("|"), "giu");
    return text => {
      let out = "", last = 0;
      for (const m of text.matchAll(pattern)) {
        out += escapeHtml(text.slice(last, m.index)) + "<mark>" + escapeHtml(text.slice(m.index, m.index + m[0].length)) + "</mark>";
        last = m.index + m[0].length;
      }
      return out + escapeHtml(text.slice(last));
    };
  }

  const resultBox = root.querySelector("[data-gl-search-result]");

  function render() {
    const query = input.value;
    suggest.textContent = "";
    delete resultBox.dataset.renderedQuery;
    delete resultBox.dataset.complete;
    if (!query.trim()) { meta.textContent = initialMeta; list.replaceChildren(); return; }
    if (!index) { meta.textContent = "正在加载索引… · Loading the index…"; return; }
    const { words, hits, whole } = search(index, query);
    meta.textContent = hits.length ? `${hits.length} 个结果 · ${hits.length} result${hits.length === 1 ? "" : "s"}` : "没有找到匹配的术语 · No matching term";
    if (!hits.length && root.dataset.glNewTerm) {
      const link = document.createElement("a");
      link.href = `${root.dataset.glNewTerm}&title=${encodeURIComponent(`新术语 · New term: ${query.trim()}`)}`;
      link.className = "gl-suggest-term";
      link.textContent = "建议收录 · Suggest this term";
      meta.append(" ", link);
    }
    const mark = highlighter(words);
    const h = encodeURIComponent(query.trim());
    list.innerHTML = hits.slice(0, MAX_RESULTS).map(([doc, score]) => {
      const [url, zh, en, abbr] = index.docs[doc];
      const [summaryZh, summaryEn] = index.summaries ? index.summaries[doc] : ["", ""];
      // The reader's language view (glossary-page.js) decides which language leads and which summary shows.
      const languageView = document.documentElement.dataset.glLang || "both";
      const english = `<span lang="en">${mark(en)}</span>`;
      const names = zh === en ? english : languageView === "en" ? `${english} · ${mark(zh)}` : `${mark(zh)} · ${english}`;
      const title = `${names}${abbr ? ` <span class="gl-result-abbr" lang="en">${mark(abbr)}</span>` : ""}`;
      const summaries = [languageView !== "en" ? `<p>${mark(summaryZh)}</p>` : "", languageView !== "zh" ? `<p lang="en">${mark(summaryEn)}</p>` : ""];
      const matched = whole.get(doc);
      const via = matched && KIND_LABEL[matched.kind] ? index.nameAt(doc, matched.start) || (matched.kind === "z" ? en : "") : "";
      const viaLine = via ? `<p class="gl-result-via gl-result-via--${matched.kind}">${KIND_LABEL[matched.kind]}：${mark(via)}</p>` : "";
      return `<li class="md-search-result__item"><a href="${config.base}/${url}?h=${h}" class="md-search-result__link" tabindex="-1">` +
        `<article class="md-search-result__article md-typeset" data-md-score="${score.toFixed(1)}"><div class="md-search-result__icon md-icon"></div>` +
        `<h1>${title}</h1>${viaLine}${(languageView === "en" ? summaries.reverse() : summaries).join("")}</article></a></li>`;
    }).join("");
    // Suggest the top hit's name when the query is its beginning; Tab or → accepts it.
    if (hits.length) {
      const [, zh, en, abbr] = index.docs[hits[0][0]];
      const name = [zh, en, abbr].find(n => n && n.toLowerCase().startsWith(query.toLowerCase()) && n.length > query.length);
      if (name) suggest.textContent = query + name.slice(query.length);
    }
    // Lets tests and benchmarks wait for exactly this render, and know whether the text part was in.
    resultBox.dataset.renderedQuery = query;
    resultBox.dataset.complete = String(index.complete);
  }

  let returnFocusTo = null; // where the reader was before search took the focus: Esc goes back there

  function open() {
    returnFocusTo = document.activeElement;
    loadIndex();
    if (!toggle.checked) toggle.checked = true;
    input.focus();
  }

  function close({ restoreFocus = false } = {}) {
    toggle.checked = false;
    input.blur();
    if (restoreFocus && returnFocusTo instanceof HTMLElement && returnFocusTo !== input && document.contains(returnFocusTo)) returnFocusTo.focus();
  }

  const links = () => [...list.querySelectorAll(".md-search-result__link")];

  ["pointerenter", "touchstart", "focusin"].forEach(type => root.addEventListener(type, loadIndex, { once: true, passive: true }));
  document.querySelectorAll('label[for="__search"]').forEach(label => label.addEventListener("pointerenter", loadIndex, { once: true }));
  toggle.addEventListener("change", () => (toggle.checked ? (loadIndex(), setTimeout(() => input.focus(), 0)) : input.blur()));
  input.addEventListener("focus", () => { loadIndex(); toggle.checked = true; });
  // While an input method is composing (typing damoxing for 大模型), the box holds unfinished
  // Latin letters: searching them would flash English hits. Search once the composition ends.
  let composing = false;
  document.addEventListener("gl-language-view", () => { if (input.value) render(); });
  input.addEventListener("compositionstart", () => { composing = true; });
  input.addEventListener("compositionend", () => { composing = false; render(); });
  input.addEventListener("input", event => { if (!composing && !event.isComposing) render(); });
  form.addEventListener("submit", event => { event.preventDefault(); links()[0]?.click(); });
  form.addEventListener("reset", () => setTimeout(() => { render(); input.focus(); }, 0));

  document.addEventListener("keydown", event => {
    const typing = event.target instanceof HTMLElement && (event.target.isContentEditable || /^(input|textarea|select)$/i.test(event.target.tagName));
    if (!toggle.checked) {
      if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && ["/", "s", "f"].includes(event.key)) { event.preventDefault(); open(); }
      return;
    }
    const items = links();
    const at = items.indexOf(document.activeElement);
    if (event.key === "Escape") { event.preventDefault(); close({ restoreFocus: true }); }
    else if (event.key === "ArrowDown" && items.length) { event.preventDefault(); items[Math.min(at + 1, items.length - 1)].focus(); }
    else if (event.key === "ArrowUp" && at >= 0) { event.preventDefault(); (at === 0 ? input : items[at - 1]).focus(); }
    else if ((event.key === "Tab" || event.key === "ArrowRight") && document.activeElement === input && suggest.textContent &&
             input.selectionStart === input.value.length) { event.preventDefault(); input.value = suggest.textContent; render(); }
    else if (event.key === "Tab" && (document.activeElement === input || items.includes(document.activeElement))) close(); // focus moves on, as in stock Material
  });

  /* ---- on the page a result leads to: mark what was searched for (?h=) ---- */
  const searched = new URLSearchParams(location.search).get("h");
  const article = document.querySelector(".md-content article");
  if (searched && article) {
    const words = normalise(searched).match(SEGMENT) || [];
    const source = words.sort((a, b) => b.length - a.length).map(escapeRegExp).join("|");
    const pattern = words.length && new RegExp(source, "giu");
    const contains = words.length && new RegExp(source, "iu"); // no g flag: test() keeps no state between nodes
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
      acceptNode: node => (node.parentElement.closest("script, style, mark, .md-content__button") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const nodes = [];
    while (pattern && walker.nextNode()) if (contains.test(walker.currentNode.data)) nodes.push(walker.currentNode);
    for (const node of nodes) {
      const fragment = document.createDocumentFragment();
      let last = 0;
      for (const m of node.data.matchAll(pattern)) {
        fragment.append(node.data.slice(last, m.index));
        const marked = document.createElement("mark");
        marked.textContent = m[0];
        fragment.append(marked);
        last = m.index + m[0].length;
      }
      fragment.append(node.data.slice(last));
      node.replaceWith(fragment);
    }
    // The address loses ?h= at once, so a copied link carries no highlights to the next reader;
    // a button takes them off this page.
    const clean = new URL(location.href);
    clean.searchParams.delete("h");
    try { history.replaceState(history.state, "", clean.href); } catch { /* some file:// contexts refuse it */ }
    if (nodes.length) {
      const clear = document.createElement("button");
      clear.type = "button";
      clear.className = "md-button gl-clear-marks";
      clear.textContent = "清除高亮 · Clear highlights";
      clear.addEventListener("click", () => {
        for (const mark of article.querySelectorAll("mark")) mark.replaceWith(...mark.childNodes);
        article.normalize();
        clear.remove();
      });
      article.prepend(clear);
    }
  }

  // For tests and benchmarks: the same ranking, without the DOM.
  window.__glossarySearch = { search: query => (index ? search(index, query).hits.map(([doc]) => index.docs[doc][0]) : null), load: loadIndex };
})();
