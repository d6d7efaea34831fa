"""Automatic cross-links: mentions of other terms' names in a term's text become links.

One Aho-Corasick automaton over every name of every term, built once per build, finds all
candidate mentions in a single pass over a text; the rules below then keep the right ones:

- the longest match wins (大语言模型 over 语言模型);
- a Chinese name must start and end on a word boundary found by jieba (with every term name in
  its dictionary), so 链 is not found inside 区块链; one-character Chinese names never link;
- an English name needs word boundaries; abbreviations and names with inner capitals or of
  products and companies match case-sensitively (RAG, not the word "rag");
- only the first mention of a term in each section, never the page's own term, never inside
  code, headings, URLs, existing links or an opted-out [[!passage]];
- a name shared by several terms links to a choice between them, not to one of them.

Mentions are written back as inline links ([[id|text]], or [[a+b|text]] for a choice), so the
rest of rendering treats them exactly like links a contributor wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from .chinese import HAS_HAN, ChineseSegmenter
from .model import Glossary, Term, fold_name
from .render import CHOICE

_WORD_CHAR = re.compile(r"[A-Za-z0-9]")
# Proper names: matched only as written, because their lower-case forms are ordinary words (meta, chain).
_PROPER_NOUN_CATEGORIES = {"companies-products", "tools", "models"}
# Passages never scanned for mentions: code, links of any kind, URLs, headings, opted-out text.
_PROTECTED = re.compile(
    r"```.*?```|~~~.*?~~~|`[^`\n]+`"  # code
    r"|\[\[[^\]\n]*\]\]"  # inline term links and [[!opt-out]] passages
    r"|!?\[[^\]\n]*\]\([^)\n]*\)"  # Markdown links and images
    r"|https?://\S+"  # bare URLs
    r"|^#.*$",  # headings
    re.S | re.M,
)


@dataclass(frozen=True)
class _Name:
    text: str
    ids: tuple[str, ...]
    case_sensitive: bool


class Linker:
    """Finds mentions of term names in text; built once per build from the whole glossary."""

    def __init__(self, glossary: Glossary, segmenter: ChineseSegmenter) -> None:
        self._segmenter = segmenter
        written: dict[str, list[_Name]] = {}
        for term in glossary.terms.values():
            for name in dict.fromkeys(term.proper_names):
                if _too_short(name):
                    continue
                # A name several terms use links to all of them (a choice); load found those already.
                holders = glossary.shared_names.get(fold_name(name), (term.id,))
                written.setdefault(_lower(name), []).append(_Name(name, holders, _is_case_sensitive(name, term)))
        self._automaton = ahocorasick.Automaton()
        for key, names in written.items():
            self._automaton.add_word(key, tuple(names))
        if written:
            self._automaton.make_automaton()
        self._empty = not written

    def annotate(self, text: str, page_id: str, already_linked: set[str]) -> tuple[str, list[tuple[str, ...]]]:
        """The text with mentions turned into inline links, and the id groups linked, in order.

        `already_linked` holds ids linked earlier in the same section; it is updated.
        """
        if self._empty:
            return text, []
        out, found, last = [], [], 0
        for start, end in _free_spans(text):
            piece = text[start:end]
            after_link = text[:start].rstrip().endswith(("]]", ")"))  # the piece follows a link
            for m_start, m_end, ids in self._mentions(piece, page_id, already_linked, after_link):
                out.append(text[last : start + m_start])
                out.append(f"[[{CHOICE.join(ids)}|{piece[m_start:m_end]}]]")
                last = start + m_end
                found.append(ids)
        out.append(text[last:])
        return "".join(out), found

    def _mentions(
        self, piece: str, page_id: str, already_linked: set[str], after_link: bool = False
    ) -> list[tuple[int, int, tuple[str, ...]]]:
        candidates = []
        boundaries: set[int] | None = None
        for end_index, names in self._automaton.iter(_lower(piece)):
            for name in names:
                start, end = end_index - len(name.text) + 1, end_index + 1
                if name.case_sensitive and piece[start:end] != name.text:
                    continue
                if _inside_a_word(piece, start) or _inside_a_word(piece, end):
                    continue
                han_edges = [i for i in (start, end) if _between_han(piece, i)]
                if han_edges:
                    if boundaries is None:  # jieba runs only where a Chinese edge needs it
                        boundaries = self._segmenter.boundaries(piece)
                    if any(i not in boundaries for i in han_edges):
                        continue
                candidates.append((start, end, name.ids))
        # Longest first, then leftmost: a longer name always beats a shorter one it overlaps.
        candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
        chosen: list[tuple[int, int, tuple[str, ...]]] = []
        occupied: set[int] = set()
        for start, end, ids in candidates:
            if any(i in occupied for i in range(start, end)):
                continue
            # The name is used up even when it is not linked: the page's own name, or a term
            # already linked in this section, must not leave a shorter name inside it to link.
            occupied.update(range(start, end))
            chosen.append((start, end, ids))
        # Two links that touch read as one ("序列到序列生成模型", "GPT-3 175B"): a mention right
        # after a link, with nothing but space between, stays plain text.
        taken: list[tuple[int, int, tuple[str, ...]]] = []
        previous_end = 0 if after_link else None
        for start, end, ids in sorted(chosen):
            if page_id in ids or set(ids) <= already_linked:
                continue
            if previous_end is not None and not piece[previous_end:start].strip():
                continue
            already_linked.update(ids)
            taken.append((start, end, ids))
            previous_end = end
        return taken


class _LowerTable(dict):
    """str.translate table: each character's own lower case, or itself where that is longer.

    Filled lazily, one entry per distinct character met, so one C-level translate() replaces a
    Python loop over every character of every text (the hottest line of linking before).
    """

    def __missing__(self, code: int) -> str:
        char = chr(code)
        lower = char.lower()
        self[code] = lower if len(lower) == 1 else char
        return self[code]


_LOWER = _LowerTable()


def _lower(text: str) -> str:
    """Lower case that keeps every character's position (a few characters lengthen under lower())."""
    return text.translate(_LOWER)


def _too_short(name: str) -> bool:
    # One character is too ambiguous to link in either language (链 in 区块链, "C" in prose).
    return len(name.strip()) < 2


def _is_case_sensitive(name: str, term: Term) -> bool:
    if HAS_HAN.search(name):
        return False
    return name == term.abbr or any(c.isupper() for c in name[1:]) or term.category in _PROPER_NOUN_CATEGORIES


def _inside_a_word(text: str, i: int) -> bool:
    """True when offset i falls between two Latin letters or digits: not a word boundary."""
    return 0 < i < len(text) and bool(_WORD_CHAR.match(text[i - 1]) and _WORD_CHAR.match(text[i]))


def _between_han(text: str, i: int) -> bool:
    """True when offset i falls between two Chinese characters, where only jieba knows the words."""
    return 0 < i < len(text) and bool(HAS_HAN.match(text[i - 1]) and HAS_HAN.match(text[i]))


def _free_spans(text: str) -> list[tuple[int, int]]:
    spans, last = [], 0
    for match in _PROTECTED.finditer(text):
        spans.append((last, match.start()))
        last = match.end()
    spans.append((last, len(text)))
    return [(a, b) for a, b in spans if b > a]
