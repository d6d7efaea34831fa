"""Term pages as HTML, the small pages that redirect a former id to its term, and hover cards."""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterator

from .memo import MEMO
from .model import Alias, Bilingual, Glossary, Term, fold_name
from .prose import Prose
from .render import (
    BACKLINKS_SHOWN,
    CHOICE,
    HOME_URI,
    SHARED_NAMES_URI,
    UI,
    Heading,
    Page,
    Slot,
    both_names,
    category_link_html,
    escape_html,
    front_matter,
    href,
    plain_text,
    same_name,
    shared_name_anchor,
    tag_link_html,
    term_link_html,
    term_names_item_html,
    term_uri,
)


def term_slots(glossary: Glossary) -> list[Slot]:
    """The pages term_pages() produces, in its order."""
    return [_term_slot(t) for t in glossary.terms.values()]


def term_pages(glossary: Glossary, texts: dict[str, dict[tuple, str]] | None = None, site_url: str = "") -> Iterator[Page]:
    """Every term page, kept between builds of one process (memo.py): a page shows its own term,
    its texts and backlinks, and other terms' names only, so with those unchanged it is the page
    already made."""
    texts = texts or {}
    prose = Prose()
    names = glossary.names_digest
    for t in glossary.terms.values():
        page_texts = texts.get(t.id)

        def make(t: Term = t, page_texts: dict | None = page_texts) -> Page:
            return term_page(t, glossary, page_texts, site_url, prose)

        key = ("term page", names, site_url, t, tuple((page_texts or {}).items()), glossary.backlinks.get(t.id, ()))
        yield MEMO.get(key, make)


def _term_slot(term: Term) -> Slot:
    return Slot(term_uri(term.id), edit_path=term.source_path, in_nav=False)


def term_page(
    term: Term, glossary: Glossary, texts: dict[tuple, str] | None = None, site_url: str = "", prose: Prose | None = None
) -> Page:
    """The page as HTML: only the contributor's prose is Markdown, converted by `prose`."""
    here = term_uri(term.id)
    texts = texts or {}
    prose = prose or Prose()

    def text(group: str, lang: str) -> str:
        return prose.html(texts.get((group, lang), getattr(getattr(term, group), lang)), _link_html(glossary, here, lang))

    category = glossary.categories[term.category]
    # The page title carries the abbreviation too: "检索增强生成 (RAG) · Retrieval-augmented generation".
    title = term.zh + (f" ({term.abbr})" if term.abbr else "") + ("" if same_name(term) else f" · {term.en}")
    out = [
        # Term pages are not in the navigation: the category path says where the reader is.
        f'<p class="gl-crumbs"><a href="{href(here, HOME_URI)}">{escape_html(UI["home"])}</a> › {category_link_html(category, here)}</p>',
        f'<h1 class="gl-title"><span class="gl-zh">{escape_html(term.zh)}</span>'
        + ("" if same_name(term) else f' <span class="gl-en" lang="en">{escape_html(term.en)}</span>')
        + (f' <abbr class="gl-abbr" title="{escape_html(UI["abbr"])}">{escape_html(term.abbr)}</abbr>' if term.abbr else "")
        + "</h1>",
        # The two one-sentence definitions come first: they are what the reader came for.
        _with_class(text("summary", "zh"), 'class="gl-lead"'),
        _with_class(text("summary", "en"), 'class="gl-lead" lang="en"'),
        '<div class="gl-facts">',
        f"<p><strong>{escape_html(UI['category'])}</strong>：{category_link_html(category, here)}"
        + (
            f" · <strong>{escape_html(UI['tags'])}</strong>：" + " ".join(tag_link_html(tag, here) for tag in term.tags)
            if term.tags
            else ""
        )
        + "</p>",
        *_names_block(term),
        f"<p><strong>{escape_html(UI['reviewed'])}</strong>：{escape_html(term.reviewed)}</p>" if term.reviewed else "",
        "</div>",
    ]
    shared = glossary.sharing_a_name_with(term.id)
    if shared:
        out.append(f'<div class="admonition info"><p class="admonition-title">{escape_html(UI["shared_name"])}</p>')
        for name, others in shared.items():
            links = "；".join(term_link_html(glossary.terms[o], here, both=True) for o in others)
            out.append(f"<p>“{escape_html(name)}” {escape_html(UI['also_means'])}：{links}</p>")
        out.append("</div>")

    toc = [Heading("zh", UI["zh_section"]), Heading("en", UI["en_section"], "en")]
    out += [toc[0].html(), f'<div class="gl-body-zh">\n{text("body", "zh")}\n</div>']
    out += [toc[1].html(), f'<div lang="en">\n{text("body", "en")}\n</div>']
    if term.related:
        toc.append(Heading("related", UI["related"]))
        out += [toc[-1].html(), "<ul>", *(term_names_item_html(glossary.terms[r], here) for r in term.related), "</ul>"]
    backlinks = glossary.backlinks.get(term.id, ())
    if backlinks:
        toc.append(Heading("backlinks", UI["backlinks"]))
        items = [f"<li>{term_link_html(glossary.terms[b], here, both=True)}</li>" for b in backlinks]
        out += [toc[-1].html(), "<ul>", *items[:BACKLINKS_SHOWN], "</ul>"]
        if len(items) > BACKLINKS_SHOWN:
            # A long list folds, and the rest loads when unfolded (more_backlinks_scripts): hundreds
            # of names would outweigh the entry itself on every visit.
            rest = escape_html(UI["more"].format(n=len(items) - BACKLINKS_SHOWN))
            out.append(
                f'<details class="gl-more" data-gl-more="{more_backlinks_path(term.id)}"><summary>{rest}</summary><ul></ul></details>'
            )
    if term.references:
        toc.append(Heading("references", UI["references"]))
        out += [toc[-1].html(), "<ol>"]
        for ref in term.references:
            year = f" ({ref.year})" if ref.year else ""
            out.append(f'<li><a href="{escape_html(ref.url)}">{escape_html(ref.title)}</a>{year}</li>')
        out.append("</ol>")
    url = page_address(term, site_url)
    out += [_copy_block(term, url), _cite_block(term, url), UI["print_note"].format(reviewed=escape_html(term.reviewed))]
    out.append(_structured_data(term, glossary, url, site_url))
    meta = front_matter(title=title, description=f"{term.summary.zh} {term.summary.en}")
    return Page(_term_slot(term), meta, html="\n".join(line for line in out if line), toc=tuple(toc))


def card_scripts(glossary: Glossary) -> Iterator[tuple[str, str]]:
    """(path, script) of each term's hover card: both names and summaries, a few hundred bytes that
    glossary-cards.js loads when a link to the term is hovered, so no page carries the cards of
    every term it links to. Classic scripts, so they load from file:// too."""
    for term in glossary.terms.values():
        card = [term.zh, term.en, term.abbr or "", plain_text(term.summary.zh, glossary, "zh"), plain_text(term.summary.en, glossary, "en")]
        yield card_path(term.id), _data_script("__glossaryCard", term.id, card)


def card_path(term_id: str) -> str:
    return f"cards/{term_id}.js"


def more_backlinks_scripts(glossary: Glossary) -> Iterator[tuple[str, str]]:
    """(path, script) of the rest of each long "referenced by" list, past the first BACKLINKS_SHOWN:
    [id, names] pairs that glossary-page.js puts in the list when the reader unfolds it."""
    for term_id, backlinks in glossary.backlinks.items():
        if len(backlinks) > BACKLINKS_SHOWN:
            rest = [[b, both_names(glossary.terms[b])] for b in backlinks[BACKLINKS_SHOWN:]]
            yield more_backlinks_path(term_id), _data_script("__glossaryMore", term_id, rest)


def more_backlinks_path(term_id: str) -> str:
    return f"referenced-by/{term_id}.js"


def _data_script(function: str, term_id: str, data: list) -> str:
    """A classic script that hands a term's data to the page's function of that name."""
    return f"window.{function}({json.dumps(term_id)},{json.dumps(data, ensure_ascii=False)});\n"


def _with_class(paragraphs: str, attributes: str) -> str:
    """The first paragraph of converted prose, with these attributes (the lead sentence's style)."""
    return paragraphs.replace("<p>", f"<p {attributes}>", 1)


def _names_block(term: Term) -> list[str]:
    """Which names to write: the headwords first, then accepted, former and discouraged names,
    the last two with the reason a reader should know."""
    authority = term.authority or Bilingual("", "")

    def headword(name: str, source: str) -> str:
        return escape_html(name) + (f"（{escape_html(source)}）" if source else "")

    def alias(a: Alias) -> str:
        notes = "；".join(escape_html(note) for note in (a.reason, a.authority) if note)
        name = f'<span lang="en">{escape_html(a.name)}</span>' if a.lang == "en" else escape_html(a.name)
        return name + (f"（{notes}）" if notes else "")

    names = headword(term.zh, authority.zh)
    if not same_name(term) or authority.en:
        names += f" · {headword(term.en, authority.en)}"
    out = [f"<p><strong>{escape_html(UI['recommended'])}</strong>：{names}</p>"]
    for status in ("accepted", "former", "discouraged"):
        names = [a for a in term.aliases if a.status == status]
        if names:
            css = "" if status == "accepted" else f' class="gl-names-{status}"'
            out.append(f"<p{css}><strong>{escape_html(UI[status])}</strong>：" + " · ".join(alias(a) for a in names) + "</p>")
    return out


def _link_html(glossary: Glossary, here: str, lang: str):
    """[[id]] shows the target's name in the language of the text around it. A name several terms
    share links to the choice between them, and names them for the hover card."""

    def link(target: str, text: str | None) -> str:
        if CHOICE in target:
            anchor = shared_name_anchor(fold_name(text or ""))
            ids = escape_html(" ".join(target.split(CHOICE)))
            return f'<a href="{href(here, SHARED_NAMES_URI)}#{anchor}" data-gl-choice="{ids}">{escape_html(text or "")}</a>'
        shown = text if text is not None else getattr(glossary.terms[target], lang)
        return f'<a href="{href(here, term_uri(target))}">{escape_html(shown)}</a>'

    return link


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


def _copy_block(term: Term, url: str) -> str:
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
    return f'<p class="gl-copy-row"><strong>{escape_html(UI["copy"])}</strong> {buttons} {status}</p>'


def _cite_block(term: Term, url: str) -> str:
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
    return "\n".join(
        [
            f'<details class="gl-cite"><summary>{escape_html(UI["cite"])}</summary>',
            f"<p><strong>GB/T 7714-2015</strong><br>{gbt}</p>",
            f"<p><strong>APA 7</strong><br>{apa}</p>",
            f"<p><strong>BibTeX</strong></p><pre><code>{escape_html(bibtex)}</code></pre>",
            f"<p>{escape_html(UI['cite_licence'])}</p>",
            "</details>",
        ]
    )


def _script_json(data: dict) -> str:
    """Compact JSON to put inside a <script> element: '<' is escaped so no text can close it."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


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
