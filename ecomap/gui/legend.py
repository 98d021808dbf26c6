"""Legend swatches: a small picture of each style class, as the map draws it.

Used by the layer tree (one child row per class), the style dialog (class lists) and
the layer properties. Drawn with QPainter into a pixmap: fill, hatch, outline, dash
and point markers follow the Symbol; a raster ramp becomes a gradient bar.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QIcon,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
)

from ecomap.core.style import RAMPS, Symbol, parse_color
from ecomap.i18n import tr

HATCH_BRUSH = {"diagonal": Qt.BrushStyle.BDiagPattern, "cross": Qt.BrushStyle.DiagCrossPattern,
               "horizontal": Qt.BrushStyle.HorPattern, "vertical": Qt.BrushStyle.VerPattern,
               "dots": Qt.BrushStyle.Dense6Pattern}


def qcolor(text: str | None, opacity: float = 1.0) -> QColor:
    if text is None:
        return QColor(0, 0, 0, 0)
    r, g, b, a = parse_color(text)
    return QColor(r, g, b, round(a * opacity))


def marker_path(kind: str, cx: float, cy: float, size: float) -> QPainterPath:
    """Outline of a point marker of ``size`` pixels centred on (cx, cy)."""
    r = size / 2
    path = QPainterPath()
    if kind == "square":
        path.addRect(QRectF(cx - r, cy - r, size, size))
    elif kind == "triangle":
        path.addPolygon(QPolygonF([QPointF(cx, cy - r), QPointF(cx + r, cy + r * 0.8),
                                   QPointF(cx - r, cy + r * 0.8), QPointF(cx, cy - r)]))
    elif kind == "diamond":
        path.addPolygon(QPolygonF([QPointF(cx, cy - r), QPointF(cx + r, cy), QPointF(cx, cy + r),
                                   QPointF(cx - r, cy), QPointF(cx, cy - r)]))
    elif kind == "star":
        pts = []
        for i in range(11):
            rad = r if i % 2 == 0 else r * 0.45
            ang = -math.pi / 2 + i * math.pi / 5
            pts.append(QPointF(cx + rad * math.cos(ang), cy + rad * math.sin(ang)))
        path.addPolygon(QPolygonF(pts))
    else:
        path.addEllipse(QPointF(cx, cy), r, r)
    return path


def _pen(symbol: Symbol, width_px: float) -> QPen:
    if symbol.stroke is None:
        return QPen(Qt.PenStyle.NoPen)
    pen = QPen(qcolor(symbol.stroke, symbol.opacity))
    pen.setWidthF(max(0.8, width_px))
    if symbol.dash:
        pen.setDashPattern([max(0.1, float(d)) for d in symbol.dash])
    return pen


def symbol_pixmap(symbol: Symbol | None, geometry_type: str | None, size: int = 16) -> QPixmap:
    """A ``size``×``size`` picture of ``symbol`` for a layer of ``geometry_type``."""
    symbol = symbol or Symbol()
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    try:  # a painter left active on a pixmap that is freed takes the process down
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        width_px = min(3.0, symbol.stroke_px(96) * 0.8)
        if geometry_type == "Point" or (symbol.marker and geometry_type not in ("Polygon", "LineString")):
            p.setPen(_pen(symbol, width_px))
            p.setBrush(QBrush(qcolor(symbol.fill, symbol.opacity)))
            msize = max(5.0, min(size - 2.0, symbol.size * 3.78))
            p.drawPath(marker_path(symbol.marker or "circle", size / 2, size / 2, msize))
        elif geometry_type == "LineString":
            pen = _pen(symbol, max(1.2, width_px))
            p.setPen(pen)
            path = QPainterPath(QPointF(1, size * 0.75))
            path.cubicTo(QPointF(size * 0.35, size * 0.1), QPointF(size * 0.65, size * 0.9), QPointF(size - 1, size * 0.25))
            p.drawPath(path)
        else:
            rect = QRectF(1.5, 1.5, size - 3, size - 3)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QBrush(qcolor(symbol.fill, symbol.opacity)))
            p.drawRect(rect)
            if symbol.hatch in HATCH_BRUSH:
                p.setBrush(QBrush(qcolor(symbol.hatch_color, symbol.opacity), HATCH_BRUSH[symbol.hatch]))
                p.drawRect(rect)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(_pen(symbol, width_px))
            p.drawRect(rect)
    finally:
        p.end()
    return pm


def symbol_icon(symbol: Symbol | None, geometry_type: str | None, size: int = 16) -> QIcon:
    return QIcon(symbol_pixmap(symbol, geometry_type, size))


def ramp_pixmap(ramp: str, width: int = 64, height: int = 14) -> QPixmap:
    pm = QPixmap(width, height)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    grad = QLinearGradient(0, 0, width, 0)
    for pos, color in RAMPS.get(ramp, RAMPS["Greys"]):
        grad.setColorAt(pos, QColor(color))
    p.fillRect(0, 0, width, height, grad)
    p.setPen(QColor(90, 90, 90))
    p.drawRect(0, 0, width - 1, height - 1)
    p.end()
    return pm


def legend_entries(style, geometry_type: str | None) -> list[tuple[str, QIcon]]:
    """(label, swatch) per class of ``style``; a single-symbol style has no class rows."""
    kind = getattr(style, "type", None)
    if kind == "categorized":
        alike = dict.fromkeys((c.label or str(c.value), c.symbol) for c in style.categories)  # one row per look
        rows = [(label, symbol_icon(symbol, geometry_type)) for label, symbol in alike]
        if style.default is not None:
            rows.append((tr("(other values)"), symbol_icon(style.default, geometry_type)))
        return rows
    if kind == "graduated":
        return [(r.label, symbol_icon(r.symbol, geometry_type)) for r in style.ranges]
    if kind == "raster" and style.mode in ("ramp", "hillshade", "gray"):
        ramp = style.ramp if style.mode == "ramp" else "Greys"
        return [(tr("Hillshade") if style.mode == "hillshade" else ramp, QIcon(ramp_pixmap(ramp, 32, 12)))]
    return []


def layer_icon(node) -> QIcon:
    """The icon in front of a layer's name: its single symbol, a table for an attribute-only
    table, or a generic one."""
    style = node.style
    layer = node.layer
    if layer is None:
        return QIcon.fromTheme("dialog-warning")
    if getattr(layer, "kind", None) == "raster":
        ramp = getattr(style, "ramp", "Greys") if getattr(style, "mode", "") == "ramp" else "Greys"
        return QIcon(ramp_pixmap(ramp, 16, 16))
    if layer.geometry_type is None:  # an attribute-only table: nothing on the map, so no swatch
        from ecomap.gui.icons import icon

        return icon("table")
    if getattr(style, "type", None) == "single":
        return symbol_icon(style.symbol, layer.geometry_type)
    return symbol_icon(Symbol(fill="#bbbbbbff", stroke="#555555ff"), layer.geometry_type)
