"""One chart per subject group: every source's figure with its interval, placed by time horizon.

x is the horizon (now, by a deadline, eventually ...), ordered by date; y is the figure. A hedged
figure ("about 11,000") is a bar over its interval, an open-ended one ("at least 3,000", "as many as
12,000") an arrow pointing where the interval is open; colours say who gave the figure. Drawn with
matplotlib's object API (no pyplot, so no global figure state) and returned as SVG text to inline.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import textwrap
from collections import defaultdict
from dataclasses import dataclass, field

from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from checker.models import Claim, Group, Horizon, Report

UNATTRIBUTED = "unattributed"
PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf",
           "#bcbd22", "#7f7f7f"]
# Open-ended figures need an arrow of some length: a share of the axis height reads the same at any scale.
ARROW_SHARE = 0.14
SVG_RC = {"svg.fonttype": "none", "svg.hashsalt": "claimcheck", "font.size": 9}
SLOT_INCHES = 1.3
MAX_WIDTH_INCHES = 13.0
COLUMN_GAP = 0.6
CAPTION_CHARS = 18
MAX_CAPTION_LINES = 4
_KIND_ORDER = {"current": 0, "point": 1, "past": 1, "period": 1, "deadline": 2, "eventual": 3, "unknown": 4}


def attribution_of(claim: Claim) -> str:
    """The canonical source when the lexicon knows it, so "Seoul's spy agency" and "NIS" share a colour."""
    return claim.source_key or claim.attribution or UNATTRIBUTED


@dataclass
class Point:
    """Claims drawn as one mark: same source, same figure and interval, same horizon, same hedge."""

    claim: Claim
    outlets: list[str] = field(default_factory=list)

    def caption(self) -> str:
        figure = f"{self.claim.qualifier} {self.claim.text}" if self.claim.qualifier else self.claim.text
        lines = textwrap.wrap(figure, CAPTION_CHARS) + textwrap.wrap(", ".join(self.outlets), CAPTION_CHARS)
        return "\n".join(lines[:MAX_CAPTION_LINES])


def points_of(claims: list[Claim], outlets: dict[str, str]) -> list[Point]:
    points: dict[tuple[object, ...], Point] = {}
    for claim in claims:
        key = (attribution_of(claim), claim.value, claim.low, claim.high, horizon_label(claim), claim.qualifier)
        point = points.setdefault(key, Point(claim))
        outlet = outlets.get(claim.document, claim.document)
        if outlet not in point.outlets:
            point.outlets.append(outlet)
    return list(points.values())


def horizon_sort_key(horizon: Horizon) -> tuple[int, dt.date]:
    """Dated horizons by date, then 'eventually', then unknown: a projection without a date comes last."""
    if horizon.kind in ("eventual", "unknown"):
        return (1 + _KIND_ORDER[horizon.kind], dt.date.min)
    when = horizon.end if horizon.kind == "deadline" else (horizon.start or horizon.end)
    return (0, when) if when is not None else (1 + _KIND_ORDER.get(horizon.kind, 4), dt.date.min)


def horizon_label(claim: Claim) -> str:
    return claim.horizon or claim.horizon_detail.label()


def colours_for(claims: list[Claim]) -> dict[str, str]:
    names = sorted({attribution_of(c) for c in claims}, key=lambda n: (n == UNATTRIBUTED, n.lower()))
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(names)}


def _plain(text: str) -> str:
    """Matplotlib reads '$...$' as maths; article text is never maths."""
    return text.replace("$", r"\$")


def group_chart_svg(report: Report, group: Group, dom_id: str = "chart") -> str:
    """The group's chart as an <svg> element; element ids are prefixed with dom_id so charts can share a page."""
    by_id = {c.id: c for c in report.claims}
    claims = [by_id[i] for i in group.claims if i in by_id and by_id[i].value is not None]
    outlets = {d.id: d.outlet or d.id for d in report.documents}
    with rc_context(SVG_RC):
        figure = _draw(claims, group, outlets)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    return _prefix_ids(_strip_prolog(buffer.getvalue()), dom_id)


def _draw(claims: list[Claim], group: Group, outlets: dict[str, str]) -> Figure:
    columns: dict[str, list[Point]] = defaultdict(list)
    horizons: dict[str, Horizon] = {}
    for point in points_of(claims, outlets):
        label = horizon_label(point.claim)
        columns[label].append(point)
        horizons.setdefault(label, point.claim.horizon_detail)
    order = sorted(columns, key=lambda label: horizon_sort_key(horizons[label]))
    colours = colours_for(claims)
    # One slot per mark, so captions do not overlap; columns (horizons) separated by a gap.
    slots = sum(len(columns[label]) for label in order) + COLUMN_GAP * max(len(order) - 1, 0)
    slot_inches = min(SLOT_INCHES, (MAX_WIDTH_INCHES - 1.2) / max(slots, 1))
    figure = Figure(figsize=(max(4.5, slot_inches * slots + 1.2), 3.6))
    axes = figure.add_subplot()
    top = max([_top(c) for c in claims] + [0.0]) or 1.0
    bottom = min([_bottom(c) for c in claims] + [0.0])  # below zero only for falls, deficits, frost
    arrow = ARROW_SHARE * (top - bottom)
    caption_size = 7 if slot_inches >= 1.0 else 6
    ticks: list[float] = []
    x = 0.0
    for index, label in enumerate(order):
        members = sorted(columns[label], key=lambda p: (attribution_of(p.claim).lower(), _top(p.claim)))
        ticks.append(x + (len(members) - 1) / 2)
        for point in members:
            _draw_point(axes, x, point, colours[attribution_of(point.claim)], arrow, bottom, caption_size)
            x += 1
        if index < len(order) - 1:
            axes.axvline(x - 1 + (1 + COLUMN_GAP) / 2, color="#eeeeee", linewidth=0.8, zorder=0)
            x += COLUMN_GAP
    axes.set_xticks(ticks, [_plain(label) for label in order])
    axes.set_xlim(-0.5, x - 0.2)
    axes.set_ylim(bottom - (top - bottom) * 0.05 if bottom < 0 else 0, top + (top - bottom) * 0.25)
    axes.set_ylabel(_plain(group.unit or group.subject))
    axes.set_title(_plain(group.subject), loc="left", fontweight="bold")
    axes.yaxis.set_major_formatter(lambda value, _pos: f"{value:,.6g}")
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)
    axes.spines[["top", "right"]].set_visible(False)
    handles = [Line2D([], [], marker="o", linestyle="", color=colour, label=_plain(name))
               for name, colour in colours.items()]
    axes.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.0, -0.12), frameon=False,
                ncols=max(1, min(len(handles), int(figure.get_figwidth() // 3.2))), title="according to",
                alignment="left")
    return figure


def _top(claim: Claim) -> float:
    return max(v for v in (claim.value, claim.low, claim.high) if v is not None)


def _bottom(claim: Claim) -> float:
    return min(v for v in (claim.value, claim.low, claim.high) if v is not None)


def _draw_point(axes: Axes, x: float, point: Point, colour: str, arrow: float, bottom: float,
                caption_size: int) -> None:
    claim = point.claim
    low, high, value = claim.low, claim.high, claim.value
    assert value is not None
    if low is not None and high is not None and low != high:
        axes.bar(x, high - low, bottom=low, width=0.14, color=colour, alpha=0.28, edgecolor=colour)
        axes.errorbar(x, value, yerr=[[value - low], [high - value]], fmt="none", ecolor=colour, capsize=4)
    elif low is not None and high is None:
        axes.annotate("", xy=(x, low + arrow), xytext=(x, low),
                      arrowprops={"arrowstyle": "-|>", "color": colour, "linewidth": 1.6})
        value = low
    elif high is not None and low is None:
        axes.annotate("", xy=(x, max(high - arrow, bottom)), xytext=(x, high),
                      arrowprops={"arrowstyle": "-|>", "color": colour, "linewidth": 1.6})
        value = high
    axes.plot([x], [value], marker="o", color=colour, markersize=6, zorder=3)
    axes.annotate(_plain(point.caption()), (x, value), xytext=(6, 0), textcoords="offset points",
                  fontsize=caption_size, va="center", color="#333333")


def _strip_prolog(svg: str) -> str:
    return svg[svg.index("<svg"):]


def _prefix_ids(svg: str, prefix: str) -> str:
    """Matplotlib derives ids from content, so two charts on one page could share one; make them unique."""
    ids = set(re.findall(r'\bid="([^"]+)"', svg))
    if not ids:
        return svg
    pattern = re.compile(r'(\bid="|#)(' + "|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True)) + r')\b')
    return pattern.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", svg)


def report_charts(report: Report, min_figures: int = 2) -> dict[str, str]:
    """SVG per group id, for groups with at least `min_figures` figures to compare."""
    by_id = {c.id: c for c in report.claims}

    def drawable(group: Group) -> int:
        return sum(1 for i in group.claims if i in by_id and by_id[i].value is not None)

    return {group.id: group_chart_svg(report, group, dom_id=f"chart-{index}")
            for index, group in enumerate(report.groups) if drawable(group) >= min_figures}
