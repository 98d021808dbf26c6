"""Measuring what the user draws, and the units Chinese land work uses (m, km, 亩, 公顷).

Lengths and areas are ellipsoidal (``ecomap.core.measure``) in the map CRS's datum;
with no CRS they fall back to planar map units. Qt-free.
"""

from __future__ import annotations

import numpy as np
import shapely

from ecomap.core.measure import SQM_PER_HECTARE, SQM_PER_MU, ellipsoidal_areas, ellipsoidal_lengths
from ecomap.i18n import tr

LENGTH_UNITS = ("m", "km")
AREA_UNITS = ("m2", "km2", "mu", "ha")


def unit_label(unit: str) -> str:
    return {"m": tr("m"), "km": tr("km"), "m2": tr("m²"), "km2": tr("km²"), "mu": tr("mu (亩)"),
            "ha": tr("hectares (公顷)")}[unit]


def convert_length(metres: float, unit: str) -> float:
    return metres / 1000.0 if unit == "km" else metres


def convert_area(m2: float, unit: str) -> float:
    return {"m2": m2, "km2": m2 / 1e6, "mu": m2 / SQM_PER_MU, "ha": m2 / SQM_PER_HECTARE}[unit]


def format_length(metres: float, unit: str) -> str:
    v = convert_length(metres, unit)
    return f"{v:,.3f} {unit_label(unit)}" if unit == "km" else f"{v:,.2f} {unit_label(unit)}"


def format_area(m2: float, unit: str) -> str:
    v = convert_area(m2, unit)
    decimals = 6 if unit == "km2" else 2 if unit in ("m2", "mu") else 4
    return f"{v:,.{decimals}f} {unit_label(unit)}"


def segment_lengths(points, crs) -> np.ndarray:
    """Length in metres of each segment of the polyline ``points`` [(x, y), ...] in ``crs``."""
    pts = np.asarray(points, dtype=float).reshape(-1, 2)
    if len(pts) < 2:
        return np.zeros(0)
    segs = shapely.linestrings(np.stack([pts[:-1], pts[1:]], axis=1))
    return ellipsoidal_lengths(segs, crs)


def polygon_area_perimeter(points, crs) -> tuple[float, float]:
    """Area (m²) and perimeter (m) of the ring through ``points`` (closed automatically)."""
    pts = np.asarray(points, dtype=float).reshape(-1, 2)
    if len(pts) < 3:
        return 0.0, float(segment_lengths(pts, crs).sum()) if len(pts) == 2 else 0.0
    poly = shapely.Polygon(pts)
    if not poly.is_valid:
        poly = shapely.make_valid(poly)
    area = float(ellipsoidal_areas(np.array([poly], dtype=object), crs)[0])
    ring = np.vstack([pts, pts[:1]])
    return area, float(segment_lengths(ring, crs).sum())
