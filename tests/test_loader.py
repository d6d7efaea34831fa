"""The strict YAML reader: text stays text, positions are exact, nothing raises on bad input."""

from __future__ import annotations

from pathlib import Path

from glossary_core.load import load_glossary
from glossary_core.yaml_source import read_term_file
from support import FIXTURES


def test_yaml_1_1_surprises_stay_text() -> None:
    case = FIXTURES / "bad-input" / "yaml11-surprises-accepted"
    glossary, problems = load_glossary(case / "glossary", case)
    assert problems == []
    term = glossary.terms["alpha"]
    assert (term.zh, term.en, term.abbr) == ("NO", "on", "1e3")
    assert [a.name for a in term.aliases_in("en")] == ["yes", "off", "2024-01-01", "0x1F"]


def test_byte_order_mark_is_accepted() -> None:
    case = FIXTURES / "bad-input" / "byte-order-mark-accepted"
    glossary, problems = load_glossary(case / "glossary", case)
    assert problems == [] and glossary.terms["alpha"].zh == "阿尔法"


def test_positions_of_nested_values(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(
        "id: x\nreferences:\n  - title: T\n    url: https://a.example/\n  - title: U\n    url: https://b.example/\n", encoding="utf-8"
    )
    data, source, problems = read_term_file(path, "x.yaml")
    assert problems == [] and data["references"][1]["url"] == "https://b.example/"
    assert source is not None
    position = source.at(("references", 1, "url"))
    assert (position.line, position.col) == (6, 10)
    assert source.at(("references", 1, "url"), key=True).col == 5


def test_position_inside_a_literal_block(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("body:\n  zh: |\n    第一行\n\n    第三行 [[y]]\n", encoding="utf-8")
    data, source, _ = read_term_file(path, "x.yaml")
    offset = data["body"]["zh"].index("[[")
    position = source.in_text(("body", "zh"), offset)
    assert (position.line, position.col) == (5, 9)


def test_problems_are_sorted_by_file_then_line() -> None:
    case = FIXTURES / "bad-input" / "several-files-broken"
    _, problems = load_glossary(case / "glossary", case)
    assert [p.path for p in problems] == ["glossary/alpha.yaml", "glossary/beta.yaml", "glossary/gamma.yaml"]


def test_excerpt_points_at_the_column_in_display_cells(tmp_path: Path) -> None:
    case = FIXTURES / "bad-input" / "unknown-inline-link"
    _, problems = load_glossary(case / "glossary", case)
    shown_line, caret_line = problems[0].excerpt.splitlines()
    # 第三行提到 is five double-width characters after four spaces of indentation.
    assert shown_line.strip().startswith("第三行提到[[betta")
    assert caret_line.index("^") == 4 + 4 + 5 * 2
