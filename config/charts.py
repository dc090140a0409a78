"""Server-side SVG charts: line and bar charts as plain SVG strings, with nothing loaded from another site.

Pure: data in, a `Chart` out. Each chart carries an accessible name and description (`<title>` and
`<desc>`, referenced by `aria-labelledby`) and the same figures as a table (`Chart.headers` and
`Chart.rows`), which `templates/partials/_chart.html` renders under the picture so that nobody has
to read values off a drawing. Series differ by dash pattern and marker shape as well as colour
(WCAG 1.4.1, no colour-only meaning); the colours have at least 3:1 contrast on white (WCAG 1.4.11).
A `Chart` renders as its SVG in a Django template (`{{ chart }}`) without the template marking it safe.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape

from django.utils.safestring import mark_safe

WIDTH = 640
HEIGHT = 280
MARGIN_LEFT = 56
MARGIN_RIGHT = 16
MARGIN_TOP = 16
MARGIN_BOTTOM = 48

# Dark enough for 3:1 on white; told apart also by dash and marker.
COLOURS = ("#003078", "#b10e1e", "#00703c", "#6f3c00", "#4c2c92", "#28373e")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "4 4", "1 2")
MARKERS = ("circle", "square", "triangle", "diamond", "circle", "square")

_ids = itertools.count(1)

Formatter = Callable[[float], str]


def fmt_number(value: float) -> str:
    """Whole numbers without decimals, others to one decimal place."""
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def fmt_percent(value: float) -> str:
    """A fraction in [0, 1] as a percentage: 0.875 -> '87.5%'."""
    pct = value * 100
    return f"{pct:.0f}%" if round(pct, 1).is_integer() else f"{pct:.1f}%"


@dataclass(frozen=True)
class Series:
    """One line (or set of bars). `values[i]` belongs to the chart's `labels[i]`; None is a gap.
    `low`/`high`, when given, are an interval around each value (drawn as whiskers)."""

    name: str
    values: Sequence[float | None]
    low: Sequence[float | None] | None = None
    high: Sequence[float | None] | None = None


@dataclass(frozen=True)
class Chart:
    svg: str
    title: str
    description: str
    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)
    kind: str = "line"
    has_data: bool = True

    def __html__(self) -> str:
        return self.svg

    def __str__(self) -> str:
        # Every text in the SVG went through html.escape, so the markup is safe to render as is.
        return mark_safe(self.svg)  # noqa: S308


@dataclass(frozen=True)
class _Scale:
    lo: float
    hi: float

    def y(self, value: float) -> float:
        span = self.hi - self.lo or 1.0
        plot = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
        return MARGIN_TOP + plot * (1 - (value - self.lo) / span)


def nice_ticks(hi: float, *, count: int = 5, integer: bool = False) -> list[float]:
    """Round tick values from 0 to at least `hi` (at most `count` + 1 ticks); whole steps only when
    `integer` (counts of things never show a tick at 1.5)."""
    if hi <= 0 or math.isnan(hi):
        return [0.0, 1.0]
    raw = hi / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    if integer:
        step = max(1.0, math.ceil(step))
    ticks = [0.0]
    while ticks[-1] < hi - 1e-9:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def _has_data(series: Sequence[Series]) -> bool:
    return any(v is not None for s in series for v in s.values)


def _check(labels: Sequence[str], series: Sequence[Series]) -> None:
    if not series:
        raise ValueError("a chart needs at least one series")
    for s in series:
        if len(s.values) != len(labels):
            raise ValueError(f"series {s.name!r} has {len(s.values)} values for {len(labels)} labels")
        for bound in (s.low, s.high):
            if bound is not None and len(bound) != len(labels):
                raise ValueError(f"series {s.name!r} has an interval of the wrong length")


def _scale(series: Sequence[Series], y_max: float | None) -> tuple[_Scale, list[float]]:
    found = [
        v
        for s in series
        for seq in (s.values, s.high or ())
        for v in seq
        if v is not None and not math.isnan(v)
    ]
    top = y_max if y_max is not None else max(found, default=0.0)
    integer = y_max is None and all(float(v).is_integer() for v in found)
    ticks = nice_ticks(top, integer=integer)
    return _Scale(0.0, ticks[-1]), ticks


def _frame(
    chart_id: str,
    title: str,
    description: str,
    scale: _Scale,
    ticks: list[float],
    y_format: Formatter,
) -> list[str]:
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-labelledby="{chart_id}-t {chart_id}-d" focusable="false">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(description)}</desc>',
    ]
    for tick in ticks:
        y = scale.y(tick)
        out.append(
            f'<line class="grid" x1="{MARGIN_LEFT}" x2="{WIDTH - MARGIN_RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
            'stroke="#b1b4b6" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{MARGIN_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="12" '
            f'fill="#1b1b1b">{escape(y_format(tick))}</text>'
        )
    base = scale.y(0)
    out.append(
        f'<line class="axis" x1="{MARGIN_LEFT}" x2="{WIDTH - MARGIN_RIGHT}" y1="{base:.1f}" '
        f'y2="{base:.1f}" stroke="#1b1b1b" stroke-width="1.5"/>'
    )
    return out


def _x_labels(labels: Sequence[str], xs: Sequence[float]) -> list[str]:
    # Show at most ~12 labels so they never overlap; the data table has every one.
    step = max(1, math.ceil(len(labels) / 12))
    out = []
    for i, (label, x) in enumerate(zip(labels, xs, strict=True)):
        if i % step == 0 or i == len(labels) - 1:
            out.append(
                f'<text x="{x:.1f}" y="{HEIGHT - MARGIN_BOTTOM + 18}" text-anchor="middle" '
                f'font-size="12" fill="#1b1b1b">{escape(label)}</text>'
            )
    return out


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}"/>'
    if shape == "triangle":
        d = f"M{x:.1f} {y - 5:.1f} L{x + 5:.1f} {y + 4:.1f} L{x - 5:.1f} {y + 4:.1f} Z"
        return f'<path d="{d}" fill="{colour}"/>'
    if shape == "diamond":
        d = f"M{x:.1f} {y - 5:.1f} L{x + 5:.1f} {y:.1f} L{x:.1f} {y + 5:.1f} L{x - 5:.1f} {y:.1f} Z"
        return f'<path d="{d}" fill="{colour}"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>'


def _legend(series: Sequence[Series], *, bars: bool) -> list[str]:
    out = []
    x = MARGIN_LEFT
    y = HEIGHT - 12
    for i, s in enumerate(series):
        colour = COLOURS[i % len(COLOURS)]
        if bars:
            out.append(f'<rect x="{x}" y="{y - 9}" width="14" height="10" fill="{colour}"/>')
        else:
            dash = DASHES[i % len(DASHES)]
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            out.append(
                f'<line x1="{x}" x2="{x + 24}" y1="{y - 4}" y2="{y - 4}" stroke="{colour}" '
                f'stroke-width="2.5"{dash_attr}/>'
            )
            out.append(_marker(MARKERS[i % len(MARKERS)], x + 12, y - 4, colour))
        label_x = x + (20 if bars else 30)
        out.append(f'<text x="{label_x}" y="{y}" font-size="12" fill="#1b1b1b">{escape(s.name)}</text>')
        x = label_x + 8 * len(s.name) + 24
    return out


def _table(
    labels: Sequence[str], series: Sequence[Series], x_heading: str, y_format: Formatter
) -> tuple[list[str], list[list[str]]]:
    headers = [x_heading]
    for s in series:
        headers.append(s.name)
        if s.low is not None and s.high is not None:
            headers.append(f"{s.name} (95% interval)")
    rows = []
    for i, label in enumerate(labels):
        row = [label]
        for s in series:
            v = s.values[i]
            row.append("–" if v is None else y_format(v))
            if s.low is not None and s.high is not None:
                lo, hi = s.low[i], s.high[i]
                row.append("–" if lo is None or hi is None else f"{y_format(lo)} to {y_format(hi)}")
        rows.append(row)
    return headers, rows


def _whisker(x: float, lo: float, hi: float, scale: _Scale, colour: str) -> str:
    y1, y2 = scale.y(lo), scale.y(hi)
    return (
        f'<path class="interval" d="M{x - 4:.1f} {y1:.1f} H{x + 4:.1f} M{x:.1f} {y1:.1f} V{y2:.1f} '
        f'M{x - 4:.1f} {y2:.1f} H{x + 4:.1f}" stroke="{colour}" stroke-width="1.5" fill="none"/>'
    )


def line_chart(
    *,
    title: str,
    description: str,
    labels: Sequence[str],
    series: Sequence[Series],
    x_heading: str = "Period",
    y_max: float | None = None,
    y_format: Formatter = fmt_number,
) -> Chart:
    """A line chart over `labels` (e.g. weeks). Gaps (None) break the line; intervals draw whiskers."""
    _check(labels, series)
    chart_id = f"chart{next(_ids)}"
    scale, ticks = _scale(series, y_max)
    n = len(labels)
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    xs = [MARGIN_LEFT + plot_w * ((i + 0.5) / n) for i in range(n)] if n else []
    out = _frame(chart_id, title, description, scale, ticks, y_format)
    out += _x_labels(labels, xs)
    for si, s in enumerate(series):
        colour = COLOURS[si % len(COLOURS)]
        dash = DASHES[si % len(DASHES)]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        segment: list[str] = []
        segments: list[list[str]] = []
        for i, v in enumerate(s.values):
            if v is None:
                if segment:
                    segments.append(segment)
                segment = []
                continue
            segment.append(f"{xs[i]:.1f} {scale.y(v):.1f}")
        if segment:
            segments.append(segment)
        for seg in segments:
            if len(seg) > 1:
                out.append(
                    f'<path class="series" d="M{" L".join(seg)}" fill="none" stroke="{colour}" '
                    f'stroke-width="2.5"{dash_attr}/>'
                )
        for i, v in enumerate(s.values):
            if v is None:
                continue
            if s.low is not None and s.high is not None:
                lo, hi = s.low[i], s.high[i]
                if lo is not None and hi is not None:
                    out.append(_whisker(xs[i], lo, hi, scale, colour))
            out.append(_marker(MARKERS[si % len(MARKERS)], xs[i], scale.y(v), colour))
    out += _legend(series, bars=False)
    out.append("</svg>")
    headers, rows = _table(labels, series, x_heading, y_format)
    return Chart("".join(out), title, description, headers, rows, kind="line", has_data=_has_data(series))


def bar_chart(
    *,
    title: str,
    description: str,
    labels: Sequence[str],
    series: Sequence[Series],
    x_heading: str = "Category",
    y_max: float | None = None,
    y_format: Formatter = fmt_number,
) -> Chart:
    """Grouped vertical bars: one group per label, one bar per series, value written above each bar."""
    _check(labels, series)
    chart_id = f"chart{next(_ids)}"
    scale, ticks = _scale(series, y_max)
    n = max(len(labels), 1)
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    group_w = plot_w / n
    bar_w = min(48.0, group_w * 0.8 / len(series))
    xs = [MARGIN_LEFT + group_w * (i + 0.5) for i in range(len(labels))]
    out = _frame(chart_id, title, description, scale, ticks, y_format)
    out += _x_labels(labels, xs)
    base = scale.y(0)
    for si, s in enumerate(series):
        colour = COLOURS[si % len(COLOURS)]
        for i, v in enumerate(s.values):
            if v is None:
                continue
            x = xs[i] - bar_w * len(series) / 2 + si * bar_w
            y = scale.y(v)
            out.append(
                f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{bar_w - 2:.1f}" '
                f'height="{max(base - y, 0):.1f}" fill="{colour}"/>'
            )
            out.append(
                f'<text x="{x + bar_w / 2 - 1:.1f}" y="{y - 4:.1f}" text-anchor="middle" font-size="11" '
                f'fill="#1b1b1b">{escape(y_format(v))}</text>'
            )
            if s.low is not None and s.high is not None:
                lo, hi = s.low[i], s.high[i]
                if lo is not None and hi is not None:
                    out.append(_whisker(x + bar_w / 2 - 1, lo, hi, scale, "#1b1b1b"))
    if len(series) > 1:
        out += _legend(series, bars=True)
    out.append("</svg>")
    headers, rows = _table(labels, series, x_heading, y_format)
    return Chart("".join(out), title, description, headers, rows, kind="bar", has_data=_has_data(series))
