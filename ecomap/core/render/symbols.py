"""Symbols → Qt pens, brushes, hatch textures and marker shapes; styles → a symbol per feature.

Widths and sizes in millimetres are converted with the output DPI, so the same style
looks the same on screen (96 dpi) and in a 300 dpi export. Pens are cosmetic (their
width is in device pixels whatever the painter transform), which lets a level of
detail built once be drawn at nearby scales with a transform.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QTransform

from ecomap.core.style import CategorizedStyle, GraduatedStyle, SingleStyle, Symbol, parse_color
from ecomap.errors import DataError
from ecomap.i18n import tr


def qcolor(text: str | None, opacity: float = 1.0) -> QColor | None:
    rgba = parse_color(text)
    if rgba is None:
        return None
    r, g, b, a = rgba
    return QColor(r, g, b, round(a * max(0.0, min(1.0, opacity))))


#: a pen wider than this many pixels is a wrong value, not a style (Qt refuses it); dashes are capped
MAX_PEN_PX = 10_000.0


def pen_for(symbol: Symbol, dpi: float) -> QPen:
    color = qcolor(symbol.stroke, symbol.opacity)
    width = symbol.stroke_px(dpi) if color is not None else 0.0
    if not 0 < width <= MAX_PEN_PX:  # NaN too
        return QPen(Qt.PenStyle.NoPen)
    pen = QPen(color)
    pen.setWidthF(max(width, 0.01))
    pen.setCosmetic(True)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap if symbol.dash else Qt.PenCapStyle.RoundCap)
    if symbol.dash:
        # Qt dash patterns are in pen widths; our dash values are in mm
        w = max(pen.widthF(), 1.0)
        dashes = [min(max(float(d) * dpi / 25.4 / w, 0.1), MAX_PEN_PX) for d in symbol.dash
                  if math.isfinite(float(d))]
        if dashes:
            pen.setDashPattern(dashes + dashes[-1:] * (len(dashes) % 2))  # Qt wants pairs
    return pen


def brush_for(symbol: Symbol) -> QBrush:
    color = qcolor(symbol.fill, symbol.opacity)
    return QBrush(color) if color is not None else QBrush(Qt.BrushStyle.NoBrush)


HATCH_SPACING_MM = 2.0
HATCH_WIDTH_MM = 0.25


def hatch_brush(symbol: Symbol, dpi: float, scale: float = 1.0) -> QBrush | None:
    """A texture brush of lines ``HATCH_SPACING_MM`` apart (red-line hatching), in device pixels.

    ``scale`` is the painter's current scale, undone on the brush so spacing stays in mm.
    """
    if not symbol.hatch:
        return None
    color = qcolor(symbol.hatch_color, symbol.opacity)
    step = max(4, round(HATCH_SPACING_MM * dpi / 25.4))
    img = QImage(step, step, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    try:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(color)
        pen.setWidthF(max(HATCH_WIDTH_MM * dpi / 25.4, 1.0))
        p.setPen(pen)
        kind = symbol.hatch
        if kind in ("diagonal", "cross"):
            # lines through the tile's corners so that tiles join seamlessly
            for off in (-step, 0, step):
                p.drawLine(QPointF(off, step), QPointF(off + step, 0))
        if kind == "cross":
            for off in (-step, 0, step):
                p.drawLine(QPointF(off, 0), QPointF(off + step, step))
        if kind == "horizontal":
            p.drawLine(QPointF(0, step / 2), QPointF(step, step / 2))
        if kind == "vertical":
            p.drawLine(QPointF(step / 2, 0), QPointF(step / 2, step))
        if kind == "dots":
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(color)
            rad = max(pen.widthF(), 1.2)
            p.drawEllipse(QPointF(step / 2, step / 2), rad, rad)
    finally:
        p.end()
    brush = QBrush(img)
    if scale != 1.0:
        brush.setTransform(QTransform.fromScale(1.0 / scale, 1.0 / scale))
    return brush


def marker_template(kind: str | None, size_px: float) -> np.ndarray:
    """A closed outline (k, 2) of marker ``kind`` centred on (0, 0), ``size_px`` across."""
    r = size_px / 2
    if kind == "square":
        pts = [(-r, -r), (r, -r), (r, r), (-r, r)]
    elif kind == "triangle":
        pts = [(0, -r), (r * 0.866, r * 0.5), (-r * 0.866, r * 0.5)]
    elif kind == "diamond":
        pts = [(0, -r), (r, 0), (0, r), (-r, 0)]
    elif kind == "star":
        pts = []
        for i in range(10):
            a = -math.pi / 2 + i * math.pi / 5
            rr = r if i % 2 == 0 else r * 0.42
            pts.append((rr * math.cos(a), rr * math.sin(a)))
    else:  # circle (default)
        n = 8 if size_px < 4 else 16 if size_px < 12 else 32
        t = np.linspace(0, 2 * math.pi, n, endpoint=False)
        pts = list(zip(r * np.cos(t), r * np.sin(t)))
    arr = np.array(pts + [pts[0]], dtype=float)
    return arr


def symbols_of(style) -> list[Symbol]:
    """The symbols of a style, in drawing order (categories/ranges first, default last)."""
    if isinstance(style, SingleStyle):
        return [style.symbol]
    if isinstance(style, CategorizedStyle):
        out = [c.symbol for c in style.categories]
        return out + ([style.default] if style.default is not None else [])
    if isinstance(style, GraduatedStyle):
        return [r.symbol for r in style.ranges]
    return []


def assign_symbols(style, column_of, feature_count: int) -> np.ndarray:
    """Index into ``symbols_of(style)`` for each feature (-1: not drawn). Vectorized."""
    if isinstance(style, SingleStyle):
        return np.zeros(feature_count, np.int32)
    if isinstance(style, CategorizedStyle):
        import pandas as pd

        values = column_of(style.field)
        cats = [c.value for c in style.categories]
        out = np.full(feature_count, len(cats) if style.default is not None else -1, np.int32)
        if cats:
            # compare as text (codes stored as numbers in one file, text in another); factorize
            # first so that only the distinct values go through Python. A layer's own column is
            # factorized as it is held (Arrow text: in Arrow, in a few ms): made into Python
            # objects and back it held the GIL for a tenth of a second per 500,000 features
            column = values if isinstance(values, pd.Series) else pd.Series(np.asarray(values, dtype=object))
            codes, uniq = column.factorize(use_na_sentinel=True)
            lookup = pd.Index([_key(c) for c in cats]).get_indexer([_key(u) for u in uniq])
            hit = codes >= 0
            mapped = np.full(feature_count, -1, np.int64)
            mapped[hit] = lookup[codes[hit]]
            out[mapped >= 0] = mapped[mapped >= 0]
        return out
    if isinstance(style, GraduatedStyle):
        try:
            values = np.asarray(column_of(style.field), dtype=float)
        except (TypeError, ValueError):
            raise DataError(None, tr("the field '{name}' holds text, not numbers: a graduated style "
                                     "cannot classify it").format(name=style.field)) from None
        out = np.full(feature_count, -1, np.int32)
        for i, r in enumerate(style.ranges):
            first = i == 0
            sel = (values <= r.upper) & ((values >= r.lower) if first else (values > r.lower))
            out[sel & (out < 0)] = i
        return out
    return np.full(feature_count, -1, np.int32)


def _key(v):
    if v is None:
        return None
    if isinstance(v, (float, np.floating)) and float(v).is_integer():
        return str(int(v))
    return str(v)
