"""The whole glossary as data files for other tools, built from the same checked Glossary as the
site: JSON (with its schema), CSV, TBX for translation tools, a jieba user dictionary and an Anki
deck. Each is a pure function of the glossary and the site's address."""

from __future__ import annotations

import csv
import html
import io
import itertools
import json
import sqlite3
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from .chinese import HAS_HAN
from .model import Alias, Glossary, Term

FORMAT_VERSION = 1
LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
TITLE = "AI 双语术语表 · Bilingual AI Glossary"

# TBX-Basic's administrative status for each kind of name; a former name has been superseded.
TBX_STATUS = {
    "headword": "preferredTerm-admn-sts",
    "accepted": "admittedTerm-admn-sts",
    "discouraged": "deprecatedTerm-admn-sts",
    "former": "supersededTerm-admn-sts",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


# The files of the downloads page, in the order it lists them, each with what it is for.
DOWNLOADS = {
    "glossary.json": "全部字段，含页面地址 · Every field, with each page's address (JSON)",
    "glossary.schema.json": "glossary.json 的 JSON Schema · The JSON Schema of glossary.json",
    "glossary.csv": "每个术语一行，Excel 可直接打开 · One row per term, opens in Excel (UTF-8 with BOM)",
    "glossary.tbx": "TBX-Basic（TBX 2 martif）术语库，可导入 CAT 工具 · Termbase for CAT tools",
    "ai-glossary.dict.txt": "jieba 用户词典 · jieba user dictionary (jieba.load_userdict)",
    "ai-glossary.apkg": "Anki 卡组，中→英和英→中 · Anki deck, zh→en and en→zh cards",
}


def download_files(glossary: Glossary, site_url: str, term_schema: dict) -> dict[str, bytes]:
    """Every download, by file name, as the bytes to write."""
    base = site_url.rstrip("/") + "/" if site_url else ""

    def page_url(term: Term) -> str:
        return f"{base}terms/{term.id}.html"

    texts = {
        "glossary.json": glossary_json(glossary, page_url),
        "glossary.schema.json": json_schema(term_schema),
        "glossary.csv": glossary_csv(glossary, page_url),
        "glossary.tbx": glossary_tbx(glossary, page_url),
        "ai-glossary.dict.txt": jieba_dictionary(glossary),
    }
    files = {name: text.encode("utf-8") for name, text in texts.items()}
    files["ai-glossary.apkg"] = anki_deck(glossary, page_url)
    return {name: files[name] for name in DOWNLOADS}


def glossary_json(glossary: Glossary, page_url: Callable[[Term], str]) -> str:
    """Every term with all its fields and its page address, under a format version."""
    terms = [_term_record(term, page_url(term)) for term in glossary.terms.values()]
    document = {"format_version": FORMAT_VERSION, "title": TITLE, "license": LICENCE, "license_url": LICENCE_URL, "terms": terms}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def json_schema(term_schema: dict) -> str:
    """The schema glossary.json follows: the term file's schema plus the page address."""
    term = json.loads(json.dumps(term_schema))  # a deep copy
    for key in ("$schema", "$id", "title", "description"):
        term.pop(key, None)
    term["properties"]["url"] = {"description": "术语页面的地址。The term page's address.", "type": "string", "format": "uri"}
    term["required"] = [*term["required"], "url"]
    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"{TITLE}: glossary.json",
        "type": "object",
        "additionalProperties": False,
        "required": ["format_version", "title", "license", "license_url", "terms"],
        "properties": {
            "format_version": {"const": FORMAT_VERSION},
            "title": {"type": "string"},
            "license": {"const": LICENCE},
            "license_url": {"const": LICENCE_URL},
            "terms": {"type": "array", "items": term},
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def glossary_csv(glossary: Glossary, page_url: Callable[[Term], str]) -> str:
    """One row per term. Written with a byte-order mark, so Excel opens the Chinese correctly."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["id", "zh", "en", "abbr", "aliases_zh", "aliases_en", "category", "summary_zh", "summary_en", "url"])
    for term in glossary.terms.values():
        aliases = {lang: "; ".join(a.name for a in term.aliases_in(lang, "accepted", "former")) for lang in ("zh", "en")}
        row = [term.id, term.zh, term.en, term.abbr or "", aliases["zh"], aliases["en"], term.category, term.summary.zh, term.summary.en]
        writer.writerow([*row, page_url(term)])
    return "\ufeff" + out.getvalue()


def glossary_tbx(glossary: Glossary, page_url: Callable[[Term], str]) -> str:
    """TBX-Basic in TBX 2 (martif), the form CAT tools import: one concept entry per term, an
    English and a Chinese language section, each name marked preferred, admitted, deprecated or
    superseded, the definitions and the category as subject field."""
    martif = ET.Element("martif", {"type": "TBX-Basic", XML_LANG: "en"})
    file_desc = ET.SubElement(ET.SubElement(martif, "martifHeader"), "fileDesc")
    ET.SubElement(ET.SubElement(file_desc, "titleStmt"), "title").text = TITLE
    ET.SubElement(ET.SubElement(file_desc, "sourceDesc"), "p").text = f"{LICENCE} {LICENCE_URL}"
    body = ET.SubElement(ET.SubElement(martif, "text"), "body")
    for term in glossary.terms.values():
        entry = ET.SubElement(body, "termEntry", {"id": term.id})
        ET.SubElement(entry, "descrip", {"type": "subjectField"}).text = glossary.categories[term.category].en
        ET.SubElement(entry, "xref", {"type": "externalCrossReference", "target": page_url(term)}).text = page_url(term)
        for lang, tbx_lang in (("en", "en"), ("zh", "zh-Hans")):
            lang_set = ET.SubElement(entry, "langSet", {XML_LANG: tbx_lang})
            ET.SubElement(lang_set, "descrip", {"type": "definition"}).text = getattr(term.summary, lang)
            names = [(getattr(term, lang), "headword", None)]
            names += [(term.abbr, "accepted", None)] if term.abbr and lang == "en" else []
            names += [(a.name, a.status, a.reason) for a in term.aliases_in(lang)]
            for name, status, reason in names:
                tig = ET.SubElement(lang_set, "tig")
                ET.SubElement(tig, "term").text = name
                ET.SubElement(tig, "termNote", {"type": "administrativeStatus"}).text = TBX_STATUS[status]
                if reason:
                    ET.SubElement(tig, "note").text = reason
    ET.indent(martif, space=" ")
    declaration = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n'
    return declaration + ET.tostring(martif, encoding="unicode") + "\n"


def jieba_dictionary(glossary: Glossary) -> str:
    """Every Chinese name and alias of the glossary as a jieba user dictionary (word, frequency,
    tag), so jieba.load_userdict keeps them whole; discouraged names are left out."""
    words = dict.fromkeys(name for term in glossary.terms.values() for name in term.proper_names if HAS_HAN.search(name) and len(name) > 1)
    return "".join(f"{word} 100000 n\n" for word in words)


def anki_deck(glossary: Glossary, page_url: Callable[[Term], str]) -> bytes:
    """An Anki package: one note per term, with a Chinese-to-English and an English-to-Chinese card."""
    import genanki  # only the build that writes downloads needs it

    fields = ["Id", "Chinese", "English", "Abbreviation", "SummaryZh", "SummaryEn", "Url"]
    back = '<hr id="answer">{{SummaryZh}}<br><span lang="en">{{SummaryEn}}</span><br><a href="{{Url}}">{{Url}}</a>'
    model = genanki.Model(
        1607392319,  # fixed ids: re-imports update the deck instead of duplicating it
        "AI 双语术语表 · Bilingual AI Glossary",
        fields=[{"name": f} for f in fields],
        templates=[
            {"name": "中文 → English", "qfmt": "{{Chinese}}", "afmt": "{{FrontSide}}<br>{{English}} {{Abbreviation}}" + back},
            {"name": "English → 中文", "qfmt": "{{English}} {{Abbreviation}}", "afmt": "{{FrontSide}}<br>{{Chinese}}" + back},
        ],
    )
    deck = genanki.Deck(2059400110, TITLE)
    for term in glossary.terms.values():
        values = [term.id, term.zh, term.en, term.abbr or "", term.summary.zh, term.summary.en, page_url(term)]
        deck.add_note(genanki.Note(model=model, fields=[html.escape(v, quote=False) for v in values], guid=genanki.guid_for(term.id)))
    # genanki stamps the deck with the clock and the zip with file times; the same glossary should
    # give the same bytes, so the timestamp is the newest review date and the zip entries are dated by it.
    newest = max((t.reviewed for t in glossary.terms.values() if t.reviewed), default="2026-01-01")
    moment = datetime.fromisoformat(newest).replace(tzinfo=UTC)
    with tempfile.TemporaryDirectory() as scratch:
        database = Path(scratch) / "collection.anki2"
        connection = sqlite3.connect(database)
        genanki.Package(deck).write_to_db(connection.cursor(), moment.timestamp(), itertools.count(int(moment.timestamp() * 1000)))
        connection.commit()
        connection.close()
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as package:
            stamp = moment.timetuple()[:6]
            package.writestr(zipfile.ZipInfo("collection.anki2", stamp), database.read_bytes())
            package.writestr(zipfile.ZipInfo("media", stamp), "{}")
        return out.getvalue()


def _term_record(term: Term, url: str) -> dict:
    def alias(a: Alias) -> dict:
        return {k: v for k, v in (("name", a.name), ("status", a.status), ("reason", a.reason), ("authority", a.authority)) if v}

    record: dict = {"id": term.id, "zh": term.zh, "en": term.en}
    if term.abbr:
        record["abbr"] = term.abbr
    aliases = {lang: [alias(a) for a in term.aliases_in(lang)] for lang in ("zh", "en")}
    if any(aliases.values()):
        record["aliases"] = {lang: names for lang, names in aliases.items() if names}
    record |= {"category": term.category, "summary": vars(term.summary), "body": vars(term.body)}
    for key, value in (("tags", list(term.tags)), ("related", list(term.related)), ("search_keywords", list(term.search_keywords))):
        if value:
            record[key] = value
    if term.references:
        record["references"] = [{k: v for k, v in vars(r).items() if v is not None} for r in term.references]
    return record | {"reviewed": term.reviewed, "url": url}
