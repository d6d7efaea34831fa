"""The checked glossary as plain, immutable data."""

from __future__ import annotations

from dataclasses import dataclass, field

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


@dataclass(frozen=True)
class Term:
    id: str
    zh: str
    en: str
    category: str
    summary: Bilingual
    body: Bilingual
    abbr: str | None = None
    aliases_zh: tuple[str, ...] = ()
    aliases_en: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()
    pinyin: str | None = None
    source_path: str = ""  # the YAML file as shown to contributors, e.g. glossary/rag.yaml

    @property
    def names(self) -> tuple[str, ...]:
        """Every name a reader may use for this term: headwords first, then abbreviation and aliases."""
        return (self.zh, self.en, *((self.abbr,) if self.abbr else ()), *self.aliases_zh, *self.aliases_en)


@dataclass(frozen=True)
class Glossary:
    terms: dict[str, Term]  # by id, in id order
    categories: dict[str, Category]  # in display order
    links: dict[str, tuple[str, ...]] = field(default_factory=dict)  # id -> ids it links to (related + inline)
    backlinks: dict[str, tuple[str, ...]] = field(default_factory=dict)  # id -> ids that link to it
    shared_names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # folded name -> ids, when 2+

    def in_category(self, category: str) -> list[Term]:
        return [t for t in self.terms.values() if t.category == category]

    def sharing_a_name_with(self, term_id: str) -> dict[str, tuple[str, ...]]:
        """Names of this term that other terms use too, each with those other ids."""
        term = self.terms[term_id]
        out = {}
        for name in term.names:
            ids = self.shared_names.get(fold_name(name), ())
            if len(ids) > 1 and name not in out:
                out[name] = tuple(i for i in ids if i != term_id)
        return out


def fold_name(name: str) -> str:
    """Names compare without case and surrounding space: 'Agent' and 'agent' are one name."""
    return " ".join(name.casefold().split())
