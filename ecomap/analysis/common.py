"""What every analysis needs: CRS handling, fast ellipsoidal measures, chunked parallel work.

Areas, lengths and distances are ellipsoidal (CGCS2000 or whatever ellipsoid the
layer's CRS uses) and come from :mod:`ecomap.core.measure`, the program's one
measure: the layer info, the measure tool and every analysis give the same number
for the same polygon. Analyses call :func:`~ecomap.core.measure.ellipsoidal_areas`
for areas; :func:`area_units` gives them in 亩 and hectares.

Shapely 2 releases the GIL, so :func:`run_chunks` spreads chunks over a thread pool;
prepared geometries are *not* thread-safe (GEOS builds their index lazily), so each
thread prepares its own copy through :class:`PerThread`.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache

import numpy as np
import shapely
from pyproj import CRS, Transformer

from ecomap.core.feedback import Cancelled, ensure
from ecomap.core.measure import (
    SQM_PER_HECTARE,
    SQM_PER_MU,
    areal_scale,
    ellipsoidal_distances,
    ellipsoidal_lengths,
)

POLYGONAL = (3, 6)  # shapely type ids of Polygon, MultiPolygon
LINEAR = (1, 2, 5)
PUNTAL = (0, 4)


def workers() -> int:
    """Threads for geometry work: ECOMAP_THREADS, else the number of CPUs (at most 8)."""
    env = os.environ.get("ECOMAP_THREADS")
    if env and env.isdigit() and int(env) > 0:
        return int(env)
    return max(1, min(8, os.cpu_count() or 1))


def layer_crs(layer) -> CRS | None:
    info = getattr(layer, "crs_info", None)
    if info is not None:
        return info.crs()
    crs = getattr(getattr(layer, "features", None), "crs", None)
    return CRS.from_user_input(crs) if crs is not None else None


@lru_cache(maxsize=64)
def _transformer(src_wkt: str, dst_wkt: str) -> Transformer:
    return Transformer.from_crs(CRS.from_wkt(src_wkt), CRS.from_wkt(dst_wkt), always_xy=True)


def same_crs(a: CRS | None, b: CRS | None) -> bool:
    if a is None or b is None:
        return True  # unknown CRS: take the coordinates as they are
    return a == b or a.equals(b, ignore_axis_order=True)


def to_crs(geoms, src: CRS | None, dst: CRS | None) -> np.ndarray:
    """Geometries reprojected from ``src`` to ``dst`` (x = easting/longitude both sides)."""
    geoms = np.asarray(geoms, dtype=object)
    if same_crs(src, dst) or len(geoms) == 0:
        return geoms
    tr = _transformer(src.to_wkt(), dst.to_wkt())

    def project(coords: np.ndarray) -> np.ndarray:
        x, y = tr.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geoms, project)


def is_metric(crs: CRS | None) -> bool:
    if crs is None:
        return True  # assume a local metric grid
    if not crs.is_projected:
        return False
    unit = crs.axis_info[0].unit_name if crs.axis_info else "metre"
    return unit in ("metre", "meter", "m")


def metric_crs(crs: CRS | None, bounds: Sequence[float] | None) -> CRS | None:
    """``crs`` when it is projected in metres, else a transverse Mercator centred on ``bounds``."""
    if is_metric(crs):
        return crs
    to_geo = Transformer.from_crs(crs, crs.geodetic_crs, always_xy=True)
    minx, miny, maxx, maxy = bounds if bounds is not None else (0.0, 0.0, 0.0, 0.0)
    lon, _lat = to_geo.transform((minx + maxx) / 2, (miny + maxy) / 2)
    ell = crs.ellipsoid
    return CRS.from_proj4(f"+proj=tmerc +lat_0=0 +lon_0={lon:.6f} +k=1 +x_0=500000 +y_0=0 "
                          f"+a={ell.semi_major_metre} +rf={ell.inverse_flattening} +units=m +no_defs")


def lengths_m(geoms, crs: CRS | None) -> np.ndarray:
    """Ellipsoidal length (m) of each geometry."""
    return ellipsoidal_lengths(geoms, crs)


def distances_m(a, b, crs: CRS | None) -> np.ndarray:
    """Ellipsoidal distance (m) between the nearest points of each pair (:mod:`ecomap.core.measure`)."""
    return ellipsoidal_distances(a, b, crs)


def distance_scale(xy: np.ndarray, crs: CRS | None) -> np.ndarray:
    """Linear scale factor at points (divide a planar distance by it to get metres on the ellipsoid)."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    if crs is None or not crs.is_projected or len(xy) == 0:
        return np.ones(len(xy))
    scale = areal_scale(xy, crs)
    return np.ones(len(xy)) if scale is None else np.sqrt(scale)


def area_units(area_m2) -> dict[str, np.ndarray]:
    """The same areas in m², 亩 (mu) and 公顷 (hectares)."""
    a = np.asarray(area_m2, dtype=float)
    return {"area_m2": a, "area_mu": a / SQM_PER_MU, "area_ha": a / SQM_PER_HECTARE}


def polygonal_parts(geoms) -> np.ndarray:
    """Keep only the polygonal part of each geometry (an intersection may add lines or points)."""
    return _keep_parts(geoms, POLYGONAL, shapely.multipolygons, shapely.Polygon)


def linear_parts(geoms) -> np.ndarray:
    """Keep only the linear part of each geometry."""
    return _keep_parts(geoms, LINEAR, shapely.multilinestrings, shapely.LineString)


def _keep_parts(geoms, allowed: tuple[int, ...], build, empty) -> np.ndarray:
    geoms = np.asarray(geoms, dtype=object)
    mixed = np.flatnonzero(shapely.get_type_id(geoms) == 7)  # GeometryCollection
    if len(mixed) == 0:
        return geoms
    parts, owner = shapely.get_parts(geoms[mixed], return_index=True)
    keep = np.isin(shapely.get_type_id(parts), allowed)
    singles, sub = shapely.get_parts(parts[keep], return_index=True)  # multi → single parts
    single_owner = owner[keep][sub]
    rebuilt = np.array([empty() for _ in range(len(mixed))], dtype=object)
    if len(singles):
        order = np.argsort(single_owner, kind="stable")
        build(singles[order], indices=single_owner[order], out=rebuilt)
    out = geoms.copy()
    out[mixed] = rebuilt
    return out


def safe_intersection(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``shapely.intersection`` that survives invalid input (self-intersecting rings are common
    in county data): on a GEOS topology error the pair is repaired with ``make_valid`` and retried."""
    try:
        return shapely.intersection(a, b)
    except shapely.errors.GEOSException:
        bad_a, bad_b = ~shapely.is_valid(a), ~shapely.is_valid(b)
        a, b = a.copy(), b.copy()
        a[bad_a] = shapely.make_valid(a[bad_a])
        b[bad_b] = shapely.make_valid(b[bad_b])
        return shapely.intersection(a, b)


class PerThread:
    """A thread's own prepared copy of a geometry array (GEOS prepared geometries are not thread-safe)."""

    def __init__(self, geoms: np.ndarray):
        self._wkb = shapely.to_wkb(np.asarray(geoms, dtype=object), output_dimension=2)
        self._local = threading.local()

    def get(self) -> np.ndarray:
        geoms = getattr(self._local, "geoms", None)
        if geoms is None:
            geoms = shapely.from_wkb(self._wkb)
            shapely.prepare(geoms)
            self._local.geoms = geoms
        return geoms


def chunk_slices(n: int, size: int) -> list[slice]:
    return [slice(i, min(n, i + size)) for i in range(0, n, max(1, size))]


def run_chunks(func: Callable, chunks: Sequence, feedback=None, progress: tuple[float, float] = (0.0, 1.0),
               threads: int | None = None) -> list:
    """``[func(c) for c in chunks]`` on a thread pool, in order, checking cancel between chunks.

    Progress goes from ``progress[0]`` to ``progress[1]`` as chunks finish. A cancel
    stops handing out chunks and raises :class:`Cancelled` once running ones return.
    """
    fb = ensure(feedback)
    threads = threads or workers()
    lo, hi = progress
    n = len(chunks)
    if n == 0:
        return []
    stop = threading.Event()

    def guarded(chunk):
        if stop.is_set() or fb.is_cancelled():
            return None
        return func(chunk)

    if threads == 1 or n == 1:
        results = []
        for i, chunk in enumerate(chunks):
            fb.check()
            results.append(func(chunk))
            fb.set_progress(lo + (hi - lo) * (i + 1) / n)
        return results
    results: list = [None] * n
    with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="ecomap-analysis") as pool:
        futures = [pool.submit(guarded, c) for c in chunks]
        try:
            for i, fut in enumerate(futures):
                results[i] = fut.result()
                if fb.is_cancelled():
                    raise Cancelled()
                fb.set_progress(lo + (hi - lo) * (i + 1) / n)
        except BaseException:
            stop.set()
            for fut in futures:
                fut.cancel()
            raise
    return results
