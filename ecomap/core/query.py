"""Spatial queries the map tools ask: features at a click, inside a rectangle or polygon.

Queries arrive in the *map* CRS and are moved into each layer's CRS before they hit the
layer's STRtree (a layer is never reprojected as a whole for a click). Results are row
positions into the layer's frame. Qt-free; vectorized with shapely 2.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import shapely
from pyproj import CRS, Transformer


@lru_cache(maxsize=64)
def _transformer(src_wkt: str, dst_wkt: str) -> Transformer:
    return Transformer.from_crs(CRS.from_wkt(src_wkt), CRS.from_wkt(dst_wkt), always_xy=True)


def transformer(src: CRS | None, dst: CRS | None) -> Transformer | None:
    """None when no transformation is needed (same CRS, or either unknown)."""
    if src is None or dst is None or src == dst or src.equals(dst):
        return None
    return _transformer(src.to_wkt(), dst.to_wkt())


def reproject(geoms, src: CRS | None, dst: CRS | None, densify: float | None = None):
    """shapely geometries (array or single) from ``src`` to ``dst``; optional densify (src units)."""
    tf = transformer(src, dst)
    if tf is None:
        return geoms
    if densify:
        geoms = shapely.segmentize(geoms, densify)

    def fn(coords: np.ndarray) -> np.ndarray:
        x, y = tf.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geoms, fn)


def transform_point(x: float, y: float, src: CRS | None, dst: CRS | None) -> tuple[float, float]:
    tf = transformer(src, dst)
    if tf is None:
        return x, y
    tx, ty = tf.transform(x, y)
    return float(tx), float(ty)


def _layer_crs(layer) -> CRS | None:
    info = getattr(layer, "crs_info", None)
    return info.crs() if info is not None else None


def _to_layer(geom, layer, map_crs: CRS | None):
    """A query geometry in the map CRS → the layer's CRS (densified so edges bend correctly)."""
    src = map_crs
    dst = _layer_crs(layer)
    if transformer(src, dst) is None:
        return geom
    minx, miny, maxx, maxy = shapely.bounds(geom)
    step = max(maxx - minx, maxy - miny) / 16 or None
    return reproject(geom, src, dst, densify=step)


def features_at(layer, x: float, y: float, tolerance: float, map_crs: CRS | None = None) -> np.ndarray:
    """Rows of features within ``tolerance`` (map units) of the map point (x, y), topmost (last) first.

    Polygons are hit when the point is inside them; points and lines when they come
    within the tolerance box.
    """
    box = shapely.box(x - tolerance, y - tolerance, x + tolerance, y + tolerance)
    point = shapely.Point(x, y)
    box_l = _to_layer(box, layer, map_crs)
    point_l = _to_layer(point, layer, map_crs)
    geoms = layer.geometry
    candidates = layer.sindex.query(box_l)
    if len(candidates) == 0:
        return candidates.astype(np.int64)
    cand_geoms = geoms[candidates]
    polygonal = np.isin(shapely.get_type_id(cand_geoms), (3, 6))
    hit = np.where(polygonal, shapely.intersects(cand_geoms, point_l), shapely.intersects(cand_geoms, box_l))
    return np.sort(candidates[hit])[::-1].astype(np.int64)


def features_in(layer, geom, map_crs: CRS | None = None, predicate: str = "intersects") -> np.ndarray:
    """Rows of features that ``predicate`` the map-CRS geometry ``geom`` (rectangle or polygon)."""
    g = _to_layer(geom, layer, map_crs)
    rows = layer.sindex.query(g, predicate=predicate)
    return np.sort(rows).astype(np.int64)


def geometries_in_map(layer, rows, map_crs: CRS | None):
    """The layer's geometries at ``rows`` in the map CRS (for highlighting)."""
    geoms = layer.geometry[np.asarray(rows, dtype=np.int64)]
    return reproject(geoms, _layer_crs(layer), map_crs)


def extent_of_rows(layer, rows, map_crs: CRS | None):
    """Bounds in the map CRS of the features at ``rows`` (None when empty)."""
    from ecomap.core.extent import geometry_bounds

    rows = np.asarray(rows, dtype=np.int64)
    if len(rows) == 0:
        return None
    bounds = geometry_bounds(layer.features.geometry.array[rows])
    if bounds is None:
        return None
    env = shapely.box(*bounds)
    step = max(bounds[2] - bounds[0], bounds[3] - bounds[1]) / 16 or None
    env = reproject(env, _layer_crs(layer), map_crs, densify=step)
    return tuple(float(v) for v in shapely.bounds(env))
