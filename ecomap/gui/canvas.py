"""The map canvas: shows the last finished frame, never renders in the GUI thread.

``refresh()`` only schedules. A render job (:mod:`ecomap.core.render.job`, a task)
renders a snapshot of the map settings in a worker; ``paintEvent`` draws the last
finished frame, moved and scaled to the current view while the user pans or zooms
(immediate feedback), and the crisp frame replaces it when the job finishes. A new
request cancels the job in flight (:class:`~ecomap.core.tasks.LatestTask`): only the
newest job's frame is ever shown. Wheel zoom about the cursor, drag to pan, arrow keys
and +/- navigate; a scale bar is painted over the frame.
"""

from __future__ import annotations

import math
import sys
import time

from pyproj import CRS, Transformer
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QWidget

from ecomap.core.map_settings import MapSettings, RenderLayer
from ecomap.core.render.job import RenderJob
from ecomap.core.render.sources import layer_crs, transform_bounds
from ecomap.core.tasks import LatestTask
from ecomap.i18n import tr

WHEEL_STEP = 1.25
KEY_PAN_FRACTION = 0.25
REFRESH_DELAY_MS = 40  # coalesces a burst of wheel steps into one render


class MapCanvas(QWidget):
    extentChanged = Signal(tuple)
    scaleChanged = Signal(float)
    cursorMoved = Signal(float, float, float, float)  # map x, y, lon, lat (NaN when unknown)
    renderStarted = Signal()
    renderFinished = Signal(float)  # seconds
    renderProgress = Signal(float)
    renderFailed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        # render threads hand the GIL back between their short Qt calls; a 1 ms switch
        # interval (default 5 ms) lets the GUI thread take it sooner when several compete
        sys.setswitchinterval(min(sys.getswitchinterval(), 0.001))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(200, 150)
        self._settings = MapSettings(extent=(0.0, 0.0, 1.0, 1.0), size=(self.width(), self.height()))
        self._frame: QImage | None = None
        self._frame_settings: MapSettings | None = None
        self._renders = LatestTask(self, visible=False)
        self._renders.finished.connect(self._on_finished)
        self._renders.progress.connect(lambda fraction, _text: self.renderProgress.emit(fraction))
        self._renders.failed.connect(lambda exc: self.renderFailed.emit(str(exc)))
        # replaced jobs are kept until their threads end: a QImage freed while a painter
        # still draws into it takes the process down
        self._old_jobs: list[RenderJob] = []
        #: layers the last finished frame left out (ecomap.core.render.job.LayerError)
        self.layer_errors: list = []
        self._drag_from: QPointF | None = None
        self._drag_settings: MapSettings | None = None
        self._to_lonlat: Transformer | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._last_refresh = float("-inf")
        self._timer.timeout.connect(self._start_job)

    # ------------------------------------------------------------------ state

    def settings(self) -> MapSettings:
        return self._settings

    def set_layers(self, entries: list[RenderLayer], crs: CRS | None = None) -> None:
        """Layers bottom to top; the map CRS defaults to the first layer's."""
        if crs is None and entries:
            crs = layer_crs(entries[0].layer)
        first = not self._settings.layers
        self._settings = MapSettings(extent=self._settings.extent, size=self._size(), dpi=self._settings.dpi,
                                     crs=crs, layers=tuple(entries), background=self._settings.background)
        self._to_lonlat = None
        if crs is not None:
            try:
                self._to_lonlat = Transformer.from_crs(crs, CRS.from_epsg(4490), always_xy=True)
            except (ValueError, RuntimeError):  # an odd user CRS (pyproj errors): no lon/lat readout
                self._to_lonlat = None
        if first:
            self.zoom_to_full()
        else:
            self.refresh()

    def full_extent(self):
        full = None
        for e in self._settings.layers:
            b = getattr(e.layer, "bounds", None)
            b = transform_bounds(b, layer_crs(e.layer), self._settings.crs)
            if b is None:
                continue
            full = b if full is None else (min(full[0], b[0]), min(full[1], b[1]), max(full[2], b[2]),
                                           max(full[3], b[3]))
        return full

    def zoom_to_full(self) -> None:
        full = self.full_extent()
        if full is not None:
            mx, my = (full[2] - full[0]) * 0.02, (full[3] - full[1]) * 0.02
            self.set_extent((full[0] - mx, full[1] - my, full[2] + mx, full[3] + my))

    def set_extent(self, extent) -> None:
        self._settings = self._settings.with_size(*self._size()).with_extent(extent)
        self._settings = self._settings.with_extent(self._settings.visible_extent)
        self._changed()

    def extent(self):
        return self._settings.visible_extent

    def scale(self) -> float:
        return self._settings.scale

    def zoom_by(self, factor: float, about_px: QPointF | None = None) -> None:
        about = None
        if about_px is not None:
            about = self._settings.pixel_to_map(about_px.x(), about_px.y())
        self._settings = self._settings.zoomed(factor, about)
        self._changed()

    def pan_by_pixels(self, dx: float, dy: float) -> None:
        self._settings = self._settings.panned(dx, dy)
        self._changed()

    def _size(self):
        return max(1, self.width()), max(1, self.height())

    def _changed(self) -> None:
        self.update()
        self.extentChanged.emit(tuple(self._settings.visible_extent))
        self.scaleChanged.emit(float(self._settings.scale))
        self.refresh()

    # ------------------------------------------------------------------ rendering

    def refresh(self) -> None:
        """Schedule a render of the current view (never renders here).

        After a quiet moment the render starts on the next turn of the event loop; a
        request that follows another within REFRESH_DELAY_MS waits until the burst (wheel
        steps, a drag's last moves) has been quiet that long, so a burst is one render.
        """
        now = time.monotonic()
        quiet = not self._timer.isActive() and now - self._last_refresh >= REFRESH_DELAY_MS / 1000
        self._last_refresh = now
        self._timer.start(0 if quiet else REFRESH_DELAY_MS)

    @property
    def _job(self) -> RenderJob | None:
        return self._renders.task

    def is_rendering(self) -> bool:
        return self._job is not None and self._job.is_active()

    def is_busy(self) -> bool:
        """A frame is being drawn or about to be: a refresh waiting for its moment, or a frame
        drawn but not yet handed to this thread."""
        job = self._job
        return self._timer.isActive() or (job is not None and not job.delivered)

    def _start_job(self) -> None:
        if not self._settings.layers:
            self._frame, self._frame_settings = None, None
            self.update()
            return
        if self._job is not None:
            self._old_jobs.append(self._job)
        self._old_jobs = [j for j in self._old_jobs if j.is_active()]
        settings = self._settings.with_size(*self._size())
        # no Qt parent: a job still drawing when the canvas goes must keep its Qt object
        job = RenderJob(settings)
        self.renderStarted.emit()
        self._renders.submit_task(job)  # cancels the job in flight

    def _on_finished(self, img: QImage) -> None:
        job = self._job  # LatestTask forwards the newest job's frame only
        self._frame, self._frame_settings = img, job.settings
        self.layer_errors = list(job.layer_errors)
        self.renderFinished.emit(job.elapsed)
        self.update()

    def wait_for_render(self, timeout: float = 30.0) -> bool:
        """Block until the current job ends (tests and exports)."""
        if self._timer.isActive():
            self._timer.stop()
            self._start_job()
        return self._job.wait(timeout) if self._job is not None else True

    def grab_frame(self) -> QImage | None:
        return self._frame

    def frame_settings(self) -> MapSettings | None:
        """What the last finished frame shows (None before the first)."""
        return self._frame_settings

    # ------------------------------------------------------------------ painting

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(*self._settings.background))
        if self._frame is not None and self._frame_settings is not None:
            fs = self._frame_settings
            minx, miny, maxx, maxy = fs.visible_extent
            x0, y0 = self._settings.map_to_pixel(minx, maxy)
            x1, y1 = self._settings.map_to_pixel(maxx, miny)
            same = abs(x0) < 0.01 and abs(y0) < 0.01 and abs(x1 - self.width()) < 0.01
            if same:
                p.drawImage(0, 0, self._frame)
            else:
                # a preview until the crisp frame arrives: nearest-neighbour scaling costs a few
                # milliseconds where smooth scaling of a full frame costs tens
                p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
                p.drawImage(QRectF(x0, y0, x1 - x0, y1 - y0), self._frame)
        self._paint_scale_bar(p)
        p.end()

    def _paint_scale_bar(self, p: QPainter) -> None:
        s = self._settings
        if not s.layers:
            return
        metres_per_px = s.pixel_size * s.metres_per_unit()
        if not math.isfinite(metres_per_px) or metres_per_px <= 0:
            return
        target = metres_per_px * 120
        mag = 10 ** math.floor(math.log10(target))
        length = max(v * mag for v in (1, 2, 5) if v * mag <= target) if target >= mag else mag
        px = length / metres_per_px
        text = tr("{n} km").format(n=_fmt(length / 1000)) if length >= 1000 else tr("{n} m").format(n=_fmt(length))
        x, y = 14, self.height() - 16
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(QRectF(x - 6, y - 22, px + 60, 30), QColor(255, 255, 255, 190))
        pen = QPen(QColor(30, 30, 30), 2)
        p.setPen(pen)
        p.drawLine(QPointF(x, y), QPointF(x + px, y))
        p.drawLine(QPointF(x, y - 5), QPointF(x, y))
        p.drawLine(QPointF(x + px, y - 5), QPointF(x + px, y))
        font = QFont(self.font())
        font.setPixelSize(12)
        p.setFont(font)
        p.drawText(QPointF(x + px + 6, y), text)

    # ------------------------------------------------------------------ input

    def resizeEvent(self, event) -> None:
        ext = self._settings.visible_extent if self._settings.layers else self._settings.extent
        self._settings = self._settings.with_size(*self._size()).with_extent(ext)
        self.refresh()
        super().resizeEvent(event)

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(WHEEL_STEP ** steps, event.position())
        event.accept()

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag_from = event.position()
            self._drag_settings = self._settings
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event) -> None:
        pos = event.position()
        x, y = self._settings.pixel_to_map(pos.x(), pos.y())
        lon = lat = float("nan")
        if self._to_lonlat is not None:
            lon, lat = self._to_lonlat.transform(x, y)
        self.cursorMoved.emit(float(x), float(y), float(lon), float(lat))
        if self._drag_from is not None and self._drag_settings is not None:
            d = pos - self._drag_from
            self._settings = self._drag_settings.panned(d.x(), d.y())
            self.update()  # the old frame follows the mouse at once; render on release

    def mouseReleaseEvent(self, event) -> None:
        if self._drag_from is not None:
            self._drag_from = None
            self._drag_settings = None
            self.unsetCursor()
            self._changed()

    def keyPressEvent(self, event) -> None:
        w, h = self.width(), self.height()
        key = event.key()
        moves = {Qt.Key.Key_Left: (w * KEY_PAN_FRACTION, 0), Qt.Key.Key_Right: (-w * KEY_PAN_FRACTION, 0),
                 Qt.Key.Key_Up: (0, h * KEY_PAN_FRACTION), Qt.Key.Key_Down: (0, -h * KEY_PAN_FRACTION)}
        if key in moves:
            self.pan_by_pixels(*moves[key])
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(2.0)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(0.5)
        elif key == Qt.Key.Key_Home:
            self.zoom_to_full()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        self._renders.cancel()
        super().closeEvent(event)


def _fmt(v: float) -> str:
    return f"{v:g}"
