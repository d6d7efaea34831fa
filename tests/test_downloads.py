"""The downloads, each read by a real consumer of its format, from the real site's build."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import jieba
import jsonschema
import pytest
from support import REPO
from translate.storage import tbx


@pytest.fixture(scope="module")
def downloads(real_site: Path) -> Path:
    return real_site / "downloads"


def test_json_follows_its_published_schema_and_holds_every_term(downloads: Path, real_glossary) -> None:
    document = json.loads((downloads / "glossary.json").read_text(encoding="utf-8"))
    schema = json.loads((downloads / "glossary.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    assert document["format_version"] == 1 and document["license"] == "CC BY 4.0"
    assert [t["id"] for t in document["terms"]] == list(real_glossary.terms)
    rag = next(t for t in document["terms"] if t["id"] == "rag")
    assert rag["zh"] == "检索增强生成" and rag["url"] == "https://ai-glossary.github.io/ai-glossary/terms/rag.html"
    reward = next(t for t in document["terms"] if t["id"] == "reward-model")
    assert {"name": "回报模型", "status": "discouraged"}.items() <= reward["aliases"]["zh"][1].items()


def test_csv_has_one_row_per_term_with_chinese_intact_and_a_byte_order_mark(downloads: Path, real_glossary) -> None:
    raw = (downloads / "glossary.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with it
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == len(real_glossary.terms)
    assert list(rows[0]) == ["id", "zh", "en", "abbr", "aliases_zh", "aliases_en", "category", "summary_zh", "summary_en", "url"]
    rag = next(r for r in rows if r["id"] == "rag")
    assert rag["zh"] == "检索增强生成" and "检索增强" in rag["aliases_zh"] and rag["summary_zh"] == real_glossary.terms["rag"].summary.zh


def test_tbx_loads_in_translate_toolkit_with_every_term_both_languages_and_name_status(downloads: Path, real_glossary) -> None:
    text = (downloads / "glossary.tbx").read_bytes()
    store = tbx.tbxfile.parsestring(text)
    assert len(store.units) == len(real_glossary.terms)
    by_id = {unit.getid(): unit for unit in store.units}
    assert by_id["rag"].source == "Retrieval-augmented generation" and by_id["rag"].target == "检索增强生成"
    assert all(unit.source and unit.target for unit in store.units)
    assert b'<martif type="TBX-Basic"' in text and b'xml:lang="zh-Hans"' in text
    entry = text[
        text.index(b'<termEntry id="reward-model"') : text.index(b"</termEntry>", text.index(b'<termEntry id="reward-model"'))
    ].decode()
    assert re.search(r"<term>回报模型</term>\s*<termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote>", entry)
    assert "preferredTerm-admn-sts" in entry and '<descrip type="subjectField">Training</descrip>' in entry


def test_jieba_dictionary_keeps_every_chinese_name_whole(downloads: Path) -> None:
    path = downloads / "ai-glossary.dict.txt"
    words = [line.rsplit(" ", 2)[0] for line in path.read_text(encoding="utf-8").splitlines()]
    assert "检索增强生成" in words and "回报模型" not in words  # discouraged names are not offered as words
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(path))
    whole = [w for w in words if jieba.re_han_default.fullmatch(w) and re.fullmatch(r"[\u4e00-\u9fff]+", w)]
    assert len(whole) > 500
    cut = [w for w in whole if list(tokenizer.cut(w, HMM=False)) != [w]]
    assert cut == []


def test_anki_deck_has_two_cards_per_term(downloads: Path, real_glossary) -> None:
    with zipfile.ZipFile(downloads / "ai-glossary.apkg") as package, tempfile.TemporaryDirectory() as scratch:
        package.extract("collection.anki2", scratch)
        database = sqlite3.connect(Path(scratch) / "collection.anki2")
        notes = database.execute("select count(*) from notes").fetchone()[0]
        cards = database.execute("select count(*) from cards").fetchone()[0]
        fields = database.execute("select flds from notes").fetchall()
        database.close()
    assert notes == len(real_glossary.terms) and cards == 2 * notes
    assert any(f[0].split("\x1f")[1] == "检索增强生成" for f in fields)


def test_downloads_page_lists_each_file_with_size_and_licence_and_home_links_it(real_site: Path) -> None:
    page = (real_site / "downloads.html").read_text(encoding="utf-8")
    for name in ("glossary.json", "glossary.schema.json", "glossary.csv", "glossary.tbx", "ai-glossary.dict.txt", "ai-glossary.apkg"):
        size = (real_site / "downloads" / name).stat().st_size
        assert f'href="downloads/{name}" download' in page
        shown = f"{size / 1024:,.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:,.1f} MB"
        assert shown in page, name
    assert "CC BY 4.0" in page
    assert 'href="downloads.html"' in (real_site / "index.html").read_text(encoding="utf-8")
    assert "downloads" in (REPO / "README.md").read_text(encoding="utf-8").lower()
