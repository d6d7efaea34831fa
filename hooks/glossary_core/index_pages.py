"""Markdown for every page but the term pages: home, categories, A–Z, 拼音, tags, shared names."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from . import chinese
from .exports import DOWNLOADS
from .model import Glossary, Term, fold_name
from .render import (
    A_Z_URI,
    CATEGORIES_URI,
    DOWNLOADS_URI,
    HOME_URI,
    PINYIN_URI,
    SHARED_NAMES_URI,
    TAGS_URI,
    UI,
    Page,
    Slot,
    category_link,
    category_uri,
    escape_html,
    escape_markdown,
    front_matter,
    same_name,
    shared_name_anchor,
    tag_anchor,
    term_item,
    term_link,
    term_uri,
)


def index_slots(glossary: Glossary) -> list[Slot]:
    """The pages index_pages() produces, in its order."""
    return [
        *(Slot(uri) for uri in (HOME_URI, CATEGORIES_URI, A_Z_URI, SHARED_NAMES_URI, PINYIN_URI, TAGS_URI)),
        *(_category_slot(c) for c in glossary.categories),
        Slot(DOWNLOADS_URI),  # last: its files are made after every other index page
    ]


def index_pages(glossary: Glossary) -> Iterator[Page]:
    """Every page but the term pages, one at a time. None needs automatic links; those that need
    no pinyin either come first, because pypinyin takes seconds to read 10,000 names."""
    yield from (home_page(glossary), categories_page(glossary), a_z_page(glossary), shared_names_page(glossary))
    yield from (pinyin_page(glossary), tags_page(glossary))
    yield from (category_page(c, glossary) for c in glossary.categories)


def _category_slot(category_id: str) -> Slot:
    return Slot(category_uri(category_id), in_nav=False)


def home_page(glossary: Glossary) -> Page:
    n = len(glossary.terms)
    out = [
        front_matter(
            title=f"{UI['site_zh']} · {UI['site_en']}",
            description="人工智能术语的中英对照与释义。Chinese–English AI terms, explained in both languages.",
        ),
        f'<h1 class="gl-title"><span class="gl-zh">{UI["site_zh"]}</span> <span class="gl-en" lang="en">{UI["site_en"]}</span></h1>',
        "",
        "在论文里遇到一个英文术语，想知道中文怎么说？或者反过来？这里的每个术语都有中英文标准名称、常见别名、一句话定义和详细解释，并链接到相关术语。",
        "{: .gl-lead }",
        "",
        "Met an English term in a paper and want the Chinese, or the other way round? Every term here has its standard names "
        "in both languages, the aliases people use, a one-sentence definition and a fuller explanation, linked to related terms.",
        '{: lang="en" }',
        "",
        f"**{UI['terms_count'].format(n=n)}**。用页面顶部的搜索框（按 ++s++ 或 ++slash++）输入中文、英文或缩写，或者从下面进入：",
        "",
        f"- [{UI['categories']}]({CATEGORIES_URI})",
        f"- [{UI['a_z']}]({A_Z_URI})",
        f"- [{UI['pinyin']}]({PINYIN_URI})",
        f"- [{UI['downloads_page']}]({DOWNLOADS_URI})：JSON、CSV、TBX、jieba、Anki",
        "",
        f"## {UI['categories']} {{ #categories }}",
        "",
    ]
    out += _category_list(glossary, HOME_URI)
    out += ["", f"## {UI['recently_reviewed']} {{ #recent }}", ""]
    out += [f"- {term.reviewed} · {term_link(term, HOME_URI, both=True)}" for term in recently_reviewed(glossary)]
    return Page(Slot(HOME_URI), "\n".join(out) + "\n")


def recently_reviewed(glossary: Glossary, count: int = 12) -> list[Term]:
    """The terms checked most recently, newest first; ties by name, so the list is stable.
    ISO dates sort as text."""
    by_name = sorted((t for t in glossary.terms.values() if t.reviewed), key=lambda t: t.zh)
    return sorted(by_name, key=lambda t: t.reviewed, reverse=True)[:count]


def categories_page(glossary: Glossary) -> Page:
    out = [front_matter(title=UI["categories"], description=UI["categories_description"]), f"# {UI['categories']}", ""]
    out += _category_list(glossary, CATEGORIES_URI)
    return Page(Slot(CATEGORIES_URI), "\n".join(out) + "\n")


def _category_list(glossary: Glossary, here: str) -> list[str]:
    counts: dict[str, int] = defaultdict(int)
    for term in glossary.terms.values():
        counts[term.category] += 1
    return [f"- {category_link(c, here)} ({counts[c.id]})" for c in glossary.categories.values()]


def category_page(category_id: str, glossary: Glossary) -> Page:
    here = category_uri(category_id)
    category = glossary.categories[category_id]
    terms = sorted(glossary.in_category(category_id), key=chinese.sort_key)
    out = [
        front_matter(title=f"{category.zh} · {category.en}", description=UI["category_description"].format(zh=category.zh, en=category.en)),
        f"# {escape_markdown(category.zh)} · {escape_markdown(category.en)}",
        "",
        UI["terms_count"].format(n=len(terms)),
        "",
    ]
    out += [term_item(t, here, glossary) for t in terms]
    return Page(_category_slot(category_id), "\n".join(out) + "\n")


def a_z_page(glossary: Glossary) -> Page:
    """English names and abbreviations, A to Z; an abbreviation points at its term."""
    entries: list[tuple[str, str, Term]] = []
    for term in glossary.terms.values():
        entries.append((term.en, "", term))
        if term.abbr and term.abbr.casefold() != term.en.casefold():
            entries.append((term.abbr, term.en, term))
    entries.sort(key=lambda e: (e[0].casefold(), e[0]))
    groups: dict[str, list[str]] = defaultdict(list)
    for name, expansion, term in entries:
        first = name[:1].upper()
        letter = first if "A" <= first <= "Z" else "#"
        extra = f" ({escape_markdown(expansion)})" if expansion else ""
        other = "" if fold_name(name) == fold_name(term.zh) else f" · {escape_markdown(term.zh)}"
        # The English name is tagged as English, for screen-reader voices and translation tools.
        groups[letter].append(f'- [<span lang="en">{escape_markdown(name)}</span>]({term_uri(term.id)}){extra}{other}')
    return Page(Slot(A_Z_URI), _lettered_page(UI["a_z"], groups, UI["a_z_description"]))


def pinyin_page(glossary: Glossary) -> Page:
    groups: dict[str, list[str]] = defaultdict(list)
    for term in sorted(glossary.terms.values(), key=chinese.sort_key):
        groups[chinese.initial(term)].append(
            f"- [{escape_markdown(term.zh)}]({term_uri(term.id)})"
            + (f' <span class="gl-pinyin">{escape_html(chinese.spoken(term))}</span>' if chinese.spoken(term) else "")
            + ("" if same_name(term) else f" · {escape_markdown(term.en)}")
        )
    return Page(Slot(PINYIN_URI), _lettered_page(UI["pinyin"], groups, UI["pinyin_description"]))


def _lettered_page(title: str, groups: dict[str, list[str]], description: str) -> str:
    letters = sorted(groups, key=lambda k: (k == "#", k))
    anchor = {k: ("other" if k == "#" else k.lower()) for k in letters}
    # '#' alone would read as an empty Markdown heading: the other group is named in words.
    heading = {k: (UI["other_group"] if k == "#" else k) for k in letters}
    jump = " ".join(f"[{k}](#{anchor[k]})" for k in letters)
    out = [front_matter(title=title, description=description), f"# {title}", "", jump, "{: .gl-jump }", ""]
    for k in letters:
        out += [f"## {heading[k]} {{ #{anchor[k]} }}", "", *groups[k], ""]
    return "\n".join(out)


def tags_page(glossary: Glossary) -> Page:
    """Every tag, A to Z, with the terms that carry it (term pages link each tag here)."""
    tagged: dict[str, list[Term]] = defaultdict(list)
    for term in sorted(glossary.terms.values(), key=chinese.sort_key):
        for tag in term.tags:
            tagged[tag].append(term)
    out = [front_matter(title=UI["tags_page"], description=UI["tags_description"]), f"# {UI['tags_page']}", ""]
    out += [" ".join(f"[{escape_markdown(tag)}](#{tag_anchor(tag)})" for tag in sorted(tagged)), "{: .gl-jump }", ""]
    for tag in sorted(tagged):
        out += [f"## {escape_markdown(tag)} {{ #{tag_anchor(tag)} }}", ""]
        out += [f"- {term_link(t, TAGS_URI, both=True)}" for t in tagged[tag]]
        out.append("")
    return Page(Slot(TAGS_URI), "\n".join(out))


def shared_names_page(glossary: Glossary) -> Page:
    """Names (abbreviations, aliases) that several terms use, each with the terms to choose from."""
    out = [front_matter(title=UI["shared_names_page"], description=UI["shared_names_description"]), f"# {UI['shared_names_page']}", ""]
    out.append("同一个名称或缩写可能指不同的概念。Some names and abbreviations stand for more than one concept.")
    out.append("")
    for name, ids in sorted(glossary.shared_names.items()):
        shown = next(n for n in glossary.terms[ids[0]].proper_names if fold_name(n) == name)
        out += [f"## {escape_markdown(shown)} {{ #{shared_name_anchor(name)} }}", ""]
        out += [term_item(glossary.terms[i], SHARED_NAMES_URI, glossary) for i in ids]
        out.append("")
    return Page(Slot(SHARED_NAMES_URI), "\n".join(out))


def downloads_page(sizes: dict[str, int]) -> Page:
    """The downloads, each with what it is for, its size and its licence."""
    out = [front_matter(title=UI["downloads_page"], description=UI["downloads_description"]), f"# {UI['downloads_page']}", ""]
    out += [UI["downloads_intro"], ""]
    out += ["| 文件 · File | 内容 · Contents | 大小 · Size |", "| --- | --- | --- |"]
    for name, size in sizes.items():
        # Raw HTML: MkDocs checks Markdown links against its own files, and these are written after it.
        out.append(f'| <a href="downloads/{escape_html(name)}" download>{escape_html(name)}</a> | {DOWNLOADS[name]} | {_size(size)} |')
    out += ["", UI["downloads_licence"], ""]
    return Page(Slot(DOWNLOADS_URI), "\n".join(out))


def _size(count: int) -> str:
    return f"{count / 1024:,.0f} KB" if count < 1024 * 1024 else f"{count / 1024 / 1024:,.1f} MB"
