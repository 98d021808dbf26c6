"""The layout designer's page: a QGraphicsScene in millimetres over the layout model.

Each layout item is a :class:`ItemGraphic` that shows an image of the item drawn by
the very code that draws exports (``ecomap.core.layout.page.draw_item``) at the
preview's resolution, so the preview is what the PDF will be. Items are moved by
dragging and resized by the handle at their bottom-right corner; a finished drag is
reported to the designer (``geometryEdited``), which records it as an undoable edit
of the model — the graphics never change the model themselves.

Map frames and locator insets draw layers, which can take seconds: their images are
rendered in a task per item (:class:`~ecomap.core.tasks.LatestTask`, so a newer
request — a move, a resize, a zoom — cancels the older), and ``paint()`` only draws
the last image, scaled to the item, or a grey "Drawing map…" placeholder before the
first arrives. Text, legends, scale bars and arrows are quick and drawn on demand.
"""

from __future__ import annotations

import json
import logging
from dataclasses import replace

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject, QGraphicsScene, QGraphicsView

from ecomap.core.feedback import Cancelled
from ecomap.core.layout.canvas import Canvas
from ecomap.core.layout.model import InsetMap, Layout, MapFrame
from ecomap.core.layout.page import draw_neatline, page_values, page_views, render_item_image
from ecomap.core.tasks import LatestTask
from ecomap.errors import DataError
from ecomap.i18n import tr

log = logging.getLogger(__name__)

HANDLE_MM = 3.0
SNAP_MM = 0.5
#: room around a map frame for its grid labels, which are drawn outside the frame
LABEL_ROOM_MM = 10.0
#: what a map frame shows until its image has been drawn
PLACEHOLDER_FILL = QColor(232, 232, 232)
PLACEHOLDER_TEXT = QColor(110, 110, 110)


def draws_layers(item) -> bool:
    """Items whose image is rendered in a task: they draw map layers."""
    return isinstance(item, (MapFrame, InsetMap))


def snap(value: float) -> float:
    return round(value / SNAP_MM) * SNAP_MM


class ItemGraphic(QGraphicsObject):
    """One layout item on the page (scene units: mm)."""

    def __init__(self, scene: LayoutScene, item):
        super().__init__()
        self.scene_ref = scene
        self.item = item
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges, True)
        self.setAcceptHoverEvents(True)
        self.setPos(item.x, item.y)
        self._resizing = False
        self._size = (item.w, item.h)
        self._press_pos = QPointF()

    @property
    def margin(self) -> float:
        return LABEL_ROOM_MM if isinstance(self.item, MapFrame) and self.item.grid is not None else 0.0

    def boundingRect(self) -> QRectF:
        m = self.margin
        w, h = self._size
        return QRectF(-m, -m, w + 2 * m, h + 2 * m)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        w, h = self._size
        image = None if self._resizing else self.scene_ref.image_for(self)
        if image is not None:
            m = self.margin
            painter.drawImage(QRectF(-m, -m, self.item.w + 2 * m, self.item.h + 2 * m), image)
        elif draws_layers(self.item) and not self._resizing:
            self._paint_placeholder(painter, QRectF(0, 0, w, h))
        else:
            painter.fillRect(QRectF(0, 0, w, h), QColor(230, 236, 245, 160))
        if self.isSelected() or self.scene_ref.show_outlines:
            pen = QPen(QColor(30, 110, 220) if self.isSelected() else QColor(160, 160, 160))
            pen.setCosmetic(True)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(0, 0, w, h))
        if self.isSelected():
            painter.fillRect(self._handle_rect(), QBrush(QColor(30, 110, 220)))

    def _paint_placeholder(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, PLACEHOLDER_FILL)
        failed = self.scene_ref.render_error(self.item.id)
        text = tr("The map could not be drawn: {error}").format(error=failed) if failed else tr("Drawing map…")
        painter.save()
        on_screen = painter.transform().mapRect(rect)  # the text keeps its size at any zoom
        painter.resetTransform()
        painter.setPen(PLACEHOLDER_TEXT)
        painter.drawText(on_screen, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), text)
        painter.restore()

    def _handle_rect(self) -> QRectF:
        w, h = self._size
        return QRectF(w - HANDLE_MM, h - HANDLE_MM, HANDLE_MM, HANDLE_MM)

    def mousePressEvent(self, event) -> None:
        self._press_pos = self.pos()
        if self.isSelected() and self._handle_rect().contains(event.pos()):
            self._resizing = True
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._resizing:
            self.prepareGeometryChange()
            self._size = (max(5.0, snap(event.pos().x())), max(5.0, snap(event.pos().y())))
            self.update()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._resizing:
            self._resizing = False
            w, h = self._size
            self.scene_ref.geometryEdited.emit(self.item.id, self.item.x, self.item.y, w, h)
            return
        super().mouseReleaseEvent(event)
        if self.pos() != self._press_pos:
            x, y = snap(self.pos().x()), snap(self.pos().y())
            self.scene_ref.geometryEdited.emit(self.item.id, x, y, self.item.w, self.item.h)

    def sync(self, item) -> None:
        """Follow the model after an edit (or an undo)."""
        self.prepareGeometryChange()
        self.item = item
        self._size = (item.w, item.h)
        self.setPos(item.x, item.y)
        self.update()


class PageGraphic(QGraphicsItem):
    """White paper, its neat line, and a faint shadow."""

    def __init__(self, scene: LayoutScene):
        super().__init__()
        self.scene_ref = scene
        self.setZValue(-1000)

    def boundingRect(self) -> QRectF:
        w, h = self.scene_ref.layout.size_mm
        return QRectF(-2, -2, w + 4, h + 4)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        w, h = self.scene_ref.layout.size_mm
        painter.fillRect(QRectF(1.2, 1.2, w, h), QColor(0, 0, 0, 50))
        painter.fillRect(QRectF(0, 0, w, h), QColor(255, 255, 255))
        if self.scene_ref.layout.neatline:
            painter.save()
            draw_neatline(Canvas(painter, 25.4), self.scene_ref.layout)  # 1 unit = 1 mm
            painter.restore()


class LayoutScene(QGraphicsScene):
    geometryEdited = Signal(str, float, float, float, float)  # item id, x, y, w, h (mm)

    def __init__(self, layout: Layout, ctx, parent=None):
        super().__init__(parent)
        self.layout = layout
        self.ctx = ctx
        self.dpi = 96.0
        self.show_outlines = True
        self._cache: dict[str, tuple[str, QImage]] = {}
        self._views = {}
        self._values = {}
        #: per map item: the task drawing its image, the key it was asked for, the last error
        self._renders: dict[str, LatestTask] = {}
        self._asked: dict[str, str] = {}
        self._errors: dict[str, str] = {}
        self.page = PageGraphic(self)
        self.addItem(self.page)
        self.graphics: dict[str, ItemGraphic] = {}
        self.rebuild()

    # ------------------------------------------------------------------ model → graphics

    def rebuild(self) -> None:
        """Graphics for the current model (after load, add, delete, undo)."""
        self._views = page_views(self.layout, self.ctx)
        self._values = page_values(self.layout, self.ctx, self._views)
        ids = {item.id for item in self.layout.items}
        for item_id in list(self.graphics):
            if item_id not in ids:
                self.removeItem(self.graphics.pop(item_id))
                self._forget(item_id)
        for z, item in enumerate(self.layout.items):
            graphic = self.graphics.get(item.id)
            if graphic is None:
                graphic = ItemGraphic(self, item)
                self.graphics[item.id] = graphic
                self.addItem(graphic)
            else:
                graphic.sync(item)
            graphic.setZValue(z)
            graphic.setVisible(item.visible)
        w, h = self.layout.size_mm
        self.setSceneRect(QRectF(-20, -20, w + 40, h + 40))
        self.page.prepareGeometryChange()
        self.request_maps()
        self.update()

    def set_dpi(self, dpi: float) -> None:
        dpi = max(30.0, min(200.0, dpi))
        if abs(dpi - self.dpi) > 1:
            self.dpi = dpi
            self.request_maps()
            self.update()

    def _key(self, item) -> str:
        data = item.to_dict()
        data.pop("x", None)
        data.pop("y", None)
        views = {k: [round(v, 3) for v in view.extent] for k, view in self._views.items()}
        values = {k: str(v) for k, v in self._values.items()} if not draws_layers(item) else {}
        others = [i.to_dict() for i in self.layout.items if i.kind in ("map",) and i.id != item.id] \
            if item.kind in ("legend", "inset", "scalebar", "north") else []
        return json.dumps([data, round(self.dpi), views, values, others, len(self.ctx.layers),
                           [(m.id, m.visible, id(m.style)) for m in self.ctx.layers]],
                          ensure_ascii=False, sort_keys=True, default=str)

    def image_for(self, graphic: ItemGraphic) -> QImage | None:
        """The item's image for painting: never draws a map here.

        A map item gets its last image (scaled by the painter when the item changed
        size since), or None before the first one arrives.
        """
        item = graphic.item
        cached = self._cache.get(item.id)
        if draws_layers(item):
            return cached[1] if cached is not None else None
        key = self._key(item)
        if cached is not None and cached[0] == key:
            return cached[1]
        image = render_item_image(item, self.layout, self.ctx, self.dpi, graphic.margin, self._views, self._values)
        self._cache[item.id] = (key, image)
        return image

    def map_image_ready(self, item_id: str) -> bool:
        """The map item's image is drawn for the model and zoom as they are now."""
        graphic = self.graphics.get(item_id)
        cached = self._cache.get(item_id)
        return graphic is not None and cached is not None and cached[0] == self._key(graphic.item)

    def render_task(self, item_id: str):
        """The task drawing (or that last drew) the map item's image, or None."""
        renders = self._renders.get(item_id)
        return renders.task if renders is not None else None

    def render_error(self, item_id: str) -> str | None:
        return self._errors.get(item_id)

    # ------------------------------------------------------------------ map images, in tasks

    def request_maps(self) -> None:
        """Ask for an image of every map item whose image is not for the current model and zoom."""
        for item_id, graphic in self.graphics.items():
            item = graphic.item
            if not draws_layers(item) or not item.visible:
                continue
            key = self._key(item)
            cached = self._cache.get(item_id)
            if (cached is not None and cached[0] == key) or self._asked.get(item_id) == key:
                continue
            self._asked[item_id] = key
            self._errors.pop(item_id, None)
            self._submit(item_id, key, graphic.margin)

    def _submit(self, item_id: str, key: str, margin: float) -> None:
        renders = self._renders.get(item_id)
        if renders is None:
            # no Qt parent: a task still running after the scene is gone keeps it alive until it ends
            renders = LatestTask(description=tr("Drawing map…"), visible=False)
            renders.finished.connect(self._image_ready)
            self._renders[item_id] = renders
        # a snapshot: the user may edit the layout while the frame is drawn
        layout = self.layout.copy()
        ctx = replace(self.ctx, warnings=[], failed=set())
        views, values, dpi = dict(self._views), dict(self._values), self.dpi

        def draw(feedback):
            try:
                image = render_item_image(layout.item(item_id), layout, ctx, dpi, margin, views, values, feedback)
            except Cancelled:
                raise
            except Exception as exc:
                log.error("layout preview of %s failed", item_id, exc_info=exc)
                return item_id, key, None, ctx.failed, exc
            return item_id, key, image, ctx.failed, None
        renders.submit(draw)

    def _image_ready(self, result) -> None:
        item_id, key, image, failed, error = result
        graphic = self.graphics.get(item_id)
        if graphic is None:
            return
        if error is not None:
            self._errors[item_id] = error.user_message() if isinstance(error, DataError) else str(error)
            self._asked.pop(item_id, None)
            graphic.update()
            return
        self._cache[item_id] = (key, image)
        if failed - self.ctx.failed:  # the legend leaves out layers the renderer refused
            self.ctx.failed |= failed
            for other in self.graphics.values():
                if not draws_layers(other.item):
                    self._cache.pop(other.item.id, None)
            self.update()
        graphic.update()

    def _forget(self, item_id: str) -> None:
        renders = self._renders.pop(item_id, None)
        if renders is not None:
            renders.cancel()
        for table in (self._cache, self._asked, self._errors):
            table.pop(item_id, None)

    def cancel_renders(self) -> None:
        """Stop drawing map images (the designer is closing)."""
        for renders in self._renders.values():
            renders.cancel()
        self._asked.clear()

    def wait_for_maps(self, timeout: float = 60.0) -> bool:
        """Until every map item's current image has arrived (tests, scripts)."""
        for renders in list(self._renders.values()):
            if not renders.wait(timeout):
                return False
        return all(self.map_image_ready(i) for i, g in self.graphics.items()
                   if draws_layers(g.item) and g.item.visible)

    def invalidate_all(self) -> None:
        self._cache.clear()
        self._asked.clear()
        self.request_maps()
        self.update()

    def selected_item_id(self) -> str | None:
        for graphic in self.selectedItems():
            if isinstance(graphic, ItemGraphic):
                return graphic.item.id
        return None

    def select(self, item_id: str | None) -> None:
        self.clearSelection()
        graphic = self.graphics.get(item_id or "")
        if graphic is not None:
            graphic.setSelected(True)


class LayoutView(QGraphicsView):
    """Zoom with the wheel (about the cursor), pan with the middle button or by dragging the paper."""

    def __init__(self, scene: LayoutScene, parent=None):
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setBackgroundBrush(QColor(200, 203, 208))
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)

    def fit_page(self) -> None:
        w, h = self.scene().layout.size_mm
        self.fitInView(QRectF(-5, -5, w + 10, h + 10), Qt.AspectRatioMode.KeepAspectRatio)
        self._update_dpi()

    def wheelEvent(self, event) -> None:
        factor = 1.15 if event.angleDelta().y() > 0 else 1 / 1.15
        self.scale(factor, factor)
        self._update_dpi()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)

    def _update_dpi(self) -> None:
        px_per_mm = self.transform().m11() * self.devicePixelRatioF()
        self.scene().set_dpi(px_per_mm * 25.4)
