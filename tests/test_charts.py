"""config.charts: pure SVG line and bar charts with accessible names and a data table."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from config.charts import Series, bar_chart, fmt_number, fmt_percent, line_chart, nice_ticks

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own output


def test_it_draws_a_line_chart_with_title_desc_and_labelled_role() -> None:
    chart = line_chart(
        title="NCRS timeliness by week",
        description="Share of crimes recorded within 24 hours, weeks 1 to 3.",
        labels=["W1", "W2", "W3"],
        series=[Series("Team A", [0.5, 0.75, 1.0])],
        y_max=1.0,
        y_format=fmt_percent,
    )
    root = parse(chart.svg)
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text == "NCRS timeliness by week"
    assert desc is not None and desc.text and desc.text.startswith("Share of crimes")
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert len(root.findall(f"{SVG}path[@class='series']")) == 1
    assert chart.headers == ["Period", "Team A"]
    assert chart.rows == [["W1", "50%"], ["W2", "75%"], ["W3", "100%"]]


def test_each_chart_gets_its_own_ids_so_two_on_a_page_do_not_clash() -> None:
    a = line_chart(title="A", description="a", labels=["x"], series=[Series("s", [1])])
    b = line_chart(title="B", description="b", labels=["x"], series=[Series("s", [1])])
    id_a = parse(a.svg).find(f"{SVG}title").get("id")  # type: ignore[union-attr]
    id_b = parse(b.svg).find(f"{SVG}title").get("id")  # type: ignore[union-attr]
    assert id_a != id_b


def test_higher_values_are_drawn_higher_up() -> None:
    chart = bar_chart(
        title="Caseloads",
        description="Open cases per advisor",
        labels=["Ann", "Bob"],
        series=[Series("Open cases", [2, 8])],
    )
    bars = parse(chart.svg).findall(f"{SVG}rect[@class='bar']")
    assert len(bars) == 2
    heights = [float(b.get("height", "0")) for b in bars]
    ys = [float(b.get("y", "0")) for b in bars]
    assert heights[1] == pytest.approx(heights[0] * 4)
    assert ys[1] < ys[0]


def test_gaps_break_the_line_and_show_as_a_dash_in_the_table() -> None:
    chart = line_chart(
        title="Rate",
        description="d",
        labels=["1", "2", "3", "4", "5"],
        series=[Series("r", [0.1, 0.2, None, 0.3, 0.4])],
        y_max=1,
    )
    assert len(parse(chart.svg).findall(f"{SVG}path[@class='series']")) == 2
    assert chart.rows[2] == ["3", "–"]


def test_intervals_draw_whiskers_and_appear_in_the_table() -> None:
    chart = line_chart(
        title="Dip-test compliance",
        description="d",
        labels=["W1", "W2"],
        series=[Series("Compliance", [0.9, None], low=[0.8, None], high=[0.95, None])],
        y_max=1,
        y_format=fmt_percent,
    )
    assert len(parse(chart.svg).findall(f"{SVG}path[@class='interval']")) == 1
    assert chart.headers == ["Period", "Compliance", "Compliance (95% interval)"]
    assert chart.rows[0] == ["W1", "90%", "80% to 95%"]
    assert chart.rows[1] == ["W2", "–", "–"]


def test_text_is_escaped() -> None:
    chart = bar_chart(
        title="<script>alert(1)</script>",
        description="a & b",
        labels=["<b>"],
        series=[Series("<i>", [1])],
    )
    assert "<script>" not in chart.svg and "&lt;script&gt;" in chart.svg
    parse(chart.svg)  # still well-formed XML


def test_a_chart_renders_as_its_svg_in_a_template() -> None:
    from django.template import engines

    chart = bar_chart(title="T", description="D", labels=["a"], series=[Series("s", [3])])
    out = engines["django"].from_string("{{ chart }}").render({"chart": chart})
    assert out == chart.svg


def test_all_zero_or_empty_data_still_draws() -> None:
    chart = line_chart(title="T", description="D", labels=[], series=[Series("s", [])])
    parse(chart.svg)
    zero = bar_chart(title="T", description="D", labels=["a"], series=[Series("s", [0])])
    parse(zero.svg)


def test_mismatched_lengths_are_refused() -> None:
    with pytest.raises(ValueError, match="2 values for 3 labels"):
        line_chart(title="T", description="D", labels=["a", "b", "c"], series=[Series("s", [1, 2])])
    with pytest.raises(ValueError, match="at least one series"):
        bar_chart(title="T", description="D", labels=["a"], series=[])


def test_series_differ_by_dash_as_well_as_colour() -> None:
    chart = line_chart(
        title="T",
        description="D",
        labels=["a", "b"],
        series=[Series("one", [1, 2]), Series("two", [2, 1])],
    )
    paths = parse(chart.svg).findall(f"{SVG}path[@class='series']")
    assert paths[0].get("stroke") != paths[1].get("stroke")
    assert paths[0].get("stroke-dasharray") != paths[1].get("stroke-dasharray")


@pytest.mark.parametrize(
    ("hi", "expected"),
    [
        (1.0, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        (7, [0.0, 2.0, 4.0, 6.0, 8.0]),
        (0, [0.0, 1.0]),
        (23, [0.0, 5.0, 10.0, 15.0, 20.0, 25.0]),
    ],
)
def test_ticks_are_round_and_cover_the_top(hi: float, expected: list[float]) -> None:
    assert nice_ticks(hi) == expected


def test_counts_get_whole_ticks_and_an_all_gap_chart_says_it_has_no_data() -> None:
    counts = bar_chart(title="T", description="D", labels=["a", "b"], series=[Series("s", [1, 2])])
    labels = [t.text for t in parse(counts.svg).findall(f"{SVG}text")]
    assert "1.5" not in labels and "0.5" not in labels and "2" in labels
    assert counts.has_data
    gaps = line_chart(title="T", description="D", labels=["a"], series=[Series("s", [None])])
    assert not gaps.has_data


def test_integer_ticks() -> None:
    assert nice_ticks(2, integer=True) == [0.0, 1.0, 2.0]


@pytest.mark.parametrize(
    ("value", "pct", "num"), [(0.5, "50%", "0.5"), (0.875, "87.5%", "0.9"), (3.0, "300%", "3")]
)
def test_formatters(value: float, pct: str, num: str) -> None:
    assert fmt_percent(value) == pct
    assert fmt_number(value) == num
