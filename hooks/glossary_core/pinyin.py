"""Pinyin for sorting and grouping Chinese names; a term's `pinyin` field overrides the library."""

from __future__ import annotations

from enum import Enum
from functools import cache
from types import ModuleType

from .model import Term

# Polyphonic characters the library reads wrongly in AI vocabulary. These words recur inside many
# names (指令微调, 全量微调, ...), so one phrase entry fixes them all; a one-off name uses the
# term's own `pinyin` field instead.
DOMAIN_PHRASES = {
    "微调": "wēi tiáo",
    "调参": "tiáo cān",
    "调优": "tiáo yōu",
    "重排": "chóng pái",
    "重排序": "chóng pái xù",
    "重参数化": "chóng cān shù huà",
}


class Style(Enum):
    NORMAL = "NORMAL"  # toneless: wei tiao
    TONE = "TONE"  # tone marks: wēi tiáo
    TONE3 = "TONE3"  # tone numbers: wei1 tiao2


@cache
def _pypinyin() -> ModuleType:
    """pypinyin with our phrases, imported on first use: the import takes a fifth of a second,
    which the build spends in the process that writes pages, not in the one that runs MkDocs."""
    import pypinyin

    pypinyin.load_phrases_dict({word: [[syllable] for syllable in reading.split()] for word, reading in DOMAIN_PHRASES.items()})
    return pypinyin


@cache
def _read(name: str, style: Style) -> tuple[str, ...]:
    """The library's reading of a name: each is needed for sorting, grouping and showing, on
    several pages, and reading is the slow part of building the index pages, so it is done once."""
    library = _pypinyin()
    return tuple(library.lazy_pinyin(name, style=getattr(library.Style, style.value)))


def syllables(term: Term) -> list[str]:
    """Toneless lowercase syllables of the Chinese name; Latin parts stay as their letters."""
    if term.pinyin:
        return term.pinyin.split()
    return [part for piece in _read(term.zh, Style.NORMAL) for part in piece.lower().split()]


def sort_key(term: Term) -> tuple[str, str, str]:
    # Ties between equal syllables are broken by tone, then by the name itself, so order is stable.
    tones = term.pinyin or " ".join(_read(term.zh, Style.TONE3))
    return (" ".join(syllables(term)), tones.lower(), term.zh)


def initial(term: Term) -> str:
    """The A–Z group of a Chinese name; '#' for names starting with a digit or symbol."""
    first = (syllables(term) or ["#"])[0][:1].upper()
    return first if "A" <= first <= "Z" else "#"


def spoken(term: Term) -> str:
    """Pinyin to show a reader: tone marks from the library, or the override as written."""
    if term.pinyin:
        return term.pinyin
    return " ".join(p.strip() for p in _read(term.zh, Style.TONE) if p.strip())
