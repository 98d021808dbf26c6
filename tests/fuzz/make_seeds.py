"""Write the hand-made fuzz seeds into ``tests/fuzz/seeds/`` (run once; the output is committed).

One folder per seed; the folder holds one dataset (a Shapefile with its side files, a
MapInfo table with its .mid, or a single file). The files are small and look like what
county offices exchange: GBK text without a .cpg, zone-prefixed Gauss-Krüger
coordinates, Chinese field names, KML folders from phone apps, parcel TXT.
Committed bytes keep the short fuzz run deterministic (a GeoPackage written again
would carry a new timestamp, and every mutation position would shift).

    .venv/bin/python -m tests.fuzz.make_seeds
"""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
import tempfile
import warnings
import zipfile
from pathlib import Path

import geopandas as gpd
import pyogrio
from shapely.geometry import LineString, MultiPolygon, Point

from tests.io.attribute_fixtures import datav_geojson, gpkg_with_deleted_rows, patched_shapefile
from tests.io.dxf_fixtures import DxfBuilder
from tests.io.fixtures import ZONE36_ORIGIN, gbk_shapefile_without_cpg, square

SEEDS = Path(__file__).with_name("seeds")

KML = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">
<Document><name>外业调查</name>
<Schema name="s" id="s"><SimpleField name="面积" type="double"><displayName>面积(亩)</displayName></SimpleField>
<SimpleField name="编号" type="int"/><SimpleField name="已治理" type="bool"/></Schema>
<Placemark><name>水源井</name><description>一号井</description>
<ExtendedData><Data name="类型"><value>井</value></Data></ExtendedData>
<Point><coordinates>110.51,38.02,0</coordinates></Point></Placemark>
<Folder><name>2024-05</name>
<Placemark><name>图斑1</name><ExtendedData><SchemaData schemaUrl="#s">
<SimpleData name="面积">12.5</SimpleData><SimpleData name="编号">7</SimpleData>
<SimpleData name="已治理">true</SimpleData></SchemaData></ExtendedData>
<Polygon><outerBoundaryIs><LinearRing><coordinates>110.5,38.0 110.6,38.0 110.6,38.1 110.5,38.0</coordinates>
</LinearRing></outerBoundaryIs><innerBoundaryIs><LinearRing><coordinates>110.52,38.01 110.55,38.01
110.55,38.02 110.52,38.01</coordinates></LinearRing></innerBoundaryIs></Polygon></Placemark>
<Folder><name>巡护</name>
<Placemark><name>路线</name><MultiGeometry><LineString><coordinates>110.5,38.0,1 110.7,38.2,2</coordinates>
</LineString><Point><coordinates>110.5,38.0</coordinates></Point></MultiGeometry></Placemark>
<Placemark><name>轨迹</name><gx:Track><when>2024-05-01T08:00:00Z</when><when>2024-05-01T08:01:00Z</when>
<gx:coord>110.5 38.0 1000</gx:coord><gx:coord>110.51 38.01 1001</gx:coord></gx:Track></Placemark>
</Folder></Folder>
<GroundOverlay><name>影像</name></GroundOverlay>
</Document></kml>
"""

GPX = """<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="两步路" xmlns="http://www.topografix.com/GPX/1/1">
<wpt lat="38.02" lon="110.51"><ele>1200.5</ele><time>2024-05-01T08:00:00Z</time><name>水源井</name>
<desc>一号井</desc><sym>Flag</sym></wpt>
<rte><name>巡护路线</name><rtept lat="38.0" lon="110.5"/><rtept lat="38.1" lon="110.6"/></rte>
<trk><name>轨迹</name><trkseg><trkpt lat="38.0" lon="110.5"><ele>1000</ele></trkpt>
<trkpt lat="38.01" lon="110.51"><ele>1001</ele></trkpt><trkpt lat="38.02" lon="110.53"/></trkseg></trk>
</gpx>
"""

PARCEL_TXT = """[项目信息]
项目名称=东沟矿山生态修复
[属性描述]
坐标系=2000国家大地坐标系
几度分带=3
投影类型=高斯克吕格
计量单位=米
带号=38
精度=0.001
转换参数=,,,,,,
[地块坐标]
5,3.0000,DK-1,地块甲,面, , ,0301,@
J1,1,2582800.000,38383000.000
J2,1,2582800.000,38383200.000
J3,1,2582950.000,38383200.000
J4,1,2582950.000,38383000.000
J1,1,2582800.000,38383000.000
J5,2,2582850.000,38383050.000
J6,2,2582850.000,38383090.000
J7,2,2582880.000,38383090.000
J8,2,2582880.000,38383050.000
3,,DK-2,道路,线, , , ,@
L1,1,2583000.000,38383000.000
L2,1,2583100.000,38383100.000
L3,1,2583150.000,38383300.000
"""

MIF_HEADER = ('Version 300\nCharset "{charset}"\nDelimiter ","\n'
              'CoordSys Earth Projection 8, 104, "m", 117, 0, 1, 39500000, 0\n'
              "Columns 3\n  名称 Char(20)\n  编号 Integer\n  面积 Float\nData\n\n")
MIF_BODY = ("Point 39500100 4400100\n    Symbol (35,0,12)\n"
            "Pline 2\n39500000 4400000\n39501000 4401000\n"
            "Region 1\n  4\n39500000 4400000\n39500500 4400000\n39500500 4400500\n39500000 4400000\n")
MID = '"水源井",1,0.5\n"河道",2,1.25\n"禁养区",3,250000\n'

CSV_LONLAT = ("编号,名称,经度,纬度,高程(米),备注\n"
              "1,水源井,110.51,38.02,1200.5,\n"
              "2,监测点,\"108°12'30.5\"\"E\",37°05'10\"N,1100,补测\n"
              "3,样地,109.9,,980,缺纬度\n"
              "004,河道,110.2,37.9,1010.25,\"含,逗号\"\n")
CSV_XY = "点号\tX\tY\t地类\nJ1\t4100000.5\t36400000.25\t旱地\nJ2\t4100100\t36400200\t林地\n"


def write_all(root: Path = SEEDS) -> list[Path]:
    """Write every seed folder under ``root`` (emptied first); the folders written."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    made: list[Path] = []

    def folder(name: str) -> Path:
        path = root / name
        path.mkdir()
        made.append(path)
        return path

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        gbk_shapefile_without_cpg(folder("shp_gbk_nocpg"))
        patched_shapefile(folder("shp_gbk_cut"), "图斑", {"MC": ["水源地保护区".encode("gbk")[:11], b"abc"],
                                                        "DM": [b"\xb1\xa3", b"12"]})
        _utf8_shapefile(folder("shp_utf8_cpg_prj"))
        _line_shapefile(folder("shp_lines_4326"))
        datav_geojson(folder("geojson_datav"))
        _small_geojson(folder("geojson_mixed"))
        gpkg, _ = gpkg_with_deleted_rows(folder("gpkg_deleted"))
        _compact_gpkg(gpkg)
        _two_layer_gpkg(folder("gpkg_two_layers"))
    (folder("kml_folders") / "外业.kml").write_text(KML, encoding="utf-8")
    (folder("kml_gbk") / "奥维.kml").write_bytes(
        KML.replace('encoding="UTF-8"', 'encoding="GB2312"').encode("gbk"))
    _zip(folder("kmz_doc") / "外业.kmz", {"doc.kml": KML.encode("utf-8"), "files/a.png": b"\x89PNG\r\n"})
    (folder("gpx_tracks") / "轨迹.gpx").write_text(GPX, encoding="utf-8")
    (folder("gpx_gb2312") / "旧手机.gpx").write_bytes(
        GPX.replace('encoding="UTF-8"', 'encoding="GB2312"').encode("gbk"))
    (folder("parcel_txt") / "报批坐标.txt").write_text(PARCEL_TXT, encoding="utf-8")
    (folder("parcel_txt_gbk") / "界址点.txt").write_bytes(PARCEL_TXT.encode("gbk"))
    (folder("csv_lonlat") / "采样点.csv").write_text(CSV_LONLAT, encoding="utf-8-sig")
    (folder("csv_xy_gbk") / "控制点.csv").write_bytes(CSV_XY.encode("gbk"))
    mif = folder("mif_gbk") / "监测.mif"
    mif.write_bytes((MIF_HEADER.format(charset="WindowsSimpChinese") + MIF_BODY).encode("gbk"))
    mif.with_suffix(".mid").write_bytes(MID.encode("gbk"))
    mif = folder("mif_neutral") / "界线.mif"
    mif.write_bytes((MIF_HEADER.format(charset="Neutral") + MIF_BODY).encode("gbk"))
    mif.with_suffix(".mid").write_bytes(MID.encode("gbk"))
    _dxf(folder("dxf_gbk") / "宗地图.dxf")
    _zip_of_shapefile(folder("zip_gbk_names"), root / "shp_gbk_nocpg")
    _zip(folder("zip_mixed") / "资料.zip", {
        "点/采样点.csv": CSV_LONLAT.encode("utf-8"),
        "报批坐标.txt": PARCEL_TXT.encode("gbk"),
        "外业.kml": KML.encode("utf-8"),
        "datav.geojson": (root / "geojson_mixed" / "mixed.geojson").read_bytes(),
    })
    return made


def _utf8_shapefile(folder: Path) -> None:
    x0, y0 = ZONE36_ORIGIN
    frame = gpd.GeoDataFrame(
        {"名称": ["黄河湿地", "红碱淖"], "代码": [610825001, 610825002], "面积": [12.5, None],
         "日期": ["2024-05-01", None], "标志": [True, False]},
        geometry=[MultiPolygon([square(x0, y0, 100), square(x0 + 200, y0, 50)]), square(x0 + 400, y0, 80)],
        crs="EPSG:4524")
    frame["日期"] = frame["日期"].astype("datetime64[ms]")
    frame.to_file(folder / "湿地.shp", encoding="UTF-8", engine="pyogrio")


def _line_shapefile(folder: Path) -> None:
    frame = gpd.GeoDataFrame({"NAME": ["river", None], "LEN": [1, 2]},
                             geometry=[LineString([(110.5, 38.0), (110.6, 38.1), (110.7, 38.0)]), None],
                             crs="EPSG:4326")
    frame.to_file(folder / "rivers.shp", engine="pyogrio")


def _small_geojson(folder: Path) -> None:
    features = [
        {"type": "Feature", "id": 1, "properties": {"名称": "点", "值": 1, "big": 9007199254740993,
                                                      "list": [1, 2], "obj": {"a": [1, {"b": None}]}},
         "geometry": {"type": "Point", "coordinates": [110.5, 38.0]}},
        {"type": "Feature", "id": 2, "properties": {"名称": "线", "值": 2.5, "big": None},
         "geometry": {"type": "LineString", "coordinates": [[110.5, 38.0], [110.6, 38.1, 5.0]]}},
        {"type": "Feature", "id": 3, "properties": {"名称": None},
         "geometry": {"type": "MultiPolygon", "coordinates": [[[[110, 38], [111, 38], [111, 39], [110, 38]]]]}},
        {"type": "Feature", "id": 4, "properties": {"名称": "集合"},
         "geometry": {"type": "GeometryCollection", "geometries": [
             {"type": "Point", "coordinates": [110, 38]},
             {"type": "LineString", "coordinates": [[110, 38], [110.1, 38.1]]}]}},
        {"type": "Feature", "id": 5, "properties": None, "geometry": None},
    ]
    document = {"type": "FeatureCollection", "name": "mixed", "features": features}
    (folder / "mixed.geojson").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


def _compact_gpkg(path: Path) -> None:
    """Small pages: the same GeoPackage in a fraction of the bytes, so mutations hit its content."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA page_size = 1024")
    con.execute("VACUUM")
    con.close()


def _two_layer_gpkg(folder: Path) -> None:
    x0, y0 = ZONE36_ORIGIN
    path = folder / "两层.gpkg"
    zones = gpd.GeoDataFrame({"名称": ["甲", "乙"], "n": [1, 2]}, geometry=[square(x0, y0, 100),
                                                                           square(x0 + 500, y0, 200)],
                             crs="EPSG:4524")
    sites = gpd.GeoDataFrame({"name": ["站点1"], "ok": [True]}, geometry=[Point(x0 + 50, y0 + 50)], crs="EPSG:4524")
    pyogrio.write_dataframe(zones, path, layer="zones")
    pyogrio.write_dataframe(sites, path, layer="sites")
    _compact_gpkg(path)


def _dxf(path: Path) -> None:
    dxf = DxfBuilder(codepage="ANSI_936")
    x0, y0 = 39_500_000.0, 4_400_000.0
    dxf.line("道路", (x0, y0), (x0 + 100, y0))
    dxf.polyline("地块", [(x0, y0), (x0 + 50, y0), (x0 + 50, y0 + 50)], closed=True)
    dxf.text("注记", (x0 + 5, y0 + 5), "水库")
    dxf.line("0", (0, 0), (1, 1))
    dxf.write(path)


def _zip(path: Path, members: dict[str, bytes], utf8_names: bool = True) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 5, 1, 8, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    path.write_bytes(buffer.getvalue())


def _zip_of_shapefile(folder: Path, shapefile_folder: Path) -> None:
    """The Shapefile in a zip whose member names are GBK bytes without the UTF-8 flag (Chinese Windows)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for member in sorted(shapefile_folder.iterdir()):
                name = "数据/" + member.name
                info = _LegacyName(name.encode("gbk").decode("cp437"), date_time=(2024, 5, 1, 8, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, member.read_bytes())
        shutil.copy(path, folder / "红线.zip")


class _LegacyName(zipfile.ZipInfo):
    """A member name stored as the code-page bytes it stands for, without the UTF-8 flag."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("cp437"), self.flag_bits


if __name__ == "__main__":
    for made in write_all():
        print(made.name, sum(p.stat().st_size for p in made.iterdir()))
