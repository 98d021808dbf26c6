"""A layer's coordinate reference system: what the file declares and what EPSG code it is.

A file that declares no CRS is never silently given one: the inferred CRS is kept
apart as ``assumed_epsg`` so that the GUI can ask the user to confirm it. A declared
CRS whose EPSG code could only be matched by its ellipsoid and projection parameters
keeps its WKT (the file's word) and reports that code as ``assumed_epsg`` too.

The table of Chinese datums and their Gauss-Krüger zones (docs/coordinate-systems.md)
lives here because both CRS detection (io) and datum shifts (core) need it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError, ProjError


@dataclass(frozen=True)
class ChineseDatum:
    """One of the three national datums, its ellipsoid and the first codes of its zones."""

    key: str
    #: the datum as PROJ names it
    label: str
    geographic: int
    ellipsoid: str
    semi_major: float
    inverse_flattening: float
    #: EPSG = base + zone, keyed by (zone width in degrees, zone number in the false easting)
    bases: dict


CHINESE_DATUMS: dict[str, ChineseDatum] = {
    d.key: d
    for d in (
        ChineseDatum("CGCS2000", "China Geodetic Coordinate System 2000", 4490, "CGCS2000 / GRS 1980",
                     6378137.0, 298.257222101,
                     {(3, True): 4488, (3, False): 4509, (6, True): 4478, (6, False): 4489}),
        ChineseDatum("Xian1980", "Xian 1980", 4610, "IAG 1975", 6378140.0, 298.257,
                     {(3, True): 2324, (3, False): 2345, (6, True): 2314, (6, False): 2325}),
        ChineseDatum("Beijing1954", "Beijing 1954", 4214, "Krassowsky 1940", 6378245.0, 298.3,
                     {(3, True): 2376, (3, False): 2397, (6, True): 21400, (6, False): 21440}),
    )
}
#: zone numbers inside China: 3° zones 25–45 (CM 75°–135°E), 6° zones 13–23 (CM 75°–135°E)
ZONE_RANGE = {3: (25, 45), 6: (13, 23)}


@dataclass(frozen=True)
class ChineseCrs:
    """A row of the table: a datum's geographic CRS (``width`` None) or one Gauss-Krüger zone."""

    datum: str
    epsg: int
    width: int | None = None
    zone: int | None = None
    prefixed: bool = False

    @property
    def central_meridian(self) -> float | None:
        if self.width is None:
            return None
        return 3.0 * self.zone if self.width == 3 else 6.0 * self.zone - 3.0

    @property
    def false_easting(self) -> float | None:
        if self.width is None:
            return None
        return self.zone * 1_000_000.0 + 500_000.0 if self.prefixed else 500_000.0


def gauss_kruger_epsg(zone: int, width: int = 3, datum: str = "CGCS2000", prefixed: bool = True) -> int:
    """EPSG code of a Chinese Gauss-Krüger zone (width 3 or 6 degrees)."""
    if width not in (3, 6):
        raise ValueError(f"zone width must be 3 or 6, not {width}")
    lo, hi = ZONE_RANGE[width]
    if prefixed and not lo <= zone <= hi:
        raise ValueError(f"{width}° zone {zone} is outside China ({lo}–{hi})")
    # without prefix the codes run by central meridian, which maps one-to-one to the zone
    return CHINESE_DATUMS[datum].bases[(width, prefixed)] + zone


@lru_cache(maxsize=1)
def _table() -> dict[int, ChineseCrs]:
    rows = {}
    for datum in CHINESE_DATUMS.values():
        rows[datum.geographic] = ChineseCrs(datum.key, datum.geographic)
        for (width, prefixed), base in datum.bases.items():
            lo, hi = ZONE_RANGE[width]
            for zone in range(lo, hi + 1):
                rows[base + zone] = ChineseCrs(datum.key, base + zone, width, zone, prefixed)
    return rows


def chinese_crs(epsg: int | None) -> ChineseCrs | None:
    """The table row of an EPSG code (CGCS2000, Xian 1980, Beijing 1954), else None."""
    return _table().get(epsg) if epsg is not None else None


def chinese_crs_for(datum: str, width: int | None = None, zone: int | None = None,
                    prefixed: bool = False) -> ChineseCrs:
    """The table row of a datum's geographic CRS (no width) or of one of its zones."""
    if width is None:
        return chinese_crs(CHINESE_DATUMS[datum].geographic)
    return chinese_crs(gauss_kruger_epsg(zone, width, datum, prefixed))


def same_zone_on_other_datums(epsg: int) -> list[int]:
    """The same zone (or geographic CRS) on the other two datums: 4526 → [2362, 2414]."""
    row = chinese_crs(epsg)
    if row is None:
        return []
    return [chinese_crs_for(key, row.width, row.zone, row.prefixed).epsg
            for key in CHINESE_DATUMS if key != row.datum]


@dataclass(frozen=True)
class CrsInfo:
    declared_epsg: int | None = None
    declared_wkt: str | None = None
    assumed_epsg: int | None = None
    #: why the CRS was assumed (translated text), or None when declared
    reason: str | None = None
    #: True when the file's coordinates have northing and easting swapped
    swapped_axes: bool = False
    #: how the EPSG code was found: "proj_database", "datum_parameters",
    #: "ellipsoid_parameters", "coordinates", or None
    matched_by: str | None = None
    #: True when longitudes were given as 0–360° and the reader moved them to −180…180°
    longitudes_wrapped: bool = False
    #: what the CRS decision wants the user to know (translated), added to the layer's notes
    notes: tuple[str, ...] = ()

    @property
    def is_known(self) -> bool:
        return self.declared_wkt is not None or self.declared_epsg is not None

    @property
    def is_assumed(self) -> bool:
        return not self.is_known and self.assumed_epsg is not None

    def crs(self) -> CRS | None:
        """The CRS to work in: declared, else assumed, else None.

        A declared WKT that PROJ cannot compute with (an unknown method name, as some
        hand-written .prj files have) gives way to the code its parameters matched.
        """
        if self.declared_epsg is not None:
            return crs_from_epsg(self.declared_epsg)
        if self.declared_wkt is not None:
            crs = usable_crs_from_wkt(self.declared_wkt)
            if crs is not None or self.assumed_epsg is None:
                return crs
        if self.assumed_epsg is not None:
            return crs_from_epsg(self.assumed_epsg)
        return None

    @property
    def name(self) -> str:
        """The declared CRS's own name when there is one, else the assumed one's."""
        if self.declared_epsg is None and self.declared_wkt is not None:
            crs = crs_from_wkt(self.declared_wkt)
            if crs is not None:
                return crs.name
        crs = self.crs()
        return crs.name if crs is not None else ""

    @property
    def epsg(self) -> int | None:
        return self.declared_epsg if self.declared_epsg is not None else self.assumed_epsg

    def to_json(self) -> dict:
        """What ``ecomap info --json`` shows: codes, names, why, and the datum-shift options."""
        from ecomap.core.datum_shift import datum_shift_summary

        return {
            "epsg": self.declared_epsg,
            "name": self.name,
            "assumed_epsg": self.assumed_epsg,
            "assumed_name": crs_from_epsg(self.assumed_epsg).name if self.assumed_epsg else None,
            "declared": self.is_known,
            "matched_by": self.matched_by,
            "reason": self.reason,
            "datum_shift": datum_shift_summary(self.epsg if self.epsg is not None else self.crs()),
        }


@lru_cache(maxsize=64)
def crs_from_epsg(code: int) -> CRS:
    return CRS.from_epsg(code)


@lru_cache(maxsize=64)
def crs_from_wkt(wkt: str) -> CRS | None:
    """The CRS of a WKT, or None when PROJ cannot parse it."""
    try:
        return CRS.from_wkt(wkt)
    except CRSError:
        return None


@lru_cache(maxsize=64)
def usable_crs_from_wkt(wkt: str) -> CRS | None:
    """The CRS of a WKT when PROJ can convert coordinates with it, else None."""
    crs = crs_from_wkt(wkt)
    if crs is None or not crs.is_projected:
        return crs
    try:
        Transformer.from_crs(crs, crs.geodetic_crs, always_xy=True)
    except ProjError:
        return None
    return crs


def epsg_of(crs: CRS | None) -> int | None:
    """The EPSG code of a CRS when it is one (min_confidence high enough to be honest)."""
    if crs is None:
        return None
    try:
        return crs.to_epsg(min_confidence=70)
    except ProjError:  # pyproj raises CRSError on odd WKT; treat as no code
        return None
