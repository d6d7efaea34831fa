"""Fuzzing: whatever a term file holds, checking either loads it or returns problems, and a
glossary that loads always builds. Nothing may raise: a contributor sees `file:line:col: message`,
never a traceback.

Every example gets its own temporary folder (pytest's tmp_path is shared by all the examples of
one test, so it cannot be used here).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml
from glossary_core.chinese import segmenter_for
from glossary_core.index_pages import index_slots
from glossary_core.load import load_glossary
from glossary_core.model import Glossary
from glossary_core.problems import Problem
from glossary_core.schema import _validator, is_valid, term_schema
from glossary_core.site import SEARCH_SCRIPTS, SITE_FILES, build_site, index_outputs, term_outputs
from glossary_core.term_pages import term_slots
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

VALID: dict[str, Any] = {
    "id": "alpha",
    "zh": "阿尔法",
    "en": "Alpha",
    "abbr": "ALP",
    "aliases": {"zh": ["阿尔法项", {"name": "阿尔发", "status": "discouraged", "reason": "音译用字不规范。"}], "en": ["alpha term"]},
    "category": "concepts",
    "tags": ["greek"],
    "summary": {"zh": "这是一个用于测试的术语定义。", "en": "A term definition that exists only for testing."},
    "body": {"zh": "正文提到贝塔，见[[beta]]。", "en": "Body text about Beta, see [[beta|the beta term]]."},
    "related": ["beta"],
    "references": [{"title": "A paper", "url": "https://example.org/a", "year": 2020}],
    "reviewed": "2026-11-20",
}
# A second term whose body mentions the first one's names as plain text, so automatic links,
# backlinks, shared names and hover cards all meet the fuzzed names (see with_mentions).
BETA: dict[str, Any] = {
    "id": "beta",
    "zh": "贝塔",
    "en": "Beta",
    "category": "concepts",
    "related": ["alpha"],
    "summary": {"zh": "另一个仅用于测试的术语。", "en": "Another term, used for testing only."},
    "body": {"zh": "提到阿尔法和阿尔法项。", "en": "Mentions Alpha, the alpha term and ALP."},
    "reviewed": "2026-11-20",
}
FIELD_NAMES = [name for name in term_schema()["properties"]] + ["title", "url", "year"]

# Text with everything that has ever broken a text pipeline: Chinese, emoji, control characters,
# bidi overrides, zero-width characters, and the characters that mean something to Markdown, HTML
# and our own link syntax. Lone surrogates are left out: a file cannot hold them in UTF-8.
SPECIAL = [
    "\u202e",
    "\u2066",
    "\u061c",
    "\u00ad",
    "Ｌｏｒａ",
    "\u3000",
    "待补充",
    "TODO",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\u2028",
    "\x00",
    "\x1b",
    "\x85",
    "\r",
    "\n",
    "\t",
    "[[",
    "]]",
    "|",
    "[[!",
    "+",
    "<script>",
    "&#60;",
    "{:",
    "`",
    "```",
    "\\",
    "#",
    "*",
    "](",
    "javascript:",
]
TEXT = st.lists(
    st.one_of(
        st.text(st.characters(exclude_categories=("Cs",)), max_size=8),
        st.text("阿尔法贝塔检索增强生成模型微调中文", max_size=8),
        st.sampled_from(["😀", "👩‍💻", "🇨🇳", "Alpha", "Beta", "ALP", "阿尔法", "贝塔", *SPECIAL]),
    ),
    max_size=12,
).map("".join)
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), TEXT, st.sampled_from(FIELD_NAMES))
KEYS = st.sampled_from(FIELD_NAMES) | TEXT
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4), max_leaves=12)


def check(files: dict[str, bytes]) -> None:
    """Load the files as a glossary; when they load cleanly, build the site. Neither may raise."""
    problems = load_and_build(files)
    event("built" if not problems else "rejected with problems")


def load_files(files: dict[str, bytes]) -> tuple[Glossary, list[Problem]]:
    """Write the files into a fresh glossary folder and load it."""
    with tempfile.TemporaryDirectory() as tmp:
        glossary_dir = Path(tmp) / "glossary"
        glossary_dir.mkdir()
        for name, content in files.items():
            (glossary_dir / name).parent.mkdir(exist_ok=True)
            (glossary_dir / name).write_bytes(content)
        return load_glossary(glossary_dir, Path(tmp))


def load_and_build(files: dict[str, bytes]) -> list[Problem]:
    """The problems of the files as a glossary, after building the site when there are none."""
    glossary, problems = load_files(files)
    for problem in problems:
        assert isinstance(problem, Problem) and problem.path.startswith("glossary/") and problem.line >= 1 and problem.col >= 1
        assert problem.message and "Traceback" not in problem.message
    if not problems:
        # What the build does: every page and the search index, one after the other.
        segmenter = segmenter_for(glossary)
        index = dict(index_outputs(glossary))
        terms = dict(term_outputs(glossary, segmenter, lambda uri: uri.removesuffix(".md") + ".html"))
        assert [uri for uri in index if uri != SITE_FILES] == [slot.uri for slot in index_slots(glossary)]
        assert [uri for uri in terms if uri != SITE_FILES] == [slot.uri for slot in term_slots(glossary)]
        assert set(SEARCH_SCRIPTS) < set(terms[SITE_FILES]) and {f"terms/{term_id}.md" for term_id in glossary.terms} <= set(terms)
    return problems


def with_mentions(term: dict[str, Any]) -> dict[str, Any]:
    """BETA with a body that names every name of `term`, in both sections."""
    aliases = term.get("aliases") or {}
    names = [term["zh"], term["en"], term.get("abbr") or "", *(aliases.get("zh") or ()), *(aliases.get("en") or ())]
    mentions = " 和 ".join(str(n) for n in names)
    return {**BETA, "body": {"zh": f"提到{mentions}。", "en": f"Mentions {mentions}."}}


def dump(data: Any) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


@FUZZ
@given(VALUES)
def test_any_yaml_document(document: Any) -> None:
    check({"alpha.yaml": dump(document), "beta.yaml": dump(BETA)})


@FUZZ
@given(st.sampled_from(list(VALID)), VALUES, st.booleans())
def test_a_valid_term_with_one_field_replaced_or_removed(field: str, value: Any, remove: bool) -> None:
    term = dict(VALID)
    if remove:
        del term[field]
    else:
        term[field] = value
    check({"alpha.yaml": dump(term), "beta.yaml": dump(BETA)})


@FUZZ
@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=400))
def test_any_text(text: str) -> None:
    check({"alpha.yaml": text.encode("utf-8"), "beta.yaml": dump(BETA)})


@FUZZ
@given(st.binary(max_size=400))
def test_any_bytes(content: bytes) -> None:
    check({"alpha.yaml": content})


YAML_PUNCTUATION = [" ", "\t", ":", "-", "'", '"', "[", "{", "&a ", "*a", "!!", "\n", "#", "|", ">", "%"]


@FUZZ
@given(st.data())
def test_a_valid_file_with_characters_inserted_or_deleted(data: st.DataObject) -> None:
    text = dump(VALID).decode("utf-8")
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text)))
        if data.draw(st.booleans()):
            text = text[:at] + data.draw(st.sampled_from(YAML_PUNCTUATION)) + text[at:]
        else:
            text = text[:at] + text[at + data.draw(st.integers(1, 20)) :]
    check({"alpha.yaml": text.encode("utf-8"), "beta.yaml": dump(BETA)})


FILE_NAMES = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="/\x00"), min_size=1, max_size=60).filter(
    lambda name: name not in (".", "..") and len(name.encode("utf-8")) < 250
)


@FUZZ
@given(st.lists(FILE_NAMES, max_size=4, unique=True), st.booleans())
def test_any_file_names(names: list[str], folder: bool) -> None:
    files = {name: dump(VALID) for name in names} | {"beta.yaml": dump(BETA)}
    if folder and names:  # a folder among the files, with a term inside
        files = {f"{names[0]}/alpha.yaml" if n == names[0] else n: c for n, c in files.items()}
    check(files)


TEXT_PATHS = [
    ("zh",),
    ("en",),
    ("abbr",),
    ("aliases", "zh", 0),
    ("aliases", "en", 0),
    ("aliases", "zh", 1, "name"),
    ("aliases", "zh", 1, "reason"),
    ("summary", "zh"),
    ("summary", "en"),
    ("body", "zh"),
    ("body", "en"),
    ("references", 0, "title"),
]


def fitted(path: tuple) -> st.SearchStrategy[str]:
    """TEXT padded or cut to the schema's length limits for the field, so most examples load and
    reach the build instead of stopping at 'too short'."""
    node = term_schema()
    for depth, part in enumerate(path, 1):
        node = node["items"] if isinstance(part, int) else node["properties"][part]
        if "anyOf" in node:  # an alias: a plain string, or a mapping when the path goes on into it
            node = node["anyOf"][1 if depth < len(path) else 0]
    low, high = node.get("minLength", 0), node.get("maxLength", 10_000)
    return TEXT.map(lambda text: (text + "填充 filler" * low)[:high] if len(text) < low else text[:high])


@FUZZ
@given(st.fixed_dictionaries({path: fitted(path) for path in TEXT_PATHS}))
def test_any_unicode_in_every_text_field(texts: dict[tuple, str]) -> None:
    term = yaml.safe_load(dump(VALID))  # a deep copy
    for path, text in texts.items():
        *parents, last = path
        node = term
        for part in parents:
            node = node[part]
        node[last] = text
    check({"alpha.yaml": dump(term), "beta.yaml": dump(with_mentions(term))})


SCHEMA_PATHS = [(field,) for field in VALID] + [
    ("summary", "zh"),
    ("body", "en"),
    ("aliases", "zh"),
    ("aliases", "en", 0),
    ("tags", 0),
    ("related", 0),
    ("references", 0),
    ("references", 0, "title"),
    ("references", 0, "url"),
    ("references", 0, "year"),
]


@FUZZ
@given(st.sampled_from(SCHEMA_PATHS), VALUES, st.booleans())
def test_the_compiled_schema_never_passes_what_jsonschema_refuses(path: tuple, value: Any, remove: bool) -> None:
    """validate() trusts the compiled check (fastjsonschema) when it passes a file and asks
    jsonschema for messages otherwise; a file it passed wrongly would reach the build unchecked."""
    term = yaml.safe_load(dump(VALID))  # a deep copy
    *parents, last = path
    node = term
    for part in parents:
        node = node[part]
    if remove:
        del node[last]
    else:
        node[last] = value
    refused = list(_validator().iter_errors(term))
    event("refused" if refused else "accepted")
    if is_valid(term):
        assert refused == []


def test_the_unfuzzed_terms_build() -> None:
    """The baseline the fuzzers mutate is valid, so fuzzed examples reach the build."""
    glossary, problems = load_files({"alpha.yaml": dump(VALID), "beta.yaml": dump(with_mentions(VALID))})
    assert problems == [] and set(glossary.terms) == {"alpha", "beta"}
    site = build_site(glossary)
    assert site.glossary.backlinks["alpha"] == ("beta",) and site.glossary.backlinks["beta"] == ("alpha",)
    beta_zh = site.texts["beta"][("body", "zh")]
    assert "[[alpha|" in beta_zh  # the mentions really become automatic links


# --- crashes the fuzzers found, kept as plain examples -------------------------------------------


def test_a_name_holding_link_marks_is_a_problem_not_a_crash() -> None:
    """A name with '[[' mentioned in another term's text became [[alpha|xx[[yy]]: a link to 'yy',
    no such term, and a KeyError in render.py. Such names are now refused with a message."""
    term = {**VALID, "aliases": {"en": ["xx[[yy"]}}
    _, problems = load_files({"alpha.yaml": dump(term), "beta.yaml": dump(with_mentions(term))})
    assert [(p.path, p.message) for p in problems] == [
        ("glossary/alpha.yaml", "'aliases.en[0]' contains '[[', which marks a term link: remove it from the name")
    ]


def test_a_number_too_long_for_int_is_a_problem_not_a_crash() -> None:
    """int() refuses 4,300+ digits with ValueError; the loader now keeps such a number as text."""
    term = dump(VALID).decode("utf-8").replace("year: 2020", "year: " + "9" * 5000)
    _, problems = load_files({"alpha.yaml": term.encode("utf-8")})
    assert [p.message for p in problems] == ["'references[0].year' must be a whole number, not text"]


def test_a_name_jieba_cannot_keep_whole_does_not_stop_the_build() -> None:
    """冯·诺依曼架构 (von Neumann architecture) is a real name; as the first Chinese name in sort
    order it stopped the build with 'jieba cut the term name ... apart: its user dictionary is not
    in effect', blaming the installation for a content the site handles fine otherwise."""
    term = {**VALID, "zh": "冯·诺依曼架构", "aliases": {}}
    beta = {**BETA, "zh": "贝塔 测试"}  # a space keeps it out of jieba's dictionary, so the probe is term's name
    assert load_and_build({"alpha.yaml": dump(term), "beta.yaml": dump(beta)}) == []
