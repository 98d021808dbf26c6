"""Map frames and insets on a page, drawn through the one render path (``ecomap.core.render``).

Raster outputs (PNG/JPEG/TIFF, the designer's preview) render the frame with
``render_image`` at the frame's pixel size and place the image. Vector outputs (PDF,
SVG) draw each vector layer straight onto the page painter with the renderer's
``draw_vector_layer``, so geometry stays vector — except dense layers (more than
``LayoutContext.dense_threshold`` features or the renderer's direct-drawing vertex
limit in view): FINDINGS measured a 600k-polygon vector PDF at 23.7 s and 186 MB, so
those are rendered by the same renderer into an image placed inside the vector page.
Rasters are images in any case. Labels are drawn after all layers, as on screen.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import shapely
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPicture

from ecomap.core.feedback import ensure
from ecomap.core.layout.canvas import Canvas, qcolor
from ecomap.core.layout.context import LayoutContext, MapLayer
from ecomap.core.layout.mapview import MapView, _crs
from ecomap.core.map_settings import MapSettings, RenderLayer
from ecomap.errors import DataError
from ecomap.i18n import tr

#: dense vector layers are rasterised in a PDF at no more than this resolution (fills, at print size)
DENSE_DPI = 200.0


def _entry(ml: MapLayer) -> RenderLayer:
    style = ml.style
    if style is not None and ml.opacity != 1.0 and hasattr(style, "opacity"):
        style = replace(style, opacity=float(style.opacity) * float(ml.opacity))
    return RenderLayer(ml.layer, style, True)  # the frame chose to draw it


def map_settings(view: MapView, layers: list[MapLayer], size_px: tuple[int, int], dpi: float) -> MapSettings:
    return MapSettings(extent=tuple(view.extent), size=(max(1, size_px[0]), max(1, size_px[1])), dpi=dpi,
                       crs=_crs(view.crs), layers=tuple(_entry(ml) for ml in layers if ml.layer is not None),
                       background=(255, 255, 255, 0))


def is_dense(ml: MapLayer, settings: MapSettings, threshold: int) -> bool:
    """Too many features (or vertices) in view to stay vector in a PDF."""
    if getattr(ml.layer, "kind", None) != "vector":
        return False
    from ecomap.core.render.sources import prepared
    from ecomap.core.render.vector import DIRECT_LIMIT

    prep = prepared(ml.layer, settings.crs)
    bb = prep.bbox
    if len(bb) == 0:
        return False
    minx, miny, maxx, maxy = settings.visible_extent
    with np.errstate(invalid="ignore"):
        vis = (bb[:, 0] <= maxx) & (bb[:, 2] >= minx) & (bb[:, 1] <= maxy) & (bb[:, 3] >= miny)
    count = int(vis.sum())
    if count > threshold:
        return True
    return int(prep.flat.feature_vertex_counts()[vis].sum()) > DIRECT_LIMIT


def draw_layers(canvas: Canvas, rect: QRectF, view: MapView, layers: list[MapLayer], ctx: LayoutContext,
                feedback=None, labels: bool = True) -> None:
    """The layers of a frame into ``rect`` on the page (clipped to it).

    Layers are rendered one by one (``render_layer``, the renderer's own per-layer step)
    so that one layer the renderer refuses — a style naming a field the data lacks —
    is left out with a warning in ``ctx.warnings`` instead of losing the whole map.
    """
    from ecomap.core.render.job import render_layer
    from ecomap.core.render.labels import LabelPlacer, draw_labels
    from ecomap.core.render.sources import is_raster

    feedback = ensure(feedback)
    w_px, h_px = round(rect.width()), round(rect.height())
    if w_px < 1 or h_px < 1:
        return
    settings = map_settings(view, layers, (w_px, h_px), canvas.dpi)
    if not labels:
        settings = replace(settings, labels=False)
    p = canvas.painter
    p.save()
    try:
        p.translate(rect.topLeft())
        p.setClipRect(QRectF(0, 0, w_px, h_px))
        # vector pages: a dense layer's image at no more than DENSE_DPI, scaled into the frame
        k = min(1.0, DENSE_DPI / canvas.dpi) if canvas.vector else 1.0
        small = replace(settings, size=(max(1, int(w_px * k)), max(1, int(h_px * k))), dpi=canvas.dpi * k)
        drawn = []
        pairs = list(zip(settings.layers, [m for m in layers if m.layer is not None]))
        for done, (entry, ml) in enumerate(pairs):
            if feedback.is_cancelled():
                return
            feedback.step(done, len(pairs))
            style = entry.style
            if hasattr(style, "visible_at") and not style.visible_at(settings.scale):
                continue
            raster = is_raster(entry.layer)
            opacity = 1.0 if raster else float(getattr(style, "opacity", 1.0))
            try:
                if not canvas.vector or raster or is_dense(ml, settings, ctx.dense_threshold):
                    image = render_layer(entry, settings if (raster or not canvas.vector) else small, feedback)
                    if image is None:
                        continue
                    p.setOpacity(opacity)
                    p.drawImage(QRectF(0, 0, w_px, h_px), image)
                    p.setOpacity(1.0)
                else:
                    picture = _vector_picture(entry, settings, feedback)
                    p.save()
                    p.setOpacity(opacity)
                    # QPicture replays scaled by device DPI / picture DPI; it is already in device pixels
                    device = p.device()
                    p.scale(picture.logicalDpiX() / device.logicalDpiX(),
                            picture.logicalDpiY() / device.logicalDpiY())
                    p.drawPicture(0, 0, picture)
                    p.restore()
                drawn.append(entry)
            except DataError as exc:
                ctx.failed.add(ml.id)
                ctx.warnings.append(tr("layer '{name}' was not drawn: {reason}").format(
                    name=ml.name, reason=exc.message))
        if settings.labels:
            placer = LabelPlacer(w_px, h_px)
            for entry in reversed(drawn):
                style = entry.style
                if getattr(style, "labels", None) is not None:
                    try:
                        draw_labels(p, entry.layer, style, settings, placer, feedback)
                    except DataError as exc:
                        ctx.warnings.append(tr("labels of a layer were not drawn: {reason}").format(
                            reason=exc.message))
    finally:
        p.restore()


def _vector_picture(entry, settings: MapSettings, feedback) -> QPicture:
    """One vector layer recorded as paint commands in frame pixels, for replay on a PDF/SVG page.

    The renderer's ``draw_vector_layer`` sets absolute painter transforms and sizes its
    fill pass from the paint device, so it cannot draw straight onto a translated page
    painter; a QPicture the size of the frame is a device it handles, and replaying the
    picture keeps every path vector. The bounding rectangle is at least
    larger than the renderer's ``SUPERSAMPLE_MAX_PIXELS``, so its supersampled raster fill
    (meant for small screen images) is never chosen: fills stay vector too.
    """
    from ecomap.core.render.passes import SUPERSAMPLE_MAX_PIXELS
    from ecomap.core.render.vector import draw_vector_layer

    side = math.isqrt(SUPERSAMPLE_MAX_PIXELS) + 2
    picture = QPicture()
    picture.setBoundingRect(QRect(0, 0, max(settings.width, side), max(settings.height, side)))
    painter = QPainter(picture)
    try:
        draw_vector_layer(painter, entry.layer, entry.style, settings, feedback)
    finally:
        painter.end()
    return picture


def geometry_path(geom, view: MapView, rect: QRectF) -> QPainterPath:
    """A polygonal geometry (map CRS) as a page path inside ``rect``."""
    from ecomap.core.render.qtpath import path_from_rings

    polys = shapely.get_parts(np.asarray([geom], dtype=object))
    polys = polys[shapely.get_type_id(polys) == 3]
    if len(polys) == 0:
        return QPainterPath()
    rings = shapely.get_rings(polys)
    coords, ring_index = shapely.get_coordinates(rings, return_index=True)
    starts = np.flatnonzero(np.r_[True, ring_index[1:] != ring_index[:-1]])
    x, y = view.to_page(coords[:, 0], coords[:, 1], (rect.left(), rect.top(), rect.width(), rect.height()))
    return path_from_rings(np.asarray(x, float), np.asarray(y, float), starts)


def draw_mask(canvas: Canvas, rect: QRectF, view: MapView, geom, color: str) -> None:
    """Paint ``color`` over the frame outside ``geom`` (a county map shows only the county)."""
    if geom is None or shapely.is_empty(geom):
        return
    path = geometry_path(geom, view, rect)
    if path.isEmpty():
        return
    outside = QPainterPath()
    outside.addRect(rect)
    outside = outside.subtracted(path)
    p = canvas.painter
    p.save()
    p.setClipRect(rect)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.fillPath(outside, qcolor(color))
    p.restore()


def draw_atlas_highlight(canvas: Canvas, rect: QRectF, view: MapView, geom) -> None:
    """Fade what lies outside the atlas feature and outline it."""
    if geom is None or shapely.is_empty(geom):
        return
    path = geometry_path(geom, view, rect)
    if path.isEmpty():
        return
    p = canvas.painter
    p.save()
    p.setClipRect(rect)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    outside = QPainterPath()
    outside.addRect(rect)
    outside = outside.subtracted(path)
    p.fillPath(outside, QColor(255, 255, 255, 130))
    p.setPen(canvas.pen("#e31a1cff", 0.7))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(path)
    p.restore()


def draw_extent_indicator(canvas: Canvas, rect: QRectF, inset_view: MapView, shown: MapView, color: str) -> None:
    """The linked frame's extent as a rectangle (its outline reprojected) on an inset."""
    from ecomap.core.layout.mapview import _from_geographic, _to_geographic

    minx, miny, maxx, maxy = shown.extent
    t = np.linspace(0, 1, 16)
    xs = np.concatenate([minx + (maxx - minx) * t, np.full(16, maxx), maxx - (maxx - minx) * t, np.full(16, minx)])
    ys = np.concatenate([np.full(16, maxy), maxy - (maxy - miny) * t, np.full(16, miny), miny + (maxy - miny) * t])
    if shown.crs != inset_view.crs:
        lon, lat = _to_geographic(shown.crs).transform(xs, ys)
        xs, ys = _from_geographic(inset_view.crs).transform(lon, lat)
    px, py = inset_view.to_page(xs, ys, (rect.left(), rect.top(), rect.width(), rect.height()))
    ring = shapely.polygons(np.column_stack([px, py]))
    p = canvas.painter
    p.save()
    p.setClipRect(rect)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    path = QPainterPath()
    coords = shapely.get_coordinates(ring)
    path.moveTo(*coords[0])
    for x, y in coords[1:].tolist():
        path.lineTo(x, y)
    path.closeSubpath()
    covered = abs(shapely.area(ring)) / max(rect.width() * rect.height(), 1e-9)
    if covered < 0.6:  # a tint only helps when the rectangle is small in the locator
        fill = qcolor(color)
        fill.setAlpha(40)
        p.fillPath(path, fill)
    p.setPen(canvas.pen(color, 0.5))
    p.drawPath(path)
    p.restore()
