"""ecomap screen / overlay / stats / zonal on a small GeoPackage built here."""

import csv
import json

import geopandas as gpd
import numpy as np
import pyogrio
import pytest
import rasterio
import shapely
from rasterio.transform import from_origin

from ecomap.cli.main import main

X0, Y0 = 36_436_000.0, 3_897_000.0


def box(x0, y0, x1, y1):
    return shapely.box(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)


@pytest.fixture
def county(tmp_path):
    path = tmp_path / "county.gpkg"
    gpd.GeoDataFrame({"HXBM": ["R1", "R2"], "HXMC": ["甲红线", "乙红线"], "HXLX": ["水源涵养", "水土保持"]},
                     geometry=[box(0, 0, 1000, 1000), box(3000, 0, 4000, 1000)], crs=4524).to_file(
        path, layer="redlines")
    gpd.GeoDataFrame({"SYDMC": ["水源"], "BHQJB": ["二级保护区"]}, geometry=[box(1500, 0, 2500, 1000)],
                     crs=4524).to_file(path, layer="drinking_water_zones")
    gpd.GeoDataFrame({"XZQDM": ["1", "2"], "XZQMC": ["甲镇", "乙镇"]},
                     geometry=[box(-500, -500, 2000, 1500), box(2000, -500, 4500, 1500)], crs=4524).to_file(
        path, layer="townships")
    gpd.GeoDataFrame({"KSMC": ["一矿", "二矿", "三矿"], "XKZH": ["C1", "C2", "C3"]},
                     geometry=[shapely.Point(X0 + 500, Y0 + 500), shapely.Point(X0 + 3500, Y0 + 200),
                               shapely.Point(X0 + 2800, Y0 + 200)], crs=4524).to_file(path, layer="mines")
    gpd.GeoDataFrame({"DMBM": ["D1"], "DMMC": ["断面"]}, geometry=[shapely.Point(X0 + 2000, Y0 + 3000)],
                     crs=4524).to_file(path, layer="water_sections")
    gpd.GeoDataFrame({"XMBH": ["XM1", "XM2"], "XMMC": ["一号项目", "二号项目"]},
                     geometry=[box(100, 100, 400, 400), box(2100, 100, 2400, 400)], crs=4524).to_file(
        path, layer="restoration_projects")
    for name, value in (("ndvi_2019", 0.3), ("ndvi_2024", 0.5)):
        data = np.full((150, 450), value, "float32")
        data[:, 200:] = 0.3  # only the western project recovers
        with rasterio.open(tmp_path / f"{name}.tif", "w", driver="GTiff", width=450, height=150, count=1,
                           dtype="float32", crs="EPSG:4524", transform=from_origin(X0 - 200, Y0 + 1300, 10, 10),
                           nodata=-9999) as ds:
            ds.write(data, 1)
    return path


def run_json(capsys, *argv):
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_screen_json_shape(county, capsys):
    wkt = box(900, 100, 1100, 300).wkt
    data = run_json(capsys, "screen", str(county), "--footprint", wkt, "--json")
    assert data["verdict"] == "不符合"
    assert data["footprint_area_m2"] == pytest.approx(40_000, rel=1e-3)
    assert isinstance(data["rules"], list) and data["rules"][0]["id"] == "redline.banned"
    (o,) = data["overlaps"]
    from ecomap.services.workspace_open import open_workspace

    first_id = open_workspace(county).get("redlines").layer.features.index[0]  # the reader's feature id
    assert {k: o[k] for k in ("layer", "feature_id", "name", "type")} == {
        "layer": "redlines", "feature_id": first_id, "name": "甲红线", "type": "水源涵养"}
    assert o["share"] == pytest.approx(0.5, rel=1e-6) and o["area_m2"] == pytest.approx(20_000, rel=1e-3)
    layers = {n["layer"]: n for n in data["nearest"]}
    assert set(layers) == {"water_sections", "drinking_water_zones"}
    assert set(layers["water_sections"]) >= {"layer", "feature_id", "name", "distance_m"}
    assert layers["drinking_water_zones"]["distance_m"] == pytest.approx(400, rel=1e-3)


def test_screen_touching_footprint_conforms_and_writes_files(county, capsys, tmp_path):
    wkt = box(1000, 100, 1200, 300).wkt  # shares the red line's east edge only
    data = run_json(capsys, "screen", str(county), "--footprint", wkt, "--json")
    assert data["verdict"] == "符合" and data["overlaps"] == []
    for suffix in (".xlsx", ".csv", ".gpkg", ".pdf"):
        out = tmp_path / f"report{suffix}"
        assert main(["screen", str(county), "--footprint", box(900, 100, 1100, 300).wkt, "--out", str(out)]) == 0
        assert out.exists() and out.stat().st_size > 0
    text = (tmp_path / "report.csv").read_text(encoding="utf-8-sig")
    assert "不符合" in text and "压占明细" in text
    assert (tmp_path / "report.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert "overlaps" in [n for n, _ in pyogrio.list_layers(tmp_path / "report.gpkg")]


def test_screen_far_away_near_a_red_line_and_the_warn_distance(county, capsys, tmp_path):
    far = run_json(capsys, "screen", str(county), "--footprint", box(250_000, 100, 250_200, 300).wkt, "--json")
    assert far["verdict"] == "无法判定" and far["overlaps"] == [] and far["townships"] == []
    assert far["conclusion"].startswith("无法判定：选址位于约束图层覆盖范围之外（距乡镇界 ")
    assert far["coverage"]["distance_m"] == pytest.approx(245_500, rel=1e-3)
    pdf = tmp_path / "far.pdf"
    assert main(["screen", str(county), "--footprint", box(250_000, 100, 250_200, 300).wkt, "--out", str(pdf)]) == 0
    assert "无法判定" in capsys.readouterr().out and pdf.stat().st_size > 0
    near = box(1050, 400, 1150, 500)  # 50 m east of 甲红线, inside 甲镇
    data = run_json(capsys, "screen", str(county), "--footprint", near.wkt, "--json")
    assert data["verdict"] == "符合" and [t["name"] for t in data["townships"]] == ["甲镇"]
    assert [n["name"] for n in data["nearby"]] == ["甲红线"]
    assert data["nearby"][0]["distance_m"] == pytest.approx(50, abs=0.01)
    assert data["warn_distance_m"] == 100
    quiet = run_json(capsys, "screen", str(county), "--footprint", near.wkt, "--warn-distance", "40", "--json")
    assert quiet["nearby"] == [] and quiet["warn_distance_m"] == 40
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps({"rules": [], "warn_distance_m": 60}), encoding="utf-8")
    table = run_json(capsys, "screen", str(county), "--footprint", near.wkt, "--rules", str(rules), "--json")
    assert table["warn_distance_m"] == 60 and [n["rule"] for n in table["nearby"]] == ["redline.near.unlisted"]
    out = tmp_path / "near.xlsx"
    assert main(["screen", str(county), "--footprint", near.wkt, "--out", str(out)]) == 0
    from openpyxl import load_workbook

    wb = load_workbook(out)
    summary = {r[0]: r[1] for r in wb["选址结论"].iter_rows(values_only=True)}
    assert summary["所在乡镇"] == "甲镇" and summary["结论"].startswith("符合（提示：距生态保护红线")
    assert [c.value for c in wb["临近提示"][2]][3] == "甲红线"
    assert main(["screen", str(county), "--footprint", near.wkt, "--warn-distance", "-1"]) == 2


def test_screen_bad_input_is_one_error_line(county, capsys):
    assert main(["screen", str(county), "--footprint", "POLYGON((1 2, 3"]) == 2
    assert capsys.readouterr().err.startswith("error:")
    assert main(["screen", str(county), "--footprint", box(0, 0, 1, 1).wkt, "--out", "x.doc"]) == 2


def test_overlay_pairs_summary_and_xlsx_headers(county, capsys, tmp_path):
    data = run_json(capsys, "overlay", str(county), "mines", "redlines", "--by-b", "HXMC", "--json")
    pairs = {(p["a_name"], p["b_name"]) for p in data["pairs"]}
    assert pairs == {("一矿", "甲红线"), ("二矿", "乙红线")} and data["kind"] == "count"
    assert {s["HXMC"]: s["count"] for s in data["summary"]} == {"甲红线": 1, "乙红线": 1}
    out = tmp_path / "ov.xlsx"
    assert main(["overlay", str(county), "restoration_projects", "townships", "--out", str(out)]) == 0
    from openpyxl import load_workbook

    wb = load_workbook(out)
    assert wb.sheetnames == ["重叠明细", "汇总"]
    headers = [c.value for c in wb["重叠明细"][1]]
    assert "面积(亩)" in headers and "restoration_projects名称" in headers
    fast = tmp_path / "fast.csv"
    assert main(["overlay", str(county), "restoration_projects", "townships", "--summary", "--no-dissolve",
                 "--out", str(fast)]) == 0
    assert "要素面积合计" not in fast.read_text(encoding="utf-8-sig")


def test_stats_json(county, capsys):
    data = run_json(capsys, "stats", str(county), "--json")
    by_unit = {row["unit"]: row for row in data["by_unit"]}
    assert by_unit["甲镇"]["redlines|area_ha"] == pytest.approx(100, rel=1e-3)
    assert by_unit["甲镇"]["redlines|feature_area_ha"] == by_unit["甲镇"]["redlines|area_ha"]  # no overlaps
    assert by_unit["乙镇"]["mines|count"] == 2


def test_stats_of_overlapping_red_lines_count_the_land_once(tmp_path, capsys):
    from pyproj import Geod

    path = tmp_path / "overlap.gpkg"
    gpd.GeoDataFrame({"XZQMC": ["甲镇"]}, geometry=[box(0, 0, 1000, 1000)], crs=4524).to_file(
        path, layer="townships")
    first, second = box(0, 0, 700, 1000), box(300, 0, 1000, 1000)
    gpd.GeoDataFrame({"HXMC": ["甲", "乙"], "HXLX": ["水源涵养", "水土保持"]}, geometry=[first, second],
                     crs=4524).to_file(path, layer="redlines")
    data = run_json(capsys, "stats", str(path), "--json")
    (row,) = data["by_unit"]
    geo = gpd.GeoSeries([shapely.segmentize(box(0, 0, 1000, 1000), 10)], crs=4524).to_crs(4490).iloc[0]
    town_m2 = abs(Geod(ellps="GRS80").geometry_area_perimeter(geo)[0])
    assert row["redlines|area_ha"] * 10000 == pytest.approx(town_m2, rel=1e-6)  # the union is the township
    assert row["redlines|share"] <= 1.0 and row["redlines|share"] == pytest.approx(1.0, rel=1e-6)
    assert row["redlines|feature_area_ha"] == pytest.approx(1.4 * row["redlines|area_ha"], rel=1e-6)
    out = tmp_path / "stats.xlsx"
    assert main(["stats", str(path), "--out", str(out)]) == 0
    from openpyxl import load_workbook

    wb = load_workbook(out)
    headers = [c.value for c in wb["分乡镇统计"][1]]
    assert "redlines要素面积合计(公顷，重叠部分重复计)" in headers
    assert any("重叠部分只计一次" in str(r[1]) for r in wb["说明"].iter_rows(values_only=True))


def test_zonal_recovery_and_csv(county, capsys, tmp_path):
    folder = county.parent
    data = run_json(capsys, "zonal", str(county), "restoration_projects", "--recovery",
                    str(folder / "ndvi_2019.tif"), str(folder / "ndvi_2024.tif"), "--json")
    rows = {r["name"]: r for r in data["rows"]}
    assert rows["一号项目"]["recovered"] is True and rows["二号项目"]["recovered"] is False
    assert rows["一号项目"]["change_mean"] == pytest.approx(0.2, abs=1e-6)
    out = tmp_path / "z.csv"
    assert main(["zonal", str(county), "restoration_projects", "--raster", str(folder / "ndvi_2024.tif"),
                 "--stats", "count,mean,median", "--out", str(out)]) == 0
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert rows[0] == ["要素ID", "名称", "数量", "均值", "中位数", "像元过少(均值不可靠)"]
    assert float(rows[1][3]) == pytest.approx(0.5)
    assert ["像元规则", "像元中心落在面内的像元（像元中心法）"] in rows  # the rule is stated in the file


def test_zonal_pixel_rule_and_few_pixels(county, capsys, tmp_path):
    from rasterio.features import geometry_mask

    ndvi = str(county.parent / "ndvi_2024.tif")
    # a 285 m square whose edges miss the 10 m pixel grid and its centres, and a 25 m one
    squares = [box(107, 107, 392, 392), box(2102, 102, 2127, 127)]
    polygons = tmp_path / "squares.gpkg"
    gpd.GeoDataFrame({"XMMC": ["大", "小"]}, geometry=squares, crs=4524).to_file(polygons, layer="squares")
    with rasterio.open(ndvi) as ds:
        expected = {rule: [int((~geometry_mask([g], (ds.height, ds.width), ds.transform, all_touched=rule)).sum())
                           for g in squares] for rule in (False, True)}
    assert expected[False] != expected[True]
    centre = run_json(capsys, "zonal", str(county), str(polygons), "--raster", ndvi, "--json")
    touched = run_json(capsys, "zonal", str(county), str(polygons), "--raster", ndvi, "--all-touched", "--json")
    assert centre["pixel_rule"] == "centre" and touched["pixel_rule"] == "all_touched"
    assert [r["count"] for r in centre["rows"]] == expected[False]
    assert [r["count"] for r in touched["rows"]] == expected[True]
    # the small square has 9 pixel centres (< 10): its mean is flagged
    assert [r["few_pixels"] for r in centre["rows"]] == [n < 10 for n in expected[False]] == [False, True]
    assert centre["few_pixels"] == 1 and any("10" in n for n in centre["notes"])
    strict = run_json(capsys, "zonal", str(county), str(polygons), "--raster", ndvi, "--min-pixels", "2000",
                      "--json")
    assert strict["few_pixels"] == 2 and strict["min_pixels"] == 2000
    out = tmp_path / "z.xlsx"
    assert main(["zonal", str(county), str(polygons), "--raster", ndvi, "--all-touched",
                 "--out", str(out)]) == 0
    from openpyxl import load_workbook

    notes = {r[0]: r[1] for r in load_workbook(out)["说明"].iter_rows(values_only=True)}
    assert "all-touched" in notes["像元规则"]
    gpkg = tmp_path / "z.gpkg"
    assert main(["zonal", str(county), str(polygons), "--raster", ndvi, "--out", str(gpkg)]) == 0
    assert "notes" in [n for n, _ in pyogrio.list_layers(gpkg)]
    table = pyogrio.read_dataframe(gpkg, layer="notes")
    assert "像元中心法" in dict(zip(table["item"], table["value"]))["像元规则"]


def test_help_is_bilingual(capsys):
    for cmd in ("screen", "overlay", "stats", "zonal"):
        with pytest.raises(SystemExit):
            main([cmd, "--help"])
        text = capsys.readouterr().out
        assert "输出文件" in text and "output file" in text
