"""Markdown for every generated page: pure functions of a checked Glossary.

Content is text, not HTML: names go into HTML only through `html.escape`, and contributors'
Markdown has raw HTML neutralised before MkDocs sees it (see `content_markdown`).
"""

from __future__ import annotations

import hashlib
import html
import json
import posixpath
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from . import chinese
from .inline_links import INLINE_LINK, replace_inline_links
from .model import Alias, Bilingual, Glossary, Term, fold_name

CHOICE = "+"  # joins the ids of a shared name in an automatic link: [[ai-agent+rl-agent|agent]]

# Every UI string of the generated pages, both languages, in one place.
UI = {
    "site_zh": "AI 双语术语表",
    "site_en": "Bilingual AI Glossary",
    "category": "分类 · Category",
    "tags": "标签 · Tags",
    "recommended": "推荐名称 · Recommended",
    "accepted": "也作 · Also called",
    "former": "旧称 · Former names",
    "discouraged": "不推荐 · Discouraged",
    "reviewed": "审校于 · Reviewed",
    "home": "首页 · Home",
    "abbr": "缩写 · Abbreviation",
    "more": "另外 {n} 个 · {n} more",
    # The address is the page's canonical URL, filled in by glossary-search.js (it differs hosted and from disk).
    "print_note": '<p class="gl-print-only">AI 双语术语表 · Bilingual AI Glossary — <span class="gl-print-url"></span> — '
    "审校于 · Reviewed {reviewed} — 内容采用 CC BY 4.0 许可 · Content licensed CC BY 4.0</p>",
    "tags_page": "标签 · Tags",
    "tags_description": "按标签浏览术语。Terms grouped by tag.",
    "other_group": "数字及其他 · Digits and other",
    "a_z_description": "按英文名和缩写排序的全部术语，附中文名。All terms by English name and abbreviation, A to Z.",
    "pinyin_description": "按中文名拼音排序的全部术语，附读音和英文名。All terms by the pinyin of their Chinese names.",
    "categories_description": "术语按十二个分类浏览。Browse the terms by category.",
    "shared_names_description": "同一个名称指不同概念时，在这里选择。Names and abbreviations that stand for more than one concept.",
    "category_description": "{zh}类的全部术语，按拼音排序，附一句话定义。Every term in {en}, by pinyin, with its one-line definition.",
    "recently_reviewed": "最近更新 · Recently updated",
    "zh_section": "中文",
    "en_section": "English",
    "related": "相关术语 · Related terms",
    "backlinks": "被引用 · Referenced by",
    "references": "参考资料 · References",
    "shared_name": "同名 · Shared name",
    "also_means": "也指 · also means",
    "categories": "分类 · Categories",
    "a_z": "英文索引 A–Z · English A–Z",
    "pinyin": "拼音索引 · Index by pinyin",
    "terms_count": "{n} 个术语 · {n} terms",
    "shared_names_page": "同名术语 · Shared names",
}

BACKLINKS_SHOWN = 12
HOME_URI = "index.md"
CATEGORIES_URI = "categories/index.md"
A_Z_URI = "a-z.md"
PINYIN_URI = "pinyin.md"
SHARED_NAMES_URI = "shared-names.md"
TAGS_URI = "tags.md"


@dataclass(frozen=True)
class Slot:
    """Where a generated page goes. MkDocs needs every file before any page's Markdown (see slots)."""

    uri: str
    edit_path: str | None = None  # the YAML file the edit button should open, relative to the project root
    in_nav: bool = True  # term and category pages stay out of the navigation so page weight stays flat


@dataclass(frozen=True)
class Page:
    """A page MkDocs should serve as if it were a file in docs/ at `slot.uri`."""

    slot: Slot
    markdown: str

    @property
    def uri(self) -> str:
        return self.slot.uri


def term_uri(term_id: str) -> str:
    return f"terms/{term_id}.md"


def category_uri(category_id: str) -> str:
    return f"categories/{category_id}.md"


def _term_slot(term: Term) -> Slot:
    return Slot(term_uri(term.id), edit_path=term.source_path, in_nav=False)


def _category_slot(category_id: str) -> Slot:
    return Slot(category_uri(category_id), in_nav=False)


def index_slots(glossary: Glossary) -> list[Slot]:
    """The pages index_pages() produces, in its order."""
    return [
        *(Slot(uri) for uri in (HOME_URI, CATEGORIES_URI, A_Z_URI, SHARED_NAMES_URI, PINYIN_URI, TAGS_URI)),
        *(_category_slot(c) for c in glossary.categories),
    ]


def term_slots(glossary: Glossary) -> list[Slot]:
    """The pages term_pages() produces, in its order."""
    return [_term_slot(t) for t in glossary.terms.values()]


def all_pages(glossary: Glossary, texts: dict[str, dict[tuple, str]] | None = None) -> list[Page]:
    """`texts` holds term texts with automatic links added (see site.py)."""
    return [*index_pages(glossary), *term_pages(glossary, texts)]


def index_pages(glossary: Glossary) -> Iterator[Page]:
    """Every page but the term pages, one at a time. None needs automatic links; those that need
    no pinyin either come first, because pypinyin takes seconds to read 10,000 names."""
    yield from (home_page(glossary), categories_page(glossary), a_z_page(glossary), shared_names_page(glossary))
    yield from (pinyin_page(glossary), tags_page(glossary))
    yield from (category_page(c, glossary) for c in glossary.categories)


def term_pages(glossary: Glossary, texts: dict[str, dict[tuple, str]] | None = None) -> Iterator[Page]:
    texts = texts or {}
    return (term_page(t, glossary, texts.get(t.id)) for t in glossary.terms.values())


# --- term pages -------------------------------------------------------------------------------


def term_page(term: Term, glossary: Glossary, texts: dict[tuple, str] | None = None) -> Page:
    here = term_uri(term.id)
    texts = texts or {}

    def text(group: str, lang: str) -> str:
        return texts.get((group, lang), getattr(getattr(term, group), lang))

    category = glossary.categories[term.category]
    # The page title carries the abbreviation too: "检索增强生成 (RAG) · Retrieval-augmented generation".
    title = term.zh + (f" ({term.abbr})" if term.abbr else "") + ("" if same_name(term) else f" · {term.en}")
    link = _inline_link_renderer(glossary, here)
    out = [
        _front_matter(title=title, description=f"{term.summary.zh} {term.summary.en}"),
        # Term pages are not in the navigation: the category path says where the reader is.
        f"[{UI['home']}]({_rel(here, HOME_URI)}) › [{_md(category.zh)} · {_md(category.en)}]({_rel(here, category_uri(category.id))})",
        "{: .gl-crumbs }",
        "",
        f'<h1 class="gl-title"><span class="gl-zh">{_h(term.zh)}</span>'
        + ("" if same_name(term) else f' <span class="gl-en" lang="en">{_h(term.en)}</span>')
        + (f' <abbr class="gl-abbr" title="{_h(UI["abbr"])}">{_h(term.abbr)}</abbr>' if term.abbr else "")
        + "</h1>",
        "",
        # The two one-sentence definitions come first: they are what the reader came for.
        content_markdown(replace_inline_links(text("summary", "zh"), link("zh"))),
        "{: .gl-lead }",
        "",
        content_markdown(replace_inline_links(text("summary", "en"), link("en"))),
        '{: .gl-lead lang="en" }',
        "",
        '<div class="gl-facts" markdown>',
        "",
        f"**{UI['category']}**：[{_md(category.zh)} · {_md(category.en)}]({_rel(here, category_uri(category.id))})"
        + (
            f" · **{UI['tags']}**：" + " ".join(f"[{_md(tag)}]({_rel(here, TAGS_URI)}#{tag_anchor(tag)})" for tag in term.tags)
            if term.tags
            else ""
        ),
    ]
    out += _names_block(term)
    out += ["", f"**{UI['reviewed']}**：{_md(term.reviewed)}" if term.reviewed else "", "", "</div>", ""]

    shared = glossary.sharing_a_name_with(term.id)
    if shared:
        out += [f'!!! info "{UI["shared_name"]}"', ""]
        for name, others in shared.items():
            links = "；".join(_term_link(glossary.terms[o], here, both=True) for o in others)
            out.append(f"    “{_md(name)}” {UI['also_means']}：{links}")
            out.append("")

    out += [
        f"## {UI['zh_section']} {{ #zh }}",
        "",
        content_markdown(replace_inline_links(text("body", "zh"), link("zh"))),
        "",
        f'## {UI["en_section"]} {{ #en lang="en" }}',
        "",
        '<div lang="en" markdown>',
        "",
        content_markdown(replace_inline_links(text("body", "en"), link("en"))),
        "",
        "</div>",
        "",
    ]
    if term.related:
        out += [f"## {UI['related']} {{ #related }}", ""]
        out += [_term_item(glossary.terms[r], here, glossary) for r in term.related]
        out.append("")
    backlinks = glossary.backlinks.get(term.id, ())
    if backlinks:
        out += [f"## {UI['backlinks']} {{ #backlinks }}", ""]
        items = [f"- {_term_link(glossary.terms[b], here, both=True)}" for b in backlinks]
        out += items[:BACKLINKS_SHOWN]
        if len(items) > BACKLINKS_SHOWN:  # a long list folds: it should not outweigh the entry itself
            rest = len(items) - BACKLINKS_SHOWN
            summary = f"<summary>{UI['more'].format(n=rest)}</summary>"
            out += ["", '<details class="gl-more" markdown>', summary, "", *items[BACKLINKS_SHOWN:], "", "</details>"]
        out.append("")
    if term.references:
        out += [f"## {UI['references']} {{ #references }}", ""]
        for i, ref in enumerate(term.references, 1):
            year = f" ({ref.year})" if ref.year else ""
            # <url> keeps the whole address one link target: a ')' or '{' in it cannot end the
            # link early and smuggle in a second link or an attribute list.
            out.append(f"{i}. [{_md(ref.title)}](<{ref.url}>){year}")
        out.append("")
    out += [UI["print_note"].format(reviewed=_h(term.reviewed)), ""]
    out.append(_hover_cards(term, glossary, [text(group, lang) for group in ("summary", "body") for lang in ("zh", "en")]))
    return Page(_term_slot(term), "\n".join(out))


def _names_block(term: Term) -> list[str]:
    """Which names to write: the headwords first, then accepted, former and discouraged names,
    the last two with the reason a reader should know."""
    authority = term.authority or Bilingual("", "")

    def headword(name: str, source: str) -> str:
        return _md(name) + (f"（{_md(source)}）" if source else "")

    def alias(a: Alias) -> str:
        notes = "；".join(_md(note) for note in (a.reason, a.authority) if note)
        name = f'<span lang="en">{_h(a.name)}</span>' if a.lang == "en" else _md(a.name)
        return name + (f"（{notes}）" if notes else "")

    names = headword(term.zh, authority.zh)
    if not same_name(term) or authority.en:
        names += f" · {headword(term.en, authority.en)}"
    out = ["", f"**{UI['recommended']}**：{names}"]
    for status in ("accepted", "former", "discouraged"):
        names = [a for a in term.aliases if a.status == status]
        if names:
            css = "" if status == "accepted" else f"{{: .gl-names-{status} }}"
            out += ["", f"**{UI[status]}**：" + " · ".join(alias(a) for a in names), *([css] if css else [])]
    return out


def _hover_cards(term: Term, glossary: Glossary, texts: list[str]) -> str:
    """Names and summaries of every term this page links to, for hover cards (no fetch needed).

    Only what this page links is included, so its weight depends on its own links, not on the
    size of the glossary. `<` is escaped so no text can close the script element.
    """
    targets = [*term.related, *glossary.backlinks.get(term.id, ()), *glossary.links.get(term.id, ())]
    choices: dict[str, list[str]] = {}
    for text in texts:
        for match in INLINE_LINK.finditer(text):
            if CHOICE in match.group(2):
                ids = match.group(2).split(CHOICE)
                choices[shared_name_anchor(fold_name(match.group(3) or ""))] = ids
                targets += ids

    def card(t: Term) -> list[str]:
        return [t.zh, t.en, t.abbr or "", plain_text(t.summary.zh, glossary, "zh"), plain_text(t.summary.en, glossary, "en")]

    cards = {t: card(glossary.terms[t]) for t in dict.fromkeys(targets) if t in glossary.terms}
    payload = json.dumps({"terms": cards, "choices": choices}, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/json" id="gl-cards">{payload}</script>\n'


def shared_name_anchor(folded_name: str) -> str:
    """A stable anchor for a shared name on the shared-names page, whatever its script."""
    return "n-" + hashlib.blake2b(folded_name.encode(), digest_size=4).hexdigest()


def _inline_link_renderer(glossary: Glossary, here: str):
    """[[id]] shows the target's name in the language of the text around it."""

    def for_language(lang: str):
        def to_markdown(target: str, text: str | None) -> str:
            # The link text stays in the contributor's text, which content_markdown() escapes
            # afterwards, so only Markdown's own characters are escaped here (not & or <, twice).
            if CHOICE in target:  # a name several terms share: link to the choice between them
                anchor = shared_name_anchor(fold_name(text or ""))
                return f"[{_md_syntax(text or '')}]({_rel(here, SHARED_NAMES_URI)}#{anchor})"
            term = glossary.terms[target]
            shown = text if text is not None else getattr(term, lang)
            return f"[{_md_syntax(shown)}]({_rel(here, term_uri(target))})"

        return to_markdown

    return for_language


def plain_text(text: str, glossary: Glossary, lang: str) -> str:
    """Text with inline links reduced to the words a reader sees (for lists and tooltips)."""
    return replace_inline_links(text, lambda target, shown: shown if shown is not None else getattr(glossary.terms[target], lang))


def redirect_pages(glossary: Glossary, site_url: str) -> dict[str, str]:
    """A small HTML page at each former id's address that sends readers and search engines on to
    the term's current page (meta refresh, canonical link, and a plain link for everyone else)."""
    pages = {}
    for term in glossary.terms.values():
        here = term_uri(term.id).removesuffix(".md") + ".html"
        target = posixpath.basename(here)
        canonical = site_url.rstrip("/") + "/" + here if site_url else target
        for old in term.former_ids:
            title = _h(f"{term.zh} · {term.en}")
            pages[f"terms/{old}.html"] = (
                "<!doctype html>\n"
                f'<html lang="zh-Hans"><head><meta charset="utf-8"><title>{title}</title>\n'
                f'<link rel="canonical" href="{_h(canonical)}">\n<meta name="robots" content="noindex">\n'
                f'<meta http-equiv="refresh" content="0; url={_h(target)}"></head>\n'
                f'<body><p>此术语已移至 · This term has moved to: <a href="{_h(target)}">{title}</a></p></body></html>\n'
            )
    return pages


# --- index pages ------------------------------------------------------------------------------


def home_page(glossary: Glossary) -> Page:
    n = len(glossary.terms)
    out = [
        _front_matter(
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
        "",
        f"## {UI['categories']} {{ #categories }}",
        "",
    ]
    out += _category_list(glossary, HOME_URI)
    out += ["", f"## {UI['recently_reviewed']} {{ #recent }}", ""]
    out += [f"- {term.reviewed} · {_term_link(term, HOME_URI, both=True)}" for term in recently_reviewed(glossary)]
    return Page(Slot(HOME_URI), "\n".join(out) + "\n")


def recently_reviewed(glossary: Glossary, count: int = 12) -> list[Term]:
    """The terms checked most recently, newest first; ties by name, so the list is stable.
    ISO dates sort as text."""
    by_name = sorted((t for t in glossary.terms.values() if t.reviewed), key=lambda t: t.zh)
    return sorted(by_name, key=lambda t: t.reviewed, reverse=True)[:count]


def categories_page(glossary: Glossary) -> Page:
    out = [_front_matter(title=UI["categories"], description=UI["categories_description"]), f"# {UI['categories']}", ""]
    out += _category_list(glossary, CATEGORIES_URI)
    return Page(Slot(CATEGORIES_URI), "\n".join(out) + "\n")


def _category_list(glossary: Glossary, here: str) -> list[str]:
    counts: dict[str, int] = defaultdict(int)
    for term in glossary.terms.values():
        counts[term.category] += 1
    return [f"- [{_md(c.zh)} · {_md(c.en)}]({_rel(here, category_uri(c.id))}) ({counts[c.id]})" for c in glossary.categories.values()]


def category_page(category_id: str, glossary: Glossary) -> Page:
    here = category_uri(category_id)
    category = glossary.categories[category_id]
    terms = sorted(glossary.in_category(category_id), key=chinese.sort_key)
    out = [
        _front_matter(
            title=f"{category.zh} · {category.en}", description=UI["category_description"].format(zh=category.zh, en=category.en)
        ),
        f"# {_md(category.zh)} · {_md(category.en)}",
        "",
        UI["terms_count"].format(n=len(terms)),
        "",
    ]
    out += [_term_item(t, here, glossary) for t in terms]
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
        extra = f" ({_md(expansion)})" if expansion else ""
        other = "" if fold_name(name) == fold_name(term.zh) else f" · {_md(term.zh)}"
        groups[letter].append(f"- [{_md(name)}]({term_uri(term.id)}){extra}{other}")
    return Page(Slot(A_Z_URI), _lettered_page(UI["a_z"], groups, UI["a_z_description"]))


def pinyin_page(glossary: Glossary) -> Page:
    groups: dict[str, list[str]] = defaultdict(list)
    for term in sorted(glossary.terms.values(), key=chinese.sort_key):
        groups[chinese.initial(term)].append(
            f"- [{_md(term.zh)}]({term_uri(term.id)})"
            + (f' <span class="gl-pinyin">{_h(chinese.spoken(term))}</span>' if chinese.spoken(term) else "")
            + ("" if same_name(term) else f" · {_md(term.en)}")
        )
    return Page(Slot(PINYIN_URI), _lettered_page(UI["pinyin"], groups, UI["pinyin_description"]))


def _lettered_page(title: str, groups: dict[str, list[str]], description: str) -> str:
    letters = sorted(groups, key=lambda k: (k == "#", k))
    anchor = {k: ("other" if k == "#" else k.lower()) for k in letters}
    # '#' alone would read as an empty Markdown heading: the other group is named in words.
    heading = {k: (UI["other_group"] if k == "#" else k) for k in letters}
    jump = " ".join(f"[{k}](#{anchor[k]})" for k in letters)
    out = [_front_matter(title=title, description=description), f"# {title}", "", jump, "{: .gl-jump }", ""]
    for k in letters:
        out += [f"## {heading[k]} {{ #{anchor[k]} }}", "", *groups[k], ""]
    return "\n".join(out)


def tag_anchor(tag: str) -> str:
    return f"tag-{tag}"


def tags_page(glossary: Glossary) -> Page:
    """Every tag, A to Z, with the terms that carry it (term pages link each tag here)."""
    tagged: dict[str, list[Term]] = defaultdict(list)
    for term in sorted(glossary.terms.values(), key=chinese.sort_key):
        for tag in term.tags:
            tagged[tag].append(term)
    out = [_front_matter(title=UI["tags_page"], description=UI["tags_description"]), f"# {UI['tags_page']}", ""]
    out += [" ".join(f"[{_md(tag)}](#{tag_anchor(tag)})" for tag in sorted(tagged)), "{: .gl-jump }", ""]
    for tag in sorted(tagged):
        out += [f"## {_md(tag)} {{ #{tag_anchor(tag)} }}", ""]
        out += [f"- {_term_link(t, TAGS_URI, both=True)}" for t in tagged[tag]]
        out.append("")
    return Page(Slot(TAGS_URI), "\n".join(out))


def shared_names_page(glossary: Glossary) -> Page:
    """Names (abbreviations, aliases) that several terms use, each with the terms to choose from."""
    out = [_front_matter(title=UI["shared_names_page"], description=UI["shared_names_description"]), f"# {UI['shared_names_page']}", ""]
    out.append("同一个名称或缩写可能指不同的概念。Some names and abbreviations stand for more than one concept.")
    out.append("")
    for name, ids in sorted(glossary.shared_names.items()):
        shown = next(n for n in glossary.terms[ids[0]].proper_names if fold_name(n) == name)
        out += [f"## {_md(shown)} {{ #{shared_name_anchor(name)} }}", ""]
        out += [_term_item(glossary.terms[i], SHARED_NAMES_URI, glossary) for i in ids]
        out.append("")
    return Page(Slot(SHARED_NAMES_URI), "\n".join(out))


# --- shared pieces ----------------------------------------------------------------------------


def same_name(term: Term) -> bool:
    """Whether the Chinese and English names are one name (Transformer, LoRA): then it is shown once."""
    return fold_name(term.zh) == fold_name(term.en)


def _term_link(term: Term, here: str, *, both: bool = False) -> str:
    text = f"{_md(term.zh)} · {_md(term.en)}" if both and not same_name(term) else _md(term.zh)
    return f"[{text}]({_rel(here, term_uri(term.id))})"


def _term_item(term: Term, here: str, glossary: Glossary) -> str:
    """A list item: both names as one link, then the one-line summary in each language."""
    abbr = f" ({_md(term.abbr)})" if term.abbr else ""
    summary_zh = _md(plain_text(term.summary.zh, glossary, "zh"))
    summary_en = _md(plain_text(term.summary.en, glossary, "en"))
    return f'- **{_term_link(term, here, both=True)}**{abbr}：{summary_zh} <span lang="en">{summary_en}</span>'


def _rel(here: str, target: str) -> str:
    folder, name = posixpath.split(target)
    way = _folder_to_folder(posixpath.dirname(here) or ".", folder or ".")
    return name if way == "." else f"{way}/{name}"


@cache
def _folder_to_folder(start: str, folder: str) -> str:
    # relpath() is slow (it makes both paths absolute) and runs for every link; pages live in a
    # handful of folders, so each pair of folders is worked out once.
    return posixpath.relpath(folder, start)


def _front_matter(*, title: str, description: str | None = None) -> str:
    # JSON strings are valid YAML scalars, so any text is quoted safely. Titles go into <title>
    # and the navigation unescaped by the theme, so angle brackets are dropped from them.
    lines = ["---", f"title: {json.dumps(re.sub(r'[<>]', '', title), ensure_ascii=False)}"]
    if description:
        lines.append(f"description: {json.dumps(html.escape(description), ensure_ascii=False)}")
    return "\n".join(lines + ["---", ""])


def _h(text: str) -> str:
    return html.escape(text, quote=True)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}<>#|!])")


def _md(text: str) -> str:
    """Plain text made safe inside Markdown: no emphasis, links, HTML or attribute lists by accident."""
    return _MD_SPECIAL.sub(r"\\\1", text.replace("&", "&amp;")).replace("\\<", "&lt;").replace("\\>", "&gt;")


def _md_syntax(text: str) -> str:
    """Only Markdown's own characters escaped, for text that content_markdown() will escape next."""
    return _MD_SYNTAX.sub(r"\\\1", text)


_MD_SYNTAX = re.compile(r"([\\`*_\[\]#!|])")
_CODE = re.compile(r"```.*?```|~~~.*?~~~|``.+?``|`[^`\n]+`", re.S)


def content_markdown(text: str) -> str:
    """A contributor's Markdown with raw HTML and character references made inert.

    `<`, `&` and `{` outside code become entities, so `<script>`, `<img onerror=...>`,
    `&#106;avascript:` and attribute lists like `{: onclick=... }` render as the text they are;
    code keeps its characters because Markdown escapes code itself.
    """
    out, last = [], 0
    for match in _CODE.finditer(text):
        out.append(_inert(text[last : match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(_inert(text[last:]))
    return "".join(out).strip()


def _inert(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("{", "&#123;")
