/*
 * Glossary search: Material's search box, our index and our ranking.
 *
 * The index (search/glossary-names.js, then search/glossary-text.js, built by the hook) is two
 * classic scripts, loaded the first time a reader shows intent to search, so it works from file://
 * with no fetch, worker or CDN.
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
  const isHanCode = code => (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff); // HAN, for char codes
  const NOT_KEY = new RegExp(`[^${HAN}${LATIN}]+`, "g");
  const normalise = text => text.normalize("NFKC").toLowerCase();
  const nameKey = text => normalise(text).replace(NOT_KEY, "");

  // Points per kind of match; a query word's points are weighted by how rare it is (idf). Every
  // point value a match can earn is above 0, which is how scoring arrays mark "no match" (the 0s
  // below are the combinations nameMatches never returns).
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
  const RESULT_BATCH = 10; // results rendered at once: about a screenful; the next batch when the reader scrolls to it

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
      this.writtenNames = null;
      this.decoded = new Map();
      const [traditional, simplified] = namesPart.fold || ["", ""];
      this.fold = new Map([...traditional].map((char, i) => [char, simplified[i]]));
      this.latinKeys = null;
      this.matchStarts = null;
      this.nameMatchCache = new Map();
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
      this.indexMatchStarts(); // here, off the path to the first result: every search after it needs them
      this.summaries = textPart.summaries;
      this.writtenNames = textPart.writtenNames;
      this.words = textPart.words ? textPart.words.split("\n") : [];
      this.wordPostings = textPart.wordPostings.split(",");
      this.grams = textPart.grams; // sorted two-character bigrams, concatenated
      this.gramCount = textPart.grams.length / 2;
      this.gramPostings = textPart.gramPostings.split(",");
    }

    get complete() { return this.summaries !== null; }

    /* Every place in `names` where a query can start to match, grouped by its character: where a
     * key starts; inside a key, every Chinese character and every character after one (Latin text
     * matches only where a word starts: 'rag' is not in 'average'). One pass over the names, so a
     * query then visits only its own candidates, not every occurrence of its first letter.
     * this.matchStarts.positions holds them in ascending order per character; .first[c] is where
     * character code c's run begins (counting sort). */
    indexMatchStarts() {
      const names = this.names;
      const first = new Int32Array(0x10001);
      const startsHere = (code, previous) => code > 0x1f && (previous <= 0x1f || isHanCode(code) || isHanCode(previous));
      for (let at = 0, previous = 0; at < names.length; at++) {
        const code = names.charCodeAt(at);
        if (startsHere(code, previous)) first[code + 1]++;
        previous = code;
      }
      for (let code = 1; code <= 0x10000; code++) first[code] += first[code - 1];
      const positions = new Int32Array(first[0x10000]);
      const next = first.slice(0, 0x10000);
      for (let at = 0, previous = 0; at < names.length; at++) {
        const code = names.charCodeAt(at);
        if (startsHere(code, previous)) positions[next[code]++] = at;
        previous = code;
      }
      this.matchStarts = { first, positions };
    }

    /* Ascending positions where `form` occurs and may match (see indexMatchStarts). */
    occurrences(form) {
      const found = [];
      if (this.matchStarts) {
        const { first, positions } = this.matchStarts;
        const code = form.charCodeAt(0);
        for (let i = first[code]; i < first[code + 1]; i++) if (this.names.startsWith(form, positions[i])) found.push(positions[i]);
      } else {
        // Before the text part arrives (the first results): a plain scan; nameMatches skips Latin text inside words.
        for (let at = this.names.indexOf(form); at !== -1; at = this.names.indexOf(form, at + 1)) found.push(at);
      }
      return found;
    }

    /* For every term with a name containing one of the forms: its best match (rank, kind, and which of its names).
     * Callers share the answer (queries repeat while a reader types and deletes): never change it. */
    nameMatches(forms) {
      const cacheKey = forms.join(" ");
      let best = this.nameMatchCache.get(cacheKey);
      if (best) return best;
      best = new Map();
      for (const form of forms) {
        const latin = IS_LATIN.test(form);
        for (const at of this.occurrences(form)) {
          // Latin text matches where a word starts, never inside one ('rag' is not in 'average'):
          // inside a key that is only after a Chinese character; later words have keys of their own.
          const before = this.names.charCodeAt(at - 1);
          if (latin && before > 0x1f && !isHanCode(before)) continue;
          let start = at - 1;
          while (this.names.charCodeAt(start) > 0x1f) start--; // back to this name's kind character
          const next = this.names.charCodeAt(at + form.length);
          let rank = at === start + 1 ? (next <= 0x1f ? 0 : 1) : 2;
          let kind = KIND_OF[this.names[start]];
          if (kind === "H" || kind === "L") { rank = 2; kind = kind.toLowerCase(); }
          if ((kind === "p" && rank === 2) || (kind === "i" && (rank !== 0 || form.length < 3))) continue;
          const order = rank * KIND_ORDER.length + KIND_ORDER.indexOf(kind);
          const doc = this.docOf(at);
          const seen = best.get(doc);
          if (!seen || order < seen.order) best.set(doc, { order, rank: RANKS[rank], kind, start });
        }
      }
      if (this.nameMatchCache.size > 200) this.nameMatchCache.clear();
      this.nameMatchCache.set(cacheKey, best);
      return best;
    }

    /* The written form of the name whose kind character is at `start`, e.g. 回报模型 (see search_index.py);
     * "" until the text part, which carries them, is in. */
    nameAt(doc, start) {
      if (!this.writtenNames) return "";
      let ordinal = 0;
      for (let at = doc ? this.docEnds[doc - 1] + 1 : 0; at < start; at++) if (this.names.charCodeAt(at) < 0x1e && this.names.charCodeAt(at) > 0x10) ordinal++;
      return this.writtenNames[doc][ordinal] || "";
    }

    docOf(position) {
      let low = 0, high = this.docEnds.length - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (this.docEnds[middle] < position) low = middle + 1; else high = middle;
      }
      return low;
    }

    /* One token's documents, ascending, decoded on first use from base-36 gaps ('4 1 10' -> 3, 4, 40; see search_index.py). */
    postings(kind, position) {
      const key = kind + position;
      let docs = this.decoded.get(key);
      if (!docs) {
        const gaps = (kind === "w" ? this.wordPostings : this.gramPostings)[position];
        docs = [];
        let previous = -1, gap = 0;
        for (let i = 0; i <= gaps.length; i++) {
          const code = i < gaps.length ? gaps.charCodeAt(i) : 32; // a space, or the end, closes a gap
          if (code === 32) { docs.push(previous += gap); gap = 0; }
          else gap = gap * 36 + (code <= 57 ? code - 48 : code - 87); // 0-9, a-z (faster than split and parseInt)
        }
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

    /* Documents containing every bigram of a Chinese run, ascending: it occurs in them as a substring (almost always). */
    docsWithGrams(run) {
      let result = null;
      for (let i = 0; i + 1 < run.length && (!result || result.length); i++) {
        const gram = run.substr(i, 2);
        const at = this.lowerBound(this.gramCount, this.gramAt, gram);
        if (at >= this.gramCount || this.gramAt(at) !== gram) return [];
        const docs = this.postings("g", at);
        result = result ? intersection(result, docs) : docs;
      }
      return result || [];
    }

    /* The documents of every bigram that starts with this one character (for one-character queries): one list per bigram. */
    docsWithGramsStarting(char) {
      const lists = [];
      for (let at = this.lowerBound(this.gramCount, this.gramAt, char); at < this.gramCount && this.gramAt(at)[0] === char; at++) lists.push(this.postings("g", at));
      return lists;
    }

    docsWithWord(word) {
      const at = this.lowerBound(this.words.length, i => this.words[i], word);
      return at < this.words.length && this.words[at] === word ? this.postings("w", at) : [];
    }

    /* The documents of every word that starts with the prefix: one list per word. */
    docsWithWordsStarting(prefix) {
      const lists = [];
      for (let at = this.lowerBound(this.words.length, i => this.words[i], prefix); at < this.words.length && this.words[at].startsWith(prefix); at++) lists.push(this.postings("w", at));
      return lists;
    }
  }

  /* The numbers in both ascending lists. */
  function intersection(a, b) {
    const out = [];
    for (let i = 0, j = 0; i < a.length && j < b.length;) {
      if (a[i] < b[j]) i++;
      else if (a[i] > b[j]) j++;
      else { out.push(a[i]); i++; j++; }
    }
    return out;
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

  /* Points each document earns for one query word, by document number; 0 where it does not match. */
  function matchWord(index, word, isLast) {
    const points = new Float64Array(index.docs.length);
    const forms = variants(word);
    for (const [doc, match] of index.nameMatches(forms)) points[doc] = NAME_POINTS[match.rank][match.kind];
    if (!index.complete) return points; // the text part is still loading: names only, for now
    const credit = (docs, value) => { for (const doc of docs) if (points[doc] < value) points[doc] = value; };
    if (IS_HAN.test(word)) {
      if (word.length === 1) index.docsWithGramsStarting(word).forEach(docs => credit(docs, GRAM_POINTS));
      else credit(index.docsWithGrams(word), GRAM_POINTS);
      if (word.length > 2) credit(index.docsWithWord(word), WORD_POINTS);
    } else {
      for (const form of forms) credit(index.docsWithWord(form), WORD_POINTS);
      // The word being typed is a prefix: results must not vanish while the reader finishes it.
      if (isLast && word.length >= 2) index.docsWithWordsStarting(word).forEach(docs => credit(docs, GRAM_POINTS));
    }
    return points;
  }

  // Questions readers type around a term: 什么是RAG, 大语言模型是什么？, what is LoRA.
  const QUESTION = /^\s*(?:什么是|啥是|何为|何谓|what\s+is\s+(?:an?\s+|the\s+)?|what's\s+(?:an?\s+|the\s+)?|what\s+are\s+|define\s+)|(?:是什么意思|是什么|是啥|什么意思|的意思|的定义)?\s*[?？]*\s*$/giu;
  const withoutQuestion = query => query.replace(QUESTION, "").trim() || query;

  /* The documents a query finds (hits, unordered: see ranked), their scores by document number,
   * and which of their names the whole query matched. */
  function search(index, rawQuery) {
    const query = index.folded(withoutQuestion(rawQuery));
    const words = [...new Set(normalise(query).match(SEGMENT) || [])];
    const total = index.docs.length;
    const scores = new Float64Array(total);
    if (!words.length) return { words, hits: [], scores, whole: new Map() };
    const perWord = words.map((word, i) => {
      const points = matchWord(index, word, i === words.length - 1);
      let matching = 0;
      for (const value of points) if (value) matching++;
      return { points, rarity: Math.log(1 + total / Math.max(matching, 1)) };
    });
    const hits = [];
    const isHit = new Uint8Array(total);
    nextDoc: for (let doc = 0; doc < total; doc++) {
      let score = 0;
      for (const { points, rarity } of perWord) {
        if (!points[doc]) continue nextDoc; // every query word must match
        score += points[doc] * rarity;
      }
      scores[doc] = score;
      isHit[doc] = 1;
      hits.push(doc);
    }
    // The whole query read as one name ("fine tuning" = Fine-tuning, LLMs = LLM) outranks word-by-word matches.
    const key = nameKey(query);
    let whole = index.nameMatches(variants(key));
    // A Latin name of five letters or more typed with one typo (trasnformer) still finds its term.
    if (!hits.length && key.length >= 5 && /^[a-z0-9]+$/.test(key)) {
      whole = new Map(whole); // nameMatches' answer is shared
      for (const [doc, match] of index.closeSpellings(key)) { whole.set(doc, match); isHit[doc] = 1; hits.push(doc); }
    }
    // A whole-query match counts even where the words alone do not all match: 'wei tiao' is one
    // pinyin name, though 'tiao' starts no key by itself.
    for (const [doc, match] of whole) {
      if (match.rank === "part") continue;
      if (!isHit[doc]) { isHit[doc] = 1; hits.push(doc); }
      scores[doc] += WHOLE_QUERY_BONUS[match.rank][match.kind];
    }
    return { words, hits, scores, whole };
  }

  /* The first `limit` hits in ranking order: score, then the shorter Chinese name, then document
   * order. Only what is shown gets sorted: sorting all of 10,000 hits costs more than finding them. */
  function ranked(index, { hits, scores }, limit = hits.length) {
    const before = (a, b) => scores[b] - scores[a] || index.docs[a][1].length - index.docs[b][1].length || a - b;
    if (limit >= hits.length) return [...hits].sort(before);
    const top = [];
    for (const doc of hits) {
      if (top.length === limit && before(doc, top[limit - 1]) > 0) continue;
      let low = 0, high = top.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (before(top[middle], doc) < 0) low = middle + 1; else high = middle;
      }
      top.splice(low, 0, doc);
      if (top.length > limit) top.pop();
    }
    return top;
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

  /* The names part loads alone, so that results show as soon as it is in; then the text part,
   * many times larger, which refines them. Loading both at once let the text part slow the first results. */
  function loadIndex() {
    if (!loading) {
      loading = loadScript("glossary-names.js")
        .then(() => { index = new GlossaryIndex(window.__glossarySearchNames); render(); })
        .then(() => loadScript("glossary-text.js"))
        .then(() => { index.addText(window.__glossarySearchText); render(); });
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
  // The list gets RESULT_BATCH results at a time: laying out fifty results with their summaries
  // took longer than the search itself, and only the first few are on screen.
  let shown = { docs: [], count: 0, html: null }; // the ranked results to show, how many are in the list, and how to write one
  const moreResults = new IntersectionObserver(entries => { if (entries.some(entry => entry.isIntersecting)) renderMore(); },
    { root: root.querySelector(".md-search__scrollwrap") });

  function renderMore() {
    const batch = shown.docs.slice(shown.count, shown.count + RESULT_BATCH);
    if (!batch.length) return;
    shown.count += batch.length;
    list.insertAdjacentHTML("beforeend", batch.map(shown.html).join(""));
    moreResults.disconnect();
    if (shown.count < shown.docs.length) moreResults.observe(list.lastElementChild); // in view: the next batch
  }

  function render() {
    const query = input.value;
    suggest.textContent = "";
    delete resultBox.dataset.renderedQuery;
    delete resultBox.dataset.complete;
    shown = { docs: [], count: 0, html: null };
    moreResults.disconnect();
    list.replaceChildren();
    if (!query.trim()) { meta.textContent = initialMeta; return; }
    if (!index) { meta.textContent = "正在加载索引… · Loading the index…"; return; }
    const found = search(index, query);
    const count = found.hits.length;
    meta.textContent = count ? `${count} 个结果 · ${count} result${count === 1 ? "" : "s"}` : "没有找到匹配的术语 · No matching term";
    if (!count && root.dataset.glNewTerm) {
      const link = document.createElement("a");
      link.href = `${root.dataset.glNewTerm}&title=${encodeURIComponent(`新术语 · New term: ${query.trim()}`)}`;
      link.className = "gl-suggest-term";
      link.textContent = "建议收录 · Suggest this term";
      meta.append(" ", link);
    }
    const mark = highlighter(found.words);
    const h = encodeURIComponent(query.trim());
    // The reader's language view (glossary-page.js) decides which language leads and which summary shows.
    const languageView = document.documentElement.dataset.glLang || "both";
    const html = doc => {
      const [url, zh, en, abbr] = index.docs[doc];
      const [summaryZh, summaryEn] = index.summaries ? index.summaries[doc] : ["", ""];
      const english = `<span lang="en">${mark(en)}</span>`;
      const names = zh === en ? english : languageView === "en" ? `${english} · ${mark(zh)}` : `${mark(zh)} · ${english}`;
      const title = `${names}${abbr ? ` <span class="gl-result-abbr" lang="en">${mark(abbr)}</span>` : ""}`;
      const summaries = [languageView !== "en" ? `<p>${mark(summaryZh)}</p>` : "", languageView !== "zh" ? `<p lang="en">${mark(summaryEn)}</p>` : ""];
      const matched = found.whole.get(doc);
      const via = matched && KIND_LABEL[matched.kind] ? index.nameAt(doc, matched.start) || (matched.kind === "z" ? en : "") : "";
      const viaLine = via ? `<p class="gl-result-via gl-result-via--${matched.kind}">${KIND_LABEL[matched.kind]}：${mark(via)}</p>` : "";
      return `<li class="md-search-result__item"><a href="${config.base}/${url}?h=${h}" class="md-search-result__link" tabindex="-1">` +
        `<article class="md-search-result__article md-typeset" data-md-score="${found.scores[doc].toFixed(1)}"><div class="md-search-result__icon md-icon"></div>` +
        `<h1>${title}</h1>${viaLine}${(languageView === "en" ? summaries.reverse() : summaries).join("")}</article></a></li>`;
    };
    shown = { docs: ranked(index, found, MAX_RESULTS), count: 0, html };
    renderMore();
    // Suggest the top hit's name when the query is its beginning; Tab or → accepts it.
    if (count) {
      const [, zh, en, abbr] = index.docs[shown.docs[0]];
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
    let items = links();
    const at = items.indexOf(document.activeElement);
    if (event.key === "Escape") { event.preventDefault(); close({ restoreFocus: true }); }
    else if (event.key === "ArrowDown" && items.length) {
      event.preventDefault();
      if (at === items.length - 1) { renderMore(); items = links(); } // the next batch, if more results wait
      items[Math.min(at + 1, items.length - 1)].focus();
    }
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
  window.__glossarySearch = { search: query => (index ? ranked(index, search(index, query)).map(doc => index.docs[doc][0]) : null), load: loadIndex };
})();
