"""Reprojecting across datums on export: a named transformation, or the user's word.

Xian 1980 and Beijing 1954 coordinates lie tens of metres — up to about 100 m — from
CGCS2000 (and WGS 84) ones. PROJ publishes no transformation between them and CGCS2000,
only a "ballpark" no-op, which a plain reprojection applies silently: the numbers barely
move and the result is called CGCS2000. So when an export crosses from or to one of
those two datums (:func:`datums_between`), :func:`reproject`

* applies a transformation PROJ publishes whose area covers the layer (e.g. Beijing 1954
  to WGS 84 in the Ordos basin), naming it and its accuracy in the notes;
* else applies what the user chose for the layer: a :class:`~ecomap.core.datum_shift.DatumShift`
  (the 7 parameters the file carries, a parcel TXT's 转换参数), the text of seven
  parameters (``"dx,dy,dz,rx,ry,rz,ds"``, made into one here), or :data:`KEEP`, the
  coordinates unchanged, with a note saying they may be about 100 m off;
* else refuses with :class:`DatumShiftError`, which the CLI and the export dialog turn
  into their question. Nothing is written before every layer is settled.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS, Transformer

from ecomap.core.crs import crs_from_epsg, epsg_of
from ecomap.core.datum_shift import (
    DatumShift,
    bursa_wolf_shift,
    datum_shift_options,
    geographic_epsg,
)
from ecomap.errors import DataError
from ecomap.i18n import tr

#: the user accepts the coordinates unchanged across the datums
KEEP = "none"
#: geographic CRSs of the datums that lie up to about 100 m from CGCS2000 and WGS 84
_OFFSET_DATUMS = (4610, 4214)  # Xian 1980, Beijing 1954


class DatumShiftError(DataError):
    """The export would cross between datums that PROJ connects by no transformation, and the
    user has not said how (7 parameters, or the coordinates unchanged)."""

    def __init__(self, path, layer_name: str, source_epsg: int, target_epsg: int, carried: DatumShift | None):
        self.layer_name = layer_name
        self.source_epsg, self.target_epsg = source_epsg, target_epsg
        #: the transformation the layer's file carries (a parcel TXT's 转换参数), if any
        self.carried = carried
        source, target = _datum_name(source_epsg), _datum_name(target_epsg)
        message = tr("layer '{name}' is on {source}; writing it on {target} needs a datum transformation, and PROJ "
                     "publishes none from {source} to {target} for this area, only a no-op that would leave the "
                     "coordinates up to about 100 m off while calling them {target}. Give the local 7-parameter "
                     "set (dx,dy,dz,rx,ry,rz,ds) or accept the coordinates unchanged").format(
            name=layer_name, source=source, target=target)
        if carried is not None:
            message += "; " + tr("the file itself gives one: {shift}").format(shift=carried.name)
        super().__init__(path, message)


def datums_between(source: CRS | None, target: CRS | None) -> tuple[int, int] | None:
    """(source, target) geographic EPSG codes when reprojecting crosses from or to Xian 1980 or
    Beijing 1954; None when it stays on one datum or moves only between CGCS2000 and WGS 84."""
    src, dst = epsg_of(source), epsg_of(target)
    if src is None or dst is None:
        return None
    src_geo, dst_geo = geographic_epsg(src), geographic_epsg(dst)
    if src_geo is None or dst_geo is None or src_geo == dst_geo:
        return None
    if src_geo not in _OFFSET_DATUMS and dst_geo not in _OFFSET_DATUMS:
        return None
    return src_geo, dst_geo


def covering_shifts(source: CRS, bounds, pair: tuple[int, int]) -> list[DatumShift]:
    """The published transformations between the pair's datums whose area holds all of
    ``bounds`` (in ``source``), best first."""
    options = datum_shift_options(*pair)
    if not options or bounds is None or not np.isfinite(bounds).all():
        return []
    to_lonlat = Transformer.from_crs(source, crs_from_epsg(pair[0]), always_xy=True)
    west, south, east, north = to_lonlat.transform_bounds(*bounds)
    return [o for o in options if o.area_bounds is not None and o.area_bounds[0] <= west
            and o.area_bounds[1] <= south and o.area_bounds[2] >= east and o.area_bounds[3] >= north]


def needs_choice(source: CRS | None, bounds, target: CRS | None) -> tuple[int, int] | None:
    """The datums (source, target) the user must decide about for data in ``source`` within
    ``bounds`` to be written in ``target``, or None: one datum, or a published transformation covers it."""
    if source is None or target is None or source.equals(target):
        return None
    pair = datums_between(source, target)
    if pair is None or covering_shifts(source, bounds, pair):
        return None
    return pair


def reproject(frame: gpd.GeoDataFrame, target: CRS, choice, layer, name: str, path: Path,
              notes: list[str]) -> gpd.GeoDataFrame:
    """``frame`` in ``target``; across the Chinese datums only as the module docstring says."""
    pair = datums_between(frame.crs, target)
    if pair is None:
        return frame.to_crs(target)
    if isinstance(choice, str) and choice != KEEP:
        try:
            choice = bursa_wolf_shift(pair[0], choice, pair[1])
        except ValueError as exc:
            raise DataError(path, str(exc)) from None
    if isinstance(choice, DatumShift):
        if (choice.source_epsg, choice.target_epsg) != pair:
            raise DataError(path, tr("the datum transformation {shift} goes from {a} to {b}, but layer '{name}' "
                                     "needs one from {c} to {d}").format(
                shift=choice.name, a=_datum_name(choice.source_epsg), b=_datum_name(choice.target_epsg),
                name=name, c=_datum_name(pair[0]), d=_datum_name(pair[1])))
        notes.append(_shift_note(name, choice, pair))
        return shifted(frame, choice, target)
    if choice == KEEP:
        notes.append(tr("layer '{name}': the coordinates were taken from {source} to {target} unchanged, without "
                        "a datum transformation; they may be up to about 100 m off").format(
            name=name, source=_datum_name(pair[0]), target=_datum_name(pair[1])))
        return frame.to_crs(target)
    published = covering_shifts(frame.crs, tuple(frame.total_bounds) if len(frame) else None, pair)
    if published:
        notes.append(_shift_note(name, published[0], pair))
        return shifted(frame, published[0], target)
    raise DatumShiftError(path, name, *pair, carried=carried_shift(layer, pair))


def carried_shift(layer, pair: tuple[int, int]) -> DatumShift | None:
    """The transformation the layer's file gives (a parcel TXT's 转换参数) when it joins ``pair``'s datums."""
    shift = getattr(layer, "metadata", {}).get("datum_shift")
    if isinstance(shift, DatumShift) and (shift.source_epsg, shift.target_epsg) == pair:
        return shift
    return None


def shifted(frame: gpd.GeoDataFrame, shift: DatumShift, target: CRS) -> gpd.GeoDataFrame:
    """``frame`` moved to ``target`` through ``shift`` (Z values kept as they are)."""
    chain = shift.transformer(frame.crs, target)

    def move(coords: np.ndarray) -> np.ndarray:
        out = np.array(coords, dtype=float)
        out[:, 0], out[:, 1] = chain.transform(coords[:, 0], coords[:, 1])
        return out

    geoms = shapely.transform(np.asarray(frame.geometry.array, dtype=object), move, include_z=None)
    return frame.set_geometry(gpd.GeoSeries(geoms, index=frame.index, crs=target), crs=target)


def _shift_note(name: str, shift: DatumShift, pair: tuple[int, int]) -> str:
    accuracy = (tr("accuracy {m:g} m").format(m=shift.accuracy_m) if shift.accuracy_m is not None
                else tr("accuracy unknown"))
    return tr("layer '{name}': moved from {source} to {target} with the datum transformation {shift} ({accuracy})"
              ).format(name=name, source=_datum_name(pair[0]), target=_datum_name(pair[1]), shift=shift.name,
                       accuracy=accuracy)


def _datum_name(epsg: int) -> str:
    return crs_from_epsg(epsg).name  # "Xian 1980", "China Geodetic Coordinate System 2000", "WGS 84"
