"""Ellipsoidal measurement of whole geometry arrays, vectorized.

Areas are computed in a Lambert azimuthal equal-area projection on the layer's own
ellipsoid, centred on the geometries: the projection is exactly equal-area, so the
result agrees with pyproj.Geod's geodesic polygon area to well under 0.01 % for
county-sized data, while staying one vectorized shapely call instead of a Python
loop over 500,000 polygons. Lengths use an azimuthal equidistant projection the same way.
"""

from __future__ import annotations

import numpy as np
import shapely
from pyproj import CRS, Transformer

SQM_PER_MU = 10000.0 / 15.0  # 1 亩 = 666.67 m²
SQM_PER_HECTARE = 10000.0


def _centred(geoms: np.ndarray, crs: CRS, proj: str) -> np.ndarray:
    """The geometries in an azimuthal projection ``proj`` centred on them, on crs's ellipsoid."""
    to_geo = Transformer.from_crs(crs, crs.geodetic_crs, always_xy=True)
    minx, miny, maxx, maxy = shapely.total_bounds(geoms)
    lon0, lat0 = to_geo.transform((minx + maxx) / 2, (miny + maxy) / 2)
    ellipsoid = crs.ellipsoid
    local = CRS.from_proj4(
        f"+proj={proj} +lat_0={lat0} +lon_0={lon0} +a={ellipsoid.semi_major_metre} "
        f"+rf={ellipsoid.inverse_flattening} +units=m +no_defs"
    )
    to_local = Transformer.from_crs(crs, local, always_xy=True)

    def project(coords: np.ndarray) -> np.ndarray:
        x, y = to_local.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geoms, project)


def ellipsoidal_areas(geoms, crs: CRS | None) -> np.ndarray:
    """Area in m² of each geometry on the CRS's ellipsoid (0 for points and lines)."""
    geoms = np.asarray(geoms, dtype=object)
    if len(geoms) == 0 or crs is None or shapely.is_empty(geoms).all():
        return shapely.area(geoms)
    return shapely.area(_centred(geoms, crs, "laea"))


def ellipsoidal_lengths(geoms, crs: CRS | None) -> np.ndarray:
    """Length in m of each geometry on the CRS's ellipsoid."""
    geoms = np.asarray(geoms, dtype=object)
    if len(geoms) == 0 or crs is None or shapely.is_empty(geoms).all():
        return shapely.length(geoms)
    return shapely.length(_centred(geoms, crs, "aeqd"))
