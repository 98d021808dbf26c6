"""The scale bar: round ground lengths (m or km) measured on the ellipsoid, and its drawing.

:func:`choose_bar` picks the segment length from 1, 2, 2.5 and 5 × 10ⁿ metres so that
the bar is as long as possible within the space given; the ground distance per
millimetre of paper comes from :meth:`MapView.ground_metres_per_mm` (a geodesic
across the frame's centre), so the bar is right in any projection.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor

from ecomap.core.layout.canvas import Canvas
from ecomap.core.layout.mapview import MapView
from ecomap.core.layout.text import format_scale
from ecomap.i18n import tr

_NICE = (1.0, 2.0, 2.5, 5.0)


@dataclass(frozen=True)
class BarSpec:
    segment_m: float  # ground metres per segment
    segments: int
    segment_mm: float  # paper length of one segment
    unit: str  # "m" | "km"

    @property
    def length_m(self) -> float:
        return self.segment_m * self.segments

    @property
    def length_mm(self) -> float:
        return self.segment_mm * self.segments

    def labels(self) -> list[str]:
        div = 1000.0 if self.unit == "km" else 1.0
        return [_number(i * self.segment_m / div) for i in range(self.segments + 1)]

    @property
    def unit_text(self) -> str:
        return tr("km") if self.unit == "km" else tr("m")


def _number(value: float) -> str:
    if abs(value - round(value)) < 1e-9:
        return str(round(value))
    return f"{value:.3f}".rstrip("0").rstrip(".")


def nice_below(value: float) -> float:
    """The largest 1/2/2.5/5 × 10ⁿ not above ``value``."""
    if not value > 0:
        return 0.0
    exp = 10 ** math.floor(math.log10(value))
    best = exp
    for step in _NICE:
        if step * exp <= value * (1 + 1e-9):
            best = step * exp
    return best


def choose_bar(ground_m_per_mm: float, max_length_mm: float, segments: int = 4,
               units: str = "auto") -> BarSpec:
    """The longest bar of ``segments`` round segments fitting in ``max_length_mm``."""
    segments = max(1, int(segments))
    segment_m = nice_below(ground_m_per_mm * max_length_mm / segments)
    unit = units if units in ("m", "km") else ("km" if segment_m * segments >= 1000 else "m")
    return BarSpec(segment_m, segments, segment_m / ground_m_per_mm, unit)


def draw_scalebar(canvas: Canvas, item, view: MapView | None) -> None:
    rect = canvas.item_rect(item)
    canvas.frame(rect, item.border, item.border_color, item.background)
    if view is None:
        return
    p = canvas.painter
    font = canvas.font(item.font, item.size)
    fm = canvas.metrics(font)
    pad = canvas.mm(1.0)
    g = view.ground_metres_per_mm()
    unit_probe = " " + tr("km")
    room_mm = (rect.width() - 2 * pad - fm.horizontalAdvance(unit_probe) - fm.horizontalAdvance("0") / 2) \
        / canvas.px_per_mm
    spec = choose_bar(g, max(room_mm, 1.0), item.segments, item.units)
    if spec.segment_m <= 0:
        return
    # a leftover segment count that does not fit is dropped rather than squeezed
    line_h = fm.height()
    bar_h = max(canvas.mm(1.6), min(canvas.mm(2.2), rect.height() * 0.18))
    top = rect.top() + pad
    if item.numeric:
        numeric_rect = QRectF(rect.left(), top, rect.width(), line_h)
        canvas.draw_text(numeric_rect, format_scale(view.scale), font, "#000000ff", "center", "middle",
                         fit=False, wrap=False)
        top += line_h + canvas.mm(0.6)
    x0 = rect.left() + pad + fm.horizontalAdvance("0") / 2
    seg = canvas.mm(spec.segment_mm)
    labels = spec.labels()
    p.save()
    black = QColor(0, 0, 0)
    line = canvas.pen(black, 0.2)
    labels_y = top
    bar_top = top + line_h + canvas.mm(0.4)
    if item.style == "line":
        p.setPen(line)
        base = bar_top + bar_h
        p.drawLine(QPointF(x0, base), QPointF(x0 + seg * spec.segments, base))
        for i in range(spec.segments + 1):
            x = x0 + i * seg
            p.drawLine(QPointF(x, base), QPointF(x, bar_top + (0 if i in (0, spec.segments) else bar_h / 2)))
    else:
        for i in range(spec.segments):
            r = QRectF(x0 + i * seg, bar_top, seg, bar_h)
            p.fillRect(r, black if i % 2 == 0 else QColor(255, 255, 255))
        p.setPen(line)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(x0, bar_top, seg * spec.segments, bar_h))
    p.setFont(font)
    p.setPen(black)
    for i, text in enumerate(labels):
        w = fm.horizontalAdvance(text)
        x = x0 + i * seg - w / 2
        p.drawText(QPointF(x, labels_y + fm.ascent()), text)
    unit_x = x0 + spec.segments * seg + fm.horizontalAdvance(labels[-1]) / 2 + canvas.mm(1.0)
    p.drawText(QPointF(unit_x, labels_y + fm.ascent()), spec.unit_text)
    p.restore()
