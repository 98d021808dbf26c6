"""Files whose attribute values are awkward the way real ones are: DataV GeoJSON with arrays
and nested objects, GBK Shapefiles cut at the field width, GeoPackages with deleted rows."""

from __future__ import annotations

import json
import sqlite3
import struct
import warnings
from pathlib import Path

import geopandas as gpd
import pyogrio
from shapely.geometry import Point, box

#: DataV / Aliyun (geo.datav.aliyun.com) county features as they are published
DATAV_FEATURES = [
    {"adcode": 140121, "name": "清徐县", "center": [112.357961, 37.60729], "centroid": [112.306069, 37.532628],
     "childrenNum": 0, "level": "district", "parent": {"adcode": 140100}, "subFeatureIndex": 0,
     "acroutes": [100000, 140000, 140100]},
    {"adcode": 140122, "name": "阳曲县", "center": [112.673818, 38.058797], "centroid": [112.597284, 38.079127],
     "childrenNum": 0, "level": "district", "parent": {"adcode": 140100}, "subFeatureIndex": 1,
     "acroutes": [100000, 140000, 140100], "tags": ["山区", "水源地"],
     "extra": {"source": {"name": "天地图", "year": 2023}, "codes": [1, 2.5, None]}},
    {"adcode": None, "name": "境界线", "center": None, "childrenNum": None, "level": None, "parent": None,
     "subFeatureIndex": 2, "acroutes": []},
]


def datav_geojson(folder: Path) -> Path:
    """Three DataV-style features: arrays, nested objects, NULLs, an empty array."""
    features = [{"type": "Feature", "properties": props,
                 "geometry": {"type": "Polygon", "coordinates": [[[112 + i, 37], [112.5 + i, 37], [112.5 + i, 37.5],
                                                                  [112 + i, 37]]]}}
                for i, props in enumerate(DATAV_FEATURES)]
    path = folder / "140100_full.json"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False),
                    encoding="utf-8")
    return path


def patched_shapefile(folder: Path, name: str, columns: dict[str, list[bytes]], encoding: str = "GBK",
                      cpg: str | None = None, ldid: int = 0x57) -> Path:
    """A point Shapefile whose character fields hold exactly ``columns``' bytes.

    GDAL writes ASCII placeholders with the fields shrunk to their widest value
    (RESIZE=YES); then each record's field bytes are overwritten in the DBF with the given
    bytes (padded with blanks), so a value may end in half a character right at the field
    width, as the tools that cut text by bytes leave it. No .cpg unless ``cpg``; the
    language-driver byte is ``ldid`` (0x57, "system ANSI", what ArcGIS on a Chinese PC writes).
    """
    n = len(next(iter(columns.values())))
    width = {c: max(len(v) for v in values) for c, values in columns.items()}
    frame = gpd.GeoDataFrame({c: ["x" * width[c]] * n for c in columns},
                             geometry=[Point(112 + i, 37) for i in range(n)], crs=4490)
    path = folder / f"{name}.shp"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pyogrio.write_dataframe(frame, path, encoding=encoding, layer_options={"RESIZE": "YES"})
    dbf = path.with_suffix(".dbf")
    raw = bytearray(dbf.read_bytes())
    header_len, record_len = struct.unpack("<HH", raw[8:12])
    offsets, at = {}, 1  # after the deletion flag
    for i in range(32, header_len - 1, 32):
        field_name = bytes(raw[i:i + 11]).split(b"\x00")[0].decode("ascii")
        offsets[field_name] = (at, raw[i + 16])
        at += raw[i + 16]
    for c, values in columns.items():
        start, length = offsets[c]
        assert length == width[c]
        for row, value in enumerate(values):
            pos = header_len + row * record_len + start
            raw[pos:pos + length] = value.ljust(length, b" ")
    raw[29] = ldid
    dbf.write_bytes(bytes(raw))
    path.with_suffix(".cpg").unlink(missing_ok=True)
    if cpg:
        path.with_suffix(".cpg").write_text(cpg)
    return path


def gpkg_with_deleted_rows(folder: Path) -> tuple[Path, str]:
    """A GeoPackage table whose fids do not start at 1 and have gaps (rows 1, 3 and 4 deleted)."""
    path = folder / "地块.gpkg"
    frame = gpd.GeoDataFrame({"DKBM": [f"DK{i:03d}" for i in range(1, 8)], "MJ": [10.0 * i for i in range(1, 8)]},
                             geometry=[box(i, 0, i + 0.5, 0.5) for i in range(7)], crs=4490)
    pyogrio.write_dataframe(frame, path, layer="parcels")
    with sqlite3.connect(path) as con:
        con.execute("DELETE FROM parcels WHERE fid IN (1, 3, 4)")
    return path, "parcels"
