"""The one place that decides a layer's CRS: what the file declares, else what its
coordinates say — kept apart as *assumed*, never silently taken as fact.

Rules (shared/domain.md §8.1):
- eastings of 8 digits carry the Gauss-Krüger zone in front: 3° zones 25–45 →
  CGCS2000 3° GK with prefix (EPSG 4488 + zone); 6° zones 13–23 → EPSG 4478 + zone;
- coordinates inside China's longitude/latitude box → CGCS2000 geographic (EPSG:4490);
- the same with the two axes exchanged is reported as swapped.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyproj import CRS

from ecomap.core.crs import CrsInfo, epsg_of
from ecomap.i18n import tr

CGCS2000_GEOGRAPHIC = 4490
# China's extent, generous by a degree.
LON_RANGE = (72.0, 136.0)
LAT_RANGE = (3.0, 54.5)
NORTHING_RANGE = (300_000.0, 6_100_000.0)

#: datum → {(zone width, zone prefix in the easting): base}; EPSG = base + zone (domain.md §8.1)
_GK_BASES = {
    "CGCS2000": {"geographic": 4490, (3, True): 4488, (3, False): 4509, (6, True): 4478, (6, False): 4489},
    "Xian1980": {"geographic": 4610, (3, True): 2324, (3, False): 2345, (6, True): 2314, (6, False): 2325},
    "Beijing1954": {"geographic": 4214, (3, True): 2376, (3, False): 2397, (6, True): 21400, (6, False): 21440},
}
_ZONE_RANGE = {3: (25, 45), 6: (13, 23)}


def datum_from_text(text: str) -> str | None:
    """Recognise the datum from the Chinese or English names surveyors write."""
    t = (text or "").replace(" ", "").upper()
    if any(k in t for k in ("2000", "CGCS")):
        return "CGCS2000"
    if any(k in t for k in ("80", "西安", "XIAN")):
        return "Xian1980"
    if any(k in t for k in ("54", "北京", "BEIJING")):
        return "Beijing1954"
    return None


def gauss_kruger_epsg(zone: int, width: int = 3, datum: str = "CGCS2000", prefixed: bool = True) -> int:
    """EPSG code of a Chinese Gauss-Krüger zone (width 3 or 6 degrees)."""
    if width not in (3, 6):
        raise ValueError(f"zone width must be 3 or 6, not {width}")
    lo, hi = _ZONE_RANGE[width]
    if prefixed and not lo <= zone <= hi:
        raise ValueError(f"{width}° zone {zone} is outside China ({lo}–{hi})")
    # without prefix the codes run by central meridian, which maps one-to-one to the zone
    return _GK_BASES[datum][(width, prefixed)] + zone


def zone_of_prefixed_easting(easting: float) -> int | None:
    """The zone number in front of an 8-digit easting (38 383 243.9 → 38), else None."""
    if 10_000_000 <= easting < 100_000_000:
        return int(easting // 1_000_000)
    return None


@dataclass(frozen=True)
class Inference:
    epsg: int | None
    swapped: bool
    reason: str | None


def _inside(v0: float, v1: float, rng: tuple[float, float]) -> bool:
    return rng[0] <= v0 <= rng[1] and rng[0] <= v1 <= rng[1]


def _prefixed_zone(lo: float, hi: float) -> int | None:
    zone_lo, zone_hi = zone_of_prefixed_easting(lo), zone_of_prefixed_easting(hi)
    if zone_lo is None or zone_lo != zone_hi:
        return None
    return zone_lo if any(a <= zone_lo <= b for a, b in _ZONE_RANGE.values()) else None


def infer_from_bounds(bounds: tuple[float, float, float, float] | None) -> Inference:
    """Infer a CRS from a layer's extent (x, y as stored in the file)."""
    if bounds is None:
        return Inference(None, False, None)
    minx, miny, maxx, maxy = bounds
    zone = _prefixed_zone(minx, maxx)
    if zone is not None and _inside(miny, maxy, NORTHING_RANGE):
        return Inference(_zone_epsg(zone), False,
                         tr("eastings carry Gauss-Krüger zone {zone} in front").format(zone=zone))
    zone = _prefixed_zone(miny, maxy)
    if zone is not None and _inside(minx, maxx, NORTHING_RANGE):
        return Inference(_zone_epsg(zone), True,
                         tr("northing and easting are swapped; eastings carry zone {zone}").format(zone=zone))
    if _inside(minx, maxx, LON_RANGE) and _inside(miny, maxy, LAT_RANGE):
        return Inference(CGCS2000_GEOGRAPHIC, False,
                         tr("coordinates lie in China's longitude/latitude range"))
    if _inside(minx, maxx, LAT_RANGE) and _inside(miny, maxy, LON_RANGE) and maxy > LAT_RANGE[1]:
        return Inference(CGCS2000_GEOGRAPHIC, True,
                         tr("latitude and longitude are swapped"))
    return Inference(None, False, tr("the coordinates do not identify a Chinese coordinate system"))


def _zone_epsg(zone: int) -> int:
    width = 3 if zone >= _ZONE_RANGE[3][0] else 6
    return gauss_kruger_epsg(zone, width, "CGCS2000", prefixed=True)


def resolve_crs(declared: CRS | None, bounds: tuple[float, float, float, float] | None) -> CrsInfo:
    """Combine what the file declares with what its coordinates say."""
    if declared is not None and declared.is_geographic and bounds is not None and not (
            -180.5 <= bounds[0] <= bounds[2] <= 360.5 and -90.5 <= bounds[1] <= bounds[3] <= 90.5):
        # e.g. GeoJSON (WGS84 by definition) holding Gauss-Krüger metres: the declaration is wrong
        inference = infer_from_bounds(bounds)
        reason = tr("the file declares {name}, but its coordinates are not longitude/latitude").format(
            name=declared.name)
        if inference.epsg is not None:
            reason += "; " + inference.reason
        return CrsInfo(assumed_epsg=inference.epsg, reason=reason, swapped_axes=inference.swapped)
    if declared is not None:
        inference = infer_from_bounds(bounds)
        return CrsInfo(declared_epsg=epsg_of(declared), declared_wkt=declared.to_wkt(),
                       swapped_axes=_declared_swap(declared, bounds, inference))
    inference = infer_from_bounds(bounds)
    return CrsInfo(assumed_epsg=inference.epsg, reason=inference.reason, swapped_axes=inference.swapped)


def _declared_swap(declared: CRS, bounds, inference: Inference) -> bool:
    """A declared GK CRS whose data holds northings in x is still swapped data."""
    return bool(inference.swapped and inference.epsg is not None and epsg_of(declared) == inference.epsg)
