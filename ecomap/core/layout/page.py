"""Drawing a whole layout page: where each map frame looks, then every item in z-order.

``render_page(layout, ctx, painter, dpi, vector)`` is what every output calls — PDF,
SVG, PNG/JPEG/TIFF, the atlas and the designer's preview — so they cannot drift
apart. The views of the map frames are computed first (:func:`page_views`) because
scale bars, north arrows, legends, insets and the ``{scale}`` placeholder all refer to
a linked frame.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPolygonF

from ecomap.core.extent import padded, transform_extent
from ecomap.core.feedback import ensure
from ecomap.core.layout.canvas import Canvas
from ecomap.core.layout.context import LayoutContext, MapLayer
from ecomap.core.layout.grid import draw_grid
from ecomap.core.layout.legend import draw_legend
from ecomap.core.layout.mapdraw import (
    draw_atlas_highlight,
    draw_extent_indicator,
    draw_layers,
    draw_mask,
)
from ecomap.core.layout.mapview import MapView, fit_extent, nice_scale, view_at_scale
from ecomap.core.layout.model import (
    InsetMap,
    LabelItem,
    Layout,
    LegendItem,
    MapFrame,
    NorthArrow,
    PictureItem,
    ScaleBarItem,
)
from ecomap.core.layout.scalebar import draw_scalebar
from ecomap.core.layout.text import format_scale, substitute
from ecomap.core.render.images import blank_image

#: layers an inset shows by default: administrative boundaries, by catalogue theme or name
BOUNDARY_THEMES = ("county", "townships", "township", "villages", "village")
BOUNDARY_WORDS = ("行政区", "县界", "县域", "乡镇", "镇界", "边界", "county", "township", "boundary")
#: margin around the data when a frame has no extent of its own (fraction of the size)
AUTO_MARGIN = 0.03


def frame_layers(item, ctx: LayoutContext) -> list[MapLayer]:
    return ctx.layers_for(item.layers)


def frame_view(item: MapFrame, ctx: LayoutContext) -> MapView | None:
    crs = item.crs or ctx.crs
    w, h = item.w, item.h
    if w <= 0 or h <= 0:
        return None
    extent = None
    margin = 0.0
    atlas_page = item.atlas_driven and ctx.atlas is not None
    if atlas_page:
        import shapely

        b = shapely.bounds(ctx.atlas.geometry)
        extent = transform_extent(tuple(float(v) for v in b), ctx.crs, crs)
        margin = item.atlas_margin
    elif item.extent is not None:
        extent = tuple(item.extent)
    else:
        # the vector layers decide: a basemap or DEM usually reaches far beyond the county
        layers = frame_layers(item, ctx)
        vectors = [ml for ml in layers if ml.is_vector]
        extent = ctx.full_extent(crs, vectors or layers) or ctx.extent
        margin = AUTO_MARGIN
    if extent is None:
        return None
    view = MapView(fit_extent(extent, w, h, margin), crs, w, h)
    if item.scale and not atlas_page:
        return view_at_scale(view.centre, float(item.scale), crs, w, h)
    if item.round_scale and (atlas_page or item.extent is None):
        return view_at_scale(view.centre, nice_scale(view.scale), crs, w, h)
    return view


def boundary_layers(ctx: LayoutContext) -> list[MapLayer]:
    """The administrative boundary layers, outermost (county) first; else the first polygon layer."""
    candidates = [ml for ml in ctx.layers if ml.layer is not None and ml.is_vector
                  and getattr(ml.layer, "geometry_type", None) == "Polygon"]
    found = [ml for ml in candidates if (ml.theme or "").lower() in BOUNDARY_THEMES
             or any(word in (ml.name or "").lower() for word in BOUNDARY_WORDS)]
    found.sort(key=lambda ml: BOUNDARY_THEMES.index(ml.theme.lower())
               if (ml.theme or "").lower() in BOUNDARY_THEMES else len(BOUNDARY_THEMES))
    return found or candidates[:1]


def inset_layers(item: InsetMap, ctx: LayoutContext) -> list[MapLayer]:
    if item.layers is not None:
        return ctx.layers_for(item.layers)
    # county and townships: with the township names the locator doubles as a 乡镇区划 sketch
    return [ml for ml in boundary_layers(ctx) if (ml.theme or "").lower() not in ("village", "villages")][:2]


def mask_geometry(item: MapFrame, ctx: LayoutContext):
    """The union of the mask layer's polygons in the context's CRS, or None."""
    if not item.mask_layer:
        return None
    if item.mask_layer == "auto":
        found = boundary_layers(ctx)
        ml = found[0] if found else None
    else:
        ml = ctx.layer(item.mask_layer)
    if ml is None or not ml.is_vector:
        return None
    import numpy as np
    import shapely

    geoms = np.asarray(ml.layer.features.geometry.array, dtype=object)
    geoms = geoms[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))]
    if len(geoms) == 0 or len(geoms) > 5000:  # a mask is a boundary, not a parcel layer
        return None
    shape = shapely.union_all(shapely.make_valid(geoms))
    src = ml.layer.crs_info.crs()
    return _in_crs(shape, src.to_string(), ctx.crs) if src is not None else shape


def inset_view(item: InsetMap, ctx: LayoutContext, linked: MapView | None) -> MapView | None:
    crs = linked.crs if linked is not None else ctx.crs
    extent = tuple(item.extent) if item.extent else ctx.full_extent(crs, inset_layers(item, ctx))
    if extent is None or item.w <= 0 or item.h <= 0:
        return None
    if linked is not None and not item.extent:
        # the inset must contain the frame it locates
        lx = linked.extent
        extent = (min(extent[0], lx[0]), min(extent[1], lx[1]), max(extent[2], lx[2]), max(extent[3], lx[3]))
    return MapView(fit_extent(padded(extent, 0.06), item.w, item.h), crs, item.w, item.h)


def page_views(layout: Layout, ctx: LayoutContext) -> dict[str, MapView]:
    views: dict[str, MapView] = {}
    for item in layout.items_of(MapFrame):
        view = frame_view(item, ctx)
        if view is not None:
            views[item.id] = view
    return views


def linked_view(item, layout: Layout, views: dict[str, MapView]) -> MapView | None:
    view = views.get(getattr(item, "link", ""))
    if view is None and layout.main_map is not None:
        view = views.get(layout.main_map.id)
    return view


def page_values(layout: Layout, ctx: LayoutContext, views: dict[str, MapView]) -> dict[str, object]:
    values = ctx.values(layout.variables)
    main = layout.main_map
    if main is not None and main.id in views:
        values.setdefault("scale", format_scale(views[main.id].scale))
    return values


def render_page(layout: Layout, ctx: LayoutContext, painter: QPainter, dpi: float, vector: bool = False,
                feedback=None, skip: set[str] | None = None, views: dict[str, MapView] | None = None) -> None:
    """Draw ``layout`` on ``painter``, whose device has the page's top-left at (0, 0), at ``dpi``.

    Reports progress to ``feedback`` item by item and raises ``Cancelled`` once it is cancelled.
    """
    feedback = ensure(feedback)
    canvas = Canvas(painter, dpi, vector)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    views = views if views is not None else page_views(layout, ctx)
    values = page_values(layout, ctx, views)
    if layout.neatline:
        draw_neatline(canvas, layout)
    items = [item for item in layout.items if item.visible and not (skip and item.id in skip)]
    weights = [item_weight(item) for item in items]
    total, done = float(sum(weights)) or 1.0, 0.0
    for item, weight in zip(items, weights):
        feedback.check()
        draw_item(canvas, item, layout, ctx, views, values, feedback.sub(done / total, (done + weight) / total))
        done += weight
        feedback.set_progress(done / total)
    feedback.check()


def item_weight(item) -> int:
    """An item's share of a page's drawing time, for progress: the maps take nearly all of it."""
    return 10 if isinstance(item, (MapFrame, InsetMap)) else 1


def render_item_image(item, layout: Layout, ctx: LayoutContext, dpi: float, margin_mm: float = 0.0,
                      views: dict[str, MapView] | None = None, values: dict[str, object] | None = None,
                      feedback=None) -> QImage:
    """One item alone on a transparent image at ``dpi``, ``margin_mm`` of room around it (the designer's preview).

    Drawn by :func:`draw_item`, as every output draws it; runs on any thread.
    """
    views = views if views is not None else page_views(layout, ctx)
    values = values if values is not None else page_values(layout, ctx, views)
    k = dpi / 25.4
    w = max(1, round((item.w + 2 * margin_mm) * k))
    h = max(1, round((item.h + 2 * margin_mm) * k))
    image = blank_image(w, h, dpi=dpi)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.translate(-(item.x - margin_mm) * k, -(item.y - margin_mm) * k)
        draw_item(Canvas(painter, dpi), item, layout, ctx, views, values, feedback)
    finally:
        painter.end()
    return image


def draw_neatline(canvas: Canvas, layout: Layout) -> None:
    """图廓: a thick outer line and a thin inner line 1.5 mm inside it."""
    w, h = layout.size_mm
    m = layout.neatline_margin
    p = canvas.painter
    p.save()
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(canvas.pen("#000000ff", 0.8))
    p.drawRect(canvas.rect(m, m, w - 2 * m, h - 2 * m))
    p.setPen(canvas.pen("#000000ff", 0.2))
    p.drawRect(canvas.rect(m + 1.5, m + 1.5, w - 2 * m - 3, h - 2 * m - 3))
    p.restore()


def draw_item(canvas: Canvas, item, layout: Layout, ctx: LayoutContext, views: dict[str, MapView],
              values: dict[str, object], feedback=None) -> None:
    rect = canvas.item_rect(item)
    if isinstance(item, MapFrame):
        view = views.get(item.id)
        canvas.frame(rect, 0.0, background=item.background)
        if view is not None:
            draw_layers(canvas, rect, view, frame_layers(item, ctx), ctx, feedback)
            mask = mask_geometry(item, ctx)
            if mask is not None:
                draw_mask(canvas, rect, view, _in_crs(mask, ctx.crs, view.crs), item.background or "#ffffffff")
            if item.atlas_driven and item.atlas_highlight and ctx.atlas is not None:
                draw_atlas_highlight(canvas, rect, view, _in_crs(ctx.atlas.geometry, ctx.crs, view.crs))
            if item.grid is not None:
                draw_grid(canvas, rect, view, item.grid)
        canvas.frame(rect, item.border, item.border_color)
    elif isinstance(item, InsetMap):
        linked = views.get(item.link) or (views.get(layout.main_map.id) if layout.main_map else None)
        view = inset_view(item, ctx, linked)
        canvas.frame(rect, 0.0, background=item.background)
        if view is not None:
            draw_layers(canvas, rect, view, list(reversed(inset_layers(item, ctx))), ctx, feedback)
            if linked is not None:
                draw_extent_indicator(canvas, rect, view, linked, item.indicator_color)
        canvas.frame(rect, item.border, item.border_color)
    elif isinstance(item, LabelItem):
        canvas.frame(rect, item.border, item.border_color, item.background)
        pad = canvas.mm(1.0 if item.border or item.background else 0.0)
        text = substitute(item.text, values)
        canvas.draw_text(rect.adjusted(pad, pad, -pad, -pad), text, canvas.font(item.font, item.size, item.bold),
                         item.color, item.align, item.valign, fit=item.fit)
    elif isinstance(item, LegendItem):
        frame = layout.item(item.link) if item.link else layout.main_map
        linked_layers = frame_layers(frame, ctx) if isinstance(frame, MapFrame) else None
        draw_legend(canvas, item, ctx, linked_layers, views.get(frame.id) if frame is not None else None)
    elif isinstance(item, ScaleBarItem):
        draw_scalebar(canvas, item, linked_view(item, layout, views))
    elif isinstance(item, NorthArrow):
        view = linked_view(item, layout, views)
        angle = view.true_north_angle() if (view is not None and item.true_north) else 0.0
        draw_north_arrow(canvas, item, angle)
    elif isinstance(item, PictureItem):
        draw_picture(canvas, item, ctx)


def _in_crs(geom, src: str, dst: str):
    if src == dst or geom is None or not src or not dst:
        return geom  # no CRS on one side: both are in the layers' own units
    import numpy as np
    import shapely
    from pyproj import Transformer

    tf = Transformer.from_crs(src, dst, always_xy=True)
    return shapely.transform(geom, lambda xy: np.column_stack(tf.transform(xy[:, 0], xy[:, 1])))


def draw_north_arrow(canvas: Canvas, item: NorthArrow, angle_deg: float) -> None:
    """A split arrow (left half black, right half white) under an "N", turned to true north."""
    rect = canvas.item_rect(item)
    canvas.frame(rect, item.border, item.border_color, item.background)
    p = canvas.painter
    font = canvas.font("", max(6.0, item.w * 0.9), bold=True)
    fm = canvas.metrics(font)
    label_h = fm.height() if item.label else 0.0
    body = QRectF(rect.left(), rect.top() + label_h, rect.width(), rect.height() - label_h)
    cx, cy = body.center().x(), body.center().y()
    half_h = body.height() * 0.46
    half_w = min(body.width() * 0.32, half_h * 0.42)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if item.label:
        p.setFont(font)
        p.setPen(QColor(0, 0, 0))
        w = fm.horizontalAdvance(item.label)
        p.drawText(QPointF(rect.center().x() - w / 2, rect.top() + fm.ascent()), item.label)
    p.translate(cx, cy)
    p.rotate(angle_deg)
    tip, notch = QPointF(0, -half_h), QPointF(0, half_h * 0.3)
    left = QPolygonF([tip, QPointF(-half_w, half_h), notch])
    right = QPolygonF([tip, QPointF(half_w, half_h), notch])
    p.setPen(canvas.pen("#000000ff", 0.25))
    p.setBrush(QColor(0, 0, 0))
    p.drawPolygon(left)
    p.setBrush(QColor(255, 255, 255))
    p.drawPolygon(right)
    p.restore()


def draw_picture(canvas: Canvas, item: PictureItem, ctx: LayoutContext) -> None:
    rect = canvas.item_rect(item)
    canvas.frame(rect, 0.0, background=item.background)
    path = ctx.resolve_path(item.path) if item.path else None
    if path is not None and path.exists():
        p = canvas.painter
        if path.suffix.lower() in (".svg", ".svgz"):
            from PySide6.QtSvg import QSvgRenderer

            renderer = QSvgRenderer(str(path))
            if renderer.isValid():
                target = _fit(rect, renderer.defaultSize().width(), renderer.defaultSize().height(),
                              item.keep_aspect)
                renderer.render(p, target)
        else:
            image = QImage(str(path))
            if not image.isNull():
                target = _fit(rect, image.width(), image.height(), item.keep_aspect)
                p.drawImage(target, image)
    canvas.frame(rect, item.border, item.border_color)


def _fit(rect: QRectF, w: float, h: float, keep_aspect: bool) -> QRectF:
    if not keep_aspect or w <= 0 or h <= 0:
        return rect
    k = min(rect.width() / w, rect.height() / h)
    tw, th = w * k, h * k
    return QRectF(rect.center().x() - tw / 2, rect.center().y() - th / 2, tw, th)

