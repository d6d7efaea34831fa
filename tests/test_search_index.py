"""The search index's format, and a loud failure when jieba is missing or not configured."""

from __future__ import annotations

import builtins
import json
from dataclasses import replace

import jieba
import pytest
from glossary_core.chinese import ChineseSegmenter, SegmenterError
from glossary_core.model import Alias, Bilingual, Glossary, Term
from glossary_core.schema import categories
from glossary_core.search_index import (
    DOC_SEPARATOR,
    NAME_KINDS,
    build_search_index,
    han_bigrams,
    index_scripts,
    name_key,
)


def _glossary() -> Glossary:
    rag = Term(
        "rag",
        "检索增强生成",
        "Retrieval-augmented generation",
        "applications",
        Bilingual("先检索再生成。", "Retrieve, then generate."),
        Bilingual("所有权重都冻结。", "Weights stay frozen."),
        abbr="RAG",
        aliases=(Alias("检索增强", "zh"), Alias("回收增强", "zh", "discouraged", "不是这个意思。")),
        search_keywords=("稠密检索",),
    )
    lora = Term(
        "lora",
        "低秩适配",
        "Low-rank adaptation",
        "training",
        Bilingual("低秩更新。", "Low-rank update."),
        Bilingual("正文。", "Body."),
        abbr="LoRA",
    )
    return Glossary({"lora": lora, "rag": rag}, categories())


def test_name_keys_ignore_case_spacing_and_punctuation() -> None:
    assert name_key("Fine-tuning") == name_key("fine tuning") == "finetuning"
    assert name_key("GPT-3.5") == "gpt35"
    assert name_key("ＡＩ 智能体") == "ai智能体"  # full-width letters are folded (NFKC)


def test_every_chinese_bigram_is_indexed() -> None:
    assert han_bigrams("所有权重，LoRA") == {"所有", "有权", "权重"}


def test_index_parts_and_posting_encoding() -> None:
    index = build_search_index(_glossary(), lambda uri: uri.replace(".md", ".html"))
    names = index["names"]
    lora, rag = names["docs"]
    assert lora == ["terms/lora.html", "低秩适配", "Low-rank adaptation", "LoRA"]
    assert rag == ["terms/rag.html", "检索增强生成", "Retrieval-augmented generation", "RAG"]
    # Names other than headwords and abbreviations keep their written form, so a result can say which
    # matched; the text part carries them, as only results shown in full need them.
    rag_written = index["text"]["writtenNames"][1]
    assert rag_written[:6] == ["", "", "", "检索增强", "回收增强", "稠密检索"]
    rag_names = names["names"].split(DOC_SEPARATOR)[1]
    assert rag_names.startswith(
        NAME_KINDS["headword"]
        + "检索增强生成"
        + NAME_KINDS["headword"]
        + "retrievalaugmentedgeneration"
        + NAME_KINDS["abbr"]
        + "rag"
        + NAME_KINDS["accepted"]
        + "检索增强"
        + NAME_KINDS["discouraged"]
        + "回收增强"
        + NAME_KINDS["keyword"]
        + "稠密检索"
    )
    assert len(rag_written) == sum(1 for c in rag_names if c in NAME_KINDS.values())  # one written form per key
    text = index["text"]
    grams = [text["grams"][i : i + 2] for i in range(0, len(text["grams"]), 2)]
    assert grams == sorted(grams) and "权重" in grams
    postings = text["gramPostings"].split(",")
    # rag is document 1 (terms in id order); postings store gaps from the previous number, starting at -1.
    assert postings[grams.index("权重")] == "2"
    assert postings[grams.index("低秩")] == "1"  # only lora, document 0
    words = text["words"].split("\n")
    assert "frozen" in words  # English words of the text are indexed


def test_scripts_are_classic_scripts_with_json_payloads() -> None:
    index = build_search_index(_glossary(), lambda uri: uri)
    names, text = index_scripts(index)
    for script, variable, part in ((names, "__glossarySearchNames", "names"), (text, "__glossarySearchText", "text")):
        prefix = f"window.{variable}="
        assert script.startswith(prefix) and script.endswith(";\n")
        # JSON but for control characters, which a JavaScript string may hold as they are.
        assert json.loads(script[len(prefix) : -2], strict=False) == index[part]
    assert NAME_KINDS["headword"] + "检索增强生成" in names and "\\u0011" not in names


def test_a_written_backslash_u0011_stays_text() -> None:
    glossary = _glossary()
    lora = glossary.terms["lora"]
    glossary.terms["lora"] = replace(lora, summary=Bilingual("反斜杠 \\u0011 不是控制字符。", lora.summary.en))
    index = build_search_index(glossary, lambda uri: uri)
    text = index_scripts(index)[1]
    assert json.loads(text[len("window.__glossarySearchText=") : -2], strict=False) == index["text"]


def test_a_user_word_survives_where_jieba_would_cut_it() -> None:
    segmenter = ChineseSegmenter(["权重", "低秩适配"])
    assert "低秩适配" in segmenter.words("使用低秩适配微调")
    assert {0, 2, 4} <= segmenter.boundaries("所有权重")  # 所有|权重, not 所有权|重


def test_missing_jieba_stops_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_jieba(name, *args, **kwargs):
        if name == "jieba":
            raise ImportError("No module named 'jieba'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_jieba)
    with pytest.raises(SegmenterError, match="jieba is not installed"):
        ChineseSegmenter(["权重"])


def test_a_dictionary_that_does_not_take_effect_stops_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jieba.Tokenizer, "add_word", lambda self, word, freq=None, tag=None: None)
    with pytest.raises(SegmenterError, match="cut the term name"):
        ChineseSegmenter(["低秩适配"])


def test_traditional_forms_fold_to_simplified_from_opencc() -> None:
    from glossary_core.chinese import traditional_folding

    folding = traditional_folding("微调发检索")
    assert folding["調"] == "调" and folding["檢"] == "检" and folding["發"] == "发"
    assert "微" not in folding  # the same in both scripts: nothing to fold
    index = build_search_index(_glossary(), lambda uri: uri)
    traditional, simplified = index["names"]["fold"]
    assert len(traditional) == len(simplified) and dict(zip(traditional, simplified, strict=True))["檢"] == "检"


def test_latin_names_get_keys_from_each_later_word_and_chinese_headwords_their_pinyin() -> None:
    index = build_search_index(_glossary(), lambda uri: uri)
    rag_names = index["names"]["names"].split(DOC_SEPARATOR)[1]
    assert NAME_KINDS["headword word"] + "augmentedgeneration" in rag_names
    assert NAME_KINDS["headword word"] + "generation" in rag_names
    assert NAME_KINDS["pinyin"] + "jiansuozengqiangshengcheng" in rag_names
    assert NAME_KINDS["initials"] + "jszqsc" in rag_names
    # The browser shows the reading, with tones, when a reader found the term by pinyin.
    assert "jiǎn suǒ zēng qiáng shēng chéng" in index["text"]["writtenNames"][1]
