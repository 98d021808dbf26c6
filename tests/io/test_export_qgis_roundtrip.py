"""Every export format opened by QGIS: the same features, Chinese values, CRS and coordinates.

The source is the sample county's 生态保护红线 layer (10 multipolygons in EPSG:4524 with
Chinese names, a null column and a 60-character text) and its 村庄 points, read for the
expected values with pyogrio directly rather than through EcoMap. The files are
exported once through ``ecomap.io.export`` and read by one QGIS process
(``qgis_read_back.py`` under /usr/bin/python3, which prints what QGIS sees as JSON):
OGR for GeoPackage, Shapefile, GeoJSON, KML/KMZ (LIBKML) and XLSX, the delimitedtext
provider for CSV with the X/Y or WKT field named in the URI as a QGIS user would pick
them. QGIS has no parcel-TXT reader, so that file is read back by EcoMap's own. The
measured 3-D lines of pyogrio's line_zm.gpkg check that Z (and M, where EcoMap's reader
kept it) reaches QGIS, and Shapefiles with Chinese field names that QGIS reads them in
both encodings.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import urllib.parse
from pathlib import Path

import numpy as np
import pandas as pd
import pyogrio
import pytest
import shapely

from ecomap.core.style import style_from_dict
from ecomap.io.export import export_layer
from ecomap.io.registry import open_path

QGIS_PYTHON = "/usr/bin/python3"
SCRIPT = Path(__file__).with_name("qgis_read_back.py")
COUNTY = Path(__file__).resolve().parents[2] / "sample_data" / "county.gpkg"
LINE_ZM = Path(__file__).resolve().parents[1] / "data" / "real" / "pyogrio" / "line_zm.gpkg"
TEXT_COLUMNS = ["HXBM", "HXMC", "HXDL", "HXLX", "LXBM", "XZQDM", "BHDMC", "GKYQ"]


def _qgis_importable() -> bool:
    try:
        done = subprocess.run([QGIS_PYTHON, "-c", "import qgis.core"], capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


pytestmark = pytest.mark.skipif(not _qgis_importable(), reason=f"{QGIS_PYTHON} cannot import qgis.core "
                                "(install QGIS: apt-get install qgis python3-qgis)")

#: format key → (file name, export options); "categorized" exports with a style on 红线类型
CASES = {
    "gpkg": ("redlines.gpkg", {}),
    "shp_gbk": ("redlines_gbk.shp", {"encoding": "GBK"}),
    "shp_utf8": ("redlines_utf8.shp", {"encoding": "UTF-8"}),
    "geojson": ("redlines.geojson", {}),
    "kml": ("redlines.kml", {"categorized": True}),
    "kmz": ("redlines.kmz", {"categorized": True}),
    "csv_wkt": ("redlines.csv", {}),
    "csv_xy": ("villages.csv", {"layer": "villages"}),
    "xlsx": ("redlines.xlsx", {}),
    "txt": ("redlines.txt", {}),
    "shp_gbk_cn": ("红线_gbk.shp", {"encoding": "GBK", "chinese_fields": True}),
    "shp_utf8_cn": ("红线_utf8.shp", {"encoding": "UTF-8", "chinese_fields": True}),
}
ZM_CASES = {"zm_gpkg": "line_zm.gpkg", "zm_shp": "line_zm.shp", "zm_geojson": "line_zm.geojson",
            "zm_kml": "line_zm.kml"}


def _source(name: str):
    return pyogrio.read_dataframe(COUNTY, layer=name)


def _layer(name: str):
    return next(lyr for lyr in open_path(COUNTY) if lyr.name == name)


def _style_by_type(frame):
    colours = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02"]
    categories = [{"value": v, "label": v, "symbol": {"fill": c + "80", "stroke": c + "ff"}}
                  for v, c in zip(sorted(frame["HXLX"].unique()), colours)]
    return style_from_dict({"type": "categorized", "field": "HXLX", "categories": categories})


def _request(key: str, path: Path, result) -> dict:
    if key.startswith("csv"):
        query = {"delimiter": ",", "crs": f"EPSG:{result.crs.to_epsg()}"}
        query |= {"wktField": "WKT"} if key == "csv_wkt" else {"xField": "东坐标", "yField": "北坐标"}
        text = "&".join(f"{k}={urllib.parse.quote(v, safe=':,')}" for k, v in query.items())
        return {"uri": f"{path.as_uri()}?{text}", "provider": "delimitedtext"}
    return {"uri": str(path), "provider": "ogr"}


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """key → (export result, path, what QGIS read, or None for the TXT)."""
    folder = tmp_path_factory.mktemp("qgis_roundtrip")
    out, requests = {}, {}
    for key, (file_name, options) in CASES.items():
        options = dict(options)
        layer = _layer(options.pop("layer", "redlines"))
        if options.pop("categorized", False):
            options["style"] = _style_by_type(layer.features)
        if options.pop("chinese_fields", False):  # the field aliases as the field names
            layer = dataclasses.replace(layer, features=layer.features.rename(columns=layer.field_aliases),
                                        field_aliases={})
        path = folder / file_name
        result = export_layer(layer, path, **options)
        out[key] = [result, path, None]
        if key != "txt":
            requests[key] = _request(key, path, result)
    (zm_layer,) = open_path(LINE_ZM)
    for key, file_name in ZM_CASES.items():
        path = folder / file_name
        out[key] = [export_layer(zm_layer, path), path, None]
        requests[key] = {"uri": str(path), "provider": "ogr"}
    done = subprocess.run([QGIS_PYTHON, str(SCRIPT)], input=json.dumps(requests), capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout)
    for key in requests:
        out[key][2] = seen[key]
    out["qgis_messages"] = done.stderr
    return out


def test_qgis_opens_every_file_without_a_gdal_warning(exported):
    assert "Warning" not in exported["qgis_messages"] and "ERROR" not in exported["qgis_messages"]


def _features(seen: dict) -> list[dict]:
    assert "error" not in seen, seen
    layers = seen["layers"]
    assert all(lyr["count"] > 0 for lyr in layers), [(lyr["name"], lyr["count"]) for lyr in layers]
    return [f for lyr in layers for f in lyr["features"]]


def _first_vertex(geom) -> np.ndarray:
    return shapely.get_coordinates(geom)[0]


def _close(got, want, geographic: bool) -> bool:
    return bool(np.all(np.abs(np.asarray(got[:2], float) - want[:2]) <= (1e-6 if geographic else 1e-3)))


@pytest.mark.parametrize("key", ["gpkg", "shp_gbk", "shp_utf8", "geojson", "kml", "kmz", "csv_wkt"])
def test_qgis_reads_the_red_lines_back(exported, key):
    result, _path, seen = exported[key]
    source = _source("redlines")
    features = _features(seen)
    assert len(features) == len(source) == result.count
    lonlat = key in ("geojson", "kml", "kmz")
    want_crs = "EPSG:4326" if lonlat else "EPSG:4524"
    assert {lyr["authid"] for lyr in seen["layers"]} == {want_crs}
    expected = source.to_crs(4326) if lonlat else source
    by_code = {f["attributes"]["HXBM"]: f for f in features}
    assert sorted(by_code) == sorted(source["HXBM"])
    for row in range(len(expected)):
        got = by_code[source["HXBM"].iloc[row]]
        for column in TEXT_COLUMNS:
            want = source[column].iloc[row]
            assert got["attributes"][column] == (None if pd.isna(want) else want), column
        assert float(got["attributes"]["TBMJ"]) == pytest.approx(source["TBMJ"].iloc[row])
        assert _close(got["first"], _first_vertex(expected.geometry.iloc[row]), lonlat), key


@pytest.mark.parametrize("key", ["kml", "kmz"])
def test_a_categorized_kml_is_one_qgis_layer_per_category_and_no_empty_one(exported, key):
    _result, _path, seen = exported[key]
    source = _source("redlines")
    layers = {lyr["name"]: lyr for lyr in seen["layers"]}
    assert sorted(layers) == sorted(source["HXLX"].unique())
    for name, lyr in layers.items():
        assert lyr["count"] == int((source["HXLX"] == name).sum())
        assert set(TEXT_COLUMNS) <= set(lyr["fields"])  # every attribute visible (LIBKML SchemaData)


@pytest.mark.parametrize("key", ["shp_gbk", "shp_utf8"])
def test_shapefile_declares_its_encoding_to_qgis(exported, key):
    _result, path, _seen = exported[key]
    assert path.with_suffix(".cpg").read_text() == ("936" if key == "shp_gbk" else "UTF-8")
    raw = path.with_suffix(".dbf").read_bytes()
    assert "红崖水土保持生态保护红线".encode("gbk" if key == "shp_gbk" else "utf-8") in raw


def test_qgis_reads_the_villages_csv_with_its_xy_columns(exported):
    result, _path, seen = exported["csv_xy"]
    source = _source("villages")
    features = _features(seen)
    assert len(features) == len(source) == result.count
    assert seen["layers"][0]["authid"] == "EPSG:4524"
    by_name = {f["attributes"]["CM"]: f for f in features}
    for row in range(len(source)):
        got = by_name[source["CM"].iloc[row]]
        assert got["attributes"]["XZMC"] == source["XZMC"].iloc[row]
        assert _close(got["first"], _first_vertex(source.geometry.iloc[row]), geographic=False)


def test_qgis_reads_the_xlsx_with_chinese_headers_and_its_about_sheet(exported):
    result, _path, seen = exported["xlsx"]
    source = _source("redlines")
    assert "error" not in seen, seen
    sheets = {lyr["name"]: lyr for lyr in seen["layers"]}
    table = sheets["redlines"]
    assert table["count"] == len(source) == result.count
    by_code = {f["attributes"]["红线编码"]: f["attributes"] for f in table["features"]}
    for row in range(len(source)):
        got = by_code[source["HXBM"].iloc[row]]
        assert got["红线名称"] == source["HXMC"].iloc[row] and got["管控要求"] == source["GKYQ"].iloc[row]
        geom = shapely.from_wkt(got["WKT"])
        assert _close(_first_vertex(geom), _first_vertex(source.geometry.iloc[row]), geographic=False)
    about = {f["attributes"]["项目"]: f["attributes"]["内容"] for f in sheets["说明"]["features"]}
    assert about["坐标系代码"] == "EPSG:4524" and about["要素数"] == str(len(source))


def test_parcel_txt_reads_back_in_ecomap(exported):
    result, path, _seen = exported["txt"]
    source = _source("redlines")
    assert result.count == len(source)
    (back,) = open_path(path)
    assert back.crs_info.epsg == 4524
    assert back.features["地块名称"].tolist() == source["HXMC"].tolist()
    for row in range(len(source)):
        assert _close(_first_vertex(back.geometry[row]), _first_vertex(source.geometry.iloc[row]), geographic=False)


@pytest.mark.parametrize("key", list(ZM_CASES))
def test_z_reaches_qgis_in_every_format_that_holds_it(exported, key):
    result, _path, seen = exported[key]
    source = pyogrio.read_dataframe(LINE_ZM, use_arrow=True)
    (lyr,) = seen["layers"]
    assert lyr["count"] == 1 and lyr["has_z"], lyr
    got = lyr["features"][0]["first"]
    want = shapely.get_coordinates(source.geometry.iloc[0], include_z=True)[0]
    assert _close(got, want, geographic=True) and got[2] == pytest.approx(want[2])
    (read,) = open_path(LINE_ZM)
    read_m = bool(shapely.has_m(read.geometry).any())  # whether EcoMap's reader kept the file's M
    holds_m = key in ("zm_gpkg", "zm_shp")
    assert lyr["has_m"] == (read_m and holds_m)
    assert any("M values were left out" in n for n in result.notes) == (read_m and not holds_m)


@pytest.mark.parametrize(("key", "fields"), [
    ("shp_gbk_cn", ["红线编码", "红线名称", "红线大类", "红线类型", "类型编码", "图斑面积", "行政区代码", "保护地名称",
                    "管控要求"]),
    ("shp_utf8_cn", ["红线编", "红线名", "红线大", "红线类", "类型编", "图斑面", "行政区", "保护地", "管控要"]),
])
def test_qgis_reads_chinese_field_names_from_a_shapefile(exported, key, fields):
    result, _path, seen = exported[key]
    (lyr,) = seen["layers"]
    assert lyr["fields"] == fields  # GBK: 5 characters fit in 10 bytes, UTF-8: 3
    source = _source("redlines")
    by_code = {f["attributes"][fields[0]]: f["attributes"] for f in lyr["features"]}
    assert [by_code[code][fields[1]] for code in source["HXBM"]] == source["HXMC"].tolist()
    renamed = {old: new for old, new in zip(["红线编码", "红线名称", "红线大类", "红线类型", "类型编码", "图斑面积",
                                             "行政区代码", "保护地名称", "管控要求"], fields) if old != new}
    assert result.renamed.get("redlines", {}) == renamed
