"""The real glossary's content meets the project's depth and naming rules."""

from __future__ import annotations

import re

from glossary_core.chinese import HAS_HAN

# Categories whose entries explain how something works; the others (tools, hardware, companies
# and products, general computing) may be shorter but must still say what they have to do with AI.
EXPLAINED = {"concepts", "architectures", "training", "inference", "data", "models", "applications", "research-practice"}
MINIMUM = {True: (150, 80), False: (80, 40)}  # (Han characters in body.zh, words in body.en)


def test_every_body_is_long_enough_for_its_category(real_glossary) -> None:
    short = []
    for term in real_glossary.terms.values():
        han, words = len(HAS_HAN.findall(term.body.zh)), len(term.body.en.split())
        need_han, need_words = MINIMUM[term.category in EXPLAINED]
        if han < need_han or words < need_words:
            short.append(f"{term.source_path}: {han} Han characters (need {need_han}), {words} English words (need {need_words})")
    assert short == []


def test_summaries_are_one_sentence_of_the_advised_length(real_glossary) -> None:
    off = []
    for term in real_glossary.terms.values():
        han, words = len(HAS_HAN.findall(term.summary.zh)), len(term.summary.en.split())
        if not 15 <= han <= 110 or not 8 <= words <= 60:
            off.append(f"{term.source_path}: summary of {han} Han characters and {words} English words")
    assert off == []


def test_readers_are_warned_off_real_mistranslations(real_glossary) -> None:
    marked = [t.id for t in real_glossary.terms.values() if any(a.status in ("discouraged", "former") for a in t.aliases)]
    assert len(marked) >= 30, marked
    for term in real_glossary.terms.values():
        for alias in term.aliases:
            if alias.status == "discouraged":
                assert alias.reason, f"{term.source_path}: {alias.name} is discouraged without a reason"


def test_every_entry_has_related_terms(real_glossary) -> None:
    assert [t.source_path for t in real_glossary.terms.values() if len(t.related) < 2] == []


def test_entries_never_mention_the_project_s_source_notes(real_glossary) -> None:
    # Readers do not know the notes the inventory came from; corrections say "some sources".
    mentions = [
        term.source_path
        for term in real_glossary.terms.values()
        if re.search(r"源笔记|来源笔记|source notes?\b", " ".join((term.body.zh, term.body.en, term.summary.zh, term.summary.en)))
    ]
    assert mentions == []
