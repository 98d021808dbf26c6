"""Map tools and the overlay they draw on: zoom box, identify, select, measure.

The canvas (ecomap.gui.canvas, another module) pans and wheel-zooms by itself. A
:class:`MapToolManager` composes with it without changing it:

* an **event filter** on the canvas hands mouse and key events to the active tool,
  already converted to map coordinates; with the pan tool (or the middle button) the
  events pass through, so the canvas's own drag-pan keeps working;
* a transparent **overlay** child widget, the canvas's size, paints rubber bands,
  measurement lines and highlighted features above the rendered frame; it ignores the
  mouse, so the canvas still receives every event.

The manager only needs two functions from the canvas's owner: ``settings()`` → the
current :class:`~ecomap.core.map_settings.MapSettings` (extent, size, CRS) and
``set_extent(extent)``.
"""

from __future__ import annotations

import numpy as np
import shapely
import shiboken6
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import QWidget

from ecomap.core.render.qtpath import path_from_rings

HIGHLIGHT_LIMIT = 50_000  # features; more are outlined by their bounding box only
RUBBER_PEN = QColor(220, 40, 40)
RUBBER_FILL = QColor(220, 40, 40, 40)


def geometry_path(geoms) -> tuple[QPainterPath, np.ndarray]:
    """(path of every ring and line part, (N, 2) point coordinates) for shapely ``geoms`` in map units."""
    geoms = np.asarray(geoms, dtype=object)
    geoms = geoms[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))]
    parts = shapely.get_parts(geoms)
    types = shapely.get_type_id(parts)
    points = shapely.get_coordinates(parts[types == 0])
    polys = parts[types == 3]
    lines = parts[(types == 1) | (types == 2)]
    rings = np.concatenate([shapely.get_rings(polys), lines]) if len(polys) else lines
    if len(rings) == 0:
        return QPainterPath(), points
    coords, index = shapely.get_coordinates(rings, return_index=True)
    starts = np.flatnonzero(np.r_[True, index[1:] != index[:-1]])
    return path_from_rings(coords[:, 0], coords[:, 1], starts), points


class Highlight:
    """Features drawn over the map (selection, identify result) in map coordinates."""

    def __init__(self, geoms, color: QColor, fill: bool = True, width: float = 2.0):
        geoms = np.asarray(geoms, dtype=object)
        self.truncated = len(geoms) > HIGHLIGHT_LIMIT
        if self.truncated:
            bounds = shapely.bounds(geoms[:HIGHLIGHT_LIMIT])
            geoms = shapely.box(bounds[:, 0], bounds[:, 1], bounds[:, 2], bounds[:, 3])
        self.path, self.points = geometry_path(geoms)
        self.color, self.fill, self.width = QColor(color), fill, width

    def paint(self, p: QPainter, to_px: QTransform) -> None:
        pen = QPen(self.color, self.width)
        pen.setCosmetic(True)
        p.save()
        p.setTransform(to_px)
        p.setPen(pen)
        if self.fill:
            fill = QColor(self.color)
            fill.setAlpha(60)
            p.setBrush(QBrush(fill))
        else:
            p.setBrush(Qt.BrushStyle.NoBrush)
        if not self.path.isEmpty():
            p.drawPath(self.path)
        p.restore()
        if len(self.points):
            p.save()
            p.setPen(QPen(self.color, 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            for x, y in self.points[:HIGHLIGHT_LIMIT]:
                c = to_px.map(QPointF(x, y))
                p.drawEllipse(c, 6, 6)
            p.restore()


_RETIRED: list = []  # cancelled render jobs, kept alive until their threads end


def _retire(job) -> None:
    if job is not None:
        job.cancel()
        _RETIRED.append(job)
    _RETIRED[:] = [j for j in _RETIRED if j.is_active()]


class RenderedHighlight:
    """A large selection drawn by the render engine in a worker, as an image over the map.

    Drawing 100,000 selected polygons with QPainter on the GUI thread takes seconds, so
    big selections go through the same render job as the canvas (level of detail,
    short painter slices). While the view moves, the last image is shown moved and
    scaled, as the canvas does; a new image is requested when the view settles.
    """

    def __init__(self, layer, color: QColor, overlay: MapOverlay):
        from ecomap.core.style import SingleStyle, Symbol

        c = QColor(color)
        fill = f"#{c.red():02x}{c.green():02x}{c.blue():02x}60"
        stroke = f"#{c.red():02x}{c.green():02x}{c.blue():02x}ff"
        self.layer = layer
        self.style = SingleStyle(symbol=Symbol(fill=fill, stroke=stroke, stroke_width=0.4,
                                               marker="circle" if layer.geometry_type == "Point" else None))
        self.overlay = overlay
        self.image = None
        self.image_settings = None
        self.job = None
        self.truncated = False

    def request(self, settings) -> None:
        from ecomap.core.map_settings import MapSettings, RenderLayer
        from ecomap.core.render.job import RenderJob

        if settings is None:
            return
        if self.job is not None:
            self.job.cancel()
        target = MapSettings(extent=settings.visible_extent, size=settings.size, dpi=settings.dpi, crs=settings.crs,
                             layers=(RenderLayer(self.layer, self.style),), background=(0, 0, 0, 0), labels=False)
        # no Qt parent: a job still finishing when the window closes must not lose its signal source
        job = RenderJob(target)
        job.finished.connect(lambda img, j=job: self._done(j, img))
        _retire(self.job)
        self.job = job
        job.start()

    def _done(self, job, image) -> None:
        if job is not self.job or not shiboken6.isValid(self.overlay):
            return
        self.job = None
        self.image, self.image_settings = image, job.settings
        self.overlay.update()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            _retire(self.job)
            self.job = None

    def paint(self, p: QPainter, to_px: QTransform) -> None:
        if self.image is None:
            return
        minx, miny, maxx, maxy = self.image_settings.visible_extent
        top_left, bottom_right = to_px.map(QPointF(minx, maxy)), to_px.map(QPointF(maxx, miny))
        p.drawImage(QRectF(top_left, bottom_right), self.image)


class MapOverlay(QWidget):
    """Transparent layer above the canvas; paints highlights and the active tool's drawing."""

    def __init__(self, manager: MapToolManager, canvas: QWidget):
        super().__init__(canvas)
        self.manager = manager
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)
        self.setGeometry(canvas.rect())
        self.highlights: dict[str, Highlight] = {}

    def paintEvent(self, event):
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        to_px = self.manager.map_to_pixel_transform()
        if to_px is not None:
            for hl in self.highlights.values():
                hl.paint(p, to_px)
        tool = self.manager.tool
        if tool is not None:
            tool.paint(p)
        p.end()


class MapTool(QObject):
    """Base class: override the handlers you need; coordinates are map units."""

    cursor = Qt.CursorShape.ArrowCursor
    passes_through = False  # True for the pan tool: the canvas handles the mouse itself

    def __init__(self, manager: MapToolManager):
        super().__init__(manager)
        self.manager = manager

    def activate(self):
        pass

    def deactivate(self):
        pass

    def press(self, event, x: float, y: float):
        pass

    def move(self, event, x: float, y: float):
        pass

    def release(self, event, x: float, y: float):
        pass

    def double_click(self, event, x: float, y: float):
        pass

    def key(self, event) -> bool:
        return False

    def paint(self, p: QPainter):
        pass

    def update(self):
        self.manager.overlay.update()


class PanTool(MapTool):
    cursor = Qt.CursorShape.OpenHandCursor
    passes_through = True


class RectangleTool(MapTool):
    """Drag a rectangle (or click); subclasses act on ``finished(rect or None, click point)``."""

    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, manager):
        super().__init__(manager)
        self.start: QPointF | None = None
        self.end: QPointF | None = None

    def press(self, event, x, y):
        if event.button() == Qt.MouseButton.LeftButton:
            self.start = self.end = event.position()

    def move(self, event, x, y):
        if self.start is not None:
            self.end = event.position()
            self.update()

    def release(self, event, x, y):
        if self.start is None or event.button() != Qt.MouseButton.LeftButton:
            return
        start, end = self.start, event.position()
        self.start = self.end = None
        self.update()
        if (start - end).manhattanLength() < 4:
            self.clicked(event, x, y)
        else:
            x0, y0 = self.manager.to_map(start)
            self.dragged(event, (min(x0, x), min(y0, y), max(x0, x), max(y0, y)))

    def clicked(self, event, x, y):
        pass

    def dragged(self, event, extent):
        pass

    def deactivate(self):
        self.start = self.end = None

    def paint(self, p):
        if self.start is None or self.end is None:
            return
        p.setPen(QPen(RUBBER_PEN, 1.5, Qt.PenStyle.DashLine))
        p.setBrush(QBrush(RUBBER_FILL))
        p.drawRect(QRectF(self.start, self.end).normalized())


class ZoomTool(RectangleTool):
    def __init__(self, manager, zoom_in: bool = True):
        super().__init__(manager)
        self.zoom_in = zoom_in
        self.cursor = Qt.CursorShape.CrossCursor

    def clicked(self, event, x, y):
        factor = 2.0 if self.zoom_in else 0.5
        s = self.manager.settings()
        minx, miny, maxx, maxy = s.visible_extent
        hw, hh = (maxx - minx) / 2 / factor, (maxy - miny) / 2 / factor
        self.manager.set_extent((x - hw, y - hh, x + hw, y + hh))

    def dragged(self, event, extent):
        if self.zoom_in:
            self.manager.set_extent(extent)
            return
        # zoom out: the current view shrinks into the dragged box
        s = self.manager.settings()
        vminx, vminy, vmaxx, vmaxy = s.visible_extent
        k = max((vmaxx - vminx) / max(extent[2] - extent[0], 1e-12), (vmaxy - vminy) / max(extent[3] - extent[1], 1e-12))
        cx, cy = (extent[0] + extent[2]) / 2, (extent[1] + extent[3]) / 2
        hw, hh = (vmaxx - vminx) * k / 2, (vmaxy - vminy) * k / 2
        self.manager.set_extent((cx - hw, cy - hh, cx + hw, cy + hh))


class IdentifyTool(RectangleTool):
    """Click (or drag a box): ``identified(x, y, tolerance or box)`` for the main window to query."""

    cursor = Qt.CursorShape.WhatsThisCursor

    def clicked(self, event, x, y):
        tol = self.manager.settings().pixel_size * 4
        self.manager.identifyRequested.emit(x, y, tol)

    def dragged(self, event, extent):
        self.manager.identifyBoxRequested.emit(extent)


def selection_mode(event) -> str:
    mods = event.modifiers()
    if mods & Qt.KeyboardModifier.ShiftModifier:
        return "add"
    if mods & Qt.KeyboardModifier.ControlModifier:
        return "subtract"
    return "replace"


class SelectRectangleTool(RectangleTool):
    """Select features of the current layer in a rectangle (click selects under the cursor).
    Shift adds to the selection, Ctrl removes from it."""

    def clicked(self, event, x, y):
        tol = self.manager.settings().pixel_size * 4
        self.manager.selectRequested.emit(shapely.box(x - tol, y - tol, x + tol, y + tol), selection_mode(event))

    def dragged(self, event, extent):
        self.manager.selectRequested.emit(shapely.box(*extent), selection_mode(event))


class PolylineTool(MapTool):
    """Click vertices; move shows the next segment; double-click or right-click finishes; Esc cancels;
    Backspace removes the last vertex."""

    cursor = Qt.CursorShape.CrossCursor
    closed = False

    def __init__(self, manager):
        super().__init__(manager)
        self.points: list[tuple[float, float]] = []
        self.hover: tuple[float, float] | None = None
        self.finished_shape = False

    def press(self, event, x, y):
        if event.button() == Qt.MouseButton.LeftButton:
            if self.finished_shape:
                self.points, self.finished_shape = [], False
            self.points.append((x, y))
            self.changed()
        elif event.button() == Qt.MouseButton.RightButton and self.points:
            self.finish(event)

    def double_click(self, event, x, y):
        if event.button() == Qt.MouseButton.LeftButton and self.points:
            self.finish(event)

    def move(self, event, x, y):
        self.hover = (x, y)
        if self.points and not self.finished_shape:
            self.changed()
            self.update()

    def key(self, event):
        if event.key() == Qt.Key.Key_Escape:
            self.reset()
            return True
        if event.key() == Qt.Key.Key_Backspace and self.points:
            self.points.pop()
            self.changed()
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.points:
            self.finish(event)
            return True
        return False

    def reset(self):
        self.points, self.finished_shape, self.hover = [], False, None
        self.changed()

    def deactivate(self):
        self.reset()

    def current_points(self) -> list[tuple[float, float]]:
        """The vertices plus the point under the mouse while drawing."""
        if self.hover is not None and self.points and not self.finished_shape:
            return [*self.points, self.hover]
        return list(self.points)

    def finish(self, event):
        self.finished_shape = True
        self.changed()
        self.done(event)

    def changed(self):
        self.update()

    def done(self, event):
        pass

    def paint(self, p):
        pts = self.current_points()
        if not pts:
            return
        px = [self.manager.to_pixel(x, y) for x, y in pts]
        poly = QPolygonF([QPointF(a, b) for a, b in px])
        p.setPen(QPen(RUBBER_PEN, 2))
        if self.closed and len(px) >= 3:
            p.setBrush(QBrush(RUBBER_FILL))
            p.drawPolygon(poly)
        else:
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPolyline(poly)
        p.setBrush(QBrush(QColor(255, 255, 255)))
        for a, b in px[:len(self.points)]:
            p.drawEllipse(QPointF(a, b), 3, 3)


class SelectPolygonTool(PolylineTool):
    closed = True

    def done(self, event):
        if len(self.points) >= 3:
            poly = shapely.make_valid(shapely.Polygon(self.points))
            self.manager.selectRequested.emit(poly, selection_mode(event))
        self.points, self.finished_shape = [], False
        self.update()


class MeasureTool(PolylineTool):
    """Measure a distance (open line) or an area (closed polygon); reports through ``measureChanged``."""

    def __init__(self, manager, area: bool = False):
        super().__init__(manager)
        self.closed = area

    def changed(self):
        self.manager.measureChanged.emit(self.current_points(), self.closed, self.finished_shape)
        self.update()


class MapToolManager(QObject):
    """Owns the tools, the overlay and the event filter on ``canvas``."""

    toolChanged = Signal(object)
    identifyRequested = Signal(float, float, float)  # x, y, tolerance (map units)
    identifyBoxRequested = Signal(object)  # extent
    selectRequested = Signal(object, str)  # shapely geometry (map CRS), mode
    measureChanged = Signal(list, bool, bool)  # points, is_area, finished
    canvasResized = Signal()  # after the canvas has taken its new size

    def __init__(self, canvas: QWidget, settings_fn, set_extent_fn, parent: QObject | None = None):
        super().__init__(parent)
        self.canvas = canvas
        self.settings = settings_fn
        self.set_extent = set_extent_fn
        self.overlay = MapOverlay(self, canvas)
        self.overlay.show()
        self.tool: MapTool | None = None
        self.pan = PanTool(self)
        self._rerender = QTimer(self)
        self._rerender.setSingleShot(True)
        self._rerender.setInterval(150)
        self._rerender.timeout.connect(self._rerender_highlights)
        canvas.installEventFilter(self)
        canvas.setMouseTracking(True)
        self.set_tool(self.pan)

    # ------------------------------------------------------------------ coordinates

    def to_map(self, pos: QPointF) -> tuple[float, float]:
        return self.settings().pixel_to_map(pos.x(), pos.y())

    def to_pixel(self, x: float, y: float) -> tuple[float, float]:
        return self.settings().map_to_pixel(x, y)

    def map_to_pixel_transform(self) -> QTransform | None:
        s = self.settings()
        if s is None:
            return None
        minx, _miny, _maxx, maxy = s.visible_extent
        p = s.pixel_size
        if not p or not np.isfinite(p):
            return None
        return QTransform(1 / p, 0, 0, -1 / p, -minx / p, maxy / p)

    # ------------------------------------------------------------------ tools

    def set_tool(self, tool: MapTool | None) -> None:
        tool = tool or self.pan
        if tool is self.tool:
            return
        if self.tool is not None:
            self.tool.deactivate()
        self.tool = tool
        self.canvas.setCursor(tool.cursor)
        tool.activate()
        self.overlay.update()
        self.toolChanged.emit(tool)

    def set_highlight(self, key: str, geoms, color: QColor | str = "#ff00ff", fill: bool = True) -> None:
        self._drop(key)
        if geoms is not None and len(geoms) > 0:
            self.overlay.highlights[key] = Highlight(geoms, QColor(color), fill)
        self.overlay.update()

    def set_rendered_highlight(self, key: str, layer, color: QColor | str = "#ffd400") -> None:
        """A big selection: ``layer`` (the selected features only) drawn by the render engine."""
        self._drop(key)
        hl = RenderedHighlight(layer, QColor(color), self.overlay)
        self.overlay.highlights[key] = hl
        hl.request(self.settings())

    def view_changed(self) -> None:
        """The map moved: big highlights are redrawn once the view has settled."""
        if any(isinstance(h, RenderedHighlight) for h in self.overlay.highlights.values()):
            self._rerender.start()
        self.overlay.update()

    def _rerender_highlights(self) -> None:
        settings = self.settings()
        for hl in self.overlay.highlights.values():
            if isinstance(hl, RenderedHighlight):
                hl.request(settings)

    def _drop(self, key: str | None) -> None:
        keys = list(self.overlay.highlights) if key is None else [key]
        for k in keys:
            hl = self.overlay.highlights.pop(k, None)
            if isinstance(hl, RenderedHighlight):
                hl.cancel()

    def clear_highlight(self, key: str | None = None) -> None:
        self._drop(key)
        self.overlay.update()

    # ------------------------------------------------------------------ event filter

    def eventFilter(self, obj, event):
        if obj is not self.canvas:
            return False
        et = event.type()
        if et == QEvent.Type.Resize:
            self.overlay.setGeometry(self.canvas.rect())
            self.overlay.raise_()
            QTimer.singleShot(0, self.canvasResized.emit)  # the canvas handles the event after us
            self.view_changed()
            return False
        tool = self.tool
        if tool is None:
            return False
        if et in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
                  QEvent.Type.MouseMove):
            if self.settings() is None:
                return False
            x, y = self.to_map(event.position())
            if et == QEvent.Type.MouseMove:
                tool.move(event, x, y)
                if event.buttons() and self.overlay.highlights:
                    self.overlay.update()  # highlights follow the canvas's live pan
                # the canvas reports the cursor position; but it must not drag-pan under a drawing tool
                dragging = event.buttons() & (Qt.MouseButton.LeftButton | Qt.MouseButton.RightButton)
                return bool(dragging) and not tool.passes_through
            if tool.passes_through or event.button() == Qt.MouseButton.MiddleButton:
                return False
            {QEvent.Type.MouseButtonPress: tool.press, QEvent.Type.MouseButtonRelease: tool.release,
             QEvent.Type.MouseButtonDblClick: tool.double_click}[et](event, x, y)
            return True
        if et == QEvent.Type.KeyPress:
            return bool(tool.key(event))
        return False
