"""Drawing one vector layer into a QImage: cull, level of detail, bulk paths, grouped by symbol.

For each frame:

1. features whose box meets the view are picked with one numpy comparison over the
   layer's boxes (kept in the map CRS by :mod:`ecomap.core.render.sources`);
2. if they carry many vertices (> ``DIRECT_LIMIT``), a cached *level* is drawn: the whole
   layer snapped to a grid whose cell is 0.71–1 pixel (:mod:`lod`; levels step by √2),
   cut into QPainterPaths of ~``BATCH`` vertices and drawn with a painter transform — a
   warm redraw is then Qt rasterizing only. A cold level is built in chunks on two
   threads and each chunk is drawn as soon as it is ready; afterwards the next finer
   level is prepared in the background (niced threads, once no frame has been drawing
   for ``PREFETCH_IDLE_S``), so that zooming in once is a redraw too. Fewer vertices:
   the visible features are snapped to this view's pixels and drawn directly, also in
   chunks on two threads. Big polygon frames have their fills drawn by a worker process
   while this thread draws the outlines (:mod:`ecomap.core.render.worker_pool`);
3. features are grouped by symbol (categorized/graduated styles set pen and brush once
   per group). Fills are rasterized aliased at 2×2 (2×1 when dense) and box-filtered
   down — the coverage of antialiased filling at a fraction of its cost — and outlines
   drawn over them with cosmetic antialiased pens. Every ``drawPath`` takes a few
   milliseconds, so a GUI thread waiting for the GIL gets it between calls.
"""
from __future__ import annotations

import itertools
import logging
import math
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPen, QTransform

from ecomap.core.feedback import Feedback
from ecomap.core.render import memory, snap_jit, worker_pool
from ecomap.core.render.box_index import BoxIndex
from ecomap.core.render.lod import MIN_RECT, Level, build_level, slice_features, take_features
from ecomap.core.render.memory import release_memory
from ecomap.core.render.passes import draw_batches
from ecomap.core.render.qtpath import path_from_rings, rings_of_path
from ecomap.core.render.sources import Prepared, layer_values, prepared
from ecomap.core.render.symbols import (
    assign_symbols,
    brush_for,
    marker_template,
    pen_for,
    symbols_of,
)
from ecomap.errors import DataError

log = logging.getLogger(__name__)

BATCH = 20_000  # vertices per QPainterPath: a few ms of rasterizing
DIRECT_LIMIT = 6_000_000  # visible vertices above which a cached level is used
INDEX_LATER = 20_000  # layers from this many features get their box index in the background
LEVEL_BASE = 8192  # the finest level has the layer's extent 8192 cells wide
MIN_PX = 1.0  # features under this many pixels both ways are drawn as 1-px rectangles


class PathBatch:
    """A run of features with one symbol, as a QPainterPath built on first use.

    Levels keep their snapped vertices until a view needs the batch: a level prepared
    in the background then costs numpy time only, and batches never seen never pay for
    a path. Once the path is built the vertices are kept for the drawing worker only
    while the process is under its memory budget (:mod:`ecomap.core.render.memory`);
    else :attr:`data` reads them back from the path.
    """

    __slots__ = ("__weakref__", "_data", "_path", "_wid", "box", "group", "rings", "vertices")

    def __init__(self, group: int, box, vertices: int, data=None, path=None):
        self.group = group
        self.box = box  # in the coordinates of the path
        self.vertices = vertices
        self.rings = len(data[2]) if data is not None else 0
        self._data = data  # (u, v, ring starts) until the path is built
        self._path = path
        self._wid = None  # id in the drawing worker's path cache

    @property
    def path(self):
        path = self._path
        if path is None:
            data = self._data
            if data is None:  # another thread built it meanwhile (it sets _path first)
                return self._path
            path = path_from_rings(*data)
            self._path = path
            if not worker_pool.ENABLED or memory.over_budget():
                self._data = None  # the drawing worker builds its own paths from the data
        return path

    @property
    def data(self):
        """(u, v, ring starts) of the batch: kept, or read back from its path."""
        data = self._data
        if data is None and self._path is not None:
            return rings_of_path(self._path)
        return data


@dataclass(eq=False)
class CachedLevel:
    r: float
    ox: float
    oy: float
    batches: list[PathBatch]


class Grouping:
    """Features of a layer ordered by symbol, for one style (cached per Prepared + style)."""

    def __init__(self, sym: np.ndarray):
        self.count = len(sym)
        drawn = np.flatnonzero(sym >= 0)
        order = drawn[np.argsort(sym[drawn], kind="stable")]
        self.order = order
        self.sym_sorted = sym[order]
        self.identity = len(order) == len(sym) and bool((order == np.arange(len(sym))).all())

    @cached_property
    def rank(self) -> np.ndarray:
        """Each feature's place in the drawing order (-1: not drawn)."""
        rank = np.full(self.count, -1, np.int64)
        rank[self.order] = np.arange(len(self.order))
        return rank


def visible_vertex_count(layer, style, settings) -> int:
    """How many vertices the view shows (a cheap numpy estimate from feature boxes)."""
    prep = prepared(layer, settings.crs)
    if prep.flat.feature_count == 0:
        return 0
    return _vertices_meeting(prep, settings.visible_extent)


def _vertices_meeting(prep: Prepared, rect) -> int:
    """Vertices of the features whose boxes meet ``rect`` (minx, miny, maxx, maxy)."""
    hits = _meeting(prep, rect)
    return int(_vertex_counts(prep.flat, hits).sum()) if hits.dtype != bool else \
        int(prep.flat.feature_vertex_counts()[hits].sum())


def _vertex_counts(flat, features: np.ndarray) -> np.ndarray:
    """Vertices of each of ``features`` (indices), without counting those of the whole layer."""
    ring_off, feat_off = flat.ring_off, flat.feat_off
    return ring_off[feat_off[features + 1]] - ring_off[feat_off[features]]


def _box_index(prep: Prepared, build: bool = True) -> BoxIndex | None:
    """The layer's box index; without ``build``, None until it has been built."""
    with prep.lock:
        index = prep.levels.get("box_index")
    if index is None and build:
        index = BoxIndex(prep.bbox)
        with prep.lock:
            index = prep.levels.setdefault("box_index", index)
    return index


def _index_later(prep: Prepared) -> None:
    """Build the box index in the background (a tenth of a second for 500,000 features: a frame
    never waits for it; until it exists, frames test every box)."""
    tag = (id(prep), "box_index")
    with prep.lock:
        if "box_index" in prep.levels or tag in _prefetching:
            return
        _prefetching.add(tag)

    def run():
        try:
            _box_index(prep)
        finally:
            _prefetching.discard(tag)

    _prefetcher.submit(run)


def _meeting(prep: Prepared, rect) -> np.ndarray:
    """The features whose boxes meet ``rect``: sorted indices for a small view (from the box
    index), or a boolean mask over the layer for a wide one or before a big layer's index exists."""
    minx, miny, maxx, maxy = rect
    bb = prep.bbox
    index = _box_index(prep, build=prep.flat.feature_count < INDEX_LATER)
    candidates = index.candidates(minx, miny, maxx, maxy) if index is not None else None
    if candidates is not None:
        bb = bb[candidates]
    with np.errstate(invalid="ignore"):
        hit = (bb[:, 0] <= maxx) & (bb[:, 2] >= minx) & (bb[:, 1] <= maxy) & (bb[:, 3] >= miny)
    return hit if candidates is None else candidates[hit]


def _visible_in_order(prep: Prepared, grouping: Grouping, rect) -> np.ndarray:
    """Indices of the drawn features whose boxes meet ``rect``, in drawing order."""
    hits = _meeting(prep, rect)
    if hits.dtype == bool:
        return grouping.order[hits[grouping.order]]
    if grouping.identity:
        return hits
    rank = grouping.rank[hits]
    drawn = rank >= 0
    return hits[drawn][np.argsort(rank[drawn], kind="stable")]


def prepare_vector(layer, style, settings, feedback=None) -> None:
    """Build (and cache) what every band of this view will share: grouping and level of detail.

    Called before the image is split between processes, so the forked child finds the
    level already built instead of building it again.
    """
    prep = prepared(layer, settings.crs)
    if prep.flat.feature_count == 0 or prep.flat.kind == "point" or not symbols_of(style):
        return
    grouping = _grouping(prep, layer, style)
    if visible_vertex_count(layer, style, settings) > DIRECT_LIMIT:
        _level_for(prep, grouping, style, settings.pixel_size, prep.flat, feedback)


def draw_vector_layer(painter: QPainter, layer, style, settings, feedback=None) -> None:
    """Draw ``layer`` with ``style`` for ``settings`` on ``painter`` (an image of settings.size)."""
    with _frame():
        _draw_vector_layer(painter, layer, style, settings, feedback)
    prep = prepared(layer, settings.crs)
    if prep.flat.feature_count >= INDEX_LATER:
        _index_later(prep)
    if worker_pool.ENABLED:
        flat = prep.flat
        if flat.kind == "polygon" and flat.vertex_count >= worker_pool.MIN_VERTICES:
            # a big layer: the drawing worker is started after this frame (its start-up would
            # compete with this frame's level build) and builds the level's paths meanwhile
            level = _cached_level(prep, style, settings.pixel_size, flat)
            if level is not None and (feedback is None or not feedback.is_cancelled()):
                worker_pool.preload(level.batches)
            else:
                worker_pool.worker()


def _draw_vector_layer(painter: QPainter, layer, style, settings, feedback=None) -> None:
    prep = prepared(layer, settings.crs)
    flat = prep.flat
    if flat.feature_count == 0 or flat.vertex_count == 0:
        return
    symbols = symbols_of(style)
    if not symbols:
        return
    grouping = _grouping(prep, layer, style)
    minx, miny, maxx, maxy = settings.visible_extent
    p = settings.pixel_size
    margin = 4 * p
    sel = _visible_in_order(prep, grouping, (minx - margin, miny - margin, maxx + margin, maxy + margin))
    if sel.size == 0:
        return
    visible_vertices = int(_vertex_counts(flat, sel).sum())
    dpi = settings.dpi
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, settings.antialias)
    if flat.kind == "point":
        _draw_points(painter, flat, sel, grouping, symbols, settings, feedback)
        return
    if visible_vertices > DIRECT_LIMIT and not _being_prefetched(prep, style, p, flat):
        level = _cached_level(prep, style, p, flat)
        if level is None and len(symbols) == 1:
            # cold level, one symbol: draw each chunk as soon as a worker has snapped it
            with closing(_level_stream(prep, grouping, style, p, flat, feedback, settings)) as stream:
                level = next(stream)
                s = level.r / p
                tf = QTransform(s, 0, 0, s, (level.ox - minx) / p, (maxy - level.oy) / p)
                _draw_batches(painter, _culled(stream, level, settings), symbols, flat.kind, dpi, s,
                              feedback, tf, vertices=visible_vertices)
            _prefetch_finer(prep, grouping, style, level, flat, settings)
            return
        if level is None:
            level = _level_for(prep, grouping, style, p, flat, feedback)
        if level is None:
            return
        s = level.r / p
        dx = (level.ox - minx) / p
        dy = (maxy - level.oy) / p
        # view in level units, for culling batches
        vx0, vx1 = (minx - level.ox) / level.r, (maxx - level.ox) / level.r
        vy0, vy1 = (level.oy - maxy) / level.r, (level.oy - miny) / level.r
        batches = [b for b in level.batches
                   if b.box[0] <= vx1 and b.box[2] >= vx0 and b.box[1] <= vy1 and b.box[3] >= vy0]
        _draw_batches(painter, batches, symbols, flat.kind, dpi, s, feedback,
                      QTransform(s, 0, 0, s, dx, dy))
        _prefetch_finer(prep, grouping, style, level, flat, settings)
        return
    groups = grouping_sym_of(grouping, sel)
    batches = build_batches(flat, sel, groups, p, minx, maxy, feedback)
    _draw_batches(painter, batches, symbols, flat.kind, dpi, 1.0, feedback)


def grouping_sym_of(grouping: Grouping, sel: np.ndarray) -> np.ndarray:
    """Symbol index of each selected feature (sel is a subsequence of grouping.order)."""
    return _sym_lookup(grouping)[sel]


def _sym_lookup(grouping: Grouping) -> np.ndarray:
    lut = getattr(grouping, "_lut", None)
    if lut is None:
        lut = np.full(int(grouping.order.max(initial=-1)) + 1, -1, np.int32)
        lut[grouping.order] = grouping.sym_sorted
        grouping._lut = lut
    return lut


def _grouping(prep: Prepared, layer, style) -> Grouping:
    key = ("grouping", _style_key(style))
    with prep.lock:
        g = prep.levels.get(key)
    if g is None:
        sym = assign_symbols(style, lambda name: _column_or_none(layer, name, prep.flat.feature_count),
                             prep.flat.feature_count)
        g = Grouping(sym)
        with prep.lock:
            prep.levels[key] = g
    return g


def _column_or_none(layer, name: str, n: int):
    """The column, or all-missing values when the layer has no such field: a style that names
    a field the data lacks draws its default symbol (or nothing) instead of failing the map."""
    try:
        return layer_values(layer, name)
    except DataError:
        log.warning("layer %s has no field %r named by its style", getattr(layer, "name", "?"), name)
        return np.full(n, None, dtype=object)


def _style_key(style):
    """What of a style decides which features go to which symbol (not how symbols look)."""
    kind = getattr(style, "type", "single")
    if kind == "categorized":
        return (kind, style.field, tuple(str(c.value) for c in style.categories), style.default is not None)
    if kind == "graduated":
        return (kind, style.field, tuple((r.lower, r.upper) for r in style.ranges))
    return (kind,)


_build_lock = threading.Lock()


def _level_index(flat, p: float) -> tuple[int, float]:
    """(index, cell) of the level for pixel size ``p``: cells grow in steps of √2, and the
    level's cell is the largest not above ``p`` — between 0.71 and 1 pixel, so a level keeps
    barely more vertices than the view can show."""
    minx, miny, maxx, maxy = flat.total_bounds
    span = max(maxx - minx, maxy - miny, 1e-9)
    r0 = span / LEVEL_BASE
    k = max(0, math.floor(2 * math.log2(max(p / r0, 1.0)) + 1e-9))
    return k, r0 * (2 ** (k / 2))


def _being_prefetched(prep: Prepared, style, p: float, flat) -> bool:
    """Is the background still building this view's level? Then the frame does not wait for
    it: it snaps just the visible features itself (the level serves the next frames)."""
    if not _prefetching:
        return False
    k, _ = _level_index(flat, p)
    key = ("level", k, _style_key(style))
    with prep.lock:
        return key not in prep.levels and (id(prep), key) in _prefetching


def _cached_level(prep: Prepared, style, p: float, flat) -> CachedLevel | None:
    k, _ = _level_index(flat, p)
    with prep.lock:
        return prep.levels.get(("level", k, _style_key(style)))


def _culled(batches, level: CachedLevel, settings):
    """The batches that meet the view (level units), as they come."""
    minx, miny, maxx, maxy = settings.visible_extent
    vx0, vx1 = (minx - level.ox) / level.r, (maxx - level.ox) / level.r
    vy0, vy1 = (level.oy - maxy) / level.r, (level.oy - miny) / level.r
    for b in batches:
        if b.box[0] <= vx1 and b.box[2] >= vx0 and b.box[1] <= vy1 and b.box[3] >= vy0:
            yield b


def _level_stream(prep: Prepared, grouping: Grouping, style, p: float, flat, feedback, settings=None):
    """Build a level chunk by chunk: yields the (still empty) CachedLevel, then its batches.

    The level is cached once every chunk is done (not when the consumer stops early).
    Over the memory budget only the batches meeting the view of ``settings`` get their
    paths at once; the others keep their vertices until a view needs them.
    """
    k, r = _level_index(flat, p)
    key = ("level", k, _style_key(style))
    minx, _miny, _maxx, maxy = flat.total_bounds
    ox, oy = math.floor(minx / r) * r, math.ceil(maxy / r) * r
    lvl = CachedLevel(r, ox, oy, [])
    with _build_lock:
        if memory.over_budget():
            _store_level(prep, None, None)  # over budget: the new level replaces the others
        yield lvl
        view = None
        if settings is not None:
            minx, miny, maxx, maxy = settings.visible_extent
            view = ((minx - ox) / r, (oy - maxy) / r, (maxx - ox) / r, (oy - miny) / r)
        for b in build_batches(flat, grouping.order, grouping.sym_sorted, r, ox, oy, feedback,
                               stream=True, view=view):
            lvl.batches.append(b)
            yield b
        if feedback is not None and feedback.is_cancelled():
            return
        _store_level(prep, key, lvl)
    release_memory()


def _level_for(prep: Prepared, grouping: Grouping, style, p: float, flat, feedback,
               threads: int = 2, pool=None) -> CachedLevel | None:
    """The cached level whose cell is the largest power-of-two step not coarser than ``p``."""
    k, r = _level_index(flat, p)
    key = ("level", k, _style_key(style))
    with prep.lock:
        lvl = prep.levels.get(key)
    if lvl is not None:
        return lvl
    if feedback is not _background and _prefetching:
        _hurry.set()  # a frame waits for this build: the background must stop yielding
    with _build_lock:  # one level build at a time: they are memory-hungry
        with prep.lock:
            lvl = prep.levels.get(key)
        if lvl is not None:
            return lvl
        if feedback is not None and feedback.is_cancelled():
            return None
        if feedback is not _background and memory.over_budget():
            _store_level(prep, None, None)  # over budget: the new level replaces the others
        minx, _miny, _maxx, maxy = flat.total_bounds
        # origin on the level grid so that levels are stable whatever view asked first
        ox, oy = math.floor(minx / r) * r, math.ceil(maxy / r) * r
        batches = build_batches(flat, grouping.order, grouping.sym_sorted, r, ox, oy, feedback, threads,
                                pool=pool)
        if feedback is not None and feedback.is_cancelled():
            return None
        batches.sort(key=lambda bt: bt.group)  # stable: group order first, then position
        lvl = CachedLevel(r, ox, oy, batches)
        _store_level(prep, key, lvl)
        release_memory()
        return lvl


def _store_level(prep: Prepared, key, lvl: CachedLevel | None) -> None:
    """Cache ``lvl`` with the two levels built before it, or alone when the process is over
    its memory budget (a level costs 8 bytes a kept vertex, 24 more in each path built);
    ``lvl`` None only lets the others go."""
    with prep.lock:
        levels = [kk for kk in prep.levels if kk[0] == "level" and kk != key]
        for old in levels[:max(0, len(levels) - (0 if memory.over_budget() else 2))]:
            del prep.levels[old]
        if lvl is not None:
            prep.levels[key] = lvl


def _lower_priority(nice: int = 15) -> None:
    """Background threads yield the CPU to drawing (Linux: a thread has its own nice value)."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), nice)
    except (AttributeError, OSError):  # not Linux, or not allowed: run at normal priority
        pass


#: set while a frame waits for the level the background is building: it then runs at full speed
_hurry = threading.Event()


_prefetcher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ecomap-lod", initializer=_lower_priority)
_bg_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="ecomap-lod-snap", initializer=_lower_priority)
_prefetching: set = set()
#: the background starts a level only once no frame has been drawing for this long: QPainter
#: holds the GIL, so a level built while frames are drawn starves (measured: > 5 s instead of
#: ~1 s) and slows every frame it competes with; frames meanwhile snap their own features
PREFETCH_IDLE_S = float(os.environ.get("ECOMAP_PREFETCH_IDLE_S", "0.3"))
_frames_lock = threading.Lock()
_frames_active = 0
_last_frame_end = 0.0
PREFETCH_THREADS = 2  # numpy releases the GIL; the GUI stays responsive (see tests/bench/bench_canvas.py)
#: what a finer level prepared ahead may cost, per vertex of the current one: up to twice the
#: vertices, each 8 bytes snapped, 24 in its path and 10 on their way to the drawing worker
PREFETCH_BYTES_PER_VERTEX = 84
#: the feedback of every level built in the background: cancelled when the process is about
#: to end (:func:`stop_background`), and how the level builders know their thread is niced
_background = Feedback()


def stop_background() -> None:
    """Stop preparing levels in the background and wait for it (a CLI before it exits)."""
    global _prefetcher, _background
    _background.cancel()
    _prefetcher.shutdown(wait=True, cancel_futures=True)
    _prefetcher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ecomap-lod",
                                     initializer=_lower_priority)
    _prefetching.clear()
    _background = Feedback()  # for the levels prepared from now on


class _frame:  # used as a context manager around every vector frame
    """Marks a frame being drawn (for :func:`_wait_for_idle`)."""

    def __enter__(self):
        global _frames_active
        with _frames_lock:
            _frames_active += 1

    def __exit__(self, *exc):
        global _frames_active, _last_frame_end
        with _frames_lock:
            _frames_active -= 1
            _last_frame_end = time.monotonic()


def _wait_for_idle(feedback: Feedback) -> bool:
    """Block until no frame has been drawing for PREFETCH_IDLE_S; False if cancelled meanwhile."""
    while not feedback.is_cancelled():
        with _frames_lock:
            idle = _frames_active == 0 and time.monotonic() - _last_frame_end >= PREFETCH_IDLE_S
        if idle:
            return True
        time.sleep(min(0.05, max(PREFETCH_IDLE_S, 0.001)))
    return False


def _prefetch_finer(prep: Prepared, grouping: Grouping, style, level: CachedLevel, flat, settings) -> None:
    """Build the next finer level in the background, so that zooming in once is a redraw.

    Only when the view zoomed in twice about its centre would still be drawn from a level
    (checked on the feature boxes); the numpy work runs while the GUI is idle or the next
    frame is drawn.
    """
    minx, miny, maxx, maxy = settings.visible_extent
    cx, cy, hw, hh = (minx + maxx) / 2, (miny + maxy) / 2, (maxx - minx) / 4, (maxy - miny) / 4
    if _vertices_meeting(prep, (cx - hw, cy - hh, cx + hw, cy + hh)) <= DIRECT_LIMIT:
        return
    if memory.over_budget(PREFETCH_BYTES_PER_VERTEX * sum(b.vertices for b in level.batches)):
        return  # it would not fit the memory budget: zooming in builds it then
    p_next = level.r / 2
    k_next, _ = _level_index(flat, p_next)
    key = ("level", k_next, _style_key(style))
    tag = (id(prep), key)
    with prep.lock:
        if key in prep.levels or tag in _prefetching:
            return
        _prefetching.add(tag)

    def run():
        feedback = _background
        try:
            if not _wait_for_idle(feedback):
                return
            lvl = _level_for(prep, grouping, style, p_next, flat, feedback, threads=PREFETCH_THREADS,
                             pool=_bg_pool)
            for b in lvl.batches if lvl is not None else ():
                if feedback.is_cancelled() or memory.over_budget():
                    return
                b.path  # noqa: B018 - build the paths too: the zoomed-in view is then a redraw
        finally:
            _prefetching.discard(tag)
            _hurry.clear()

    _prefetcher.submit(run)


CHUNK_VERTICES = 1_000_000
_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="ecomap-snap")


def build_batches(flat, features: np.ndarray, sym_of: np.ndarray, r: float, ox: float, oy: float,
                  feedback=None, threads: int = 2, stream: bool = False, pool=None, view=None):
    """Snap ``features`` (in drawing order, with their symbol index) to cells ``r`` and cut paths.

    Work goes in chunks of ~CHUNK_VERTICES over two threads: numpy and the path building
    release the GIL for most of their time, and a chunk's temporaries stay small.
    ``stream``: yield the batches as chunks are done, their paths built (over the memory
    budget, only those meeting ``view``, a box in level units, when given).
    """
    features = np.asarray(features, np.int64)
    if features.size == 0:
        return iter(()) if stream else []
    counts = _vertex_counts(flat, features)
    csum = np.cumsum(counts)
    cuts = np.searchsorted(csum, np.arange(CHUNK_VERTICES, int(csum[-1]), CHUNK_VERTICES), side="right")
    edges = [0, *sorted({int(c) for c in cuts if 0 < c < features.size}), features.size]
    contiguous = bool((np.diff(features) == 1).all())
    bbox = flat.bbox

    def one(ab):
        a, b = ab
        if feedback is not None and feedback.is_cancelled():
            return []
        if feedback is _background:  # a niced thread: full priority when a frame waits for it
            _lower_priority(0 if _hurry.is_set() else 15)
        fa = features[a:b]
        snapped = snap_jit.snap_polygons(flat, fa, bbox[fa], r, ox, oy, MIN_PX, MIN_RECT)
        if snapped is not None:  # compiled: one pass over the layer's own arrays, no gather
            built = Level(r, ox, oy, *snapped)
        else:
            sub = slice_features(flat, int(fa[0]), int(fa[-1]) + 1) if contiguous else take_features(flat, fa)
            built = build_level(sub, r, ox, oy, min_px=MIN_PX, bbox=bbox[fa])
        out = _batches_from_level(built, sym_of[a:b])
        if stream:  # the consumer draws at once: build the paths here, off its thread
            lean = view is not None and memory.over_budget()
            for bt in out:
                if not lean or (bt.box[0] <= view[2] and bt.box[2] >= view[0] and bt.box[1] <= view[3]
                                and bt.box[3] >= view[1]):
                    bt.path  # noqa: B018
        return out

    chunks = list(itertools.pairwise(edges))
    if len(chunks) == 1 or threads == 1:  # background work: one thread, fewer GIL contenders
        gen = (bt for c in chunks for bt in one(c))
    else:
        gen = (bt for part in (pool or _pool).map(one, chunks) for bt in part)
    return gen if stream else list(gen)


def _batches_from_level(lvl, sym_of_feature: np.ndarray) -> list[PathBatch]:
    """Cut a level into paths of ~BATCH vertices that never mix two symbols."""
    nf = len(lvl.feat_vstart) - 1
    if nf == 0 or lvl.vertex_count == 0:
        return []
    fv = lvl.feat_vstart
    # feature cut points: every group change, and every ~BATCH vertices
    group_change = np.flatnonzero(np.diff(sym_of_feature)) + 1
    size_cuts = np.searchsorted(fv, np.arange(BATCH, int(fv[-1]), BATCH))
    cuts = np.unique(np.concatenate([[0], group_change, np.clip(size_cuts, 0, nf), [nf]]))
    out = []
    rs = lvl.ring_starts
    for a, b in itertools.pairwise(cuts):
        v0, v1 = int(fv[a]), int(fv[b])
        if v1 <= v0:
            continue
        r0, r1 = np.searchsorted(rs, [v0, v1])
        u = lvl.u[v0:v1]
        v = lvl.v[v0:v1]
        out.append(PathBatch(int(sym_of_feature[a]),
                             (float(u.min()), float(v.min()), float(u.max()), float(v.max())), v1 - v0,
                             data=(u, v, rs[r0:r1] - v0)))
    return out


def _draw_batches(painter: QPainter, batches, symbols, kind: str, dpi: float, scale: float,
                  feedback, transform: QTransform | None = None, vertices: int | None = None) -> None:
    """Draw batches (:func:`ecomap.core.render.passes.draw_batches`); a big polygon frame given
    as a list may have its fills drawn by the drawing worker process
    (:mod:`ecomap.core.render.worker_pool`) while this thread draws the outlines."""
    transform = transform or QTransform()
    if (kind == "polygon" and isinstance(batches, list) and worker_pool.ENABLED
            and worker_pool.draw_split(painter, batches, symbols, dpi, scale, feedback, transform)):
        return
    draw_batches(painter, batches, symbols, kind, dpi, scale, feedback, transform, vertices)


def _draw_points(painter, flat, sel, grouping, symbols, settings, feedback) -> None:
    """Markers: the symbol's outline tiled over every visible point, in one path per batch."""
    p = settings.pixel_size
    minx, _miny, _maxx, maxy = settings.visible_extent
    sym_of = grouping_sym_of(grouping, sel)
    # a point feature may be a multipoint: take every ring (one vertex each) of the selection
    sub = take_features(flat, sel)
    feat_of_vertex = np.repeat(np.arange(len(sel)), np.diff(sub.ring_off[sub.feat_off]))
    px = (sub.xy[:, 0] - minx) / p
    py = (maxy - sub.xy[:, 1]) / p
    groups = sym_of[feat_of_vertex]
    for g in np.unique(groups):
        sym = symbols[int(g)]
        size = settings.mm_to_px(sym.size)
        if not 0 < size < math.inf:  # nothing to draw (NaN too)
            continue
        tmpl = marker_template(sym.marker or "circle", size)
        k = len(tmpl)
        idx = np.flatnonzero(groups == g)
        per_batch = max(1, BATCH // k)
        painter.setPen(pen_for(sym, settings.dpi) if sym.stroke else QPen(Qt.PenStyle.NoPen))
        painter.setBrush(brush_for(sym))
        for a in range(0, len(idx), per_batch):
            if feedback is not None and feedback.is_cancelled():
                return
            part = idx[a:a + per_batch]
            x = (px[part][:, None] + tmpl[None, :, 0]).ravel()
            y = (py[part][:, None] + tmpl[None, :, 1]).ravel()
            painter.drawPath(path_from_rings(x, y, np.arange(0, len(x), k)))
