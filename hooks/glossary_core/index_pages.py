"""Every page but the term pages, as HTML: home, categories, A–Z, 拼音, tags, shared names, downloads."""

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
    Heading,
    Page,
    Slot,
    category_link_html,
    category_uri,
    escape_html,
    front_matter,
    href,
    same_name,
    shared_name_anchor,
    tag_anchor,
    term_item_html,
    term_link_html,
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


def _page(slot: Slot, title: str, description: str, body: list[str], toc: list[Heading] | None = None, h1: str | None = None) -> Page:
    """A page written as HTML under an <h1>, of its title unless given (see render.Page)."""
    html = "\n".join([h1 or f"<h1>{escape_html(title)}</h1>", *body])
    return Page(slot, front_matter(title=title, description=description), html=html, toc=tuple(toc or ()))


def _list(items: list[str]) -> str:
    return "<ul>\n" + "\n".join(f"<li>{item}</li>" for item in items) + "\n</ul>"


def home_page(glossary: Glossary) -> Page:
    n = len(glossary.terms)
    here = HOME_URI
    keys = '<span class="keys"><kbd class="key-s">S</kbd></span> 或 <span class="keys"><kbd class="key-slash">/</kbd></span>'
    toc = [Heading("categories", UI["categories"]), Heading("recent", UI["recently_reviewed"])]
    body = [
        '<p class="gl-lead">在论文里遇到一个英文术语，想知道中文怎么说？或者反过来？这里的每个术语都有中英文标准名称、常见别名、'
        "一句话定义和详细解释，并链接到相关术语。</p>",
        '<p lang="en">Met an English term in a paper and want the Chinese, or the other way round? Every term here has its standard names '
        "in both languages, the aliases people use, a one-sentence definition and a fuller explanation, linked to related terms.</p>",
        f"<p><strong>{escape_html(UI['terms_count'].format(n=n))}</strong>。"
        f"用页面顶部的搜索框（按 {keys}）输入中文、英文或缩写，或者从下面进入：</p>",
        _list(
            [
                _link(here, CATEGORIES_URI, UI["categories"]),
                _link(here, A_Z_URI, UI["a_z"]),
                _link(here, PINYIN_URI, UI["pinyin"]),
                _link(here, DOWNLOADS_URI, UI["downloads_page"]) + "：JSON、CSV、TBX、jieba、Anki",
            ]
        ),
        toc[0].html(),
        _category_list(glossary, here),
        toc[1].html(),
        _list([f"{escape_html(t.reviewed)} · {term_link_html(t, here, both=True)}" for t in recently_reviewed(glossary)]),
    ]
    # The title is the site's name in both languages, styled as a term's.
    h1 = f'<h1 class="gl-title"><span class="gl-zh">{UI["site_zh"]}</span> <span class="gl-en" lang="en">{UI["site_en"]}</span></h1>'
    description = "人工智能术语的中英对照与释义。Chinese–English AI terms, explained in both languages."
    return _page(Slot(HOME_URI), f"{UI['site_zh']} · {UI['site_en']}", description, body, toc, h1)


def _link(here: str, target: str, text: str) -> str:
    return f'<a href="{href(here, target)}">{escape_html(text)}</a>'


def recently_reviewed(glossary: Glossary, count: int = 12) -> list[Term]:
    """The terms checked most recently, newest first; ties by name, so the list is stable.
    ISO dates sort as text."""
    by_name = sorted((t for t in glossary.terms.values() if t.reviewed), key=lambda t: t.zh)
    return sorted(by_name, key=lambda t: t.reviewed, reverse=True)[:count]


def categories_page(glossary: Glossary) -> Page:
    return _page(Slot(CATEGORIES_URI), UI["categories"], UI["categories_description"], [_category_list(glossary, CATEGORIES_URI)])


def _category_list(glossary: Glossary, here: str) -> str:
    counts: dict[str, int] = defaultdict(int)
    for term in glossary.terms.values():
        counts[term.category] += 1
    return _list([f"{category_link_html(c, here)} ({counts[c.id]})" for c in glossary.categories.values()])


def category_page(category_id: str, glossary: Glossary) -> Page:
    here = category_uri(category_id)
    category = glossary.categories[category_id]
    terms = sorted(glossary.in_category(category_id), key=chinese.sort_key)
    title = f"{category.zh} · {category.en}"
    description = UI["category_description"].format(zh=category.zh, en=category.en)
    body = [
        f"<p>{escape_html(UI['terms_count'].format(n=len(terms)))}</p>",
        "<ul>",
        *(term_item_html(t, here, glossary) for t in terms),
        "</ul>",
    ]
    return _page(_category_slot(category_id), title, description, body)


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
        extra = f" ({escape_html(expansion)})" if expansion else ""
        other = "" if fold_name(name) == fold_name(term.zh) else f" · {escape_html(term.zh)}"
        # The English name is tagged as English, for screen-reader voices and translation tools.
        link = f'<a href="{href(A_Z_URI, term_uri(term.id))}"><span lang="en">{escape_html(name)}</span></a>'
        groups[letter].append(link + extra + other)
    return _lettered_page(Slot(A_Z_URI), UI["a_z"], groups, UI["a_z_description"])


def pinyin_page(glossary: Glossary) -> Page:
    groups: dict[str, list[str]] = defaultdict(list)
    for term in sorted(glossary.terms.values(), key=chinese.sort_key):
        spoken = chinese.spoken(term)
        groups[chinese.initial(term)].append(
            f'<a href="{href(PINYIN_URI, term_uri(term.id))}">{escape_html(term.zh)}</a>'
            + (f' <span class="gl-pinyin">{escape_html(spoken)}</span>' if spoken else "")
            + ("" if same_name(term) else f" · {escape_html(term.en)}")
        )
    return _lettered_page(Slot(PINYIN_URI), UI["pinyin"], groups, UI["pinyin_description"])


def _lettered_page(slot: Slot, title: str, groups: dict[str, list[str]], description: str) -> Page:
    letters = sorted(groups, key=lambda k: (k == "#", k))
    # The group of names that start with no letter is named in words, and anchored as "other".
    toc = [Heading("other" if k == "#" else k.lower(), UI["other_group"] if k == "#" else k) for k in letters]
    jump = " ".join(f'<a href="#{h.anchor}">{escape_html(k)}</a>' for k, h in zip(letters, toc, strict=True))
    body = [f'<p class="gl-jump">{jump}</p>']
    for k, heading in zip(letters, toc, strict=True):
        body += [heading.html(), _list(groups[k])]
    return _page(slot, title, description, body, toc)


def tags_page(glossary: Glossary) -> Page:
    """Every tag, A to Z, with the terms that carry it (term pages link each tag here)."""
    tagged: dict[str, list[Term]] = defaultdict(list)
    for term in sorted(glossary.terms.values(), key=chinese.sort_key):
        for tag in term.tags:
            tagged[tag].append(term)
    toc = [Heading(tag_anchor(tag), tag) for tag in sorted(tagged)]
    body = ['<p class="gl-jump">' + " ".join(f'<a href="#{h.anchor}">{escape_html(h.title)}</a>' for h in toc) + "</p>"]
    for heading in toc:
        body += [heading.html(), _list([term_link_html(t, TAGS_URI, both=True) for t in tagged[heading.title]])]
    return _page(Slot(TAGS_URI), UI["tags_page"], UI["tags_description"], body, toc)


def shared_names_page(glossary: Glossary) -> Page:
    """Names (abbreviations, aliases) that several terms use, each with the terms to choose from."""
    body = ["<p>同一个名称或缩写可能指不同的概念。Some names and abbreviations stand for more than one concept.</p>"]
    toc = []
    for name, ids in sorted(glossary.shared_names.items()):
        shown = next(n for n in glossary.terms[ids[0]].proper_names if fold_name(n) == name)
        toc.append(Heading(shared_name_anchor(name), shown))
        body += [toc[-1].html(), "<ul>", *(term_item_html(glossary.terms[i], SHARED_NAMES_URI, glossary) for i in ids), "</ul>"]
    return _page(Slot(SHARED_NAMES_URI), UI["shared_names_page"], UI["shared_names_description"], body, toc)


def downloads_page(sizes: dict[str, int]) -> Page:
    """The downloads, each with what it is for, its size and its licence."""
    rows = [
        f'<tr>\n<td><a href="downloads/{escape_html(name)}" download>{escape_html(name)}</a></td>\n'
        f"<td>{escape_html(DOWNLOADS[name])}</td>\n<td>{_size(size)}</td>\n</tr>"
        for name, size in sizes.items()
    ]
    head = "<thead>\n<tr>\n<th>文件 · File</th>\n<th>内容 · Contents</th>\n<th>大小 · Size</th>\n</tr>\n</thead>"
    body = [f"<p>{escape_html(UI['downloads_intro'])}</p>", f"<table>\n{head}\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"]
    body.append(f"<p>{UI['downloads_licence']}</p>")
    return _page(Slot(DOWNLOADS_URI), UI["downloads_page"], UI["downloads_description"], body)


def _size(count: int) -> str:
    return f"{count / 1024:,.0f} KB" if count < 1024 * 1024 else f"{count / 1024 / 1024:,.1f} MB"
