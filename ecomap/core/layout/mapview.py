"""Where a map frame looks: its extent fitted to the frame, and its scale measured on the ellipsoid.

The scale of a printed map is the ratio of paper to ground. Ground distance is
measured as the geodesic length (pyproj ``Geod`` on the CRS's own ellipsoid) of a
horizontal line through the frame's centre, so the scale bar and the "1:50 000"
text are right in any projection — Gauss-Krüger, Web Mercator or longitude/latitude
— not just where map units happen to be metres on the ground.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from pyproj import CRS, Transformer

from ecomap.errors import DataError
from ecomap.i18n import tr

_SAMPLES = 21  # points along the measured line: the straight map line is not a geodesic


@lru_cache(maxsize=32)
def _crs(text: str) -> CRS:
    return CRS.from_user_input(text)


@lru_cache(maxsize=32)
def _to_geographic(text: str) -> Transformer:
    crs = _crs(text)
    return Transformer.from_crs(crs, crs.geodetic_crs, always_xy=True)


@lru_cache(maxsize=32)
def _from_geographic(text: str) -> Transformer:
    crs = _crs(text)
    return Transformer.from_crs(crs.geodetic_crs, crs, always_xy=True)


def ground_length(crs: str, x0: float, y0: float, x1: float, y1: float) -> float:
    """Metres on the ellipsoid along the straight map line (x0, y0)–(x1, y1)."""
    t = np.linspace(0.0, 1.0, _SAMPLES)
    lon, lat = _to_geographic(crs).transform(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)
    return float(_crs(crs).get_geod().line_length(lon, lat))


@dataclass(frozen=True)
class MapView:
    """A frame's exact extent (same aspect as the frame), CRS and paper size."""

    extent: tuple[float, float, float, float]
    crs: str
    width_mm: float
    height_mm: float

    @property
    def centre(self) -> tuple[float, float]:
        minx, miny, maxx, maxy = self.extent
        return (minx + maxx) / 2, (miny + maxy) / 2

    @property
    def units_per_mm(self) -> float:
        return (self.extent[2] - self.extent[0]) / self.width_mm

    def ground_metres_per_mm(self) -> float:
        """Ground metres per paper mm along the horizontal through the centre."""
        minx, _, maxx, _ = self.extent
        _, cy = self.centre
        return ground_length(self.crs, minx, cy, maxx, cy) / self.width_mm

    @property
    def scale(self) -> float:
        """The scale denominator (1:N)."""
        return self.ground_metres_per_mm() * 1000.0

    def to_page(self, x, y, rect: tuple[float, float, float, float]):
        """Map coordinates → positions in ``rect`` (x, y, w, h in any page unit; y down)."""
        minx, miny, maxx, maxy = self.extent
        rx, ry, rw, rh = rect
        return (rx + (np.asarray(x) - minx) / (maxx - minx) * rw,
                ry + (maxy - np.asarray(y)) / (maxy - miny) * rh)

    def true_north_angle(self) -> float:
        """Degrees clockwise from the page's up to true north at the centre (meridian convergence)."""
        cx, cy = self.centre
        lon, lat = _to_geographic(self.crs).transform(cx, cy)
        step = 0.01 if abs(lat) < 89.0 else -0.01
        nx, ny = _from_geographic(self.crs).transform(lon, lat + step)
        if not (math.isfinite(nx) and math.isfinite(ny)):
            return 0.0
        return math.degrees(math.atan2(nx - cx, ny - cy)) * (1 if step > 0 else -1)


def fit_extent(extent, width_mm: float, height_mm: float, margin: float = 0.0):
    """``extent`` grown (never shrunk) to the frame's aspect ratio, around the same centre."""
    minx, miny, maxx, maxy = extent
    w, h = max(maxx - minx, 1e-9), max(maxy - miny, 1e-9)
    w, h = w * (1 + 2 * margin), h * (1 + 2 * margin)
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    aspect = width_mm / height_mm
    if w / h < aspect:
        w = h * aspect
    else:
        h = w / aspect
    return cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2


def view_at_scale(centre, scale: float, crs: str, width_mm: float, height_mm: float) -> MapView:
    """The view centred on ``centre`` showing the map at 1:``scale`` (measured on the ellipsoid)."""
    cx, cy = centre
    # map units per ground metre near the centre, from a provisional 1 km-ish line
    probe = _probe_units(crs)
    metres = ground_length(crs, cx - probe / 2, cy, cx + probe / 2, cy)
    if not metres > 0:
        raise DataError(None, tr("cannot measure distances at the map's centre in {crs}").format(crs=crs))
    units_per_metre = probe / metres
    half_w = scale * width_mm / 1000.0 * units_per_metre / 2
    half_h = half_w * height_mm / width_mm
    view = MapView((cx - half_w, cy - half_h, cx + half_w, cy + half_h), crs, width_mm, height_mm)
    # one correction for the ground length of the whole width (scale varies across a wide frame)
    k = scale / view.scale
    half_w, half_h = half_w * k, half_h * k
    return MapView((cx - half_w, cy - half_h, cx + half_w, cy + half_h), crs, width_mm, height_mm)


def _probe_units(crs: str) -> float:
    c = _crs(crs)
    return 0.01 if c.is_geographic else 1000.0


def nice_scale(scale: float) -> float:
    """A round denominator at or just above ``scale`` (1:48 213 → 1:50 000, 1:173 900 → 1:175 000)."""
    if not scale > 0:
        return scale
    exp = 10 ** math.floor(math.log10(scale))
    for step in (1, 1.2, 1.25, 1.5, 1.75, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 7.5, 8, 9, 10):
        if step * exp >= scale * 0.999:
            return step * exp
    return 10 * exp
