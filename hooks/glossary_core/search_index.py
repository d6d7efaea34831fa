"""The search index: built once per build, shipped as one classic script so file:// works.

Three parts, each answering a different kind of query:
- names: every headword, abbreviation and alias as a normalised key, matched in the browser by
  exact, prefix and substring comparison (so 增强生成, 低秩, LLMs and fine tuning all land);
- words: jieba search-mode words of three or more characters in Chinese text (with a user
  dictionary of every term name, so our terms are never cut apart) and English words, for
  whole-word matches in definitions;
- grams: every Chinese character bigram, so any part of a Chinese word is findable however
  jieba happened to cut the sentence (two-character words are bigrams already).
The index ships in two scripts: names first (small, enough to find and title results), then the
rest, including each name as written (a result shows it when a name other than its headword matched).
Each vocabulary is one sorted string (bigrams concatenated, words newline-separated) with an
aligned, comma-separated string of posting lists: delta-encoded base-36 document numbers, decoded only for the tokens a
query uses. Object keys in JSON would cost more than the postings themselves.
"""

from __future__ import annotations

import json
import operator
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from functools import cache

from . import chinese
from .chinese import HAN, HAN_RUN, HAS_HAN, ChineseSegmenter, segmenter_for
from .memo import MEMO
from .model import Glossary, Term
from .render import plain_text, term_uri

# The same character classes are used by the browser (glossary-search.js); keep them in step.
_LATIN_RUN = re.compile(r"[a-z0-9\u00c0-\u024f]+")
_NOT_KEY = re.compile(f"[^{HAN}a-z0-9\u00c0-\u024f]+")
_WORD_BREAK = re.compile(r"[\s\-_/·.,:;()（）]+")  # where one word of a name ends and the next begins


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def name_key(name: str) -> str:
    """'Fine-tuning' -> 'finetuning', 'GPT-3.5' -> 'gpt35', 'AI 智能体' -> 'ai智能体'."""
    return _NOT_KEY.sub("", normalise(name))


# All names of all terms travel as one string, so the browser can match a query against every
# name with a few native indexOf calls. Each name starts with a control character that says its
# kind, and each term's names end with DOC_SEPARATOR; keys never contain control characters.
NAME_KINDS = {
    "headword": "\x11",
    "abbr": "\x12",
    "accepted": "\x13",
    "discouraged": "\x14",
    "former": "\x15",
    "keyword": "\x16",
    "headword word": "\x17",  # a later word of a headword or abbreviation onwards: 'generation'
    "other word": "\x18",  # the same for other names
    "pinyin": "\x19",  # syllables of the Chinese headword: 'jiansuozengqiang'
    "initials": "\x1a",  # their first letters: 'jszqsc'
}
DOC_SEPARATOR = "\x1e"


def han_bigrams(text: str) -> set[str]:
    return {run[i : i + 2] for run in HAN_RUN.findall(text) for i in range(len(run) - 1)}


def latin_words(text: str) -> set[str]:
    return set(_LATIN_RUN.findall(text))


def build_search_index(glossary: Glossary, page_url: Callable[[str], str], segmenter: ChineseSegmenter | None = None) -> dict:
    """Plain data for the browser, in two parts loaded one after the other.

    "names" is small and answers name queries on its own, so the first results show quickly even
    for 10,000 terms; "text" (summaries, the names as written and the two inverted indexes) follows
    and refines them. The first results wait for the whole names part, so it holds nothing else.
    `page_url` turns a page path such as terms/rag.md into the URL the site serves it at. Each
    term's share is kept between builds of one process (memo.py): it depends on the term and on
    other terms' names only (its links read as names).
    """
    terms = list(glossary.terms.values())
    segmenter = segmenter or segmenter_for(glossary)
    words: dict[str, list[int]] = defaultdict(list)
    grams: dict[str, list[int]] = defaultdict(list)
    docs, names, written_names, summaries = [], [], [], []
    for number, term in enumerate(terms):

        def entry(term: Term = term) -> tuple[str, list[str], list[str], set[str], set[str]]:
            keys, shown = _names(term)
            texts = _texts(term, glossary)
            text = normalise(" ".join(texts))
            return keys, shown, [texts[0], texts[2]], set(segmenter.words(text)) | latin_words(text), han_bigrams(text)

        keys, shown, summary, term_words, term_grams = MEMO.get(("search entry", glossary.names_digest, term), entry)
        docs.append([page_url(term_uri(term.id)), term.zh, term.en, term.abbr or ""])
        names.append(keys)
        written_names.append(shown)
        summaries.append(summary)
        for word in term_words:
            words[word].append(number)
        for gram in term_grams:
            grams[gram].append(number)
    word_list, gram_list = sorted(words), sorted(grams)
    return {
        "names": {"docs": docs, "names": "".join(n + DOC_SEPARATOR for n in names), "fold": _folding(docs, grams)},
        "text": {
            "summaries": summaries,
            "writtenNames": written_names,
            "words": "\n".join(word_list),
            "wordPostings": ",".join(_gaps(words[w]) for w in word_list),
            "grams": "".join(gram_list),
            "gramPostings": ",".join(_gaps(grams[g]) for g in gram_list),
        },
    }


def _texts(term: Term, glossary: Glossary) -> list[str]:
    """Summary and body, zh then en, as a reader sees them: [summary zh, body zh, summary en, body en]."""
    return [
        plain_text(t, glossary, lang)
        for t, lang in ((term.summary.zh, "zh"), (term.body.zh, "zh"), (term.summary.en, "en"), (term.body.en, "en"))
    ]


def _names(term: Term) -> tuple[str, list[str]]:
    """One entry per distinct name: its kind character, then its key ('\x11检索增强生成\x12rag'),
    and the names as written, in the same order, so a result can say which name matched.
    Headwords and the abbreviation are shown in the result anyway: their written form is ''.

    Keys have no spaces (so 'fine tuning' finds Fine-tuning), which hides where words start; so a
    Latin name of several words also gets a key for each later word onwards ('augmentedgeneration',
    'generation'), and the browser matches Latin text only at the start of a key: 'rag' is never
    found inside 'average'. The all-Chinese headword also gets its pinyin and pinyin initials."""
    entries = [("headword", term.zh), ("headword", term.en)]
    entries += [("abbr", term.abbr)] if term.abbr else []
    entries += [(a.status, a.name) for a in term.aliases]
    entries += [("keyword", k) for k in term.search_keywords]
    seen, keys, shown = set(), [], []

    def add(kind: str, key: str, written: str) -> None:
        if key and key not in seen:
            seen.add(key)
            keys.append(NAME_KINDS[kind] + key)
            shown.append(written)

    for kind, name in entries:
        add(kind, name_key(name), name if kind not in ("headword", "abbr") else "")
    for kind, name in entries:
        words = [name_key(w) for w in _WORD_BREAK.split(normalise(name))]
        words = [w for w in words if w]
        later = "headword word" if kind in ("headword", "abbr") else "other word"
        for start in range(1, len(words)):
            if _LATIN_RUN.match(words[start]):
                add(later, "".join(words[start:]), name if later == "other word" else "")
    if HAS_HAN.search(term.zh):
        add("pinyin", "".join(chinese.syllables(term)), chinese.spoken(term))
        add("initials", chinese.pinyin_initials(term), chinese.spoken(term))
    return "".join(keys), shown


def _folding(docs: list[list], grams: dict[str, list[int]]) -> list[str]:
    """Traditional characters a reader may type, as two aligned strings (traditional, simplified),
    for every Chinese character in the names and texts: 微調 is searched as 微调."""
    in_names = {char for doc in docs for name in doc[1:3] for run in HAN_RUN.findall(name) for char in run}
    characters = {char for gram in grams for char in gram} | in_names
    folding = chinese.traditional_folding(characters)
    return ["".join(folding), "".join(folding.values())]


def _gaps(numbers: list[int]) -> str:
    """Ascending document numbers as space-separated base-36 gaps: [3, 4, 40] -> '4 1 10' (the first gap counts from -1)."""
    # map() keeps the loop over every posting (ten million at 10,000 terms) out of Python code.
    return " ".join(map(_base36, map(operator.sub, numbers, [-1, *numbers[:-1]])))


@cache  # gaps repeat endlessly (most are small): each distinct one is converted once
def _base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if n == 0:
            return out


# In JSON text: an escaped control character such as \u0011, or any other escape (so that the
# backslash of an escaped backslash is never read as the start of one).
_JSON_ESCAPE = re.compile(r"\\u001([0-9a-f])|\\.")


def index_scripts(index: dict) -> tuple[str, str]:
    """The two parts as classic scripts (not JSON fetched at run time): browsers load them from file:// too.

    JSON writes each control character that marks a name (NAME_KINDS, DOC_SEPARATOR) as six
    characters, \\u0011; a JavaScript string may hold it as it is, which makes the names part about
    a sixth smaller and quicker to parse. The payloads are JSON otherwise."""

    def raw_control(match: re.Match) -> str:
        return chr(0x10 + int(match.group(1), 16)) if match.group(1) else match.group(0)

    def script(variable: str, part: dict) -> str:
        payload = _JSON_ESCAPE.sub(raw_control, json.dumps(part, ensure_ascii=False, separators=(",", ":")))
        return f"window.{variable}={payload};\n"

    return script("__glossarySearchNames", index["names"]), script("__glossarySearchText", index["text"])
