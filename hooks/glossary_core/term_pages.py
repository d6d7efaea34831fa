"""Markdown for term pages, and the small pages that redirect a former id to its term."""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterator

from .inline_links import INLINE_LINK, replace_inline_links
from .model import Alias, Bilingual, Glossary, Term, fold_name
from .render import (
    BACKLINKS_SHOWN,
    CHOICE,
    HOME_URI,
    SHARED_NAMES_URI,
    UI,
    Page,
    Slot,
    category_link,
    content_markdown,
    escape_html,
    escape_markdown,
    escape_markdown_syntax,
    front_matter,
    plain_text,
    relative,
    same_name,
    shared_name_anchor,
    tag_link,
    term_item,
    term_link,
    term_uri,
)


def term_slots(glossary: Glossary) -> list[Slot]:
    """The pages term_pages() produces, in its order."""
    return [_term_slot(t) for t in glossary.terms.values()]


def term_pages(glossary: Glossary, texts: dict[str, dict[tuple, str]] | None = None, site_url: str = "") -> Iterator[Page]:
    texts = texts or {}
    return (term_page(t, glossary, texts.get(t.id), site_url) for t in glossary.terms.values())


def _term_slot(term: Term) -> Slot:
    return Slot(term_uri(term.id), edit_path=term.source_path, in_nav=False)


def term_page(term: Term, glossary: Glossary, texts: dict[tuple, str] | None = None, site_url: str = "") -> Page:
    here = term_uri(term.id)
    texts = texts or {}

    def text(group: str, lang: str) -> str:
        return texts.get((group, lang), getattr(getattr(term, group), lang))

    category = glossary.categories[term.category]
    # The page title carries the abbreviation too: "检索增强生成 (RAG) · Retrieval-augmented generation".
    title = term.zh + (f" ({term.abbr})" if term.abbr else "") + ("" if same_name(term) else f" · {term.en}")
    link = _inline_link_renderer(glossary, here)
    out = [
        front_matter(title=title, description=f"{term.summary.zh} {term.summary.en}"),
        # Term pages are not in the navigation: the category path says where the reader is.
        f"[{UI['home']}]({relative(here, HOME_URI)}) › {category_link(category, here)}",
        "{: .gl-crumbs }",
        "",
        f'<h1 class="gl-title"><span class="gl-zh">{escape_html(term.zh)}</span>'
        + ("" if same_name(term) else f' <span class="gl-en" lang="en">{escape_html(term.en)}</span>')
        + (f' <abbr class="gl-abbr" title="{escape_html(UI["abbr"])}">{escape_html(term.abbr)}</abbr>' if term.abbr else "")
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
        f"**{UI['category']}**：{category_link(category, here)}"
        + (f" · **{UI['tags']}**：" + " ".join(tag_link(tag, here) for tag in term.tags) if term.tags else ""),
    ]
    out += _names_block(term)
    out += ["", f"**{UI['reviewed']}**：{escape_markdown(term.reviewed)}" if term.reviewed else "", "", "</div>", ""]

    shared = glossary.sharing_a_name_with(term.id)
    if shared:
        out += [f'!!! info "{UI["shared_name"]}"', ""]
        for name, others in shared.items():
            links = "；".join(term_link(glossary.terms[o], here, both=True) for o in others)
            out.append(f"    “{escape_markdown(name)}” {UI['also_means']}：{links}")
            out.append("")

    out += [
        f"## {UI['zh_section']} {{ #zh }}",
        "",
        '<div class="gl-body-zh" markdown>',
        "",
        content_markdown(replace_inline_links(text("body", "zh"), link("zh"))),
        "",
        "</div>",
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
        out += [term_item(glossary.terms[r], here, glossary) for r in term.related]
        out.append("")
    backlinks = glossary.backlinks.get(term.id, ())
    if backlinks:
        out += [f"## {UI['backlinks']} {{ #backlinks }}", ""]
        items = [f"- {term_link(glossary.terms[b], here, both=True)}" for b in backlinks]
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
            out.append(f"{i}. [{escape_markdown(ref.title)}](<{ref.url}>){year}")
        out.append("")
    url = page_address(term, site_url)
    out += _copy_block(term, url) + _cite_block(term, url)
    out += [UI["print_note"].format(reviewed=escape_html(term.reviewed)), ""]
    out.append(_structured_data(term, glossary, url, site_url))
    out.append(_hover_cards(term, glossary, [text(group, lang) for group in ("summary", "body") for lang in ("zh", "en")]))
    return Page(_term_slot(term), "\n".join(out))


def _names_block(term: Term) -> list[str]:
    """Which names to write: the headwords first, then accepted, former and discouraged names,
    the last two with the reason a reader should know."""
    authority = term.authority or Bilingual("", "")

    def headword(name: str, source: str) -> str:
        return escape_markdown(name) + (f"（{escape_markdown(source)}）" if source else "")

    def alias(a: Alias) -> str:
        notes = "；".join(escape_markdown(note) for note in (a.reason, a.authority) if note)
        name = f'<span lang="en">{escape_html(a.name)}</span>' if a.lang == "en" else escape_markdown(a.name)
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
    size of the glossary.
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
    return f'<script type="application/json" id="gl-cards">{_script_json({"terms": cards, "choices": choices})}</script>\n'


def _script_json(data: dict) -> str:
    """Compact JSON to put inside a <script> element: '<' is escaped so no text can close it."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def _inline_link_renderer(glossary: Glossary, here: str):
    """[[id]] shows the target's name in the language of the text around it."""

    def for_language(lang: str):
        def to_markdown(target: str, text: str | None) -> str:
            # The link text stays in the contributor's text, which content_markdown() escapes
            # afterwards, so only Markdown's own characters are escaped here (not & or <, twice).
            if CHOICE in target:  # a name several terms share: link to the choice between them
                anchor = shared_name_anchor(fold_name(text or ""))
                return f"[{escape_markdown_syntax(text or '')}]({relative(here, SHARED_NAMES_URI)}#{anchor})"
            term = glossary.terms[target]
            shown = text if text is not None else getattr(term, lang)
            return f"[{escape_markdown_syntax(shown)}]({relative(here, term_uri(target))})"

        return to_markdown

    return for_language


def redirect_pages(glossary: Glossary, site_url: str) -> dict[str, str]:
    """A small HTML page at each former id's address that sends readers and search engines on to
    the term's current page (meta refresh, canonical link, and a plain link for everyone else)."""
    pages = {}
    for term in glossary.terms.values():
        here = term_uri(term.id).removesuffix(".md") + ".html"
        target = posixpath.basename(here)
        canonical = page_address(term, site_url) or target
        for old in term.former_ids:
            title = escape_html(f"{term.zh} · {term.en}")
            pages[f"terms/{old}.html"] = (
                "<!doctype html>\n"
                f'<html lang="zh-Hans"><head><meta charset="utf-8"><title>{title}</title>\n'
                f'<link rel="canonical" href="{escape_html(canonical)}">\n<meta name="robots" content="noindex">\n'
                f'<meta http-equiv="refresh" content="0; url={escape_html(target)}"></head>\n'
                f'<body><p>此术语已移至 · This term has moved to: <a href="{escape_html(target)}">{title}</a></p></body></html>\n'
            )
    return pages


def page_address(term: Term, site_url: str) -> str:
    """The term page's public address, from mkdocs.yml's site_url ('' when none is set)."""
    return f"{site_url.rstrip('/')}/terms/{term.id}.html" if site_url else ""


def running_name(term: Term) -> str:
    """The English name as it stands inside a sentence: 'retrieval-augmented generation', but
    'Transformer', 'LoRA' and product names keep their capitals."""
    en = term.en
    proper = term.category in ("companies-products", "tools", "models", "hardware") or any(c.isupper() for c in en[1:].split(" ")[0])
    return en if proper or same_name(term) else en[:1].lower() + en[1:]


def _copy_block(term: Term, url: str) -> list[str]:
    """Buttons that copy the names in the forms writers paste (glossary-cards.js does the copying)."""
    en = running_name(term)
    abbr = term.abbr
    pairs = [
        ("copy_zh", term.zh),
        ("copy_en", term.en),
        ("copy_pair_zh", f"{term.zh}（{en}，{abbr}）" if abbr else f"{term.zh}（{en}）"),
        ("copy_pair_en", f"{en} ({abbr}; {term.zh})" if abbr else f"{en} ({term.zh})"),
        ("copy_link", url),
    ]
    buttons = " ".join(
        f'<button type="button" class="md-button gl-copy" data-copy="{escape_html(value)}"'
        f"{' data-copy-link' if key == 'copy_link' else ''}>{escape_html(UI[key])}</button>"
        for key, value in pairs
    )
    status = '<span class="gl-copy-status" role="status"></span>'
    return [f'<p class="gl-copy-row"><strong>{escape_html(UI["copy"])}</strong> {buttons} {status}</p>', ""]


def _cite_block(term: Term, url: str) -> list[str]:
    """How to cite the entry: GB/T 7714-2015, APA 7 and BibTeX, with the address, the review date
    and the licence. The access date is today's, filled in by the page when it is shown."""
    year, month, day = (int(p) for p in term.reviewed.split("-")) if term.reviewed else (0, 0, 0)
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    reviewed_en = f"{year}, {months[month - 1]} {day}" if year else "n.d."
    title_zh = f"{term.zh}（{term.en}）" if not same_name(term) else term.zh
    title_en = f"{term.en} ({term.zh})" if not same_name(term) else term.en
    today = '<span class="gl-today"></span>'
    gbt = f"AI 双语术语表. {escape_html(title_zh)}[EB/OL]. ({escape_html(term.reviewed)})[{today}]. {escape_html(url)}."
    apa = f"AI 双语术语表 · Bilingual AI Glossary. ({reviewed_en}). <em>{escape_html(title_en)}</em>. {escape_html(url)}"
    bibtex = "\n".join(
        [
            f"@misc{{aiglossary-{term.id},",
            "  author = {{AI 双语术语表 · Bilingual AI Glossary}},",
            f"  title = {{{title_en}}},",
            f"  year = {{{year or ''}}},",
            f"  url = {{{url}}},",
            f"  note = {{Reviewed {term.reviewed}. Licensed CC BY 4.0}}",
            "}",
        ]
    )
    return [
        f'<details class="gl-cite"><summary>{escape_html(UI["cite"])}</summary>',
        f"<p><strong>GB/T 7714-2015</strong><br>{gbt}</p>",
        f"<p><strong>APA 7</strong><br>{apa}</p>",
        f"<p><strong>BibTeX</strong></p><pre><code>{escape_html(bibtex)}</code></pre>",
        f"<p>{escape_html(UI['cite_licence'])}</p>",
        "</details>",
        "",
    ]


def _structured_data(term: Term, glossary: Glossary, url: str, site_url: str) -> str:
    """schema.org DefinedTerm in its DefinedTermSet, names tagged by language, for search engines
    and link previews."""

    def tagged(value: str, lang: str) -> dict:
        return {"@value": value, "@language": "zh-Hans" if lang == "zh" else "en"}

    data = {
        "@context": "https://schema.org",
        "@type": "DefinedTerm",
        "@id": url or None,
        "url": url or None,
        "name": [tagged(term.zh, "zh"), tagged(term.en, "en")],
        "alternateName": [tagged(a.name, a.lang) for a in term.aliases if a.status != "discouraged"]
        + ([tagged(term.abbr, "en")] if term.abbr else []),
        "description": [tagged(plain_text(getattr(term.summary, lang), glossary, lang), lang) for lang in ("zh", "en")],
        "termCode": term.id,
        "inDefinedTermSet": {"@type": "DefinedTermSet", "name": UI["site_zh"] + " · " + UI["site_en"], "url": site_url or None},
    }
    return f'<script type="application/ld+json">{_script_json({k: v for k, v in data.items() if v})}</script>'
