"""What the renderer needs from a vector layer, and the per-layer, per-CRS geometry cache.

The renderer reads a layer through three things: its CRS, its geometry as a
:class:`FlatGeometry` and an attribute column by name. A :class:`VectorLayer` (the
app's layer, a GeoDataFrame) provides them through :func:`flat_of`; a
:class:`FlatVectorSource` holds nothing else — what
``ecomap.io.registry.open_path(path, for_drawing=True)`` gives for a layer that is only
drawn (``ecomap render``, the benchmarks): the file's Arrow WKB parsed with numpy, never
shapely objects (500,000 polygons: about 1.7 s instead of 4 s, and a third of the memory).

:class:`Prepared` caches, per layer and destination CRS, the reprojected geometry,
bounding boxes and the levels of detail built so far. Entries live as long as the
layer object (a WeakKeyDictionary).
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from pyproj import CRS, Transformer

from ecomap.core.render.geometry import FlatGeometry, feature_bboxes
from ecomap.core.render.lod import slice_features
from ecomap.core.render.memory import release_memory
from ecomap.errors import DataError
from ecomap.i18n import tr


@dataclass(eq=False)
class FlatVectorSource:
    """A vector layer held as flat arrays (geometry) and an Arrow table (attributes), for drawing only."""

    name: str
    flat: FlatGeometry
    crs: CRS | None
    table: object = None  # pyarrow.Table of attributes, or None
    path: Path | None = None
    #: facts worth telling the user about this read (translated), as a VectorLayer has
    notes: list[str] = field(default_factory=list)
    kind = "vector"

    def column(self, name: str) -> np.ndarray:
        if self.table is None or name not in self.table.column_names:
            raise DataError(self.path, tr("no field named '{name}'").format(name=name))
        return np.asarray(self.table.column(name).to_numpy(zero_copy_only=False))

    @property
    def bounds(self):
        return self.flat.total_bounds


# ----------------------------------------------------------------------------- adapters

def is_vector(layer) -> bool:
    return getattr(layer, "kind", None) == "vector"


def is_raster(layer) -> bool:
    return getattr(layer, "kind", None) == "raster"


def layer_crs(layer) -> CRS | None:
    if isinstance(layer, FlatVectorSource):
        return layer.crs
    info = getattr(layer, "crs_info", None)
    return info.crs() if info is not None else None


def layer_column(layer, name: str) -> np.ndarray:
    values = layer_values(layer, name)
    return values if isinstance(values, np.ndarray) else values.to_numpy()


def layer_values(layer, name: str):
    """A column as the layer holds it (a pandas Series for an app layer, no copy), for
    vectorized lookups that must not turn half a million values into Python objects."""
    if isinstance(layer, FlatVectorSource):
        return layer.column(name)
    frame = layer.features
    if name not in frame.columns:
        raise DataError(getattr(layer.source, "path", None), tr("no field named '{name}'").format(name=name))
    return frame[name]


_flat_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_flat_lock = threading.Lock()
#: one build at a time per layer: the canvas and the overview map ask for a new layer's
#: geometry at the same moment, and each building it (1-2 s for 500,000 polygons) doubled
#: the wait for the first frame
_building: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _build_lock(layer):
    with _flat_lock:
        lock = _building.get(layer)
        if lock is None:
            lock = _building[layer] = threading.RLock()  # prepared() holds it while flat_of() takes it
        return lock


def flat_of(layer) -> FlatGeometry:
    """The layer's geometry as a FlatGeometry in its own CRS (cached on the layer object).

    A layer's lines and polygons are kept relative (float32 offsets, see
    :mod:`ecomap.core.render.geometry`): the layer already holds its coordinates in GEOS.
    """
    if isinstance(layer, FlatVectorSource):
        return layer.flat
    with _build_lock(layer):
        features = layer.features
        with _flat_lock:
            cached = _flat_cache.get(layer)
        if cached is not None and cached[0] is features:
            return cached[1]
        flat = FlatGeometry.from_shapely(layer.geometry, compact=True)
        release_memory()  # the WKB slices it was made from
        with _flat_lock:
            _flat_cache[layer] = (features, flat)
        return flat


def remember_flat(layer, flat: FlatGeometry) -> None:
    """Keep ``flat`` as the layer's geometry for drawing: what its reader parsed from the very
    WKB its features were decoded from, so that drawing it first builds nothing again."""
    if flat.feature_count != len(layer.features):
        return
    with _flat_lock:
        _flat_cache[layer] = (layer.features, flat)


# ----------------------------------------------------------------------------- per-CRS cache

@dataclass(eq=False)
class Prepared:
    """A layer's geometry in the map CRS, with its boxes and the levels of detail built so far."""

    flat: FlatGeometry
    lock: threading.Lock = field(default_factory=threading.Lock)
    levels: dict = field(default_factory=dict)

    @property
    def bbox(self) -> np.ndarray:
        return self.flat.bbox


_prepared: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_prep_lock = threading.Lock()


def prepared(layer, dst: CRS | None) -> Prepared:
    """The layer's Prepared geometry for destination CRS ``dst`` (built once per layer data, then cached)."""
    src = layer_crs(layer)
    key = _crs_key(dst) if (dst is not None and src is not None and not _same_crs(src, dst)) else None
    data = layer.flat if isinstance(layer, FlatVectorSource) else layer.features
    with _prep_lock:
        entry = _prepared.setdefault(layer, {}).get(key)
        if entry is not None and entry[0] is data:
            return entry[1]
    flat = flat_of(layer) if key is None else None
    with _build_lock(layer):  # one Prepared per layer and CRS: its levels of detail are shared
        with _prep_lock:
            entry = _prepared.setdefault(layer, {}).get(key)
            if entry is not None and entry[0] is data:
                return entry[1]
        prep = Prepared(flat if flat is not None else _reprojected(layer, src, dst))
        with _prep_lock:
            _prepared.setdefault(layer, {})[key] = (data, prep)
        return prep


def _reprojected(layer, src: CRS, dst: CRS) -> FlatGeometry:
    """The layer's geometry in ``dst``: moved from its flat copy in its own CRS if there is one,
    else read from its shapely geometries slice by slice, without making that copy."""
    with _flat_lock:
        cached = _flat_cache.get(layer)
    if isinstance(layer, FlatVectorSource) or (cached is not None and cached[0] is layer.features):
        flat = reproject_flat(flat_of(layer), src, dst)
    else:
        tf = Transformer.from_crs(src, dst, always_xy=True)
        flat = FlatGeometry.from_shapely(layer.geometry, compact=True,
                                         transform=lambda xy: np.column_stack(tf.transform(xy[:, 0], xy[:, 1])))
    release_memory()
    return flat


def reproject_flat(flat: FlatGeometry, src: CRS, dst: CRS) -> FlatGeometry:
    tf = Transformer.from_crs(src, dst, always_xy=True)
    if flat.relative:
        return _reproject_relative(flat, tf)
    xy = flat.xy
    out = np.empty_like(xy)
    step = 1_000_000
    for a in range(0, len(xy), step):  # chunks keep pyproj's temporaries small
        x, y = tf.transform(xy[a:a + step, 0], xy[a:a + step, 1])
        out[a:a + step, 0] = x
        out[a:a + step, 1] = y
    return flat.with_xy(out)


def _reproject_relative(flat: FlatGeometry, tf: Transformer) -> FlatGeometry:
    """A relative geometry moved to another CRS, a slice of features at a time: each slice's
    absolute coordinates are transformed, boxed and made offsets from the new corners."""
    out = np.empty_like(flat.xy)
    boxes = np.empty((flat.feature_count, 4))
    vstart = flat.ring_off[flat.feat_off]
    step = 65_536
    for f0 in range(0, flat.feature_count, step):
        f1 = min(f0 + step, flat.feature_count)
        part = slice_features(flat, f0, f1)
        xy = part.absolute_xy()
        x, y = tf.transform(xy[:, 0], xy[:, 1])
        xy = np.column_stack([x, y])
        box = feature_bboxes(xy, part.ring_off, part.feat_off)
        out[vstart[f0]:vstart[f1]] = xy - np.repeat(box[:, :2], part.feature_vertex_counts(), axis=0)
        boxes[f0:f1] = box
    moved = FlatGeometry(flat.kind, out, flat.ring_off, flat.feat_off, flat.ring_ext, relative=True)
    moved.__dict__["bbox"] = boxes
    return moved


def _crs_key(crs: CRS) -> str:
    epsg = crs.to_epsg(min_confidence=90)
    return f"EPSG:{epsg}" if epsg else crs.to_wkt()


def _same_crs(a: CRS, b: CRS) -> bool:
    return a is b or a == b


def transform_bounds(bounds, src: CRS | None, dst: CRS | None):
    """A bounding box moved between CRSs (densified edges), or unchanged without both CRSs."""
    if bounds is None or src is None or dst is None or _same_crs(src, dst):
        return bounds
    tf = Transformer.from_crs(src, dst, always_xy=True)
    return tf.transform_bounds(*bounds, densify_pts=21)
