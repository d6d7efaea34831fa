#!/usr/bin/env python3
"""Write a glossary of N terms for benchmarks: `synthetic_glossary.py 10000 /tmp/g [--replicate]`.

Two kinds. `replicate_glossary` copies the real glossary as often as it takes and keeps the first
N entries: copy k > 0 has every id, link and name suffixed with "copy k", so pages carry the real prose,
names, links and references. `write_glossary` samples text instead, for sizes far beyond the
real one:

Text is sampled from the real glossary's own Chinese and English words, so entries have
realistic lengths (a few hundred characters and words per language), vocabulary, bigram
statistics and link density (about five links per term); names and aliases are unique
combinations, and categories cycle through the real list. Seeded, so runs are comparable.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

import yaml
from glossary_core.inline_links import INLINE_LINK
from glossary_core.schema import categories

REPO = Path(__file__).resolve().parents[1]
HAN_WORD = re.compile(r"[\u4e00-\u9fff]{2,4}")
LATIN_WORD = re.compile(r"[A-Za-z]{3,12}")


def vocabulary(glossary_dir: Path) -> tuple[list[str], list[str]]:
    zh, en = set(), set()
    for path in glossary_dir.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        zh.update(HAN_WORD.findall(data["body"]["zh"]))
        en.update(w.lower() for w in LATIN_WORD.findall(data["body"]["en"]))
    return sorted(zh), sorted(en)


def write_glossary(count: int, out: Path, seed: int = 7, links_per_term: int = 5) -> None:
    rng = random.Random(seed)
    zh_words, en_words = vocabulary(REPO / "glossary")
    category_ids = list(categories())
    ids = [f"term-{i:05d}" for i in range(count)]
    zh_names: list[str] = []
    en_names: list[str] = []
    seen: set[str] = set()
    while len(zh_names) < count:
        zh = "".join(rng.sample(zh_words, 2))
        en = " ".join(rng.sample(en_words, 2)).capitalize()
        if zh not in seen and en.lower() not in seen:
            seen.update((zh, en.lower()))
            zh_names.append(zh)
            en_names.append(en)

    def zh_text(chars: int, links: list[str]) -> str:
        parts, size = [], 0
        while size < chars:
            sentence = "".join(rng.choices(zh_words, k=rng.randint(6, 12))) + rng.choice("，。；")
            parts.append(sentence)
            size += len(sentence)
        for target in links:
            parts.insert(rng.randrange(len(parts) + 1), f"[[{target}]]")
        return "".join(parts).rstrip("，；") + "。"

    def en_text(words: int, links: list[str]) -> str:
        tokens = rng.choices(en_words, k=words)
        for target in links:
            tokens.insert(rng.randrange(len(tokens) + 1), f"[[{target}]]")
        return " ".join(tokens).capitalize() + "."

    out.mkdir(parents=True, exist_ok=True)
    for i, term_id in enumerate(ids):
        others = [ids[j] for j in rng.sample(range(count), min(links_per_term + 1, count)) if j != i][:links_per_term]
        entry = {
            "id": term_id,
            "zh": zh_names[i],
            "en": en_names[i],
            "aliases": {"zh": [zh_names[i] + "方法"], "en": [en_names[i] + "s"]},
            "category": category_ids[i % len(category_ids)],
            "summary": {"zh": zh_text(40, []), "en": en_text(25, [])},
            "body": {"zh": zh_text(300, others[:3]), "en": en_text(150, others[3:])},
            "related": others[:3],
            "reviewed": "2026-11-23",
        }
        text = "# yaml-language-server: $schema=../schema/term.schema.json\n" + yaml.safe_dump(
            entry, allow_unicode=True, sort_keys=False, width=10_000
        )
        (out / f"{term_id}.yaml").write_text(text, encoding="utf-8")


def replicate_glossary(count: int, out: Path, source: Path = REPO / "glossary") -> None:
    """The real glossary, copied until it has `count` entries (see the module's docstring).

    Links and related ids that point past the last kept entry become plain text or are dropped.
    """
    originals = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(source.glob("*.yaml"))]
    copies = -(-count // len(originals))
    kept = [(k, entry) for k in range(copies) for entry in originals][:count]
    ids = {_suffixed_id(entry["id"], k) for k, entry in kept}
    out.mkdir(parents=True, exist_ok=True)
    for k, original in kept:
        entry = dict(original)

        def link(match: re.Match, k: int = k) -> str:
            opted_out, target, shown = match.groups()
            if opted_out:
                return match.group(0)  # a passage kept unlinked stays so
            targets = [_suffixed_id(t.strip(), k) for t in target.split("+")]
            if not all(t in ids for t in targets):
                return shown or target
            return f"[[{'+'.join(targets)}{'|' + shown if shown else ''}]]"

        entry["id"] = _suffixed_id(entry["id"], k)
        if k:
            for field in ("zh", "en", "abbr"):
                if field in entry:
                    entry[field] = f"{entry[field]}{_name_suffix(entry[field], k)}"
            entry["aliases"] = {lang: [_suffixed_alias(a, k) for a in names] for lang, names in (entry.get("aliases") or {}).items()}
            if "search_keywords" in entry:
                entry["search_keywords"] = [f"{word}{_name_suffix(word, k)}" for word in entry["search_keywords"]]
            if "former_ids" in entry:
                entry["former_ids"] = [_suffixed_id(old, k) for old in entry["former_ids"]]
        entry["body"] = {lang: INLINE_LINK.sub(link, text) for lang, text in entry["body"].items()}
        entry["related"] = [t for t in (_suffixed_id(r, k) for r in entry.get("related", [])) if t in ids]
        text = "# yaml-language-server: $schema=../schema/term.schema.json\n" + yaml.safe_dump(
            entry, allow_unicode=True, sort_keys=False, width=10_000
        )
        (out / f"{entry['id']}.yaml").write_text(text, encoding="utf-8")


def _suffixed_id(term_id: str, k: int) -> str:
    return f"{term_id}-copy{k}" if k else term_id


def _name_suffix(name: str, k: int) -> str:
    # Not a bare number: "TensorFlow" + " 2" would be the name of TensorFlow 2.
    return f" (copy {k})" if name[-1:].isascii() else f"（副本{k}）"


def _suffixed_alias(alias: str | dict, k: int) -> str | dict:
    if isinstance(alias, dict):
        return {**alias, "name": alias["name"] + _name_suffix(alias["name"], k)}
    return alias + _name_suffix(alias, k)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--replicate", action="store_true", help="copy the real glossary instead of sampling text")
    args = parser.parse_args()
    if args.replicate:
        replicate_glossary(args.count, args.out)
    else:
        write_glossary(args.count, args.out, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
