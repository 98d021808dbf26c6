"""The one place that decides a layer's CRS: what the file declares, else what its
coordinates say — kept apart as *assumed*, never silently taken as fact.

Declared CRSs (docs/coordinate-systems.md):
- a CGCS2000, Xian 1980 or Beijing 1954 CRS is matched against the table of
  their geographic CRSs and Gauss-Krüger zones by datum, ellipsoid and projection
  parameters (central meridian, false easting → zone and zone prefix, scale factor 1),
  whatever the WKT calls them (ESRI's ``D_China_2000``, ``GCS_CGCS_2000``, ``D_2000``,
  a hand-written Transverse_Mercator with only an ellipsoid …);
- a datum that is named gives a declared EPSG code; an unnamed one whose ellipsoid
  and parameters match gives an *assumed* code, with the declared WKT kept;
- anything else is left to PROJ's own identification;
- a geographic CRS whose longitudes run 0–360° is marked for moving to −180…180°.

No declared CRS (rules of the table, shared by all three datums):
- eastings of 8 digits carry the Gauss-Krüger zone in front: 3° zones 25–45 →
  CGCS2000 3° GK with prefix (EPSG 4488 + zone); 6° zones 13–23 → EPSG 4478 + zone;
- coordinates inside China's longitude/latitude box → CGCS2000 geographic (EPSG:4490);
- the same with the two axes exchanged is reported as swapped;
- the datum is always assumed to be CGCS2000, which the reason says.

Stated in words (the parcel TXT's 坐标系 + 几度分带 + 带号, :class:`HeaderCrs`): the code
they name, checked against the eastings; where the two disagree the coordinates win and
the code is kept as assumed, with the reason. Fixed by the format (KML is WGS 84
longitude/latitude): declared as the format says, latitude/longitude written the wrong
way round marked as swapped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import shapely
from pyproj import CRS
from pyproj.exceptions import ProjError

from ecomap.core.crs import (
    CHINESE_DATUMS,
    ZONE_RANGE,
    ChineseCrs,
    CrsInfo,
    chinese_crs,
    chinese_crs_for,
    crs_from_epsg,
    epsg_of,
    gauss_kruger_epsg,
)
from ecomap.i18n import tr

CGCS2000_GEOGRAPHIC = 4490
# China's extent, generous by a degree.
LON_RANGE = (72.0, 136.0)
LAT_RANGE = (3.0, 54.5)
NORTHING_RANGE = (300_000.0, 6_100_000.0)


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


def zone_of_prefixed_easting(easting: float) -> int | None:
    """The zone number in front of an 8-digit easting (38 383 243.9 → 38), else None."""
    if 10_000_000 <= easting < 100_000_000:
        return int(easting // 1_000_000)
    return None


# --------------------------------------------------------------------------- declared CRS

@dataclass(frozen=True)
class Identification:
    """What a declared CRS is: its EPSG code, or a code assumed from its parameters."""

    epsg: int | None = None
    assumed_epsg: int | None = None
    matched_by: str | None = None
    reason: str | None = None


#: datum names that name no datum (upper-cased, punctuation and ESRI's "D_" dropped)
_GENERIC_NAMES = {"", "UNKNOWN", "UNNAMED", "USER", "USERDEFINED", "CUSTOM", "NONE", "UNDEFINED",
                  "LOCAL", "NOTSPECIFIED", "GCS", "DATUM"}
_ELLIPSOID_WORDS = ("KRASOVSKY", "KRASSOWSKY", "KRASSOVSKY", "IAG75", "IAG1975", "IAU76", "IAU1976",
                    "GRS80", "GRS1980", "ELLIPSOID", "SPHEROID")
_TOLERANCE_RF = 1e-6  # WGS 84's 1/f is 1.46e-6 away from GRS 1980's and must not match it


def _normalized(name: str | None) -> str:
    return re.sub(r"[^0-9A-Z\u4e00-\u9fff]", "", (name or "").upper())


def _datum_of_name(name: str | None) -> str | None:
    """The table datum a WKT name says (datum, geographic CRS or ellipsoid name), else None."""
    t = _normalized(name)
    if not t or "NEWBEIJING" in t or "新北京" in t or "新54" in t:
        return None
    if ("CGCS" in t or "CHINA2000" in t or "CHINAGEODETIC" in t or "CN2000" in t or "国家2000" in t
            or "2000国家" in t or t in ("D2000", "S2000", "2000", "GCS2000")):
        return "CGCS2000"
    if "XIAN" in t or "西安" in t:
        return "Xian1980"
    if "BEIJING" in t or "BJ54" in t or "北京" in t:
        return "Beijing1954"
    return None


def _is_generic(name: str | None) -> bool:
    """True for a datum name that names no datum: empty, "unknown", "D_User", an ellipsoid's name."""
    t = _normalized(name)
    for candidate in (t, t.removeprefix("D")):
        if (candidate in _GENERIC_NAMES or candidate.startswith(("UNKNOWNBASEDON", "NOTSPECIFIEDBASEDON"))
                or any(w in candidate for w in _ELLIPSOID_WORDS)):
            return True
    return False


def _datum_of_ellipsoid(crs: CRS) -> str | None:
    ellipsoid = crs.ellipsoid
    if ellipsoid is None:
        return None
    for datum in CHINESE_DATUMS.values():
        if (abs(ellipsoid.semi_major_metre - datum.semi_major) < 1e-3
                and abs(ellipsoid.inverse_flattening - datum.inverse_flattening) < _TOLERANCE_RF):
            return datum.key
    return None


_PARAM_ALIASES = {
    "lat0": ("LATITUDEOFNATURALORIGIN", "LATITUDEOFORIGIN", "LATITUDEOFCENTER", "LATITUDEOFCENTRE"),
    "lon0": ("LONGITUDEOFNATURALORIGIN", "CENTRALMERIDIAN", "LONGITUDEOFCENTER", "LONGITUDEOFCENTRE",
             "LONGITUDEOFORIGIN"),
    "k": ("SCALEFACTORATNATURALORIGIN", "SCALEFACTOR"),
    "fe": ("FALSEEASTING",),
    "fn": ("FALSENORTHING",),
}
_DEFAULTS = {"lat0": 0.0, "k": 1.0, "fe": 0.0, "fn": 0.0}


def _tm_parameters(crs: CRS) -> dict[str, float] | None:
    """Latitude/longitude of origin (°), scale, false easting/northing (m) of a Transverse
    Mercator (or Gauss-Krüger) in metres; None for any other projection."""
    op = crs.coordinate_operation
    method = _normalized(op.method_name if op is not None else "")
    if op is None or not ("TRANSVERSEMERCATOR" in method or "GAUSS" in method) or "SOUTH" in method:
        return None
    if not crs.axis_info or abs(crs.axis_info[0].unit_conversion_factor - 1.0) > 1e-12:
        return None
    by_name = {_normalized(p.name): p for p in op.params}
    values: dict[str, float] = {}
    for key, aliases in _PARAM_ALIASES.items():
        param = next((by_name[a] for a in aliases if a in by_name), None)
        if param is None:
            if key not in _DEFAULTS:
                return None
            values[key] = _DEFAULTS[key]
        elif param.unit_category == "angular":
            values[key] = float(np.degrees(param.value * param.unit_conversion_factor))
        else:
            values[key] = float(param.value * (param.unit_conversion_factor or 1.0))
    return values


def _width_hint(name: str, zone6: int) -> int | None:
    """3 or 6 when a projected CRS's name says its zone width ("3_Degree", "GK6", "6度"), for
    a central meridian that is both a 3° and the 6° zone ``zone6``'s."""
    t = _normalized(name)
    if re.search(r"3DEG|GK3|3度|三度", t):
        return 3
    if re.search(r"6DEG|GK6|6度|六度", t):
        return 6
    # ESRI and EPSG call the 6° zones without prefix "…_GK_CM_117E", "Gauss-Kruger CM 117E",
    # and (deprecated) "Beijing_1954_GK_Zone_20N"
    if re.search(rf"GKCM\d|GAUSSKRUGERCM\d|(GKZONE|KRUGERZONE|KRUGER){zone6}N?$", t):
        return 6
    return None


def _zone_of(params: dict[str, float], name: str) -> tuple[int, int, bool] | None:
    """(width, zone, prefixed) of Chinese Gauss-Krüger parameters, else None."""
    if abs(params["lat0"]) > 1e-9 or abs(params["k"] - 1.0) > 1e-9 or abs(params["fn"]) > 1e-3:
        return None
    cm, fe = params["lon0"], params["fe"]
    if abs(cm - round(cm)) > 1e-7 or round(cm) % 3:
        return None
    cm = round(cm)
    if abs(fe - 500_000.0) < 1e-3:
        width = 6 if cm % 6 == 3 and _width_hint(name, (cm + 3) // 6) == 6 else 3
        zone = cm // 3 if width == 3 else (cm + 3) // 6
        lo, hi = ZONE_RANGE[width]
        return (width, zone, False) if lo <= zone <= hi else None
    zone = round((fe - 500_000.0) / 1_000_000.0)
    if abs(fe - (zone * 1_000_000.0 + 500_000.0)) > 1e-3:
        return None
    for width, (lo, hi) in ZONE_RANGE.items():
        expected_cm = 3 * zone if width == 3 else 6 * zone - 3
        if lo <= zone <= hi and expected_cm == cm:
            return width, zone, True
    return None


def _horizontal(crs: CRS) -> CRS:
    """The horizontal CRS of a bound (TOWGS84) or compound CRS."""
    if crs.is_bound and crs.source_crs is not None:
        crs = crs.source_crs
    if crs.is_compound and crs.sub_crs_list:
        crs = crs.sub_crs_list[0]
    return crs


def _match_table(crs: CRS) -> Identification | None:
    """Identify a CRS against the Chinese table, or None when it is not one of its rows."""
    if crs.is_geographic:
        if len(crs.axis_info) != 2 or abs(crs.axis_info[0].unit_conversion_factor - np.radians(1)) > 1e-12:
            return None
        zone = None
    elif crs.is_projected:
        params = _tm_parameters(crs)
        zone = _zone_of(params, crs.name) if params is not None else None
        if zone is None:
            return None
    else:
        return None
    if crs.prime_meridian is not None and abs(crs.prime_meridian.longitude) > 1e-12:
        return None
    by_ellipsoid = _datum_of_ellipsoid(crs)
    if by_ellipsoid is None:
        return None
    datum_name = crs.datum.name if crs.datum is not None else ""
    geodetic = crs.geodetic_crs
    named = next((d for d in (_datum_of_name(datum_name), _datum_of_name(geodetic.name if geodetic else None),
                              _datum_of_name(crs.ellipsoid.name)) if d is not None), None)
    row: ChineseCrs = chinese_crs_for(by_ellipsoid, *(zone or (None, None, False)))
    if named == by_ellipsoid:
        return Identification(epsg=row.epsg, matched_by="datum_parameters")
    name = crs_from_epsg(row.epsg).name
    ellipsoid = CHINESE_DATUMS[by_ellipsoid].ellipsoid
    if named is not None:
        reason = tr("the datum is named {named}, but its ellipsoid is that of {datum} ({ellipsoid}); "
                    "ellipsoid and parameters are those of {crs}").format(
            named=CHINESE_DATUMS[named].label, datum=CHINESE_DATUMS[by_ellipsoid].label,
            ellipsoid=ellipsoid, crs=name)
    elif _is_generic(datum_name):
        reason = tr("the file names no datum ('{datum}'); its ellipsoid ({ellipsoid}) and parameters are "
                    "those of {crs}").format(datum=datum_name, ellipsoid=ellipsoid, crs=name)
    else:
        return None  # another, named datum on the same ellipsoid (New Beijing, Pulkovo 1942 …)
    return Identification(assumed_epsg=row.epsg, matched_by="ellipsoid_parameters", reason=reason)


def _identify(crs: CRS) -> Identification:
    try:
        found = _match_table(_horizontal(crs))
    except ProjError:  # an odd WKT PROJ half understands: leave it to PROJ's identification
        found = None
    if found is not None:
        return found
    code = epsg_of(crs)
    return Identification(epsg=code, matched_by="proj_database" if code is not None else None)


#: identifications by WKT; PROJ's identification needs the CRS as parsed from the file's own
#: text (a WKT round trip loses ESRI's names), so the cache holds results, not CRS objects
_IDENTIFIED: dict[str, Identification] = {}


def identify_declared(crs: CRS) -> Identification:
    """The EPSG code of a declared CRS, through the Chinese table first, then PROJ.

    Runs once per distinct CRS (remembered by its WKT), never per feature.
    """
    key = crs.to_wkt()
    found = _IDENTIFIED.get(key)
    if found is None:
        found = _identify(crs)
        if len(_IDENTIFIED) >= 256:
            _IDENTIFIED.clear()
        _IDENTIFIED[key] = found
    return found


# --------------------------------------------------------------------------- longitudes 0–360

def longitudes_in_0_360(bounds: tuple[float, float, float, float] | None) -> bool:
    """True when a lon/lat extent uses the 0–360° convention: nothing west of 0°, something east of 180°."""
    if bounds is None:
        return False
    minx, miny, maxx, maxy = bounds
    return 0.0 <= minx and 180.0 < maxx <= 360.0 and -90.0 <= miny <= maxy <= 90.0


def longitude_values_in_0_360(lon: np.ndarray) -> bool:
    """For longitudes nothing declares (a CSV's): True only when they are clearly 0–360°.

    That is when all of them lie east of 180°, or when they run continuously across
    180° (values within 10° on both sides); a lone value of 250 among 100–120 is a
    typing error, not a convention.
    """
    lon = np.asarray(lon, dtype=float)
    lon = lon[np.isfinite(lon)]
    if len(lon) == 0 or lon.min() < 0.0 or lon.max() > 360.0 or lon.max() <= 180.0:
        return False
    east, west = lon[lon > 180.0], lon[lon <= 180.0]
    return bool(len(west) == 0 or (east.min() < 190.0 and west.max() > 170.0))


def wrap_longitudes(geoms: np.ndarray) -> np.ndarray:
    """Move geometries lying east of 180° by −360° (0–360° → −180…180°), keeping Z.

    A geometry that crosses 180° is left as it is: cutting it is not the reader's job,
    and PROJ accepts longitudes a little above 180°.
    """
    geoms = np.asarray(geoms, dtype=object)
    present = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    east = np.zeros(len(geoms), dtype=bool)
    east[present] = shapely.bounds(geoms[present])[:, 0] >= 180.0
    if not east.any():
        return geoms
    out = geoms.copy()
    out[east] = shapely.transform(geoms[east], lambda c: c - np.array([360.0, 0.0, 0.0]), include_z=True)
    return out


# --------------------------------------------------------------------------- no declared CRS

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
    return zone_lo if any(a <= zone_lo <= b for a, b in ZONE_RANGE.values()) else None


def _datum_caveat() -> str:
    return tr("the datum is assumed to be CGCS2000: without a coordinate system the numbers cannot "
              "tell it from Xian 1980 or Beijing 1954, whose data with the same numbers lie within "
              "about 100 m")


def infer_from_bounds(bounds: tuple[float, float, float, float] | None) -> Inference:
    """Infer a CRS from a layer's extent (x, y as stored in the file)."""
    if bounds is None:
        return Inference(None, False, None)
    minx, miny, maxx, maxy = bounds
    zone = _prefixed_zone(minx, maxx)
    if zone is not None and _inside(miny, maxy, NORTHING_RANGE):
        return Inference(_zone_epsg(zone), False,
                         tr("eastings carry Gauss-Krüger zone {zone} in front").format(zone=zone)
                         + "; " + _datum_caveat())
    zone = _prefixed_zone(miny, maxy)
    if zone is not None and _inside(minx, maxx, NORTHING_RANGE):
        return Inference(_zone_epsg(zone), True,
                         tr("northing and easting are swapped; eastings carry zone {zone}").format(zone=zone)
                         + "; " + _datum_caveat())
    if _inside(minx, maxx, LON_RANGE) and _inside(miny, maxy, LAT_RANGE):
        return Inference(CGCS2000_GEOGRAPHIC, False,
                         tr("coordinates lie in China's longitude/latitude range") + "; " + _datum_caveat())
    if _inside(minx, maxx, LAT_RANGE) and _inside(miny, maxy, LON_RANGE) and maxy > LAT_RANGE[1]:
        return Inference(CGCS2000_GEOGRAPHIC, True,
                         tr("latitude and longitude are swapped") + "; " + _datum_caveat())
    return Inference(None, False, tr("the coordinates do not identify a Chinese coordinate system"))


def _zone_epsg(zone: int) -> int:
    width = 3 if zone >= ZONE_RANGE[3][0] else 6
    return gauss_kruger_epsg(zone, width, "CGCS2000", prefixed=True)


# --------------------------------------------------------------------------- the decision

def _lonlat_plausible(bounds) -> bool:
    return -180.5 <= bounds[0] <= bounds[2] <= 360.5 and -90.5 <= bounds[1] <= bounds[3] <= 90.5


def resolve_crs(declared: CRS | None, bounds: tuple[float, float, float, float] | None, *,
                format_defined: bool = False, header: HeaderCrs | None = None,
                eastings: np.ndarray | None = None) -> CrsInfo:
    """Combine what the file declares with what its coordinates say.

    ``bounds`` may be None (e.g. a raster's declared CRS is taken as it is).
    ``format_defined``: ``declared`` is the format's own CRS, true of every file of it (KML is
    WGS 84 longitude/latitude by definition): latitude/longitude written the wrong way round
    are swapped data on that CRS, not a wrong declaration.
    ``header``: what a text header says in words instead (the parcel TXT's 坐标系, 几度分带,
    带号), checked against the coordinates; ``eastings`` are all of them, when at hand, so
    that a zone prefix most of them carry wins over a few stray ones.
    """
    if format_defined and declared is not None:
        return _format_defined(declared, bounds)
    if header is not None and declared is None:
        return _from_header(header, bounds, eastings)
    if declared is not None and declared.is_geographic and bounds is not None and not _lonlat_plausible(bounds):
        # e.g. GeoJSON (WGS84 by definition) holding Gauss-Krüger metres: the declaration is wrong
        inference = infer_from_bounds(bounds)
        reason = tr("the file declares {name}, but its coordinates are not longitude/latitude").format(
            name=declared.name)
        if inference.epsg is not None:
            reason += "; " + inference.reason
        return CrsInfo(assumed_epsg=inference.epsg, reason=reason, swapped_axes=inference.swapped,
                       matched_by="coordinates" if inference.epsg is not None else None)
    if declared is not None:
        found = identify_declared(declared)
        inference = infer_from_bounds(bounds)
        notes = []
        if found.assumed_epsg is not None:
            notes.append(tr("EcoMap assumes EPSG:{epsg} for the declared coordinate system: {reason}")
                         .format(epsg=found.assumed_epsg, reason=found.reason))
        wrapped = bool(declared.is_geographic and longitudes_in_0_360(bounds))
        if wrapped:
            notes.append(tr("longitudes are given as 0–360°; features east of 180° were moved by −360° "
                            "into the −180…180° range"))
        return CrsInfo(declared_epsg=found.epsg, declared_wkt=declared.to_wkt(),
                       assumed_epsg=found.assumed_epsg, reason=found.reason, matched_by=found.matched_by,
                       swapped_axes=_declared_swap(found, inference), longitudes_wrapped=wrapped,
                       notes=tuple(notes))
    inference = infer_from_bounds(bounds)
    return CrsInfo(assumed_epsg=inference.epsg, reason=inference.reason, swapped_axes=inference.swapped,
                   matched_by="coordinates" if inference.epsg is not None else None)


def _declared_swap(found: Identification, inference: Inference) -> bool:
    """A declared CRS whose data holds northings in x (or latitudes in x) is still swapped data:
    the same zone — or a geographic CRS — on any of the three datums."""
    if not inference.swapped or inference.epsg is None:
        return False
    declared, inferred = chinese_crs(found.epsg or found.assumed_epsg), chinese_crs(inference.epsg)
    if declared is None or inferred is None:
        return False
    return (declared.width, declared.zone, declared.prefixed) == (inferred.width, inferred.zone,
                                                                   inferred.prefixed)


def _format_defined(declared: CRS, bounds) -> CrsInfo:
    inference = infer_from_bounds(bounds)
    # latitudes over 54.5° in x cannot be Chinese ones: "lat,lon" written by a broken app
    swapped = bool(declared.is_geographic and inference.swapped and inference.epsg == CGCS2000_GEOGRAPHIC)
    return CrsInfo(declared_epsg=epsg_of(declared), swapped_axes=swapped)


# --------------------------------------------------------------------------- a header's words

@dataclass(frozen=True)
class HeaderCrs:
    """A CRS a text header states in words (the parcel TXT's 坐标系 + 几度分带 + 带号)."""

    #: the datum as written ("2000国家大地坐标系", "西安80坐标系"); empty when not stated
    datum_text: str = ""
    #: zone width in degrees (3 or 6), None when not stated
    width: int | None = None
    #: 带号 as written: a zone number, or (in some tools) the central meridian
    zone: int | None = None


def _from_header(header: HeaderCrs, bounds, eastings: np.ndarray | None) -> CrsInfo:
    """EPSG from the header's datum, zone width and zone, checked against the coordinates.

    Where the two disagree the coordinates win and the code is kept as *assumed* with the
    reason; the disagreements are also notes. A header that says everything and agrees with
    the coordinates gives a declared code.
    """
    datum = datum_from_text(header.datum_text) if header.datum_text else None
    width = header.width if header.width in (3, 6) else None
    header_zone = header.zone
    reasons: list[str] = []
    notes: list[str] = []

    def info(**kw) -> CrsInfo:
        return CrsInfo(notes=tuple(notes), **kw)

    if datum is None:
        reasons.append(tr("the coordinate system (坐标系) '{text}' is missing or not recognised; "
                          "assuming CGCS2000").format(text=header.datum_text))
        datum = "CGCS2000"
    if bounds is None:
        return info(reason=tr("the file holds no coordinates"))
    min_e, min_n, max_e, max_n = bounds
    if max(abs(min_n), abs(max_n)) <= 90 and max(abs(min_e), abs(max_e)) <= 180:
        reasons.append(tr("the coordinates are latitude and longitude"))
        return info(assumed_epsg=CHINESE_DATUMS[datum].geographic, reason="; ".join(reasons))

    prefixed = min_e >= 10_000_000 and max_e < 100_000_000
    if prefixed:
        zones = np.floor(np.asarray(eastings if eastings is not None else [min_e, max_e]) / 1_000_000)
        values, counts = np.unique(zones.astype(np.int64), return_counts=True)
        zone = int(values[np.argmax(counts)])
        if len(values) > 1:
            notes.append(tr("the eastings carry different zone numbers ({zones}); using zone {zone}").format(
                zones=", ".join(map(str, values.tolist())), zone=zone))
            reasons.append(tr("mixed zone numbers in the eastings"))
        coord_width = next((w for w, (lo, hi) in ZONE_RANGE.items() if lo <= zone <= hi), None)
        if coord_width is None:
            return info(reason=tr("the easting prefix {zone} is not a Gauss-Krüger zone in China")
                        .format(zone=zone))
        if header_zone is None:
            reasons.append(tr("带号 is missing; zone {zone} taken from the easting prefix").format(zone=zone))
        elif header_zone != zone:
            message = tr("the header says zone (带号) {header} but the eastings carry zone {zone}; "
                         "using zone {zone}").format(header=header_zone, zone=zone)
            notes.append(message)
            reasons.append(message)
        if width is None:
            reasons.append(tr("几度分带 is missing; {width}° zones assumed from zone {zone}").format(
                width=coord_width, zone=zone))
        elif width != coord_width:
            message = tr("the header says {header}° zones but zone {zone} is a {width}° zone; using {width}°"
                         ).format(header=width, zone=zone, width=coord_width)
            notes.append(message)
            reasons.append(message)
        width = coord_width
    else:
        if header_zone is None:
            return info(reason=tr("the header gives no zone (带号) and the eastings carry no zone prefix"))
        if not (min_e > 0 and max_e < 1_000_000):
            return info(reason=tr("the eastings are neither zone-prefixed nor within one zone (0–1 000 000 m)"))
        zone, width, message = _zone_without_prefix(header_zone, width)
        if zone is None:
            return info(reason=message)
        if message:
            notes.append(message)
            reasons.append(message)

    epsg = gauss_kruger_epsg(zone, width, datum, prefixed=prefixed)
    if reasons:
        return info(assumed_epsg=epsg, reason="; ".join(reasons))
    return info(declared_epsg=epsg)


def _zone_without_prefix(zone: int, width: int | None) -> tuple[int | None, int | None, str | None]:
    """Zone and width from 带号 when the eastings carry no prefix (带号 may be a meridian)."""
    widths = [width] if width else [3, 6]
    for w in widths:
        lo, hi = ZONE_RANGE[w]
        if lo <= zone <= hi:
            message = None if width else tr("几度分带 is missing; {width}° zones assumed from zone {zone}").format(
                width=w, zone=zone)
            return zone, w, message
    for w in widths:  # 带号 written as the central meridian (e.g. 117 for 3° zone 39)
        n = zone / 3 if w == 3 else (zone + 3) / 6
        lo, hi = ZONE_RANGE[w]
        if n.is_integer() and lo <= int(n) <= hi:
            return int(n), w, tr("带号 {value} read as the central meridian {value}°E: {width}° zone {zone}").format(
                value=zone, width=w, zone=int(n))
    return None, None, tr("带号 {zone} is not a Gauss-Krüger zone in China").format(zone=zone)
