"""The legend: entries built from the visible layers' styles, with the user's edited labels.

Each vector layer gives one entry (single symbol: swatch + layer title) or a heading
followed by one entry per class (categorized / graduated: the style's class labels,
only the classes present in the data unless the user asks for all). A raster with a
colour ramp gives a gradient bar. The user's edits live in the legend item
(``labels`` and ``hidden``, keyed by layer id and "layer id/class index"), so the
style is never changed by editing a printed legend. Swatches are drawn with the
renderer's own pens, brushes, hatches and markers so that they match the map.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPolygonF

from ecomap.core.layout.canvas import Canvas
from ecomap.core.layout.context import LayoutContext, MapLayer
from ecomap.core.style import (
    CategorizedStyle,
    GraduatedStyle,
    RasterStyle,
    SingleStyle,
    Symbol,
    ramp_lut,
)
from ecomap.errors import DataError
from ecomap.i18n import tr


@dataclass(frozen=True)
class LegendEntry:
    key: str  # "layer_id" or "layer_id/index"
    label: str
    kind: str  # "heading" | "Polygon" | "LineString" | "Point" | "ramp"
    symbol: Symbol | None = None
    ramp: str | None = None
    indent: bool = False


def _key(v) -> str | None:
    if v is None:
        return None
    if isinstance(v, (float, np.floating)):
        if np.isnan(v):
            return None
        if float(v).is_integer():
            return str(int(v))
    return str(v)


def _column(layer, name: str, rows=None):
    features = getattr(layer, "features", None)
    if features is not None and name in features.columns:
        values = features[name].to_numpy()
        return values if rows is None else values[rows]
    column = getattr(layer, "column", None)
    if column is not None:
        try:
            values = column(name)
        except (DataError, KeyError, ValueError):  # a missing field: every class is listed
            return None
        return values if rows is None else values[rows]
    return None


def rows_in_view(layer, extent, crs: str | None):
    """Positions of the features meeting ``extent`` (in ``crs``); None when it cannot tell."""
    if extent is None or getattr(layer, "kind", None) != "vector" or not hasattr(layer, "sindex"):
        return None
    from ecomap.core.extent import transform_extent

    own = layer.crs_info.crs() if getattr(layer, "crs_info", None) is not None else None
    box = transform_extent(tuple(extent), crs, own) if (crs and own is not None) else tuple(extent)
    if box is None:
        return None
    import shapely

    return np.sort(layer.sindex.query(shapely.box(*box)))


def _present_categories(layer, style: CategorizedStyle, rows=None) -> tuple[set[str] | None, bool]:
    """(category keys present in the data or None when unknown, whether unmatched values exist)."""
    values = _column(layer, style.field, rows)
    if values is None:
        return None, True
    import pandas as pd

    uniq = {_key(v) for v in pd.unique(pd.Series(np.asarray(values, dtype=object)))}
    uniq.discard(None)
    cats = {_key(c.value) for c in style.categories}
    return uniq & cats, bool(uniq - cats)


def _present_ranges(layer, style: GraduatedStyle, rows=None) -> list[bool]:
    values = _column(layer, style.field, rows)
    if values is None:
        return [True] * len(style.ranges)
    v = np.asarray(values, dtype=float)
    out = []
    for i, r in enumerate(style.ranges):
        low = (v >= r.lower) if i == 0 else (v > r.lower)
        out.append(bool((low & (v <= r.upper)).any()))
    return out


def entries_for_layer(ml: MapLayer, labels: dict[str, str], hidden: set[str],
                      only_present: bool = True, in_view=None) -> list[LegendEntry]:
    """The legend rows of one layer (empty when hidden or when it has nothing to show).

    ``in_view``: positions of the features to consider (those in view), None for all.
    """
    if ml.id in hidden or ml.layer is None:
        return []
    if in_view is not None and len(in_view) == 0:
        return []
    title = labels.get(ml.id, ml.name)
    style = ml.style
    geom = getattr(ml.layer, "geometry_type", None) or "Polygon"
    if geom == "Mixed":
        geom = "Polygon"
    if isinstance(style, RasterStyle):
        if style.mode in ("gray", "ramp"):
            return [LegendEntry(ml.id, title, "ramp", ramp=style.ramp if style.mode == "ramp" else "Greys")]
        return []
    if isinstance(style, SingleStyle) or style is None:
        return [LegendEntry(ml.id, title, geom, symbol=style.symbol if style else Symbol())]
    rows: list[LegendEntry] = []
    if isinstance(style, CategorizedStyle):
        present, unmatched = _present_categories(ml.layer, style, in_view) if only_present else (None, True)
        shown_rows: set[tuple[str, Symbol]] = set()
        for i, cat in enumerate(style.categories):
            key = f"{ml.id}/{i}"
            if key in hidden or (present is not None and _key(cat.value) not in present):
                continue
            if (cat.label, cat.symbol) in shown_rows:
                continue  # several values drawn alike under one label (sections of one class) are one row
            shown_rows.add((cat.label, cat.symbol))
            rows.append(LegendEntry(key, labels.get(key, cat.label), geom, symbol=cat.symbol, indent=True))
        if style.default is not None and unmatched:
            key = f"{ml.id}/{len(style.categories)}"
            if key not in hidden:
                rows.append(LegendEntry(key, labels.get(key, tr("Other")), geom, symbol=style.default,
                                        indent=True))
    elif isinstance(style, GraduatedStyle):
        present = _present_ranges(ml.layer, style, in_view) if only_present else [True] * len(style.ranges)
        for i, rng in enumerate(style.ranges):
            key = f"{ml.id}/{i}"
            if key in hidden or not present[i]:
                continue
            rows.append(LegendEntry(key, labels.get(key, rng.label), geom, symbol=rng.symbol, indent=True))
    if not rows:
        return []
    if len(rows) == 1 and not isinstance(style, GraduatedStyle):
        return [LegendEntry(rows[0].key, title, geom, symbol=rows[0].symbol)]
    return [LegendEntry(ml.id, title, "heading"), *rows]


def legend_layers(item, ctx: LayoutContext, linked_layers: list[MapLayer] | None) -> list[MapLayer]:
    """Layers the legend lists, top of the map first."""
    if item.layers is not None:
        found = [ctx.layer(key) for key in item.layers]
        return [ml for ml in found if ml is not None]
    source = linked_layers if linked_layers is not None else ctx.visible_layers()
    return list(reversed(source))


def legend_entries(item, ctx: LayoutContext, linked_layers: list[MapLayer] | None = None,
                   view=None) -> list[LegendEntry]:
    """The rows of legend ``item``; ``view`` (the linked frame's MapView) limits them to what it shows."""
    hidden = set(item.hidden)
    out: list[LegendEntry] = []
    for ml in legend_layers(item, ctx, linked_layers):
        if ml.id in ctx.failed:
            continue
        rows = rows_in_view(ml.layer, view.extent, view.crs) if (view is not None and item.only_in_view) else None
        out.extend(entries_for_layer(ml, item.labels, hidden, item.only_present, rows))
    return out


# ----------------------------------------------------------------------------- drawing

def draw_swatch(canvas: Canvas, rect: QRectF, entry: LegendEntry) -> None:
    from ecomap.core.render.symbols import brush_for, hatch_brush, marker_template, pen_for

    p = canvas.painter
    p.save()
    p.setRenderHint(p.RenderHint.Antialiasing, True)
    if entry.kind == "ramp":
        lut = ramp_lut(entry.ramp or "Greys", 8)
        grad = QLinearGradient(rect.topLeft(), rect.topRight())
        for i, (r, g, b, a) in enumerate(lut.tolist()):
            grad.setColorAt(i / (len(lut) - 1), QColor(r, g, b, a))
        p.fillRect(rect, grad)
        p.setPen(canvas.pen("#505050ff", 0.1))
        p.drawRect(rect)
        p.restore()
        return
    sym = entry.symbol or Symbol()
    pen = pen_for(sym, canvas.dpi)
    if entry.kind == "Polygon":
        p.setPen(pen)
        p.setBrush(brush_for(sym))
        p.drawRect(rect)
        hatch = hatch_brush(sym, canvas.dpi)
        if hatch is not None:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(hatch)
            p.drawRect(rect)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(rect)
    elif entry.kind == "LineString":
        p.setPen(pen)
        y = rect.center().y()
        p.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
    else:
        size = min(canvas.mm(sym.size), rect.height() * 1.2)
        outline = marker_template(sym.marker or "circle", size)
        c = rect.center()
        poly = QPolygonF([QPointF(c.x() + x, c.y() + y) for x, y in outline.tolist()])
        p.setPen(pen)
        p.setBrush(brush_for(sym))
        p.drawPolygon(poly)
    p.restore()


def _pack(blocks: list[list[int]], size: list[float], target: float) -> list[list[int]]:
    cols: list[list[int]] = [[]]
    used = 0.0
    for b, h in zip(blocks, size):
        if cols[-1] and used + h > target + 0.5:
            cols.append([])
            used = 0.0
        cols[-1].extend(b)
        used += h
    return cols


def _layout_columns(heights: list[float], kinds: list[str], indents: list[bool], available: float,
                    columns: int) -> list[list[int]]:
    """Entries into at most ``columns`` balanced columns of height ≤ ``available``.

    Whole groups (a layer's heading and classes) stay together when they can; only a
    group taller than a column is split, and never right after its heading.
    """
    blocks: list[list[int]] = []
    for i, kind in enumerate(kinds):
        if kind != "heading" and indents[i] and blocks and kinds[blocks[-1][0]] == "heading":
            blocks[-1].append(i)
        else:
            blocks.append([i])
    size = [sum(heights[i] for i in b) for b in blocks]
    total = sum(size)
    for c in range(1, columns + 1):
        target = max(total / c, max(size))
        while target <= available + 0.5:  # grow the column height until the groups pack into c columns
            cols = _pack(blocks, size, target)
            if len(cols) <= c:
                return cols
            target *= 1.03
    # groups too tall for a column: split anywhere but after a heading
    cols = [[]]
    used = 0.0
    for i, h in enumerate(heights):
        need = h + (heights[i + 1] if kinds[i] == "heading" and i + 1 < len(heights) else 0.0)
        if cols[-1] and used + need > available and len(cols) < columns:
            cols.append([])
            used = 0.0
        cols[-1].append(i)
        used += h
    return cols


def draw_legend(canvas: Canvas, item, ctx: LayoutContext, linked_layers: list[MapLayer] | None,
                view=None) -> None:
    rect = canvas.item_rect(item)
    canvas.frame(rect, item.border, item.border_color, item.background)
    entries = legend_entries(item, ctx, linked_layers, view)
    pad = canvas.mm(2.5)
    inner = rect.adjusted(pad, pad, -pad, -pad)
    p = canvas.painter
    title_font = canvas.font(item.font, item.title_size, bold=True)
    title_h = 0.0
    if item.title:
        title_h = canvas.metrics(title_font).height() * 1.25
        canvas.draw_text(QRectF(inner.left(), inner.top(), inner.width(), title_h), item.title, title_font,
                         "#000000ff", "center", "top", fit=True, wrap=False)
    if not entries:
        return
    body = QRectF(inner.left(), inner.top() + title_h, inner.width(), inner.height() - title_h)
    # shrink text and swatches together until every entry fits
    for factor in (1.0, 0.92, 0.85, 0.78, 0.72, 0.66, 0.6, 0.55, 0.5):
        font = canvas.font(item.font, item.size * factor)
        head_font = canvas.font(item.font, item.size * factor, bold=True)
        fm, hm = canvas.metrics(font), canvas.metrics(head_font)
        sw, sh = canvas.mm(item.symbol_w * factor), canvas.mm(item.symbol_h * factor)
        gap, indent, spacing = canvas.mm(2.0 * factor), canvas.mm(2.0 * factor), canvas.mm(1.4 * factor)
        heights = [(hm.height() if e.kind == "heading" else max(sh, fm.height())) + spacing for e in entries]
        widths = [(hm.horizontalAdvance(e.label) if e.kind == "heading"
                   else (indent if e.indent else 0) + sw + gap + fm.horizontalAdvance(e.label)) for e in entries]
        col_gap = canvas.mm(3.0 * factor)
        max_cols = item.columns if item.columns > 0 else 6
        cols = _layout_columns(heights, [e.kind for e in entries], [e.indent for e in entries], body.height(),
                               max_cols)
        col_w = [max(widths[i] for i in c) for c in cols]
        total_w = sum(col_w) + col_gap * (len(cols) - 1)
        total_h = max(sum(heights[i] for i in c) for c in cols)
        if total_w <= body.width() + 0.5 and total_h <= body.height() + 0.5:
            break
    # centre the block of columns horizontally when it is narrower than the box
    x = body.left() + max(0.0, (body.width() - total_w) / 2) if len(cols) > 1 else body.left()
    for c, width in zip(cols, col_w):
        y = body.top()
        for i in c:
            e = entries[i]
            if e.kind == "heading":
                p.save()
                p.setFont(head_font)
                p.setPen(QColor(0, 0, 0))
                p.drawText(QPointF(x, y + hm.ascent()), e.label)
                p.restore()
                y += heights[i]
                continue
            row_h = heights[i] - spacing
            sx = x + (indent if e.indent else 0)
            draw_swatch(canvas, QRectF(sx, y + (row_h - sh) / 2, sw, sh), e)
            p.save()
            p.setFont(font)
            p.setPen(QColor(0, 0, 0))
            baseline = y + (row_h - fm.height()) / 2 + fm.ascent()
            p.drawText(QPointF(sx + sw + gap, baseline), e.label)
            p.restore()
            y += heights[i]
        x += width + col_gap
