"""Reader for the Ministry land-parcel coordinate TXT (国土资源部 勘测定界 / 建设用地报批 坐标 txt).

Layout (shared/domain.md §8.3)::

    [项目信息]            ← optional, may also be [扩展信息]
    项目名称=…
    [属性描述]
    坐标系=2000国家大地坐标系
    几度分带=3
    带号=38
    …
    [地块坐标]
    4,100.5,FID_A,地块甲,面, , , ,@      ← parcel line (fields below)
    J1,1,2582988.976,38383243.971        ← 点号,圈号,X(northing),Y(easting)

Parcel line fields: 界址点数, 地块面积 (公顷), 地块编号, 地块名称, 图形属性 (点/线/面),
图幅号, 地块用途, 地类编码, then ``@``.

Real files vary, so the reader is tolerant of what cannot mislead (full-width commas,
blanks, extra fields before ``@``, rings closed or not, 界址点数 counting the closing
point or not) and strict where guessing would be silently wrong (non-numeric
coordinates, rings of fewer than three points, point lines before any parcel): those
raise :class:`DataError` naming the line. Outer rings and holes are decided by
containment, never by ring number. The CRS comes from 坐标系 + 几度分带 + 带号, checked
against the eastings; where the two disagree the coordinates win and the CRS is kept
as *assumed* with the reason (decided in :func:`ecomap.io.crs_detect.resolve_crs`, as for
every format). 地块面积 (hectares) is cross-checked against the ellipsoidal area of the
geometry. A 转换参数 line with seven numbers on a Xian 1980 or Beijing 1954 file becomes a
named datum shift the layer carries (``metadata["datum_shift"]``), never applied by reading.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ecomap.core.crs import CrsInfo, chinese_crs, crs_from_epsg
from ecomap.core.datum_shift import bursa_wolf_shift
from ecomap.core.layers import DataSource, VectorLayer
from ecomap.core.measure import SQM_PER_HECTARE, SQM_PER_MU, ellipsoidal_areas
from ecomap.errors import DataError
from ecomap.i18n import tr
from ecomap.io.crs_detect import NORTHING_RANGE, HeaderCrs, infer_from_bounds, resolve_crs
from ecomap.io.text_encoding import read_text

COORD_SECTION = "地块坐标"
#: the eight standard fields of a parcel line, in file order
PARCEL_FIELDS = (
    "界址点数",
    "地块面积",
    "地块编号",
    "地块名称",
    "图形属性",
    "图幅号",
    "地块用途",
    "地类编码",
)
#: attribute columns of the layer, in order
COLUMNS = PARCEL_FIELDS + ("计算面积", "面积差异%")
#: relative difference between stated and computed area worth telling the user about
AREA_TOLERANCE = 0.01
#: point lines are tokenized assuming at most this many fields (more is handled, slower)
_MAX_POINT_FIELDS = 16
#: at most this many per-parcel notes of one kind; the rest are summarised
MAX_NOTES = 50

#: a point line's first four fields (点号,圈号,X,Y) and what follows them
_FIRST_FOUR_FIELDS = re.compile(r"^((?:[^,\n]*,){3}[^,\n]*),[^\n]*", re.MULTILINE)
#: the largest 界址点数 taken as a count (a larger one is a typo or garbage)
_MAX_POINT_COUNT = 10 ** 9
_SECTION_RE = re.compile(r"^[\[［【]\s*(.+?)\s*[\]］】]$")
_KINDS = {
    "面": "面",
    "线": "线",
    "点": "点",
    "": "面",
    "polygon": "面",
    "line": "线",
    "linestring": "线",
    "point": "点",
}


def _aliases() -> dict[str, str]:
    return {
        "界址点数": tr("Boundary points"),
        "地块面积": tr("Stated area (hm²)"),
        "地块编号": tr("Parcel ID"),
        "地块名称": tr("Parcel name"),
        "图形属性": tr("Geometry type"),
        "图幅号": tr("Map sheet"),
        "地块用途": tr("Land use"),
        "地类编码": tr("Land class code"),
        "计算面积": tr("Computed area (hm²)"),
        "面积差异%": tr("Area difference (%)"),
    }


@dataclass
class _Parsed:
    sections: dict[str, dict[str, str]] = field(default_factory=dict)
    parcel_lines: list[int] = field(default_factory=list)
    parcel_fields: list[list[str]] = field(default_factory=list)  # the 8 standard fields, as text
    point_counts: list[int | None] = field(default_factory=list)
    stated_areas: list[float] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    # one entry per point line: parcel index, 圈号, X (northing), Y (easting), line number
    pt_parcel: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    pt_ring: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    pt_north: np.ndarray = field(default_factory=lambda: np.zeros(0))
    pt_east: np.ndarray = field(default_factory=lambda: np.zeros(0))
    pt_line: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    notes: list[str] = field(default_factory=list)

    @property
    def header(self) -> dict[str, str]:
        """All header keys, later sections overriding earlier ones ([属性描述] matters most)."""
        merged: dict[str, str] = {}
        for name, values in self.sections.items():
            if name != "属性描述":
                merged.update(values)
        merged.update(self.sections.get("属性描述", {}))
        return merged


def read(path: Path) -> list[VectorLayer]:
    """Read a parcel coordinate TXT into one layer, one feature per parcel."""
    path = Path(path)
    text, encoding = read_text(path)
    parsed = _parse(text, path)
    notes = parsed.notes

    north = np.asarray(parsed.pt_north, dtype=float)
    east = np.asarray(parsed.pt_east, dtype=float)
    swapped = _x_holds_easting(north, east)
    if swapped:
        north, east = east, north
        notes.append(
            tr(
                "X holds the easting and Y the northing, the reverse of the format; "
                "the columns were swapped"
            )
        )
    crs_info = _decide_crs(parsed.header, east, north)
    notes.extend(crs_info.notes)
    if swapped:
        crs_info = dataclasses.replace(crs_info, swapped_axes=True)
    shift = _transformation(parsed.header, crs_info, notes)

    parcel = np.asarray(parsed.pt_parcel, dtype=np.int64)
    ring = np.asarray(parsed.pt_ring, dtype=np.int64)
    lines = np.asarray(parsed.pt_line, dtype=np.int64)
    kinds = np.asarray(parsed.kinds, dtype=object)
    n_parcels = len(parsed.parcel_lines)
    geoms, counts = _assemble(path, parsed, kinds, parcel, ring, east, north, lines)
    _check_point_counts(parsed, counts, notes)

    stated = np.asarray(parsed.stated_areas, dtype=float)
    computed, diff_pct = _cross_check_areas(parsed, geoms, kinds, stated, crs_info, notes)

    fields = np.asarray(parsed.parcel_fields, dtype=object).reshape(n_parcels, len(PARCEL_FIELDS))
    data = {
        "界址点数": pd.array(parsed.point_counts, dtype="Int64"),
        "地块面积": stated,
    }
    for i, name in enumerate(PARCEL_FIELDS[2:], start=2):
        data[name] = fields[:, i]
    data["计算面积"] = np.round(computed, 4)
    data["面积差异%"] = np.round(diff_pct, 2)
    crs = crs_info.crs()
    frame = gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(geoms, crs=crs), crs=crs)
    return [
        VectorLayer(
            name=path.stem,
            features=frame,
            source=DataSource(path),
            crs_info=crs_info,
            encoding=encoding,
            field_aliases=_aliases(),
            notes=notes,
            metadata={
                "format": "parcel_txt",
                "sections": {k: v for k, v in parsed.sections.items() if k != COORD_SECTION},
                **({"datum_shift": shift} if shift is not None else {}),
            },
        )
    ]


# --------------------------------------------------------------------------- parsing


def _parse(text: str, path: Path) -> _Parsed:
    """Split the file into sections, parcel lines and point lines.

    Files can hold a million point lines, so lines are classified with whole-column
    string operations and point lines parsed column-wise; only header and parcel lines
    (a few per parcel) go through Python one by one."""
    parsed = _Parsed()
    lines = pd.Series(text.splitlines(), dtype=object)
    stripped = lines.str.strip()
    if "，" in text:
        stripped = stripped.str.replace("，", ",", regex=False)
    nonblank = (stripped != "").to_numpy()
    maybe_section = stripped.str[:1].isin(["[", "［", "【"]).to_numpy()
    section_name = pd.Series(np.nan, index=lines.index, dtype=object)
    if maybe_section.any():
        section_name[maybe_section] = stripped[maybe_section].str.extract(_SECTION_RE)[0]
    is_section = section_name.notna().to_numpy()
    current = section_name.ffill().to_numpy()
    no_section = nonblank & pd.isna(current)
    if no_section.any():
        raise DataError(
            path,
            tr(
                "line {line}: not a land-parcel coordinate file "
                "(expected a section such as [属性描述])"
            ).format(line=int(np.argmax(no_section)) + 1),
        )
    in_coords = current == COORD_SECTION
    content = nonblank & ~is_section
    values = stripped.to_numpy()
    for i in np.flatnonzero(is_section | (content & ~in_coords)):
        if is_section[i]:
            parsed.sections.setdefault(section_name[i], {})
            continue
        key, sep, value = values[i].replace("＝", "=").partition("=")
        if sep:
            parsed.sections[current[i]][key.strip()] = value.strip()
        else:
            parsed.notes.append(tr("line {line}: not a key=value line; ignored").format(line=i + 1))
    if COORD_SECTION not in parsed.sections:
        raise DataError(
            path, tr("not a land-parcel coordinate file: there is no [地块坐标] section")
        )
    is_parcel = content & in_coords & stripped.str.endswith("@").to_numpy()
    for i in np.flatnonzero(is_parcel):
        _parse_parcel_line(parsed, values[i], i + 1, path)
    is_point = content & in_coords & ~is_parcel
    parcel_of_line = np.cumsum(is_parcel) - 1
    if is_point.any():
        _parse_points(parsed, stripped[is_point], np.flatnonzero(is_point), parcel_of_line, path)
    if not parsed.parcel_lines:
        raise DataError(path, tr("the [地块坐标] section holds no parcels"))
    return parsed


def _parse_parcel_line(parsed: _Parsed, line: str, number: int, path: Path) -> None:
    values = [v.strip() for v in line[:-1].split(",")]
    if values and values[-1] == "":
        values.pop()  # the empty field between the last comma and '@'
    standard = (values + [""] * len(PARCEL_FIELDS))[: len(PARCEL_FIELDS)]
    count_text, area_text, kind_text = standard[0], standard[1], standard[4]
    try:
        count = int(float(count_text)) if count_text else None
    except (ValueError, OverflowError):  # OverflowError: "inf", or more digits than a float holds
        raise DataError(
            path,
            tr(
                "line {line}: the number of boundary points (界址点数) '{value}' is not a number"
            ).format(line=number, value=count_text[:40]),
        ) from None
    if count is not None and not 0 <= count <= _MAX_POINT_COUNT:
        raise DataError(
            path,
            tr("line {line}: the number of boundary points (界址点数) '{value}' is not a count of points")
            .format(line=number, value=count_text[:40]),
        )
    try:
        area = _stated_hectares(area_text)
    except ValueError:
        raise DataError(
            path,
            tr("line {line}: the parcel area (地块面积) '{value}' is not a number").format(
                line=number, value=area_text
            ),
        ) from None
    kind = _KINDS.get(kind_text.lower())
    if kind is None:
        parsed.notes.append(
            tr("line {line}: unknown geometry type '{value}'; read as a polygon").format(
                line=number, value=kind_text
            )
        )
        kind = "面"
    standard[4] = kind
    parsed.parcel_lines.append(number)
    parsed.parcel_fields.append(standard)
    parsed.point_counts.append(count)
    parsed.stated_areas.append(area)
    parsed.kinds.append(kind)


#: units written after the parcel area by some exporters, as hectares per unit
_AREA_UNITS = {"公顷": 1.0, "ha": 1.0, "hm2": 1.0, "hm²": 1.0, "亩": SQM_PER_MU / SQM_PER_HECTARE,
               "平方米": 1 / SQM_PER_HECTARE, "m2": 1 / SQM_PER_HECTARE, "m²": 1 / SQM_PER_HECTARE,
               "㎡": 1 / SQM_PER_HECTARE}
_AREA_TEXT = re.compile(r"^\s*([-+]?\d*\.?\d+(?:[eE][-+]?\d+)?)\s*(\S*)\s*$")


def _stated_hectares(text: str) -> float:
    """地块面积 in hectares; a unit after the number (公顷, 亩, 平方米) is honoured.

    A stated area of 0 is the placeholder many exporters write when they do not
    know it, so it counts as not given (NaN) rather than as a mismatch.
    """
    if not text:
        return math.nan
    match = _AREA_TEXT.match(text)
    if match is None or match.group(2).lower() not in _AREA_UNITS.keys() | {""}:
        raise ValueError(text)
    value = float(match.group(1)) * _AREA_UNITS.get(match.group(2).lower(), 1.0)
    return math.nan if value == 0 else value


def _parse_points(parsed: _Parsed, text: pd.Series, index: np.ndarray, parcel_of_line, path):
    """``点号,圈号,X,Y`` lines through pandas' C tokenizer; the first bad line is reported."""
    parts = _point_columns(text, dtype=None)
    clean = all(pd.api.types.is_numeric_dtype(parts[c]) for c in (1, 2, 3))
    if not clean:
        parts = _point_columns(text, dtype=str)  # some value is not a number: find which
    ring = pd.to_numeric(parts[1], errors="coerce").to_numpy(dtype=float)
    x = pd.to_numeric(parts[2], errors="coerce").to_numpy(dtype=float)
    y = pd.to_numeric(parts[3], errors="coerce").to_numpy(dtype=float)
    parcel = parcel_of_line[index]
    short = parts[3].isna().to_numpy()
    if not clean:
        short = short | (parts[3].astype(str).str.strip() == "").to_numpy()
    orphan = parcel < 0
    bad_ring = ~(np.isfinite(ring) & (np.mod(ring, 1) == 0))
    bad_xy = ~(np.isfinite(x) & np.isfinite(y))
    bad = short | orphan | bad_ring | bad_xy
    if bad.any():
        k = int(np.argmax(bad))
        line = int(index[k]) + 1
        if short[k]:
            message = tr("line {line}: expected 点号,圈号,X,Y").format(line=line)
        elif orphan[k]:
            message = tr("line {line}: a point comes before any parcel line (ending in @)").format(
                line=line
            )
        elif bad_ring[k]:
            message = tr(
                "line {line}: the ring number (圈号) '{value}' is not an integer; "
                "expected 点号,圈号,X,Y"
            ).format(line=line, value=parts[1].iloc[k])
        else:
            message = tr("line {line}: X and Y must be numbers, found '{x}', '{y}'").format(
                line=line, x=parts[2].iloc[k], y=parts[3].iloc[k]
            )
        raise DataError(path, _strip(message))
    parsed.pt_parcel = parcel.astype(np.int64)
    parsed.pt_ring = ring.astype(np.int64)
    parsed.pt_north = x
    parsed.pt_east = y
    parsed.pt_line = index.astype(np.int64) + 1


def _point_columns(text: pd.Series, dtype) -> pd.DataFrame:
    """Columns 1–3 (圈号, X, Y) of the point lines; short lines give NaN, extras are ignored."""
    joined = "\n".join(text.tolist())
    options = {
        "header": None,
        "usecols": [1, 2, 3],
        "dtype": dtype,
        "skipinitialspace": True,
        "quoting": csv.QUOTE_NONE,
        "skip_blank_lines": False,
        "keep_default_na": dtype is None,
        "engine": "c",
    }
    try:
        return pd.read_csv(io.StringIO(joined), names=range(_MAX_POINT_FIELDS), **options)
    except (pd.errors.ParserError, ValueError):  # a line with very many fields: keep four of each line
        return pd.read_csv(io.StringIO(_FIRST_FOUR_FIELDS.sub(r"\1", joined)), names=range(4), **options)


def _strip(message: str) -> str:
    return message.replace("'nan'", "''")


# --------------------------------------------------------------------------- CRS


def _leading_int(text: str | None) -> int | None:
    """The first number in ``text`` (a zone, a zone width), None when there is none or it is absurdly long."""
    match = re.search(r"\d+", text or "")
    return int(match.group()) if match and len(match.group()) <= 9 else None


def _decide_crs(header: dict[str, str], east: np.ndarray, north: np.ndarray) -> CrsInfo:
    """The CRS 坐标系 + 几度分带 + 带号 name, decided with the coordinates by ``resolve_crs``."""
    width = _leading_int(header.get("几度分带") or header.get("分带"))  # "分带=3度带" in some tools
    stated = HeaderCrs(datum_text=header.get("坐标系", ""), width=width, zone=_leading_int(header.get("带号")))
    bounds = (float(east.min()), float(north.min()), float(east.max()), float(north.max())) if len(east) else None
    return resolve_crs(None, bounds, header=stated, eastings=east)


def _x_holds_easting(north: np.ndarray, east: np.ndarray) -> bool:
    """True when the file wrote easting first (against the format), judged by magnitudes."""
    if len(north) == 0:
        return False
    inference = infer_from_bounds((east.min(), north.min(), east.max(), north.max()))
    if inference.swapped and inference.epsg is not None:
        return True
    # unprefixed GK: eastings stay below 1 000 000 m, Chinese northings above it
    return bool(
        north.max() < 1_000_000
        and east.min() >= 1_000_000
        and east.max() <= NORTHING_RANGE[1]
        and north.min() > 0
    )


def _transformation(header: dict[str, str], crs_info: CrsInfo, notes: list[str]):
    """The 转换参数 line (dx,dy,dz,rx,ry,rz,ds; usually empty) as a named datum shift to CGCS2000
    the layer carries, or None. It is never applied by reading: an export asks for it.

    Only a Xian 1980 or Beijing 1954 file's seven numbers become one (the rotations read as
    PROJ's ``+towgs84`` does); anything else is kept in the metadata and said to be unused.
    """
    params = header.get("转换参数", "")
    if not any(p.strip() for p in params.replace("，", ",").split(",")):
        return None
    row = chinese_crs(crs_info.epsg)
    if row is not None and row.datum != "CGCS2000":
        try:
            shift = bursa_wolf_shift(row.epsg, params, name=tr("转换参数 of the file ({params})").format(
                params=params))
        except ValueError as exc:
            notes.append(tr("the file gives datum transformation parameters (转换参数={params}) that cannot be "
                            "used: {error}").format(params=params, error=exc))
            return None
        notes.append(tr("the file gives a 7-parameter datum transformation from {datum} to CGCS2000 "
                        "(转换参数={params}, rotations as PROJ's +towgs84 reads them); the coordinates are "
                        "not changed by reading, an export to CGCS2000 offers it")
                     .format(datum=crs_from_epsg(shift.source_epsg).datum.name, params=params))
        return shift
    notes.append(
        tr(
            "the file gives datum transformation parameters ({params}); "
            "they are kept in the metadata, not applied"
        ).format(params=params)
    )
    return None


# --------------------------------------------------------------------------- geometry


def _assemble(path, parsed, kinds, parcel, ring, east, north, lines):
    """One geometry per parcel, built with vectorized shapely calls; returns (geoms, stats)."""
    n_parcels = len(kinds)
    geoms = np.full(n_parcels, None, dtype=object)
    stats = {
        "points": np.bincount(parcel, minlength=n_parcels),
        "closing": np.zeros(n_parcels, np.int64),
        "open": np.zeros(n_parcels, np.int64),
    }
    if len(parcel) == 0:
        return geoms, stats
    order = np.argsort(ring, kind="stable")
    order = order[np.argsort(parcel[order], kind="stable")]
    parcel, ring, east, north, lines = (
        parcel[order],
        ring[order],
        east[order],
        north[order],
        lines[order],
    )
    coords = np.column_stack([east, north])
    starts = np.r_[True, (parcel[1:] != parcel[:-1]) | (ring[1:] != ring[:-1])]
    ring_id = np.cumsum(starts) - 1
    first = np.flatnonzero(starts)
    last = np.r_[first[1:] - 1, len(parcel) - 1]
    ring_size = last - first + 1
    closed = (ring_size > 1) & (coords[first] == coords[last]).all(axis=1)
    ring_parcel = parcel[first]
    stats["closing"] = np.bincount(ring_parcel, weights=closed, minlength=n_parcels).astype(
        np.int64
    )
    stats["open"] = np.bincount(ring_parcel, weights=~closed, minlength=n_parcels).astype(np.int64)
    distinct = ring_size - closed
    ring_kind = kinds[ring_parcel]

    for kind, minimum, message in (
        (
            "面",
            3,
            tr(
                "line {line}: ring {ring} of parcel '{parcel}' has {n} distinct points; "
                "a polygon ring needs at least 3"
            ),
        ),
        (
            "线",
            2,
            tr(
                "line {line}: line {ring} of parcel '{parcel}' has {n} distinct points; "
                "a line needs at least 2"
            ),
        ),
    ):
        short = (ring_kind == kind) & (distinct < minimum)
        if short.any():
            r = np.flatnonzero(short)[0]
            raise DataError(
                path,
                message.format(
                    line=lines[first[r]],
                    ring=ring[first[r]],
                    parcel=_parcel_label(parsed, ring_parcel[r]),
                    n=distinct[r],
                ),
            )

    pt_kind = kinds[parcel]
    _polygons(geoms, coords, ring_id, pt_kind == "面", ring_parcel, ring_kind == "面")
    _lines(geoms, coords, ring_id, pt_kind == "线", ring_parcel, ring_kind == "线")
    is_point = pt_kind == "点"
    if is_point.any():
        points = shapely.points(coords[is_point])
        _collect(geoms, shapely.multipoints, points, parcel[is_point])
    return geoms, stats


def _dense(ids: np.ndarray) -> np.ndarray:
    return np.unique(ids, return_inverse=True)[1]


def _collect(geoms, make_multi, parts, part_parcel) -> None:
    """Put parts into geoms by parcel: one part stays single, several make a multi-geometry."""
    multi = make_multi(parts, indices=part_parcel, out=np.full(len(geoms), None, dtype=object))
    has = np.bincount(part_parcel, minlength=len(geoms))
    single = has == 1
    multi[single] = shapely.get_geometry(multi[single], 0)
    geoms[has > 0] = multi[has > 0]


def _lines(geoms, coords, ring_id, point_mask, ring_parcel, ring_mask) -> None:
    if not point_mask.any():
        return
    lines = shapely.linestrings(coords[point_mask], indices=_dense(ring_id[point_mask]))
    _collect(geoms, shapely.multilinestrings, lines, ring_parcel[ring_mask])


def _polygons(geoms, coords, ring_id, point_mask, ring_parcel, ring_mask) -> None:
    """Rings → polygons: a ring inside an odd number of its parcel's rings is a hole of the
    innermost of them; every other ring is an outer ring (so islands in holes work too)."""
    if not point_mask.any():
        return
    rings = shapely.linearrings(coords[point_mask], indices=_dense(ring_id[point_mask]))
    owner = ring_parcel[ring_mask]
    n = len(rings)
    filled = shapely.polygons(rings)
    # candidates: rings of the same parcel whose box lies within the other's box; then
    # "inside" means a point inside ring B (point on surface) lies inside ring A
    # (robust to holes touching their outer ring, and valid for invalid rings too)
    container, inside = shapely.STRtree(filled).query(filled)
    box = shapely.bounds(filled)
    a, b = box[container], box[inside]
    keep = (
        (container != inside)
        & (owner[container] == owner[inside])
        & (a[:, 0] <= b[:, 0])
        & (a[:, 1] <= b[:, 1])
        & (a[:, 2] >= b[:, 2])
        & (a[:, 3] >= b[:, 3])
    )
    container, inside = container[keep], inside[keep]
    probe = shapely.point_on_surface(filled)  # empty (x = NaN) for a zero-area ring
    keep = shapely.contains_xy(
        filled[container], shapely.get_x(probe)[inside], shapely.get_y(probe)[inside]
    )
    container, inside = container[keep], inside[keep]
    # identical rings contain each other: count only one direction
    code, reverse = container * n + inside, inside * n + container
    keep = ~(np.isin(reverse, code) & (container > inside))
    container, inside = container[keep], inside[keep]
    depth = np.bincount(inside, minlength=n)
    hole = depth % 2 == 1
    polygon_of = np.arange(n)
    if len(inside):
        by = np.lexsort((depth[container], inside))  # per inside ring, deepest container last
        last = np.r_[inside[by][1:] != inside[by][:-1], True]
        innermost_inside, innermost = inside[by][last], container[by][last]
        polygon_of[innermost_inside] = np.where(hole[innermost_inside], innermost, innermost_inside)
    order = np.lexsort((np.arange(n), hole, polygon_of))
    polygons = shapely.polygons(rings[order], indices=_dense(polygon_of[order]))
    shells = np.unique(polygon_of)  # the outer ring of each polygon, in polygon order
    _collect(geoms, shapely.multipolygons, polygons, owner[shells])


def _parcel_label(parsed: _Parsed, index: int) -> str:
    fields = parsed.parcel_fields[index]
    return fields[2] or fields[3] or str(index + 1)


# --------------------------------------------------------------------------- checks


def _check_point_counts(parsed: _Parsed, stats: dict, notes: list[str]) -> None:
    """界址点数 may count the closing repeat or not, and may count the implied closure."""
    stated = np.asarray([-1 if c is None else c for c in parsed.point_counts])
    points = stats["points"]
    fine = (
        (stated == -1)
        | (stated == points)
        | (stated == points - stats["closing"])
        | (stated == points + stats["open"])
    )
    bad = np.flatnonzero(~fine)
    for i in bad[:MAX_NOTES]:
        notes.append(
            tr("line {line}: parcel '{parcel}' states {stated} boundary points but has {n}").format(
                line=parsed.parcel_lines[i],
                parcel=_parcel_label(parsed, i),
                stated=stated[i],
                n=points[i],
            )
        )
    if len(bad) > MAX_NOTES:
        notes.append(
            tr("… and {n} more parcels with a different number of boundary points").format(
                n=len(bad) - MAX_NOTES
            )
        )
    empty = np.flatnonzero(points == 0)
    for i in empty[:MAX_NOTES]:
        notes.append(
            tr("line {line}: parcel '{parcel}' has no points; it is kept without geometry").format(
                line=parsed.parcel_lines[i], parcel=_parcel_label(parsed, i)
            )
        )


def _cross_check_areas(parsed, geoms, kinds, stated, crs_info, notes):
    """Computed area (hm²) and the stated area's difference from it (%), noting mismatches."""
    polygonal = (kinds == "面") & ~shapely.is_missing(geoms)
    computed = np.full(len(geoms), np.nan)
    if polygonal.any():
        crs = crs_info.crs()
        areas = ellipsoidal_areas(geoms[polygonal], crs)  # planar when the CRS is unknown
        if crs is None:
            notes.append(tr("the coordinate system is unknown: computed areas are planar"))
        computed[polygonal] = areas / SQM_PER_HECTARE
    with np.errstate(divide="ignore", invalid="ignore"):
        diff = (stated - computed) / computed * 100.0
    bad = np.flatnonzero(np.abs(diff) > AREA_TOLERANCE * 100)
    for i in bad[:MAX_NOTES]:
        notes.append(
            tr(
                "line {line}: parcel '{parcel}' states {stated} hm² but its boundary encloses "
                "{computed:.4f} hm² ({diff:+.2f} %)"
            ).format(
                line=parsed.parcel_lines[i],
                parcel=_parcel_label(parsed, i),
                stated=f"{stated[i]:g}",
                computed=computed[i],
                diff=diff[i],
            )
            + _unit_hint(stated[i], computed[i])
        )
    if len(bad) > MAX_NOTES:
        notes.append(
            tr("… and {n} more parcels whose stated area differs by more than 1 %").format(
                n=len(bad) - MAX_NOTES
            )
        )
    return computed, diff


def _unit_hint(stated: float, computed_hm2: float) -> str:
    """A hint when the stated area looks like m² or 亩 instead of hectares."""
    m2 = computed_hm2 * SQM_PER_HECTARE
    if m2 > 0 and abs(stated / m2 - 1) <= AREA_TOLERANCE:
        return tr("; the stated area looks like square metres, not hectares")
    mu = m2 / SQM_PER_MU
    if mu > 0 and abs(stated / mu - 1) <= AREA_TOLERANCE:
        return tr("; the stated area looks like mu (亩), not hectares")
    return ""
