"""Charts drawn on the server as inline SVG: bars, stacked bars, a histogram, a donut.

No script is needed to read them: every mark carries a ``<title>`` (the browser's tooltip),
numbers are written in the page's language (``lang``), colours come from CSS classes (``c0``
... ``c9``) so that the stylesheet keeps them consistent and legible, and ``data-series``
lets the page's script highlight one series when its legend is hovered or focused.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from revalo.entrypoints.web.formats import number, percent


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    values: Sequence[float]
    colour: int  # the CSS class c0..c9


@dataclass(frozen=True, slots=True)
class Slice:
    label: str
    value: float
    colour: int


def _num(x: float, lang: str) -> str:
    """A value as a tooltip shows it, in the page's language: whole numbers without
    decimals."""
    return number(x, 0 if float(x).is_integer() else 1, lang=lang)


def _colon(lang: str) -> str:
    """Between a name and its value: French puts a space before the colon."""
    return " : " if lang == "fr" else ": "


def nice_max(value: float) -> float:
    """The smallest 1, 2, 2.5 or 5 x 10^n at or above ``value`` (at least 1)."""
    if value <= 1:
        return 1.0
    exp = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * exp:
            return float(step * exp)
    return float(10 * exp)  # pragma: no cover - the loop always returns


def _svg(width: int, height: int, body: list[str], label: str) -> Markup:
    return Markup(
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(label)}" preserveAspectRatio="xMidYMid meet">'
        + "".join(body)
        + "</svg>"
    )


def _y_axis(
    body: list[str], top: float, left: int, right: int, bottom: int, ymax: float, lang: str
) -> None:
    for i in range(5):
        v = ymax * i / 4
        y = bottom - (bottom - top) * i / 4
        body.append(f'<line class="grid" x1="{left}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}"/>')
        body.append(
            f'<text class="tick" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">'
            f"{_num(v, lang)}</text>"
        )


def bar_chart(
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    label: str,
    lang: str,
    width: int = 720,
    height: int = 240,
    every: int | None = None,
) -> Markup:
    """Grouped vertical bars: one group per category, one bar per series. ``every``: label
    one category in so many (by default, about 12 labels at most)."""
    left, right, top, bottom = 44, width - 8, 10, height - 26
    n = max(1, len(categories))
    ymax = nice_max(max((v for s in series for v in s.values), default=0))
    body: list[str] = []
    _y_axis(body, top, left, right, bottom, ymax, lang)
    group = (right - left) / n
    bar = max(1.0, group * 0.8 / max(1, len(series)))
    step = every or max(1, math.ceil(n / 12))
    for i, cat in enumerate(categories):
        x0 = left + i * group + group * 0.1
        for k, s in enumerate(series):
            v = s.values[i] if i < len(s.values) else 0
            h = (bottom - top) * v / ymax
            x = x0 + k * bar
            body.append(
                f'<rect class="bar c{s.colour}" data-series="{escape(s.name)}" x="{x:.1f}" '
                f'y="{bottom - h:.1f}" width="{max(bar - 1, 1):.1f}" height="{h:.1f}">'
                f"<title>{escape(cat)} · {escape(s.name)}{_colon(lang)}{_num(v, lang)}"
                "</title></rect>"
            )
        if i % step == 0:
            cx = left + (i + 0.5) * group
            body.append(
                f'<text class="tick" x="{cx:.1f}" y="{height - 8}" text-anchor="middle">'
                f"{escape(cat)}</text>"
            )
    body.append(f'<line class="axis" x1="{left}" x2="{right}" y1="{bottom}" y2="{bottom}"/>')
    return _svg(width, height, body, label)


def histogram(
    buckets: Sequence[tuple[str, float, bool]],
    *,
    label: str,
    lang: str,
    unit: str = "",
    width: int = 480,
    height: int = 220,
) -> Markup:
    """Vertical bars touching each other, one per bucket; flagged buckets get the alert
    colour. ``unit`` follows each bucket's label in the tooltips."""
    left, right, top, bottom = 44, width - 8, 18, height - 26
    n = max(1, len(buckets))
    ymax = nice_max(max((v for _, v, _ in buckets), default=0))
    body: list[str] = []
    _y_axis(body, top, left, right, bottom, ymax, lang)
    w = (right - left) / n
    for i, (name, v, flagged) in enumerate(buckets):
        h = (bottom - top) * v / ymax
        x = left + i * w
        cls = "bar alert" if flagged else "bar c0"
        body.append(
            f'<rect class="{cls}" x="{x + 1:.1f}" y="{bottom - h:.1f}" width="{w - 2:.1f}" '
            f'height="{h:.1f}"><title>{escape(name)} {escape(unit)}{_colon(lang)}{_num(v, lang)}'
            "</title></rect>"
        )
        if v:
            body.append(
                f'<text class="value" x="{x + w / 2:.1f}" y="{bottom - h - 4:.1f}" '
                f'text-anchor="middle">{_num(v, lang)}</text>'
            )
        body.append(
            f'<text class="tick" x="{x + w / 2:.1f}" y="{height - 8}" text-anchor="middle">'
            f"{escape(name)}</text>"
        )
    body.append(f'<line class="axis" x1="{left}" x2="{right}" y1="{bottom}" y2="{bottom}"/>')
    return _svg(width, height, body, label)


def stacked_bars(
    rows: Sequence[tuple[str, Sequence[float]]],
    keys: Sequence[str],
    *,
    label: str,
    lang: str,
    width: int = 560,
    row_height: int = 26,
    label_width: int = 150,
) -> Markup:
    """Horizontal stacked bars: one row per entry, one segment per key (colour ``c{i}``)."""
    height = max(1, len(rows)) * row_height + 8
    right = width - 48
    total_max = nice_max(max((sum(v) for _, v in rows), default=0))
    body: list[str] = []
    for r, (name, values) in enumerate(rows):
        y = 4 + r * row_height
        body.append(
            f'<text class="tick" x="{label_width - 8}" y="{y + row_height / 2 + 4:.1f}" '
            f'text-anchor="end">{escape(name)}</text>'
        )
        x = float(label_width)
        for k, v in enumerate(values):
            if not v:
                continue
            w = (right - label_width) * v / total_max
            body.append(
                f'<rect class="bar c{k % 10}" data-series="{escape(keys[k])}" x="{x:.1f}" '
                f'y="{y + 3}" width="{w:.1f}" height="{row_height - 8}">'
                f"<title>{escape(name)} · {escape(keys[k])}{_colon(lang)}{_num(v, lang)}"
                "</title></rect>"
            )
            x += w
        body.append(
            f'<text class="value" x="{x + 6:.1f}" y="{y + row_height / 2 + 4:.1f}">'
            f"{_num(sum(values), lang)}</text>"
        )
    return _svg(width, height, body, label)


def donut(
    slices: Sequence[Slice], *, label: str, lang: str, size: int = 200, hole: float = 0.6
) -> Markup:
    """A ring of shares, largest first as given; the total sits in the middle."""
    total = sum(s.value for s in slices)
    c = size / 2
    r_out, r_in = c - 4, (c - 4) * hole
    body: list[str] = []
    angle = -math.pi / 2
    for s in slices:
        if s.value <= 0 or total <= 0:
            continue
        share = s.value / total
        shown = f"{_num(s.value, lang)} ({percent(share, 1, lang=lang)})"
        title = f"<title>{escape(s.label)}{_colon(lang)}{shown}</title>"
        if share >= 0.9999:
            body.append(
                f'<circle class="slice c{s.colour}" data-series="{escape(s.label)}" cx="{c}" '
                f'cy="{c}" r="{(r_out + r_in) / 2:.1f}" fill="none" '
                f'stroke-width="{r_out - r_in:.1f}">{title}</circle>'
            )
            continue
        end = angle + share * 2 * math.pi
        large = 1 if share > 0.5 else 0
        p = [
            (c + r_out * math.cos(angle), c + r_out * math.sin(angle)),
            (c + r_out * math.cos(end), c + r_out * math.sin(end)),
            (c + r_in * math.cos(end), c + r_in * math.sin(end)),
            (c + r_in * math.cos(angle), c + r_in * math.sin(angle)),
        ]
        d = (
            f"M{p[0][0]:.2f},{p[0][1]:.2f} A{r_out:.2f},{r_out:.2f} 0 {large} 1 "
            f"{p[1][0]:.2f},{p[1][1]:.2f} L{p[2][0]:.2f},{p[2][1]:.2f} "
            f"A{r_in:.2f},{r_in:.2f} 0 {large} 0 {p[3][0]:.2f},{p[3][1]:.2f} Z"
        )
        name = escape(s.label)
        body.append(f'<path class="slice c{s.colour}" data-series="{name}" d="{d}">{title}</path>')
        angle = end
    body.append(
        f'<text class="donut-total" x="{c}" y="{c + 6}" text-anchor="middle">'
        f"{_num(total, lang)}</text>"
    )
    return _svg(size, size, body, label)
