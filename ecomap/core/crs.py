"""A layer's coordinate reference system: what the file declares and what EcoMap assumes.

A file that declares no CRS is never silently given one: the inferred CRS is kept
apart as ``assumed_epsg`` so that the GUI can ask the user to confirm it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pyproj import CRS


@dataclass(frozen=True)
class CrsInfo:
    declared_epsg: int | None = None
    declared_wkt: str | None = None
    assumed_epsg: int | None = None
    #: why the CRS was assumed (translated text), or None when declared
    reason: str | None = None
    #: True when the file's coordinates have northing and easting swapped
    swapped_axes: bool = False

    @property
    def is_known(self) -> bool:
        return self.declared_wkt is not None or self.declared_epsg is not None

    @property
    def is_assumed(self) -> bool:
        return not self.is_known and self.assumed_epsg is not None

    def crs(self) -> CRS | None:
        """The CRS to work in: declared, else assumed, else None."""
        if self.declared_epsg is not None:
            return crs_from_epsg(self.declared_epsg)
        if self.declared_wkt is not None:
            return CRS.from_wkt(self.declared_wkt)
        if self.assumed_epsg is not None:
            return crs_from_epsg(self.assumed_epsg)
        return None

    @property
    def name(self) -> str:
        crs = self.crs()
        return crs.name if crs is not None else ""

    @property
    def epsg(self) -> int | None:
        return self.declared_epsg if self.declared_epsg is not None else self.assumed_epsg

    def to_json(self) -> dict:
        return {"epsg": self.declared_epsg, "name": self.name, "assumed_epsg": self.assumed_epsg}


@lru_cache(maxsize=64)
def crs_from_epsg(code: int) -> CRS:
    return CRS.from_epsg(code)


def epsg_of(crs: CRS | None) -> int | None:
    """The EPSG code of a CRS when it is one (min_confidence high enough to be honest)."""
    if crs is None:
        return None
    try:
        return crs.to_epsg(min_confidence=70)
    except Exception:  # pyproj raises CRSError on odd WKT; treat as no code
        return None
