"""What every generated page shares: its place (Slot, Page, URIs), the interface strings in both
languages (UI), links and escaping. term_pages.py and index_pages.py write the pages themselves,
as HTML, as pure functions of a checked Glossary.

Content is text, not HTML: names go into HTML only through `escape_html`, and contributors'
Markdown has raw HTML neutralised before it is converted (see `content_markdown`, prose.py).
"""

from __future__ import annotations

import hashlib
import html
import json
import posixpath
import re
from dataclasses import dataclass
from functools import cache

from .inline_links import replace_inline_links
from .model import Glossary, Term, fold_name
from .schema import Category

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
    # The address is the page's canonical URL, filled in by glossary-page.js (it differs hosted and from disk).
    "print_note": '<p class="gl-print-only">AI 双语术语表 · Bilingual AI Glossary — <span class="gl-print-url"></span> — '
    "审校于 · Reviewed {reviewed} — 内容采用 CC BY 4.0 许可 · Content licensed CC BY 4.0</p>",
    "downloads_page": "下载 · Downloads",
    "downloads_description": "整个术语表的数据文件：JSON、CSV、TBX、jieba 词典和 Anki 卡组。The whole glossary as data.",
    "downloads_intro": "整个术语表的数据文件，与网站出自同一份已检查的数据，每次构建时重新生成。"
    "The whole glossary as data files, built from the same checked data as the site each time it is built.",
    # HTML: the licence is a link in both languages.
    "downloads_licence": '内容采用 <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a> 许可：'
    "使用时请注明出处“AI 双语术语表”。"
    'Content licensed <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>: '
    "credit “AI 双语术语表 · Bilingual AI Glossary”.",
    "copy": "复制 · Copy",
    "copy_zh": "中文名",
    "copy_en": "English name",
    "copy_pair_zh": "中文写法",
    "copy_pair_en": "English style",
    "copy_link": "链接 · Link",
    "cite": "引用 · Cite",
    "cite_licence": "内容采用 CC BY 4.0 许可，引用时请注明出处。Content licensed CC BY 4.0: please credit the source.",
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
    "permalink": "本段链接 · Permanent link",  # the toc extension's permalink_title in mkdocs.yml
}

BACKLINKS_SHOWN = 12
HOME_URI = "index.md"
CATEGORIES_URI = "categories/index.md"
A_Z_URI = "a-z.md"
PINYIN_URI = "pinyin.md"
SHARED_NAMES_URI = "shared-names.md"
TAGS_URI = "tags.md"
DOWNLOADS_URI = "downloads.md"


@dataclass(frozen=True)
class Slot:
    """Where a generated page goes. MkDocs needs every file before any page (see slots)."""

    uri: str
    edit_path: str | None = None  # the YAML file the edit button should open, relative to the project root
    in_nav: bool = True  # term and category pages stay out of the navigation so page weight stays flat


@dataclass(frozen=True)
class Heading:
    """A section heading of a page written as HTML, and its entry in the page's table of contents."""

    anchor: str
    title: str
    lang: str | None = None
    level: int = 2

    def html(self) -> str:
        """As MkDocs' toc extension writes headings (mkdocs.yml): with a permalink after the title."""
        lang = f' lang="{self.lang}"' if self.lang else ""
        permalink = f'<a class="headerlink" href="#{self.anchor}" title="{escape_html(UI["permalink"])}">&para;</a>'
        return f'<h{self.level} id="{self.anchor}"{lang}>{escape_html(self.title)}{permalink}</h{self.level}>'


@dataclass(frozen=True)
class Page:
    """A page MkDocs should serve as if it were a file in docs/ at `slot.uri`, written as HTML.

    MkDocs reads only the front matter (title, description); the hook puts `html` in as the page's
    content and `toc` as its table of contents, so generated pages never pass through Markdown.
    """

    slot: Slot
    front_matter: str
    html: str
    toc: tuple[Heading, ...] = ()

    @property
    def uri(self) -> str:
        return self.slot.uri


def term_uri(term_id: str) -> str:
    return f"terms/{term_id}.md"


def category_uri(category_id: str) -> str:
    return f"categories/{category_id}.md"


def tag_anchor(tag: str) -> str:
    return f"tag-{tag}"


def shared_name_anchor(folded_name: str) -> str:
    """A stable anchor for a shared name on the shared-names page, whatever its script."""
    return "n-" + hashlib.blake2b(folded_name.encode(), digest_size=4).hexdigest()


def plain_text(text: str, glossary: Glossary, lang: str) -> str:
    """Text with inline links reduced to the words a reader sees (for lists and tooltips)."""
    return replace_inline_links(text, lambda target, shown: shown if shown is not None else getattr(glossary.terms[target], lang))


# --- shared pieces ----------------------------------------------------------------------------


def same_name(term: Term) -> bool:
    """Whether the Chinese and English names are one name (Transformer, LoRA): then it is shown once."""
    return fold_name(term.zh) == fold_name(term.en)


def both_names(term: Term) -> str:
    """ "检索增强生成 · Retrieval-augmented generation", or the one name both languages share."""
    return term.zh if same_name(term) else f"{term.zh} · {term.en}"


def term_link_html(term: Term, here: str, *, both: bool = False) -> str:
    text = both_names(term) if both else term.zh
    return f'<a href="{href(here, term_uri(term.id))}">{escape_html(text)}</a>'


def term_item_html(term: Term, here: str, glossary: Glossary) -> str:
    """A list item: both names as one link, then the one-line summary in each language."""
    abbr = f" ({escape_html(term.abbr)})" if term.abbr else ""
    summary_zh = escape_html(plain_text(term.summary.zh, glossary, "zh"))
    summary_en = escape_html(plain_text(term.summary.en, glossary, "en"))
    summaries = f'<span class="gl-summary-zh">{summary_zh}</span> <span lang="en">{summary_en}</span>'
    return f"<li><strong>{term_link_html(term, here, both=True)}</strong>{abbr}：{summaries}</li>"


def term_names_item_html(term: Term, here: str) -> str:
    """A list item: both names as one link, and the abbreviation. The summary is the link's hover
    card, loaded when wanted: twelve of them printed made up a fifth of a term page."""
    abbr = f" ({escape_html(term.abbr)})" if term.abbr else ""
    return f"<li>{term_link_html(term, here, both=True)}{abbr}</li>"


def category_link_html(category: Category, here: str) -> str:
    return f'<a href="{href(here, category_uri(category.id))}">{escape_html(category.zh)} · {escape_html(category.en)}</a>'


def tag_link_html(tag: str, here: str) -> str:
    return f'<a href="{href(here, TAGS_URI)}#{tag_anchor(tag)}">{escape_html(tag)}</a>'


def href(here: str, target: str) -> str:
    """The address of page `target` (a docs/ path) from page `here`, as the built site has it:
    one .html file per page (use_directory_urls: false, which the hook insists on)."""
    return relative(here, target).removesuffix(".md") + ".html"


def relative(here: str, target: str) -> str:
    folder, name = posixpath.split(target)
    way = _folder_to_folder(posixpath.dirname(here) or ".", folder or ".")
    return name if way == "." else f"{way}/{name}"


@cache
def _folder_to_folder(start: str, folder: str) -> str:
    # relpath() is slow (it makes both paths absolute) and runs for every link; pages live in a
    # handful of folders, so each pair of folders is worked out once.
    return posixpath.relpath(folder, start)


def front_matter(*, title: str, description: str | None = None) -> str:
    # JSON strings are valid YAML scalars, so any text is quoted safely. Titles go into <title>
    # and the navigation unescaped by the theme, so angle brackets are dropped from them.
    lines = ["---", f"title: {json.dumps(re.sub(r'[<>]', '', title), ensure_ascii=False)}"]
    if description:
        lines.append(f"description: {json.dumps(html.escape(description), ensure_ascii=False)}")
    return "\n".join(lines + ["---", ""])


def escape_html(text: str) -> str:
    return html.escape(text, quote=True)


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
