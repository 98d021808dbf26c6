"""Writer for the Ministry land-parcel coordinate TXT (what :mod:`ecomap.io.parcel_txt` reads).

The file is what land-approval systems import, so it follows the common convention
rather than inventing anything: GBK by default, CRLF line ends, ``[属性描述]`` with
坐标系 / 几度分带 / 带号 taken from the layer's Gauss-Krüger CRS, one parcel line per
feature with 地块面积 in hectares (4 decimals, the ellipsoidal area of the geometry),
then ``点号,圈号,X,Y`` with X the northing, every ring closed by repeating its first
point (and that point's number). Ring numbers run 1, 2, … per parcel: each polygon's
outer ring followed by its holes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS

from ecomap.core.atomic import atomic_write_bytes
from ecomap.core.crs import chinese_crs, crs_from_epsg, epsg_of
from ecomap.core.layers import VectorLayer
from ecomap.core.measure import SQM_PER_HECTARE, ellipsoidal_areas
from ecomap.errors import DataError
from ecomap.i18n import tr
from ecomap.io.crs_detect import gauss_kruger_epsg

#: 坐标系 text written for each datum (the wording land-approval templates use)
DATUM_TEXT = {
    "CGCS2000": "2000国家大地坐标系",
    "Xian1980": "80国家大地坐标系",
    "Beijing1954": "54北京坐标系",
}
#: parcel-line text fields and the column each is taken from by default
TEXT_FIELDS = ("地块编号", "地块名称", "图幅号", "地块用途", "地类编码")
#: the encoding land-approval systems read (``ecomap export-layer --help`` says so too)
DEFAULT_ENCODING = "GBK"
_KIND = {3: "面", 6: "面", 1: "线", 5: "线", 0: "点", 4: "点"}


@dataclass(frozen=True)
class WriteResult:
    path: Path
    epsg: int
    parcels: int
    #: features left out because they have no geometry
    skipped: int


@lru_cache(maxsize=1)
def _gk_table() -> dict[int, tuple[str, int, int, bool]]:
    """EPSG → (datum, zone width, zone, prefixed) for every Chinese Gauss-Krüger CRS."""
    table = {}
    for datum in DATUM_TEXT:
        for width, zones in ((3, range(25, 46)), (6, range(13, 24))):
            for zone in zones:
                for prefixed in (True, False):
                    table[gauss_kruger_epsg(zone, width, datum, prefixed)] = (
                        datum,
                        width,
                        zone,
                        prefixed,
                    )
    return table


def gauss_kruger_params(epsg: int | None) -> tuple[str, int, int, bool] | None:
    """(datum, width, zone, prefixed) of a Chinese Gauss-Krüger EPSG code, else None."""
    return _gk_table().get(epsg) if epsg is not None else None


def write(
    source: VectorLayer | gpd.GeoDataFrame,
    path: Path,
    *,
    encoding: str = DEFAULT_ENCODING,
    epsg: int | None = None,
    precision: int = 3,
    header: Mapping[str, str] | None = None,
    project_info: Mapping[str, str] | None = None,
    field_map: Mapping[str, str] | None = None,
) -> WriteResult:
    """Write polygons (also lines, points) as a parcel coordinate TXT.

    ``epsg``: the Gauss-Krüger CRS to write in; by default the layer's own when it is
    one, else CGCS2000 3° with zone prefix for the layer's centre. ``header``: extra or
    overriding [属性描述] keys (e.g. 数据产生单位, 转换参数); ``project_info``: a
    [项目信息] section; ``field_map``: TXT field → column (e.g. {"地块编号": "DKBH"}).
    """
    path = Path(path)
    frame = source.features if isinstance(source, VectorLayer) else source
    crs = source.crs_info.crs() if isinstance(source, VectorLayer) else frame.crs
    if crs is None:
        raise DataError(path, tr("the layer has no coordinate system; cannot write a parcel TXT"))
    present = ~(shapely.is_missing(frame.geometry.values) | shapely.is_empty(frame.geometry.values))
    frame = frame[present]
    target = epsg if epsg is not None else _target_epsg(frame, crs)
    params = gauss_kruger_params(target)
    if params is None:
        raise DataError(
            path,
            tr("EPSG:{epsg} is not a Chinese Gauss-Krüger coordinate system").format(epsg=target),
        )
    if epsg_of(CRS.from_user_input(crs)) != target:
        frame = frame.set_crs(crs, allow_override=True).to_crs(crs_from_epsg(target))
    text = _header_text(params, precision, header, project_info) + _body_text(
        frame, target, precision, field_map or {}
    )
    try:
        data = text.replace("\n", "\r\n").encode(encoding)
    except UnicodeEncodeError as exc:
        raise DataError(
            path,
            tr("'{text}' cannot be written in {encoding}; choose UTF-8").format(
                text=exc.object[exc.start : exc.end], encoding=encoding
            ),
        ) from None
    except LookupError:
        raise DataError(path, tr("unknown encoding {encoding}").format(encoding=encoding)) from None
    atomic_write_bytes(path, data)
    return WriteResult(path, target, int(present.sum()), int((~present).sum()))


def _target_epsg(frame: gpd.GeoDataFrame, crs) -> int | None:
    """The layer's own EPSG when it is Gauss-Krüger, else the 3° zone (prefixed) at its centre on
    the layer's datum (Xian 1980 stays Xian 1980), CGCS2000 for any other."""
    own = epsg_of(CRS.from_user_input(crs))
    if gauss_kruger_params(own) is not None or len(frame) == 0:
        return own
    lon = frame.set_crs(crs, allow_override=True).to_crs(4490).total_bounds[[0, 2]].mean()
    zone = int(np.floor(lon / 3 + 0.5))
    row = chinese_crs(own)
    datum = row.datum if row is not None else "CGCS2000"
    return gauss_kruger_epsg(zone, 3, datum, prefixed=True) if 25 <= zone <= 45 else own


def _header_text(params, precision: int, header, project_info) -> str:
    datum, width, zone, _ = params
    keys = {
        "坐标系": DATUM_TEXT[datum],
        "几度分带": str(width),
        "投影类型": "高斯克吕格",
        "计量单位": "米",
        "带号": str(zone),
        "精度": f"{10.0**-precision:.{precision}f}" if precision > 0 else "1",
        "转换参数": ",,,,,,",
    }
    extra = dict(header or {})
    # the optional producer keys come first, as in the Ministry template
    lead = {k: extra.pop(k) for k in ("格式版本号", "数据产生单位", "数据产生日期") if k in extra}
    keys.update(extra)
    out = []
    if project_info:
        out.append("[项目信息]")
        out += [f"{k}={_clean(v)}" for k, v in project_info.items()]
    out.append("[属性描述]")
    out += [f"{k}={v}" for k, v in {**lead, **keys}.items()]
    out.append("[地块坐标]")
    return "\n".join(out) + "\n"


def _clean(value) -> str:
    """A field value safe inside the comma-separated line."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    text = str(value)
    for bad in (",", "，", "\r", "\n", "@"):
        text = text.replace(bad, " ")
    return text.strip()


def _body_text(
    frame: gpd.GeoDataFrame, epsg: int, precision: int, field_map: Mapping[str, str]
) -> str:
    geoms = frame.geometry.values
    n = len(geoms)
    if n == 0:
        return ""
    kind = np.asarray(
        [_KIND.get(t, "面") for t in shapely.get_type_id(geoms).tolist()], dtype=object
    )
    areas = np.zeros(n)
    polygonal = kind == "面"
    if polygonal.any():
        areas[polygonal] = (
            ellipsoidal_areas(geoms[polygonal], crs_from_epsg(epsg)) / SQM_PER_HECTARE
        )

    # parts → rings (exterior then holes) → coordinates, each with its feature number
    parts, part_feature = shapely.get_parts(geoms, return_index=True)
    is_poly = shapely.get_type_id(parts) == 3
    rings, ring_part = shapely.get_rings(parts[is_poly], return_index=True)
    ring_feature = np.concatenate([part_feature[is_poly][ring_part], part_feature[~is_poly]])
    rings = np.concatenate([rings, parts[~is_poly]])
    order = np.argsort(ring_feature, kind="stable")
    rings, ring_feature = rings[order], ring_feature[order]
    coords, coord_ring = shapely.get_coordinates(rings, return_index=True)
    starts = np.r_[0, np.flatnonzero(np.diff(ring_feature)) + 1]
    ring_number = np.arange(len(rings)) - np.repeat(starts, np.diff(np.r_[starts, len(rings)])) + 1

    # point numbers run per feature; a ring's closing point repeats the ring's first number
    coord_feature = ring_feature[coord_ring]
    ring_last = np.r_[coord_ring[1:] != coord_ring[:-1], True]
    closing = ring_last & (kind[coord_feature] == "面")
    numbered = (~closing).astype(np.int64)
    running = np.cumsum(numbered)
    feature_first = np.r_[True, coord_feature[1:] != coord_feature[:-1]]
    before = (running - numbered)[feature_first]  # numbers used by earlier features
    number = running - before[np.cumsum(feature_first) - 1]
    ring_first = np.r_[True, coord_ring[1:] != coord_ring[:-1]]
    number[closing] = number[ring_first][coord_ring[closing]]
    lines_per_feature = np.bincount(coord_feature, minlength=n)

    fmt = f"{{:.{precision}f}}"
    point_lines = [
        f"J{p},{r},{fmt.format(y)},{fmt.format(x)}"
        for p, r, x, y in zip(
            number.tolist(),
            ring_number[coord_ring].tolist(),
            coords[:, 0].tolist(),
            coords[:, 1].tolist(),
            strict=True,
        )
    ]
    columns = {name: field_map.get(name, name) for name in TEXT_FIELDS}
    values = {
        name: (frame[col].tolist() if col in frame.columns else [None] * n)
        for name, col in columns.items()
    }
    if columns["地块编号"] not in frame.columns:
        values["地块编号"] = list(range(1, n + 1))
    out = []
    offsets = np.r_[0, np.cumsum(lines_per_feature)]
    for i in range(n):  # assembling text, one parcel line followed by its point lines
        text = [_clean(values[name][i]) for name in TEXT_FIELDS]
        out.append(
            f"{lines_per_feature[i]},{areas[i]:.4f},{text[0]},{text[1]},{kind[i]},"
            f"{text[2]},{text[3]},{text[4]},@"
        )
        out.extend(point_lines[offsets[i] : offsets[i + 1]])
    return "\n".join(out) + "\n"
