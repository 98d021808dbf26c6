"""The render job: one path for the canvas, layout export and the CLI.

``RenderJob(settings)`` renders every visible layer into its own transparent QImage
in a worker thread, composites them bottom to top with each style's opacity, draws
the labels of all layers over them, and announces ``finished(QImage)``. It never
touches widgets. Cancel through :class:`Feedback`: every drawing loop checks it
between calls, so a cancelled job stops within one batch (a few milliseconds).

Threading contract (after QGIS's QgsMapLayerRenderer): the settings are an immutable
snapshot taken on the GUI thread; the job reads layers but never changes them; heavy
numpy/shapely/pyproj steps release the GIL; each QPainter call is short (a batch of
~20,000 vertices), so the GUI thread, when it wants the GIL, gets it between calls.

``render_image(settings)`` is the synchronous form for the CLI and exports.
"""

from __future__ import annotations

import logging
import os
import threading
import time
import weakref
from collections import OrderedDict

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

from ecomap.core.feedback import Cancelled, Feedback  # noqa: F401 - re-exported for job users
from ecomap.core.render.labels import LabelPlacer, draw_labels
from ecomap.core.render.raster import draw_raster_layer
from ecomap.core.render.sources import is_raster
from ecomap.core.render.vector import draw_vector_layer

log = logging.getLogger(__name__)


def ensure_gui_app() -> None:
    """Text needs a QGuiApplication; headless callers (CLI, tests) get an offscreen one."""
    if QGuiApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        ensure_gui_app.app = QGuiApplication([])  # kept alive for the process


def new_image(settings, transparent: bool = True) -> QImage:
    img = QImage(settings.width, settings.height, QImage.Format.Format_ARGB32_Premultiplied)
    img.setDotsPerMeterX(round(settings.dpi / 0.0254))
    img.setDotsPerMeterY(round(settings.dpi / 0.0254))
    if transparent:
        img.fill(Qt.GlobalColor.transparent)
    else:
        img.fill(QColor(*settings.background))
    return img


class LayerImageCache:
    """The last few layer images, keyed by layer data, style and view (QGIS's render cache).

    Going back to a view already drawn (zooming out again, a bookmark, a repeated export)
    is then a blit. Keys hold the identity of the layer's data, so replacing a layer's
    features (an edit, a reload) misses the cache; ``clear()`` drops everything.
    """

    def __init__(self, size: int = 8):
        self.size = size
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()
        self.enabled = os.environ.get("ECOMAP_RENDER_CACHE", "1") != "0"

    @staticmethod
    def key(entry, settings):
        lyr = entry.layer
        data = getattr(lyr, "features", None)
        if data is None:
            data = getattr(lyr, "flat", lyr)
        try:
            style_key = hash(entry.style), entry.style
        except TypeError:
            style_key = repr(entry.style)
        crs = settings.crs.to_wkt() if settings.crs is not None else None
        return (id(lyr), id(data), style_key, tuple(round(v, 9) for v in settings.visible_extent),
                settings.size, settings.dpi, crs, settings.antialias)

    def get(self, key, layer=None):
        if not self.enabled:
            return None
        with self._lock:
            item = self._items.get(key)
            if item is None or (layer is not None and item[0]() is not layer):
                return None  # ids are reused after a layer is freed: check it is the same object
            self._items.move_to_end(key)
            return item[1]

    def put(self, key, img, layer=None) -> None:
        if not self.enabled:
            return
        try:
            ref = weakref.ref(layer)
        except TypeError:
            return
        with self._lock:
            self._items[key] = (ref, img)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


layer_cache = LayerImageCache()


def render_layer(entry, settings, feedback: Feedback | None = None) -> QImage | None:
    """One layer into its own transparent image (None when hidden at this scale)."""
    style = entry.style
    if not entry.visible or (hasattr(style, "visible_at") and not style.visible_at(settings.scale)):
        return None
    key = LayerImageCache.key(entry, settings)
    hit = layer_cache.get(key, entry.layer)
    if hit is not None:
        return hit
    img = _draw_one(entry, settings, feedback)
    if feedback is None or not feedback.is_cancelled():
        layer_cache.put(key, img, entry.layer)
    return img


def _draw_one(entry, settings, feedback) -> QImage:
    img = new_image(settings)
    painter = QPainter(img)
    try:
        if is_raster(entry.layer) or getattr(entry.style, "type", "") == "raster":
            draw_raster_layer(painter, entry.layer, entry.style, settings, feedback)
        else:
            draw_vector_layer(painter, entry.layer, entry.style, settings, feedback)
    finally:
        painter.end()
    return img


def render_image(settings, feedback: Feedback | None = None, timings: dict | None = None) -> QImage:
    """Render ``settings`` synchronously on this thread and return the composited image."""
    ensure_gui_app()
    feedback = feedback or Feedback()
    out = new_image(settings, transparent=False)
    entries = list(settings.layers)
    layer_images = []
    for i, entry in enumerate(entries):
        if feedback.is_cancelled():
            return out
        t0 = time.perf_counter()
        img = render_layer(entry, settings, feedback)
        if timings is not None:
            timings[getattr(entry.layer, "name", str(i))] = time.perf_counter() - t0
        layer_images.append((entry, img))
        feedback.set_progress((i + 1) / (len(entries) + 1))
    painter = QPainter(out)
    for entry, img in layer_images:
        if img is None:
            continue
        style_opacity = 1.0 if is_raster(entry.layer) else float(getattr(entry.style, "opacity", 1.0))
        painter.setOpacity(style_opacity * float(getattr(entry, "opacity", 1.0)))
        painter.drawImage(0, 0, img)
    painter.setOpacity(1.0)
    if settings.labels and not feedback.is_cancelled():
        placer = LabelPlacer(settings.width, settings.height)
        for entry, img in reversed(layer_images):  # top layers claim space first
            if img is not None and getattr(entry.style, "labels", None) is not None:
                draw_labels(painter, entry.layer, entry.style, settings, placer, feedback)
    painter.end()
    feedback.set_progress(1.0)
    return out


class RenderJob(QObject):
    """Render ``settings`` in a worker thread; ``finished`` carries the image (GUI thread slots).

    ``job.start()`` returns at once; ``job.cancel()`` stops it (no ``finished`` after a
    cancel); ``job.wait()`` blocks until the thread ends (tests, export).
    """

    started = Signal()
    progressChanged = Signal(float)
    finished = Signal(QImage)
    failed = Signal(str)

    def __init__(self, settings, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.feedback = Feedback(on_progress=self.progressChanged.emit)
        self._thread: threading.Thread | None = None
        self._image: QImage | None = None
        self.error: str | None = None
        self.elapsed = 0.0

    def start(self) -> None:
        ensure_gui_app()
        self._thread = threading.Thread(target=self._run, name="ecomap-render", daemon=True)
        self.started.emit()
        self._thread.start()

    def _run(self) -> None:
        t0 = time.perf_counter()
        try:
            img = render_image(self.settings, self.feedback)
        except Exception as exc:
            log.exception("render failed")
            self.error = str(exc)
            if not self.feedback.is_cancelled():
                self.failed.emit(self.error)
            return
        self.elapsed = time.perf_counter() - t0
        if self.feedback.is_cancelled():
            return
        self._image = img
        self.finished.emit(img)

    def cancel(self) -> None:
        self.feedback.cancel()

    def is_active(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> bool:
        if self._thread is not None:
            self._thread.join(timeout)
        return not self.is_active()

    def image(self) -> QImage | None:
        return self._image
