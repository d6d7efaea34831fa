"""Load every term file of a glossary folder and check it alone and against the others."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from .inline_links import find_inline_links
from .memo import MEMO
from .model import Alias, Bilingual, Glossary, Reference, Term, fold_name
from .problems import Problem
from .schema import ID_RULE, categories, dotted, is_valid_id, validate
from .yaml_source import DocPath, SourceMap, parse_term_file, read_term_file

TERM_SUFFIX = ".yaml"
TEXT_FIELDS: tuple[DocPath, ...] = (("summary", "zh"), ("summary", "en"), ("body", "zh"), ("body", "en"))
# Markdown links [text](scheme:...) in content: only these schemes may be clicked by readers.
_MARKDOWN_LINK_SCHEME = re.compile(r"\]\(\s*<?\s*([A-Za-z][A-Za-z0-9+.\-]*):")
_SAFE_SCHEMES = {"http", "https", "mailto"}


def load_glossary(glossary_dir: Path, project_root: Path | None = None) -> tuple[Glossary, list[Problem]]:
    """All terms that passed their own checks, and every problem found, sorted by file and line.

    The Glossary is only safe to render when the problem list is empty; callers decide.
    """
    root = project_root or glossary_dir.parent
    problems: list[Problem] = []
    loaded: list[tuple[Term, SourceMap]] = []

    if not glossary_dir.is_dir():
        return Glossary({}, categories()), [Problem(shown_path(glossary_dir, root), 1, 1, "the glossary folder does not exist")]

    shown_dir = shown_path(glossary_dir, root)  # once: resolving every file's path is slow
    if glossary_dir.is_symlink():
        return Glossary({}, categories()), [Problem(shown_dir, 1, 1, _OUTSIDE_MESSAGE)]
    for path in sorted(glossary_dir.iterdir()):
        shown = f"{shown_dir}/{path.name}"
        if path.name.startswith(".") and path.name in {".gitkeep", ".DS_Store"}:
            continue
        if path.is_symlink():  # checked before anything reads it: its target is never read or shown
            problems.append(Problem(shown, 1, 1, _SYMLINK_MESSAGE))
            continue
        if not path.is_file():
            problems.append(Problem(shown, 1, 1, "folders are not read in glossary/: move the term files up into glossary/ itself"))
            continue
        if path.suffix != TERM_SUFFIX:
            fix = (
                f"rename it to {path.stem}{TERM_SUFFIX}"
                if path.suffix in {".yml", ".YAML", ".YML"}
                else "term files end in .yaml: rename it or move it out of glossary/"
            )
            problems.append(Problem(shown, 1, 1, f"not read as a term: {fix}"))
            continue
        if not is_valid_id(path.stem):
            problems.append(Problem(shown, 1, 1, f"the file name '{path.stem}' is not a valid term id: use {ID_RULE}"))
            continue
        term, source, file_problems = _read_term(path, shown)
        problems.extend(file_problems)
        if term is not None:
            loaded.append((term, source))

    # Terms whose file exists but failed its own checks: links to them are not reported again.
    broken = {p.stem for p in glossary_dir.glob(f"*{TERM_SUFFIX}")} - {term.id for term, _ in loaded}
    glossary, cross_problems = _link_terms(loaded, broken)
    problems.extend(cross_problems)
    return glossary, sorted(problems)


def _read_term(path: Path, shown: str) -> tuple[Term | None, SourceMap | None, list[Problem]]:
    """One file's term, or the problems that stop it being one: what the file alone decides.
    Kept by its bytes between builds of one process (memo.py), so a saved edit re-reads one file."""
    try:
        raw = path.read_bytes()
    except OSError:
        return read_term_file(path, shown)  # which says why the file cannot be read

    def read() -> tuple[Term | None, SourceMap | None, list[Problem]]:
        data, source, problems = parse_term_file(raw, shown)
        if source is not None and not problems:
            problems = validate(data, source) or _content_problems(data, source)
        return (_term_from(data, shown) if source is not None and not problems else None), source, problems

    return MEMO.get(("term file", shown, raw), read)


def shown_path(path: Path, root: Path) -> str:
    """A path as contributors see it in messages: relative to the project root where possible."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


_SYMLINK_MESSAGE = (
    "is a symbolic link: term files must be real files inside glossary/, so that a pull request cannot publish a file "
    "from elsewhere; replace the link with the file itself"
)
_OUTSIDE_MESSAGE = "the glossary folder is a symbolic link: term files must live in the repository's own glossary/, not elsewhere"
# Bidirectional controls reorder what readers see: in prose they can make text display other than it reads.
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# What scripts/new_term.py writes where text is needed; a file still holding it is not finished.
PLACEHOLDER = re.compile(r"待补充|\bTODO\b")


def _content_problems(data: dict[str, Any], source: SourceMap) -> list[Problem]:
    """Rules on the text of one valid file: names are visible and link-free, prose has no
    bidirectional controls, and nothing still holds the scaffold's placeholders."""
    problems = []

    def report(path: DocPath, message: str, offset: int | None = None) -> None:
        problems.append(source.problem_at(path, message, offset=offset))

    for path, name in _names_with_paths(data):
        # Names may not hold '[[' or ']]': automatic links wrap a mention in [[id|name]], and such a
        # name would open or close another link inside it (a link to no term, which stops the build).
        mark = "[[" if "[[" in name else "]]" if "]]" in name else None
        if mark:
            report(path, f"'{dotted(path)}' contains '{mark}', which marks a term link: remove it from the name")
        # Invisible characters let a name look like another one, or display reversed.
        for index, char in enumerate(name):
            if unicodedata.category(char) in ("Cc", "Cf"):
                report(path, f"'{dotted(path)}' contains the invisible character {_code_point(char)} at character {index + 1}: delete it")
                break
    for path in TEXT_FIELDS:
        text = data[path[0]][path[1]]
        for index, char in enumerate(text):
            if char in _BIDI_CONTROLS:
                report(
                    path,
                    f"'{dotted(path)}' contains the bidirectional control {_code_point(char)}, which reorders text on screen: delete it",
                    index,
                )
                break
    for path, text in [*_names_with_paths(data), *((p, data[p[0]][p[1]]) for p in TEXT_FIELDS)]:
        found = PLACEHOLDER.search(text)
        if found:
            report(path, f"'{dotted(path)}' still holds the template's placeholder '{found.group(0)}': write the real text in its place")
    return problems


def _names_with_paths(data: dict[str, Any]) -> list[tuple[DocPath, str]]:
    aliases = data.get("aliases") or {}
    names: list[tuple[DocPath, str]] = [(("zh",), data["zh"]), (("en",), data["en"])]
    names += [(("abbr",), data["abbr"])] if "abbr" in data else []
    for lang in ("zh", "en"):
        for i, item in enumerate(aliases.get(lang) or ()):
            names.append((("aliases", lang, i) if isinstance(item, str) else ("aliases", lang, i, "name"), alias_name(item)))
    return names


def _code_point(char: str) -> str:
    return f"U+{ord(char):04X} ({unicodedata.name(char, 'unnamed')})"


def alias_name(item: str | dict[str, Any]) -> str:
    """An alias is written as a plain string or as a mapping with its status: the name either way."""
    return item if isinstance(item, str) else item["name"]


def _alias_from(item: str | dict[str, Any], lang: str) -> Alias:
    if isinstance(item, str):
        return Alias(item, lang)
    return Alias(item["name"], lang, item.get("status", "accepted"), item.get("reason"), item.get("authority"), item.get("shared", False))


def _term_from(data: dict[str, Any], shown: str) -> Term:
    aliases = data.get("aliases") or {}
    authority = data.get("authority")
    return Term(
        id=data["id"],
        zh=data["zh"],
        en=data["en"],
        abbr=data.get("abbr"),
        aliases=tuple(_alias_from(item, lang) for lang in ("zh", "en") for item in aliases.get(lang) or ()),
        authority=Bilingual(authority.get("zh", ""), authority.get("en", "")) if authority else None,
        search_keywords=tuple(data.get("search_keywords") or ()),
        reviewed=data["reviewed"],
        former_ids=tuple(data.get("former_ids") or ()),
        category=data["category"],
        tags=tuple(data.get("tags") or ()),
        summary=Bilingual(data["summary"]["zh"], data["summary"]["en"]),
        body=Bilingual(data["body"]["zh"], data["body"]["en"]),
        related=tuple(data.get("related") or ()),
        references=tuple(Reference(r["title"], r["url"], r.get("year")) for r in data.get("references") or ()),
        pinyin=data.get("pinyin"),
        source_path=shown,
    )


def _link_terms(loaded: list[tuple[Term, SourceMap]], broken: set[str]) -> tuple[Glossary, list[Problem]]:
    """Rules across files: ids match file names, names are unique, every link has a target."""
    problems: list[Problem] = []

    def report(source: SourceMap, path: DocPath, message: str, *, key: bool = False, offset: int | None = None) -> None:
        problems.append(source.problem_at(path, message, key=key, offset=offset))

    terms: dict[str, Term] = {}
    sources: dict[str, SourceMap] = {}
    for term, source in loaded:
        stem = Path(source.display_path).stem
        if term.id != stem:
            report(source, ("id",), f"id '{term.id}' differs from the file name '{stem}': make them equal (id: {stem})")
        elif term.id in terms:  # only reachable through case-insensitive file systems; kept for safety
            report(source, ("id",), f"id '{term.id}' is already used by {terms[term.id].source_path}")
        else:
            terms[term.id] = term
            sources[term.id] = source

    for field in ("zh", "en"):
        first_with: dict[str, Term] = {}
        for term in terms.values():
            name = fold_name(getattr(term, field))
            if name in first_with:
                other = first_with[name]
                mine, theirs = getattr(term, field), getattr(other, field)
                same = (
                    f"is already the {field} name of {other.source_path}"
                    if mine == theirs
                    else f"is the {field} name '{theirs}' of {other.source_path} written differently (character width, case or spacing)"
                )
                report(
                    sources[term.id],
                    (field,),
                    f"the {field} name '{mine}' {same}: "
                    "names must be unique, so make one more specific and list the shared form under aliases",
                )
            else:
                first_with[name] = term

    problems.extend(_names_owned_elsewhere(terms, sources))
    problems.extend(_former_ids(terms, sources))
    problems.extend(_review_dates(terms, sources))

    links: dict[str, list[str]] = {}
    for term in terms.values():
        source = sources[term.id]
        targets: list[str] = []
        for i, target in enumerate(term.related):
            if target == term.id:
                report(source, ("related", i), f"'{term.id}' lists itself under related: remove it")
            elif target in broken:
                continue
            elif target not in terms:
                report(source, ("related", i), f"related term '{target}' does not exist: {_suggest(target, terms)}")
            else:
                targets.append(target)
        for path in TEXT_FIELDS:
            text = source_text(term, path)
            for offset, target in find_inline_links(text):
                if target == term.id:
                    report(source, path, f"[[{target}]] links the term to itself: write the name as plain text", offset=offset)
                elif target in broken:
                    continue
                elif target not in terms:
                    report(source, path, f"inline link [[{target}]] points to no term: {_suggest(target, terms)}", offset=offset)
                else:
                    targets.append(target)
            for match in _MARKDOWN_LINK_SCHEME.finditer(text):
                if match.group(1).lower() not in _SAFE_SCHEMES:
                    report(source, path, f"links with '{match.group(1)}:' are not allowed: use an http(s) address", offset=match.start())
        links[term.id] = list(dict.fromkeys(targets))

    backlinks: dict[str, list[str]] = defaultdict(list)
    for source_id, targets in links.items():
        for target in targets:
            backlinks[target].append(source_id)

    holders: dict[str, list[str]] = defaultdict(list)
    for term in terms.values():
        for name in dict.fromkeys(fold_name(n) for n in term.proper_names):
            holders[name].append(term.id)

    glossary = Glossary(
        terms=dict(sorted(terms.items())),
        categories=categories(),
        links={k: tuple(v) for k, v in links.items()},
        backlinks={k: tuple(v) for k, v in backlinks.items()},
        shared_names={name: tuple(ids) for name, ids in holders.items() if len(ids) > 1},
    )
    return glossary, problems


def _names_owned_elsewhere(terms: dict[str, Term], sources: dict[str, SourceMap]) -> list[Problem]:
    """An alias may not be another entry's headword or abbreviation: one name, one meaning.

    A name that really does stand for several concepts is marked `shared: true`, and readers
    choose on the shared-names page. A discouraged name may equal another headword: it is listed
    precisely because people use it for the wrong concept.
    """
    owner: dict[str, Term] = {}
    for term in terms.values():
        for name in (term.zh, term.en, *((term.abbr,) if term.abbr else ())):
            owner.setdefault(fold_name(name), term)
    problems = []
    for term in terms.values():
        position = {lang: 0 for lang in ("zh", "en")}
        for alias in term.aliases:
            index = position[alias.lang]
            position[alias.lang] += 1
            other = owner.get(fold_name(alias.name))
            if other is None or other.id == term.id or alias.shared or alias.status == "discouraged":
                continue
            message = (
                f"the alias '{alias.name}' is a name of {other.source_path} ('{other.zh}' · '{other.en}'): remove it here, "
                "or, if the name really stands for both, write it as {name: ..., shared: true} so readers choose between them"
            )
            problems.append(sources[term.id].problem_at(("aliases", alias.lang, index), message))
    return problems


def _former_ids(terms: dict[str, Term], sources: dict[str, SourceMap]) -> list[Problem]:
    """A former id leads to exactly one term, and never shadows a current id."""
    problems, claimed = [], {}
    for term in terms.values():
        for index, old in enumerate(term.former_ids):
            if old in terms:
                message = f"former id '{old}' is the id of {terms[old].source_path}: a page cannot both redirect and exist; remove it here"
            elif old in claimed:
                message = f"former id '{old}' is already listed by {claimed[old].source_path}: an old address can lead to one term only"
            else:
                claimed[old] = term
                continue
            problems.append(sources[term.id].problem_at(("former_ids", index), message))
    return problems


def vanished_ids(glossary: Glossary, ids_before: set[str]) -> list[str]:
    """Ids that had a term file before and now have neither a file nor a former_ids entry."""
    kept = set(glossary.terms) | {old for term in glossary.terms.values() for old in term.former_ids}
    return sorted(ids_before - kept)


def _review_dates(terms: dict[str, Term], sources: dict[str, SourceMap]) -> list[Problem]:
    """`reviewed` must be a real date, and not one in the future."""
    problems = []
    for term in terms.values():
        try:
            day = date.fromisoformat(term.reviewed)
        except ValueError:
            message = f"reviewed: '{term.reviewed}' is not a date: write the day the facts were checked as YYYY-MM-DD"
        else:
            if day <= date.today():
                continue
            message = f"reviewed: {term.reviewed} is in the future: write the day the facts were last checked"
        problems.append(sources[term.id].problem_at(("reviewed",), message))
    return problems


def stale_terms(glossary: Glossary, today: date, months: int = 12) -> list[Term]:
    """Terms whose facts were last checked more than `months` months before `today`, oldest first."""
    cutoff = _months_before(today, months)
    old = [t for t in glossary.terms.values() if date.fromisoformat(t.reviewed) < cutoff]
    return sorted(old, key=lambda t: (t.reviewed, t.id))


def _months_before(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, 28))


def source_text(term: Term, path: DocPath) -> str:
    group, lang = path
    return getattr(getattr(term, str(group)), str(lang))


def _suggest(target: str, terms: dict[str, Term]) -> str:
    close = difflib.get_close_matches(target, list(terms), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else "check the id, or write that term first (scripts/new_term.py)"
