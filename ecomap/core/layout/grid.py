"""Coordinate grid (公里网, projected metres) and graticule (经纬网, longitude/latitude) of a map frame.

Graticule lines are meridians and parallels densified in longitude/latitude and
projected into the map, so they curve as they should in Gauss-Krüger. Labels sit
outside the frame where each line crosses the frame's edge; the crossing is found
by sampling the edge in map coordinates, converting the samples to lon/lat and
interpolating — exact for straight grid lines, and to a fraction of a millimetre
for graticule lines at county scale.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath

from ecomap.core.layout.canvas import Canvas, qcolor
from ecomap.core.layout.mapview import MapView, _crs, _from_geographic, _to_geographic

_EDGE_SAMPLES = 256
#: graticule spacings in degrees, coarse to fine
_DEGREE_STEPS = (10, 5, 2, 1, 0.5, 1 / 3, 0.25, 1 / 6, 1 / 12, 1 / 20, 1 / 30, 1 / 60,
                 1 / 120, 1 / 180, 1 / 360)


def auto_metres(span: float, target: int = 5) -> float:
    raw = span / target
    exp = 10 ** math.floor(math.log10(raw))
    return min((s * exp for s in (1, 2, 2.5, 5, 10)), key=lambda s: abs(s - raw))


def auto_degrees(span: float, target: int = 4) -> float:
    return min(_DEGREE_STEPS, key=lambda s: abs(span / s - target))


def format_dms(value: float, positive: str, negative: str) -> str:
    """116.5 → 116°30′E; seconds only when the spacing needs them."""
    hemi = positive if value >= 0 else negative
    total = round(abs(value) * 3600)
    d, rem = divmod(total, 3600)
    m, s = divmod(rem, 60)
    text = f"{d}°"
    if m or s:
        text += f"{m:02d}′"
    if s:
        text += f"{s:02d}″"
    return text + hemi


def format_metres(value: float) -> str:
    return f"{value:.0f}"


def _edges(view: MapView):
    """Map coordinates of samples along each edge: top, bottom (x grows), left, right (y falls)."""
    minx, miny, maxx, maxy = view.extent
    t = np.linspace(0.0, 1.0, _EDGE_SAMPLES)
    xs = minx + (maxx - minx) * t
    ys = maxy - (maxy - miny) * t
    return {"top": (xs, np.full_like(xs, maxy)), "bottom": (xs, np.full_like(xs, miny)),
            "left": (np.full_like(ys, minx), ys), "right": (np.full_like(ys, maxx), ys)}


def _crossings(values_along: np.ndarray, positions: np.ndarray, wanted: np.ndarray) -> list[tuple[float, float]]:
    """Where along an edge (position) the sampled quantity equals each wanted value."""
    out = []
    ok = np.isfinite(values_along)
    v, pos = values_along[ok], positions[ok]
    if len(v) < 2:
        return out
    if v[0] > v[-1]:
        v, pos = v[::-1], pos[::-1]
    for w in wanted:
        if v[0] <= w <= v[-1]:
            out.append((float(w), float(np.interp(w, v, pos))))
    return out


def draw_grid(canvas: Canvas, rect: QRectF, view: MapView, spec) -> None:
    crs = _crs(view.crs)
    kind = "geographic" if (spec.type == "geographic" or crs.is_geographic) else "projected"
    p = canvas.painter
    p.save()
    pen = canvas.pen(spec.color, spec.width)
    pen.setCosmetic(False)
    p.setPen(pen)
    page_rect = (rect.left(), rect.top(), rect.width(), rect.height())
    edges = _edges(view)
    labels: list[tuple[str, str, float]] = []  # (edge, text, position in px along the edge)

    if kind == "projected":
        minx, miny, maxx, maxy = view.extent
        step = spec.interval or auto_metres(max(maxx - minx, maxy - miny))
        xs = np.arange(math.ceil(minx / step) * step, maxx, step)
        ys = np.arange(math.ceil(miny / step) * step, maxy, step)
        px, _ = view.to_page(xs, np.zeros_like(xs), page_rect)
        _, py = view.to_page(np.zeros_like(ys), ys, page_rect)
        p.setClipRect(rect)
        if spec.style == "lines":
            for x in px:
                p.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
            for y in py:
                p.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
        elif spec.style == "crosses":
            arm = canvas.mm(2.0)
            for x in px:
                for y in py:
                    p.drawLine(QPointF(x - arm, y), QPointF(x + arm, y))
                    p.drawLine(QPointF(x, y - arm), QPointF(x, y + arm))
        p.setClipping(False)
        for x, value in zip(px, xs):
            labels += [("top", format_metres(value), x), ("bottom", format_metres(value), x)]
        for y, value in zip(py, ys):
            labels += [("left", format_metres(value), y), ("right", format_metres(value), y)]
    else:
        to_geo = _to_geographic(view.crs)
        lonlat = {name: to_geo.transform(*xy) for name, xy in edges.items()}
        all_lon = np.concatenate([v[0] for v in lonlat.values()])
        all_lat = np.concatenate([v[1] for v in lonlat.values()])
        lon0, lon1 = np.nanmin(all_lon), np.nanmax(all_lon)
        lat0, lat1 = np.nanmin(all_lat), np.nanmax(all_lat)
        step = spec.interval or auto_degrees(min(lon1 - lon0, lat1 - lat0))
        lons = np.arange(math.ceil(lon0 / step - 1e-9) * step, lon1 + 1e-12, step)
        lats = np.arange(math.ceil(lat0 / step - 1e-9) * step, lat1 + 1e-12, step)
        from_geo = _from_geographic(view.crs)
        if spec.style in ("lines", "crosses"):
            p.setClipRect(rect)
            if spec.style == "lines":
                dense = 64
                for lon in lons:
                    x, y = from_geo.transform(np.full(dense, lon), np.linspace(lat0, lat1, dense))
                    _polyline(p, *view.to_page(x, y, page_rect))
                for lat in lats:
                    x, y = from_geo.transform(np.linspace(lon0, lon1, dense), np.full(dense, lat))
                    _polyline(p, *view.to_page(x, y, page_rect))
            else:
                arm = canvas.mm(2.0)
                glon, glat = np.meshgrid(lons, lats)
                x, y = from_geo.transform(glon.ravel(), glat.ravel())
                for cx, cy in zip(*view.to_page(x, y, page_rect)):
                    p.drawLine(QPointF(cx - arm, cy), QPointF(cx + arm, cy))
                    p.drawLine(QPointF(cx, cy - arm), QPointF(cx, cy + arm))
            p.setClipping(False)
        for edge in ("top", "bottom"):
            xs_page, _ = view.to_page(edges[edge][0], edges[edge][1], page_rect)
            for value, pos in _crossings(lonlat[edge][0], xs_page, lons):
                labels.append((edge, format_dms(value, "E", "W"), pos))
        for edge in ("left", "right"):
            _, ys_page = view.to_page(edges[edge][0], edges[edge][1], page_rect)
            for value, pos in _crossings(lonlat[edge][1], ys_page, lats):
                labels.append((edge, format_dms(value, "N", "S"), pos))
    _draw_ticks_and_labels(canvas, rect, labels, spec)
    p.restore()


def _polyline(painter, xs, ys) -> None:
    ok = np.isfinite(xs) & np.isfinite(ys)
    if ok.sum() < 2:
        return
    path = QPainterPath()
    xs, ys = xs[ok], ys[ok]
    path.moveTo(float(xs[0]), float(ys[0]))
    for x, y in zip(xs[1:].tolist(), ys[1:].tolist()):
        path.lineTo(x, y)
    painter.drawPath(path)


def _draw_ticks_and_labels(canvas: Canvas, rect: QRectF, labels, spec) -> None:
    p = canvas.painter
    tick = canvas.mm(1.5)
    gap = canvas.mm(0.6)
    tick_pen = canvas.pen("#000000ff", 0.2)
    font = canvas.font("", spec.font_size)
    fm = canvas.metrics(font)
    p.setFont(font)
    last: dict[str, float] = {}
    for edge, text, pos in sorted(labels, key=lambda t: (t[0], t[2])):
        horizontal = edge in ("top", "bottom")
        if horizontal and not rect.left() - 0.5 <= pos <= rect.right() + 0.5:
            continue
        if not horizontal and not rect.top() - 0.5 <= pos <= rect.bottom() + 0.5:
            continue
        p.setPen(tick_pen)
        if edge == "top":
            p.drawLine(QPointF(pos, rect.top()), QPointF(pos, rect.top() - tick))
        elif edge == "bottom":
            p.drawLine(QPointF(pos, rect.bottom()), QPointF(pos, rect.bottom() + tick))
        elif edge == "left":
            p.drawLine(QPointF(rect.left(), pos), QPointF(rect.left() - tick, pos))
        else:
            p.drawLine(QPointF(rect.right(), pos), QPointF(rect.right() + tick, pos))
        if not spec.labels:
            continue
        w = fm.horizontalAdvance(text)
        extent = w if horizontal else fm.height()
        if edge in last and pos - last[edge] < extent + canvas.mm(1.0):
            continue  # would overlap the previous label on this edge
        last[edge] = pos
        p.setPen(qcolor("#000000ff"))
        if edge == "top":
            p.drawText(QPointF(pos - w / 2, rect.top() - tick - gap - fm.descent()), text)
        elif edge == "bottom":
            p.drawText(QPointF(pos - w / 2, rect.bottom() + tick + gap + fm.ascent()), text)
        elif edge == "left":
            p.drawText(QPointF(rect.left() - tick - gap - w, pos - fm.height() / 2 + fm.ascent()), text)
        else:
            p.drawText(QPointF(rect.right() + tick + gap, pos - fm.height() / 2 + fm.ascent()), text)


def label_margin_mm(spec, canvas_font_height_mm: float = 3.0) -> float:
    """Room the labels need outside the frame (for templates placing a framed map)."""
    if spec is None:
        return 0.0
    return 1.5 + 0.6 + (spec.font_size / 72 * 25.4 * 1.3 if spec.labels else 0.0)
