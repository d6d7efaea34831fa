"""Term pages carry schema.org DefinedTerm data and link-preview tags, read by a real parser."""

from __future__ import annotations

from pathlib import Path

import extruct
import pytest

SAMPLE = ["rag", "lora", "transformer", "hallucination", "kv-cache", "reward-model"]


@pytest.mark.parametrize("term_id", SAMPLE)
def test_json_ld_defined_term_in_a_defined_term_set(real_site: Path, term_id: str) -> None:
    url = f"https://ai-glossary.github.io/ai-glossary/terms/{term_id}.html"
    html = (real_site / "terms" / f"{term_id}.html").read_text(encoding="utf-8")
    data = extruct.extract(html, base_url=url, syntaxes=["json-ld", "opengraph"], uniform=True)
    [term] = data["json-ld"]
    assert term["@type"] == "DefinedTerm" and term["url"] == url
    languages = {name["@language"] for name in term["name"]}
    assert languages == {"zh-Hans", "en"}
    assert {d["@language"] for d in term["description"]} == {"zh-Hans", "en"}
    assert term["inDefinedTermSet"]["@type"] == "DefinedTermSet"
    assert term["inDefinedTermSet"]["url"] == "https://ai-glossary.github.io/ai-glossary/"
    [graph] = data["opengraph"]
    assert graph["og:url"] == url and graph["og:title"].startswith(term["name"][0]["@value"])
    assert graph["og:description"]


def test_discouraged_names_are_not_offered_as_alternate_names(real_site: Path) -> None:
    html = (real_site / "terms" / "reward-model.html").read_text(encoding="utf-8")
    [term] = extruct.extract(html, syntaxes=["json-ld"])["json-ld"]
    alternates = [name["@value"] for name in term["alternateName"]]
    assert "偏好模型" in alternates and "回报模型" not in alternates
