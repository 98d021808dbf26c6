"""The render job: one path for the canvas, layout export and the CLI.

``RenderJob(settings)`` is a :class:`~ecomap.core.tasks.Task` that renders every
visible layer into its own transparent QImage in a worker thread, composites them
bottom to top with each style's opacity, draws the labels of all layers over them,
and announces ``finished(QImage)``. It never touches widgets. Cancel through its
:class:`Feedback`: every drawing loop checks it between calls, so a cancelled job
stops within one batch (a few milliseconds).

Threading contract (after QGIS's QgsMapLayerRenderer): the settings are an immutable
snapshot taken on the GUI thread; the job reads layers but never changes them; heavy
numpy/shapely/pyproj steps release the GIL; each QPainter call is short (a batch of
~20,000 vertices), so the GUI thread, when it wants the GIL, gets it between calls.

``render_image(settings)`` is the synchronous form for the CLI and exports.

A layer that cannot be drawn (a style value the renderer cannot use, a field of the
wrong type, a file gone from under it) costs that layer only: the exception is caught
once per layer — never per feature, so drawing speed is untouched — and reported as a
:class:`LayerError`; every painter is ended in ``finally``, because a QImage freed while
a painter is still active on it takes the process down.
"""

from __future__ import annotations

import logging
import math
import os
import threading
import time
import weakref
from collections import OrderedDict
from dataclasses import dataclass, field

from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

from ecomap.core.feedback import Cancelled, Feedback
from ecomap.core.json_check import shown
from ecomap.core.render.images import blank_image
from ecomap.core.render.labels import LabelPlacer, draw_labels
from ecomap.core.render.raster import draw_raster_layer
from ecomap.core.render.sources import is_raster
from ecomap.core.render.vector import draw_vector_layer
from ecomap.core.tasks import Task
from ecomap.errors import DataError
from ecomap.i18n import tr

log = logging.getLogger(__name__)


def ensure_gui_app() -> None:
    """Text needs a QGuiApplication: headless callers that draw (the CLI) make an offscreen one
    with this before rendering. Never called by the renderer itself, so that importing or
    using it leaves the process without an application unless its caller wants one."""
    if QGuiApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        ensure_gui_app.app = QGuiApplication([])  # kept alive for the process


def new_image(settings, transparent: bool = True) -> QImage:
    return blank_image(settings.width, settings.height, dpi=settings.dpi,
                       color=None if transparent else QColor(*settings.background))


class LayerImageCache:
    """The last few layer images, keyed by layer data, style and view (QGIS's render cache).

    Going back to a view already drawn (zooming out again, a bookmark, a repeated export)
    is then a blit. Keys hold the layer's version (bumped whenever its features are
    replaced: an edit, a reload), so a changed layer misses the cache; ``clear()`` drops
    everything.
    """

    def __init__(self, size: int = 8):
        self.size = size
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()
        self.enabled = os.environ.get("ECOMAP_RENDER_CACHE", "1") != "0"

    @staticmethod
    def key(entry, settings):
        lyr = entry.layer
        # not id(features): a replaced frame's id may be reused by the next one; flat
        # sources and rasters have no version and never change
        data = getattr(lyr, "version", None)
        try:
            style_key = hash(entry.style), entry.style
        except TypeError:
            style_key = repr(entry.style)
        crs = settings.crs.to_wkt() if settings.crs is not None else None
        return (id(lyr), data, style_key, tuple(round(v, 9) for v in settings.visible_extent),
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


@dataclass(frozen=True)
class LayerError:
    """A layer the job could not draw, or whose labels it could not draw, and why."""

    layer: object = field(repr=False, compare=False)  # the layer object, to find its node
    name: str
    message: str  # in the user's words (a DataError's message, else the exception's)
    labels: bool = False  # the layer was drawn; its labels were not
    index: int = -1  # position in the settings' layers (entries may share one layer object)

    def __str__(self) -> str:
        text = tr("labels of layer “{name}” not drawn: {error}") if self.labels else \
            tr("layer “{name}” not drawn: {error}")
        return text.format(name=self.name, error=self.message)


def _report(errors: list | None, entry, exc: BaseException, labels: bool = False, index: int = -1) -> None:
    name = str(getattr(entry.layer, "name", "") or "?")
    bug = not isinstance(exc, DataError)  # not the data's fault: the traceback goes to the log
    message = f"{type(exc).__name__}: {exc}" if bug else exc.user_message()
    error = LayerError(entry.layer, name, message, labels, index)
    if errors is None:  # nobody else will tell
        log.warning("%s", error, exc_info=exc if bug else None)
    else:
        log.debug("%s", error, exc_info=exc if bug else None)
        errors.append(error)


def render_layer(entry, settings, feedback: Feedback | None = None, errors: list | None = None,
                 index: int = -1) -> QImage | None:
    """One layer into its own transparent image (None when hidden at this scale).

    A layer that fails is None too, with a :class:`LayerError` appended to ``errors``
    (``index``: the entry's position in the settings, for the report).
    """
    try:
        style = entry.style
        if not entry.visible or (hasattr(style, "visible_at") and not style.visible_at(settings.scale)):
            return None
        key = LayerImageCache.key(entry, settings)
        hit = layer_cache.get(key, entry.layer)
        if hit is not None:
            return hit
        img = _draw_one(entry, settings, feedback)
    except Cancelled:
        return None
    except Exception as exc:  # noqa: BLE001 - one layer's failure must not cost the map
        _report(errors, entry, exc, index=index)
        return None
    if feedback is None or not feedback.is_cancelled():
        layer_cache.put(key, img, entry.layer)
    return img


def layer_opacity(entry) -> float:
    """The opacity a layer's image is composited with: its style's times the entry's, in 0..1."""
    values = [1.0 if is_raster(entry.layer) else getattr(entry.style, "opacity", 1.0),
              getattr(entry, "opacity", 1.0)]
    out = 1.0
    for given in values:
        try:
            v = float(given)
        except (TypeError, ValueError):
            v = math.nan
        if not math.isfinite(v):
            raise DataError(None, tr("opacity {value} is not a number between 0 and 1").format(value=shown(given)))
        out *= min(1.0, max(0.0, v))
    return out


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


def render_image(settings, feedback: Feedback | None = None, timings: dict | None = None,
                 errors: list | None = None) -> QImage:
    """Render ``settings`` synchronously on this thread and return the composited image.

    Layers that could not be drawn are left out, each with a :class:`LayerError` in ``errors``.
    Labels need a QGuiApplication, which the caller makes (:func:`ensure_gui_app`).
    """
    feedback = feedback or Feedback()
    out = new_image(settings, transparent=False)
    entries = list(settings.layers)
    layer_images = []
    for i, entry in enumerate(entries):
        if feedback.is_cancelled():
            return out
        t0 = time.perf_counter()
        img = render_layer(entry, settings, feedback, errors, index=i)
        if timings is not None:
            timings[getattr(entry.layer, "name", str(i))] = time.perf_counter() - t0
        if img is not None:
            try:
                layer_images.append((i, entry, img, layer_opacity(entry)))
            except DataError as exc:
                _report(errors, entry, exc, index=i)
        feedback.set_progress((i + 1) / (len(entries) + 1))
    painter = QPainter(out)
    try:
        for _i, _entry, img, opacity in layer_images:
            painter.setOpacity(opacity)
            painter.drawImage(0, 0, img)
        painter.setOpacity(1.0)
        if settings.labels and not feedback.is_cancelled():
            placer = LabelPlacer(settings.width, settings.height)
            for i, entry, _img, _opacity in reversed(layer_images):  # top layers claim space first
                if getattr(entry.style, "labels", None) is not None:
                    try:
                        draw_labels(painter, entry.layer, entry.style, settings, placer, feedback)
                    except Exception as exc:  # noqa: BLE001 - the map without this layer's labels
                        _report(errors, entry, exc, labels=True, index=i)
    finally:
        painter.end()
    feedback.set_progress(1.0)
    return out


def _render_for_job(feedback: Feedback, settings, errors: list) -> QImage:
    try:
        return render_image(settings, feedback, errors=errors)
    except Exception:
        if not feedback.is_cancelled():
            log.exception("render failed")
        raise


class RenderJob(Task):
    """A task rendering ``settings``: ``finished(QImage)`` carries the image (GUI thread slots).

    ``job.start()`` returns at once; ``job.cancel()`` stops it (no ``finished`` after a
    cancel); ``job.wait()`` blocks until the thread ends (tests, export); ``failed``
    carries the exception. Invisible to the window's progress indicator unless
    ``visible``: a canvas redraw shows its progress on the map.
    """

    def __init__(self, settings, parent=None, visible: bool = False, description: str = ""):
        errors: list[LayerError] = []
        super().__init__(_render_for_job, settings, errors, description=description or tr("Drawing the map…"),
                         visible=visible, parent=parent)
        self.settings = settings
        #: layers left out of the finished image (read once ``finished`` arrived)
        self.layer_errors = errors

    def image(self) -> QImage | None:
        """The finished image (None while running, after a failure or a cancel)."""
        return self.result
