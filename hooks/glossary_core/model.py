"""The checked glossary as plain, immutable data."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from .schema import Category


@dataclass(frozen=True)
class Bilingual:
    zh: str
    en: str


@dataclass(frozen=True)
class Reference:
    title: str
    url: str
    year: int | None = None


# What a name other than the headword is: accepted (也作), discouraged (不推荐, with a reason for
# readers) or former (旧称). Search finds a term from all three; pages show them apart.
NAME_STATUSES = ("accepted", "discouraged", "former")


@dataclass(frozen=True)
class Alias:
    name: str
    lang: str  # "zh" or "en": the list it was written in
    status: str = "accepted"
    reason: str | None = None
    authority: str | None = None
    shared: bool = False  # another entry has this name too, on purpose: readers choose between them


@dataclass(frozen=True)
class Term:
    id: str
    zh: str
    en: str
    category: str
    summary: Bilingual
    body: Bilingual
    abbr: str | None = None
    aliases: tuple[Alias, ...] = ()
    authority: Bilingual | None = None  # who recommends each headword, where the entry says
    search_keywords: tuple[str, ...] = ()  # kinds, parts, example values: found by search, never shown as names
    reviewed: str = ""  # YYYY-MM-DD: when the entry's facts were last checked
    former_ids: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()
    pinyin: str | None = None
    source_path: str = ""  # the YAML file as shown to contributors, e.g. glossary/rag.yaml

    @property
    def names(self) -> tuple[str, ...]:
        """Every name a reader may use for this term: headwords first, then abbreviation and aliases."""
        return (self.zh, self.en, *((self.abbr,) if self.abbr else ()), *(a.name for a in self.aliases))

    @property
    def proper_names(self) -> tuple[str, ...]:
        """Names that really mean this term (all but discouraged ones): prose mentioning them is
        linked here, and two terms holding one of them share it."""
        return (self.zh, self.en, *((self.abbr,) if self.abbr else ()), *(a.name for a in self.aliases if a.status != "discouraged"))

    def aliases_in(self, lang: str, *statuses: str) -> tuple[Alias, ...]:
        """Aliases written in one language, optionally only those of the given statuses."""
        return tuple(a for a in self.aliases if a.lang == lang and (not statuses or a.status in statuses))


@dataclass(frozen=True)
class Glossary:
    terms: dict[str, Term]  # by id, in id order
    categories: dict[str, Category]  # in display order
    links: dict[str, tuple[str, ...]] = field(default_factory=dict)  # id -> ids it links to (related + inline)
    backlinks: dict[str, tuple[str, ...]] = field(default_factory=dict)  # id -> ids that link to it
    shared_names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # folded name -> ids, when 2+

    @cached_property
    def names_digest(self) -> str:
        """Every name of every term, and which are shared, as one short key (memo.py): all that
        links and lists show of other terms."""
        names = [(t.id, t.names, t.proper_names) for t in self.terms.values()]
        return hashlib.blake2b(repr((names, sorted(self.shared_names.items()))).encode(), digest_size=16).hexdigest()

    def in_category(self, category: str) -> list[Term]:
        return [t for t in self.terms.values() if t.category == category]

    def sharing_a_name_with(self, term_id: str) -> dict[str, tuple[str, ...]]:
        """Names of this term that other terms use too, each with those other ids."""
        term = self.terms[term_id]
        out = {}
        for name in term.proper_names:
            ids = self.shared_names.get(fold_name(name), ())
            if len(ids) > 1 and name not in out:
                out[name] = tuple(i for i in ids if i != term_id)
        return out


def fold_name(name: str) -> str:
    """Names compare after Unicode compatibility folding (NFKC), case folding and collapsing
    spaces: 'Agent' and 'agent', or full-width 'Ｌｏｒａ' and 'LoRA', are one name."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())
