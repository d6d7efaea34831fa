"""Chinese text tools in one place: the Han character class, word segmentation (jieba), pinyin
(pypinyin) and folding Traditional characters to Simplified ones (OpenCC).

The rest of the core uses Chinese text only through this module. Each library is imported on
first use, in the process that needs it, because each takes a noticeable share of a second.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import Enum
from functools import cache
from types import ModuleType

from .memo import MEMO
from .model import Glossary, Term

# The same character classes are used by the browser (glossary-search.js); keep them in step.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RUN = re.compile(f"[{HAN}]+")
HAS_HAN = re.compile(f"[{HAN}]")


class SegmenterError(RuntimeError):
    """jieba is missing or does not segment as configured: the build must stop, not ship a weak search."""


# jieba's general dictionary (half a million entries) takes most of a second to load. Material's
# search plugin loads it into jieba's shared tokenizer (jieba.dt) for the site's own pages anyway,
# so we load it there and take a copy rather than loading a second one. This records the shared
# dictionary as we left it (object, size, total), so a copy is only taken while nobody changed it.
_untouched: tuple[int, int, int] | None = None


def _general_dictionary(jieba: ModuleType) -> tuple[dict[str, int], int]:
    """A private copy of jieba's default dictionary and its frequency total."""
    global _untouched
    shared = jieba.dt
    if _untouched is None and not shared.initialized and shared.dictionary == jieba.DEFAULT_DICT:
        shared.initialize()
        _untouched = (id(shared.FREQ), len(shared.FREQ), shared.total)
    if _untouched == (id(shared.FREQ), len(shared.FREQ), shared.total):
        return dict(shared.FREQ), shared.total
    own = jieba.Tokenizer()  # the shared one was loaded or changed by someone else: load our own
    own.initialize()
    return own.FREQ, own.total


class ChineseSegmenter:
    """jieba with a dictionary of our own term names, loaded once per build."""

    def __init__(self, names: Iterable[str]) -> None:
        try:
            import jieba
        except ImportError as error:  # a silent fallback would ship a search that cannot find Chinese words
            raise SegmenterError("jieba is not installed: run `make build` (it installs it) or `pip install jieba`") from error
        jieba.setLogLevel(60)  # its "Building prefix dict" chatter is noise in build output
        self._tokenizer = jieba.Tokenizer()
        self._tokenizer.FREQ, self._tokenizer.total = _general_dictionary(jieba)
        self._tokenizer.initialized = True
        self._words = sorted({n for n in names if HAS_HAN.search(n) and " " not in n and len(n) > 1})
        # jieba keeps a word whole only if its pattern covers every character (not '·' or '$'),
        # so the self-test probes with a name it can keep whole.
        self._probe = next((w for w in self._words if jieba.re_han_default.fullmatch(w)), None)
        for word in self._words:
            self._tokenizer.add_word(word, freq=10**6)
        self._self_test()

    def _self_test(self) -> None:
        # A user word must come out whole even where the general dictionary cuts across it.
        probe = self._probe
        if probe is None:
            return
        tokens = list(self._tokenizer.cut(f"所有{probe}的", HMM=False))
        if probe not in tokens:
            raise SegmenterError(f"jieba cut the term name {probe!r} apart ({'|'.join(tokens)}): its user dictionary is not in effect")

    def boundaries(self, text: str) -> set[int]:
        """Offsets where jieba ends one word and starts the next (0 and len(text) included)."""
        out = {0, len(text)}
        for _, start, end in self._tokenizer.tokenize(text, HMM=False):
            out.update((start, end))
        return out

    def words(self, text: str) -> list[str]:
        """Search-mode words of three or more characters: whole words plus their shorter parts."""
        out = []
        for run in HAN_RUN.findall(text):
            out.extend(w for w in self._tokenizer.cut_for_search(run, HMM=False) if len(w) > 2)
        return out


def segmenter_for(glossary: Glossary) -> ChineseSegmenter:
    """jieba with every term name in its dictionary (raises SegmenterError when it cannot be);
    the same names give the same segmenter, kept between builds of one process (memo.py)."""
    names = tuple(name for term in glossary.terms.values() for name in term.names)
    return MEMO.get(("segmenter", names), lambda: ChineseSegmenter(names))


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
    "残差": "cán chā",
    "方差": "fāng chā",
    "分类": "fēn lèi",
    "文本分类": "wén běn fēn lèi",  # pypinyin finds 本分 (běn fèn) inside it
    "长上下文": "cháng shàng xià wén",
    "长文本": "cháng wén běn",
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


def pinyin_initials(term: Term) -> str:
    """First letters of the syllables of an all-Chinese name (检索增强生成 -> jszqsc); '' when the
    name mixes in Latin words, whose letters are not syllables."""
    if not HAN_RUN.fullmatch(term.zh):
        return ""
    return "".join(syllable[0] for syllable in syllables(term) if syllable)


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
    """The A–Z group of a Chinese name; '#' for names starting with a digit. Opening punctuation
    is skipped: 《Attention Is All You Need》 files under A."""
    first = next((c for c in "".join(syllables(term)) if c.isalnum()), "#").upper()
    return first if "A" <= first <= "Z" else "#"


def spoken(term: Term) -> str:
    """Pinyin to show a reader: tone marks from the library, or the override as written; '' for a
    name with no Chinese characters, whose 'pinyin' would only repeat it. Punctuation such as 、
    keeps to the syllable before it."""
    if term.pinyin:
        return term.pinyin
    if not HAS_HAN.search(term.zh):
        return ""
    pieces = [p.strip() for p in _read(term.zh, Style.TONE) if p.strip()]
    return re.sub(r" (?=[^\w\s])", "", " ".join(pieces))


# --- Traditional characters -------------------------------------------------------------------


@cache
def _opencc(config: str):
    import opencc  # OpenCC's own dictionaries: no hand-made table of character pairs

    return opencc.OpenCC(config)


def traditional_folding(simplified: Iterable[str]) -> dict[str, str]:
    """For the given Simplified characters, each Traditional form (Mainland, Taiwan and Hong Kong
    standards) that differs from it, mapped back to it: 調 -> 调, 發 -> 发, 檢 -> 检.

    A form is kept only where OpenCC converts it back to the same character, so a character whose
    Traditional form is ambiguous in the other direction is never folded wrongly."""
    back = _opencc("t2s")
    folding: dict[str, str] = {}
    for char in sorted(set(simplified)):
        for config in ("s2t", "s2tw", "s2hk"):
            form = _opencc(config).convert(char)
            if form != char and len(form) == 1 and back.convert(form) == char:
                folding[form] = char
    return folding
