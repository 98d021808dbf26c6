"""Datum shifts between Chinese datums: only named transformations, each with its accuracy.

Xian 1980 and Beijing 1954 coordinates differ from CGCS2000 ones by tens of metres,
and no single set of parameters converts them across China. PROJ's EPSG database
has no transformation from Xian 1980 (EPSG:4610) or Beijing 1954 (EPSG:4214) to
CGCS2000 (EPSG:4490): the only operation it finds is a "ballpark" one that leaves the
numbers unchanged. So EcoMap never shifts silently. :func:`datum_shift_options` lists
what PROJ publishes (none of the ballpark kind), and :func:`bursa_wolf_shift` turns a
locally supplied 7-parameter (Bursa-Wolf, 布尔莎) set — the kind a county obtains from
its surveying authority, and the kind the land-parcel TXT "转换参数" line holds — into
a named transformation.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from pyproj import CRS, Transformer
from pyproj.transformer import TransformerGroup

from ecomap.core.crs import CHINESE_DATUMS, chinese_crs, crs_from_epsg
from ecomap.i18n import tr

CGCS2000 = 4490
#: Helmert conventions PROJ knows: position vector is the one of ``+towgs84`` (EPSG method 9606)
CONVENTIONS = ("position_vector", "coordinate_frame")


@dataclass(frozen=True)
class DatumShift:
    """One transformation between two geographic CRSs (longitude/latitude in degrees)."""

    name: str
    source_epsg: int
    target_epsg: int
    #: metres, as published; None when the publisher gives none (a user's own set)
    accuracy_m: float | None
    #: where the transformation is valid, or None for "wherever its supplier says"
    area: str | None
    area_bounds: tuple[float, float, float, float] | None
    #: "proj" (the EPSG database via PROJ) or "user" (parameters the user supplied)
    origin: str
    #: a PROJ pipeline taking longitude, latitude in degrees to the same in the target
    pipeline: str

    def transformer(self, source: CRS | int | None = None, target: CRS | int | None = None) -> ChainedShift:
        """Coordinates of ``source`` (default: the source datum's lon/lat) to ``target``.

        The CRSs may be projected (e.g. Xian 1980 3° zone 38 to CGCS2000 zone 38): the
        projection is undone, the shift applied, the target projection done.
        """
        return ChainedShift(self, _crs(source, self.source_epsg), _crs(target, self.target_epsg))

    def to_json(self) -> dict:
        return {"name": self.name, "source_epsg": self.source_epsg, "target_epsg": self.target_epsg,
                "accuracy_m": self.accuracy_m, "area": self.area, "origin": self.origin}


class ChainedShift:
    """Source CRS → source lon/lat → (datum shift) → target lon/lat → target CRS, x/y order."""

    def __init__(self, shift: DatumShift, source: CRS, target: CRS):
        self.shift = shift
        self.source, self.target = source, target
        self._steps = [
            Transformer.from_crs(source, crs_from_epsg(shift.source_epsg), always_xy=True),
            Transformer.from_pipeline(shift.pipeline),
            Transformer.from_crs(crs_from_epsg(shift.target_epsg), target, always_xy=True),
        ]

    def transform(self, x, y):
        """Arrays (or scalars) of x, y in the source CRS → x, y in the target CRS."""
        for step in self._steps:
            x, y = step.transform(x, y)
        return x, y


def _crs(value: CRS | int | None, default: int) -> CRS:
    if value is None:
        return crs_from_epsg(default)
    return crs_from_epsg(value) if isinstance(value, int) else value


def geographic_epsg(epsg: int) -> int | None:
    """The EPSG code of the geographic CRS a CRS is based on (2362 → 4610)."""
    row = chinese_crs(epsg)
    if row is not None:
        return CHINESE_DATUMS[row.datum].geographic
    crs = crs_from_epsg(epsg)
    base = crs.geodetic_crs if crs.is_projected else crs
    return base.to_epsg(min_confidence=70) if base is not None else None


@lru_cache(maxsize=32)
def datum_shift_options(src_epsg: int, dst_epsg: int = CGCS2000) -> tuple[DatumShift, ...]:
    """The published transformations between the datums of two EPSG CRSs, best first.

    Empty when the datums are the same or when PROJ knows only a ballpark (no-op)
    operation, as for Xian 1980 or Beijing 1954 to CGCS2000. Operations that need a
    grid file PROJ does not have are left out too: they cannot be applied here.
    """
    src, dst = geographic_epsg(src_epsg), geographic_epsg(dst_epsg)
    if src is None or dst is None or src == dst:
        return ()
    out = []
    for t in TransformerGroup(crs_from_epsg(src), crs_from_epsg(dst), always_xy=True).transformers:
        steps = [op for op in t.operations if op.type_name != "Conversion"] if t.operations else []
        if not steps or any(op.name.lower().startswith("ballpark") for op in steps):
            continue
        area = t.area_of_use
        out.append(DatumShift(
            name=" + ".join(op.name for op in steps), source_epsg=src, target_epsg=dst,
            accuracy_m=t.accuracy if t.accuracy is not None and t.accuracy >= 0 else None,
            area=area.name if area is not None else None,
            area_bounds=tuple(area.bounds) if area is not None else None,
            origin="proj", pipeline=t.to_proj4()))
    return tuple(out)


def parse_seven_parameters(text: str) -> tuple[float, ...]:
    """dx, dy, dz (m), rx, ry, rz (arc-seconds), ds (ppm) from "dx,dy,dz,rx,ry,rz,ds".

    Commas (also "，"), semicolons or spaces separate the numbers. Raises ValueError
    with a translated message when there are not seven numbers.
    """
    parts = [p for p in re.split(r"[,，;；\s]+", (text or "").strip()) if p]
    try:
        return _seven(tuple(float(p) for p in parts), text)
    except ValueError:
        raise ValueError(_seven_message(text)) from None


def _seven(values: tuple[float, ...], shown: str) -> tuple[float, ...]:
    if len(values) != 7 or not all(math.isfinite(v) for v in values):
        raise ValueError(_seven_message(shown))
    return values


def _seven_message(shown: str) -> str:
    return tr("a 7-parameter set needs seven numbers dx, dy, dz (m), rx, ry, rz (″), ds (ppm); "
              "got '{text}'").format(text=shown)


def bursa_wolf_shift(src_epsg: int, params: Sequence[float] | str, dst_epsg: int = CGCS2000,
                     convention: str = "position_vector", name: str | None = None) -> DatumShift:
    """A user's 7-parameter (Bursa-Wolf) set as a named transformation between two datums.

    ``params`` is dx, dy, dz in metres, rx, ry, rz in arc-seconds, ds in parts per
    million — the order and units of PROJ's ``+towgs84``. ``convention`` says how the
    rotations are meant: "position_vector" (``+towgs84``, EPSG 9606) or
    "coordinate_frame" (EPSG 9607, the rotations' signs reversed); the supplier of the
    parameters must say which. The accuracy is unknown to EcoMap, so it is None.
    """
    if isinstance(params, str):
        values = parse_seven_parameters(params)
    else:
        values = _seven(tuple(float(v) for v in params), ", ".join(map(str, params)))
    if convention not in CONVENTIONS:
        raise ValueError(f"convention must be one of {CONVENTIONS}, not {convention!r}")
    src, dst = geographic_epsg(src_epsg), geographic_epsg(dst_epsg)
    if src is None or dst is None:
        raise ValueError(f"EPSG:{src_epsg} or EPSG:{dst_epsg} has no geographic base CRS")
    dx, dy, dz, rx, ry, rz, ds = values
    pipeline = " ".join([
        "+proj=pipeline",
        "+step +proj=unitconvert +xy_in=deg +xy_out=rad",
        "+step +proj=push +v_3",
        "+step +proj=cart " + _ellipsoid(src),
        (f"+step +proj=helmert +x={dx!r} +y={dy!r} +z={dz!r} +rx={rx!r} +ry={ry!r} +rz={rz!r} "
         f"+s={ds!r} +convention={convention}"),
        "+step +inv +proj=cart " + _ellipsoid(dst),
        "+step +proj=pop +v_3",
        "+step +proj=unitconvert +xy_in=rad +xy_out=deg",
    ])
    label = name or tr("local 7-parameter set ({values})").format(
        values=", ".join(f"{v:g}" for v in values))
    return DatumShift(name=label, source_epsg=src, target_epsg=dst, accuracy_m=None, area=None,
                      area_bounds=None, origin="user", pipeline=pipeline)


def _ellipsoid(epsg: int) -> str:
    ellipsoid = crs_from_epsg(epsg).ellipsoid
    return f"+a={ellipsoid.semi_major_metre!r} +rf={ellipsoid.inverse_flattening!r}"


def datum_shift_summary(crs: CRS | int | None, dst_epsg: int = CGCS2000) -> dict | None:
    """For a layer on Xian 1980 or Beijing 1954: what it takes to combine it with CGCS2000.

    None for any other datum. Otherwise the published options (often none) and a
    sentence saying what to do, for ``ecomap info``.
    """
    src = _chinese_geographic(crs)
    if src is None or src == CHINESE_DATUMS["CGCS2000"].geographic:
        return None
    datum = crs_from_epsg(src).datum.name
    options = datum_shift_options(src, dst_epsg)
    if options:
        listed = "; ".join(_describe(o) for o in options)
        note = tr("to combine {datum} data with CGCS2000 data, choose a datum transformation: "
                  "{options}").format(datum=datum, options=listed)
    else:
        note = tr("to combine {datum} data with CGCS2000 data, a local 7-parameter (Bursa-Wolf) "
                  "transformation is needed: PROJ publishes none from {datum} to CGCS2000, only a "
                  "no-op that leaves the coordinates tens of metres off. Ask the surveying and "
                  "mapping authority for the parameters").format(datum=datum)
    return {"source_epsg": src, "target_epsg": dst_epsg, "options": [o.to_json() for o in options],
            "note": note}


def _describe(shift: DatumShift) -> str:
    accuracy = (tr("accuracy {m:g} m").format(m=shift.accuracy_m) if shift.accuracy_m is not None
                else tr("accuracy unknown"))
    return f"{shift.name} ({accuracy}; {shift.area})" if shift.area else f"{shift.name} ({accuracy})"


def _chinese_geographic(crs: CRS | int | None) -> int | None:
    """EPSG code of the Chinese geographic CRS (4490, 4610, 4214) a CRS is based on, else None."""
    if crs is None:
        return None
    if isinstance(crs, int):
        row = chinese_crs(crs)
        return CHINESE_DATUMS[row.datum].geographic if row is not None else None
    base = crs.geodetic_crs if crs.is_projected else crs
    if base is None:
        return None
    geographic = {d.geographic for d in CHINESE_DATUMS.values()}
    code = base.to_epsg(min_confidence=70)
    return code if code in geographic else None
