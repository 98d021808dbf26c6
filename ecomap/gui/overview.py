"""The overview map: the whole county small, with a red frame where the main map looks.

Rendered by the same render job as the canvas (off the UI thread), at the full extent,
again only when the layers change (debounced); moving the main map only repaints the
frame. Click or drag in the overview to move the main map there. Its render jobs have no
Qt parent, so closing (``shutdown``) or destroying the widget cancels them explicitly.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ecomap.core.extent import padded
from ecomap.core.map_settings import MapSettings

#: how often the overview looks again whether the main map has finished its frame
YIELD_POLL_MS = 50


class OverviewMap(QWidget):
    centreRequested = Signal(float, float)  # map coordinates

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumSize(160, 120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.image: QImage | None = None
        self.settings: MapSettings | None = None
        self.view_extent = None
        self._layers = ()
        self._crs = None
        self._full = None
        self._data_extent = None
        self._job = None
        self._jobs: list = []  # every job started and maybe still running (current and retired)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(400)
        self._timer.timeout.connect(self._render)
        self._yield_to = lambda: False
        self._background = (250, 250, 250, 255)
        # the C++ widget is gone when ``destroyed`` fires: the slot only touches the job list
        self.destroyed.connect(lambda *_a, jobs=self._jobs: _cancel_all(jobs))

    def shutdown(self) -> None:
        """Stop rendering: no scheduled render, every running job cancelled (window closing)."""
        self._timer.stop()
        self._job = None
        _cancel_all(self._jobs)

    def closeEvent(self, event):
        self.shutdown()
        super().closeEvent(event)

    def set_content(self, layers, crs, full_extent) -> None:
        """The layers to draw (RenderLayer, bottom first), the map CRS and the full extent."""
        self._layers, self._crs = tuple(layers), crs
        self._data_extent = full_extent
        self._full = padded(full_extent, 0.03) if full_extent else None
        self._timer.start()

    def yield_to(self, busy) -> None:
        """Wait while ``busy()`` is true (the main map drawing a frame): on two cores, the small
        map drawing the same layers at once made the one the user waits for later."""
        self._yield_to = busy

    def offer_frame(self, image: QImage | None, settings: MapSettings | None) -> None:
        """The main map's new frame. Where the overview has to be drawn again and that frame
        shows all the data (a map opened at its full extent), the overview is the frame made
        small: the same layers are not drawn a second time."""
        if not (self._timer.isActive() or self._job is not None) or image is None or settings is None:
            return
        self._background = settings.background  # the overview is the main map made small, also its paper
        mine = self._settings()
        if mine is None or settings.crs != mine.crs or settings.layers != mine.layers or \
                (settings.labels and any(_labelled(entry) for entry in settings.layers)):
            return
        # everything drawn lies inside the data's extent: outside the frame there is only paper
        fminx, fminy, fmaxx, fmaxy = settings.visible_extent
        dminx, dminy, dmaxx, dmaxy = self._data_extent
        if not (fminx <= dminx and fminy <= dminy and fmaxx >= dmaxx and fmaxy >= dmaxy):
            return
        x0, y0 = mine.map_to_pixel(fminx, fmaxy)
        x1, y1 = mine.map_to_pixel(fmaxx, fminy)
        small = QImage(mine.width, mine.height, QImage.Format.Format_ARGB32_Premultiplied)
        small.fill(QColor(*mine.background))
        p = QPainter(small)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        p.drawImage(QRectF(QPointF(x0, y0), QPointF(x1, y1)), image, QRectF(image.rect()))
        p.end()
        self._timer.stop()
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self.image, self.settings = small, mine
        self.update()

    def set_view_extent(self, extent) -> None:
        self.view_extent = extent
        self.update()

    def resizeEvent(self, event):
        self._timer.start()
        super().resizeEvent(event)

    def _render(self):
        if self._yield_to():
            self._timer.start(YIELD_POLL_MS)
            return
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self._jobs[:] = [j for j in self._jobs if j.is_active()]  # cancelled ones kept alive until they end
        settings = self._settings()
        if settings is None:
            self.image, self.settings = None, None
            self.update()
            return
        from ecomap.core.render.job import RenderJob

        job = RenderJob(settings)  # no Qt parent: it may outlive this widget by a moment at exit
        job.finished.connect(lambda img, s=settings, j=job: self._done(j, s, img))
        self._job = job
        self._jobs.append(job)
        job.start()

    def _settings(self) -> MapSettings | None:
        """What the overview draws at its present size, or None when there is nothing to draw."""
        if self._full is None or self.width() < 10 or self.height() < 10:
            return None
        return MapSettings(extent=self._full, size=(self.width(), self.height()), crs=self._crs,
                           layers=self._layers, labels=False, background=self._background)

    def _done(self, job, settings, image):
        if not shiboken6.isValid(self) or job is not self._job:
            return  # a late frame for a closed window, or a cancelled job's
        self._job = None
        self.image, self.settings = image, settings
        self.update()

    def paintEvent(self, event):
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(250, 250, 250))
        if self.image is not None:
            p.drawImage(0, 0, self.image)
        if self.settings is not None and self.view_extent is not None:
            minx, miny, maxx, maxy = self.view_extent
            x0, y0 = self.settings.map_to_pixel(minx, maxy)
            x1, y1 = self.settings.map_to_pixel(maxx, miny)
            rect = QRectF(QPointF(x0, y0), QPointF(x1, y1)).normalized()
            if rect.width() < 4 and rect.height() < 4:  # zoomed far in: a cross marks the place
                c = rect.center()
                rect = QRectF(c.x() - 4, c.y() - 4, 8, 8)
            p.setPen(QPen(QColor(220, 30, 30), 2))
            covers_most = rect.width() * rect.height() > 0.5 * self.width() * self.height()
            p.setBrush(Qt.BrushStyle.NoBrush if covers_most else QColor(220, 30, 30, 40))
            p.drawRect(rect)
        p.setPen(QColor(160, 160, 160))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(self.rect().adjusted(0, 0, -1, -1))
        p.end()

    def mousePressEvent(self, event):
        self._centre(event)

    def mouseMoveEvent(self, event):
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._centre(event)

    def _centre(self, event):
        if self.settings is not None:
            x, y = self.settings.pixel_to_map(event.position().x(), event.position().y())
            self.centreRequested.emit(x, y)


def _labelled(entry) -> bool:
    """Does the layer draw labels (which the overview leaves out)?"""
    return entry.visible and getattr(entry.style, "labels", None) is not None


def _cancel_all(jobs: list) -> None:
    for job in jobs:
        job.cancel()
