"""`ecomap water-report`: CSV / XLSX / JSON from a small GeoPackage built here.

Expected classes and ratios are worked out by hand in the comments next to the
fixture values (GB 3838-2002 Table 1, domain.md §4), not by the code under test.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
from shapely.geometry import Point

from ecomap.cli import cmd_water_report

try:
    from ecomap.cli.main import main as cli_main
except ImportError:  # the lead's entry point not there yet: drive the module directly
    cli_main = None

SECTIONS = pd.DataFrame({
    "DMBM": ["W01", "W02", "W03", "W04", "W05"],
    "DMMC": ["甲桥", "乙闸", "丙湖心", "丁口", "戊站"],
    "SZHL": ["青河", "青河", "白湖", "青河", "赤河"],
    "STLX": ["河流", "河流", "湖库", "河流", "河流"],
    "DMJB": ["国考", "省考", "市考", "省考", "市考"],
    "SZMB": ["Ⅲ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅲ"],
})
N = None
MEASUREMENTS = pd.DataFrame([
    # 2024-06 (latest month)
    # W01 river, every value exactly on its Ⅲ limit; TN 5.0 ignored for rivers → Ⅲ, meets Ⅲ
    ("W01", "2024-06", 7.2, 5.0, 6.0, 20, 4, 1.0, 0.2, 5.0),
    # W02 river: DO 6.5 Ⅱ, CODMn 3 Ⅱ, COD 16 Ⅲ, BOD5 2.5 Ⅰ, NH3N 0.4 Ⅱ, TP 0.08 Ⅱ → Ⅲ;
    #   target Ⅱ → fails; COD (16 − 15)/15 = 0.0667
    ("W02", "2024-06", 7.0, 6.5, 3.0, 16, 2.5, 0.4, 0.08, N),
    # W03 lake: TP 0.06 → Ⅳ (lake Ⅲ 0.05), TN 1.2 → Ⅳ, rest ≤ Ⅱ → Ⅳ; target Ⅲ → fails;
    #   TP (0.06 − 0.05)/0.05 = 0.2, TN (1.2 − 1.0)/1.0 = 0.2
    ("W03", "2024-06", 8.0, 7.6, 1.8, 12, 2, 0.1, 0.06, 1.2),
    # W04 river: pH 9.2, DO 1.5, COD 45, NH3N 2.4, TP 0.5 all 劣Ⅴ; target Ⅳ;
    #   DO (3 − 1.5)/3 = 0.5, COD (45 − 30)/30 = 0.5, NH3N (2.4 − 1.5)/1.5 = 0.6,
    #   TP (0.5 − 0.3)/0.3 = 0.6667, pH: bound 9, no ratio
    ("W04", "2024-06", 9.2, 1.5, N, 45, N, 2.4, 0.5, N),
    # W05: no measurement in 2024-06
    # 2024-05
    # W01 two samples averaged: DO (8+6)/2 = 7 Ⅱ, COD (10+14)/2 = 12 Ⅰ, NH3N 0.2 Ⅱ → Ⅱ
    ("W01", "2024-05", 7.0, 8.0, N, 10, N, 0.1, N, N),
    ("W01", "2024-05", 7.0, 6.0, N, 14, N, 0.3, N, N),
    ("W02", "2024-05", 7.0, 7.0, N, 10, N, N, N, N),  # DO Ⅱ, COD Ⅰ → Ⅱ, meets Ⅱ
    ("W03", "2024-05", 7.5, N, N, N, N, N, 0.02, 0.4),  # lake TP Ⅱ, TN Ⅱ → Ⅱ
    ("W05", "2024-05", 7.5, 4.0, N, N, N, N, N, N),  # DO Ⅳ; target Ⅲ: (5 − 4)/5 = 0.2
    ("W99", "2024-05", 7.0, 1.0, N, N, N, N, N, N),  # not a known section: ignored
], columns=["DMBM", "JCNY", "pH", "DO", "CODMn", "COD", "BOD5", "NH3N", "TP", "TN"])

HEADERS = ["断面编码", "断面名称", "所在河流", "断面级别", "水质目标", "水质类别", "是否达标",
           "超标因子(超标倍数)", "备注"]


def write_gpkg(path: Path, sections=SECTIONS, measurements=MEASUREMENTS,
               sections_layer="water_sections", measurements_layer="water_measurements") -> Path:
    geom = [Point(117.0 + i * 0.01, 34.0) for i in range(len(sections))]
    gpd.GeoDataFrame(sections, geometry=geom, crs=4490).to_file(path, layer=sections_layer)
    pyogrio.write_dataframe(measurements, path, layer=measurements_layer)
    return path


@pytest.fixture(scope="module")
def gpkg(tmp_path_factory) -> Path:
    return write_gpkg(tmp_path_factory.mktemp("water") / "county.gpkg")


def run_cli(argv: list[str], capsys) -> tuple[int, str, str]:
    if cli_main is not None:
        code = cli_main(["--lang", "en", *argv])
    else:  # pragma: no cover - only before ecomap.cli.main exists
        import argparse

        from ecomap.errors import DataError
        parser = argparse.ArgumentParser()
        cmd_water_report.add_arguments(parser)
        try:
            code = cmd_water_report.run(parser.parse_args(argv[1:]))
        except DataError as exc:
            print(f"error: {exc.user_message()}", file=__import__("sys").stderr)
            code = 2
    out, err = capsys.readouterr()
    return code, out, err


def test_json_latest_month(gpkg, capsys):
    code, out, err = run_cli(["water-report", str(gpkg), "--json"], capsys)
    assert code == 0, err
    doc = json.loads(out)  # exactly one JSON object on stdout
    assert out.strip().count("\n") == 0
    assert doc["month"] == "2024-06"
    assert doc["share_I_III"] == pytest.approx(2 / 4)
    assert doc["share_worse_V"] == pytest.approx(1 / 4)
    assert doc["compliance_rate"] == pytest.approx(1 / 4)
    by = {s["code"]: s for s in doc["sections"]}
    assert list(by) == ["W01", "W02", "W03", "W04", "W05"]
    assert {c: (s["class"], s["meets_target"]) for c, s in by.items()} == {
        "W01": ("Ⅲ", True), "W02": ("Ⅲ", False), "W03": ("Ⅳ", False),
        "W04": ("劣Ⅴ", False), "W05": (None, None)}
    assert set(by["W01"]) == {"code", "name", "target", "class", "meets_target", "failing"}
    assert by["W03"]["name"] == "丙湖心" and by["W02"]["target"] == "Ⅱ"
    assert by["W01"]["failing"] == [] and by["W05"]["failing"] == []
    assert by["W02"]["failing"] == [
        {"parameter": "COD", "value": 16.0, "limit": 15.0,
         "ratio": pytest.approx(1 / 15, abs=1e-4)}]
    assert by["W03"]["failing"] == [
        {"parameter": "TP", "value": 0.06, "limit": 0.05, "ratio": pytest.approx(0.2)},
        {"parameter": "TN", "value": 1.2, "limit": 1.0, "ratio": pytest.approx(0.2)}]
    w04 = {f["parameter"]: (f["limit"], f["ratio"]) for f in by["W04"]["failing"]}
    assert w04 == {"pH": (9.0, None), "DO": (3.0, pytest.approx(0.5)),
                   "COD": (30.0, pytest.approx(0.5)), "NH3N": (1.5, pytest.approx(0.6)),
                   "TP": (0.3, pytest.approx(2 / 3, abs=1e-4))}
    assert "丙湖心" in out  # Chinese printed as is (ensure_ascii=False)


def test_json_earlier_month_averages_duplicate_samples(gpkg, capsys):
    code, out, _ = run_cli(["water-report", str(gpkg), "--month", "2024-05", "--json"], capsys)
    assert code == 0
    doc = json.loads(out)
    by = {s["code"]: s for s in doc["sections"]}
    assert {c: s["class"] for c, s in by.items()} == {
        "W01": "Ⅱ", "W02": "Ⅱ", "W03": "Ⅱ", "W04": None, "W05": "Ⅳ"}
    assert by["W05"]["failing"] == [
        {"parameter": "DO", "value": 4.0, "limit": 5.0, "ratio": pytest.approx(0.2)}]
    assert "W99" not in by
    assert (doc["share_I_III"], doc["share_worse_V"], doc["compliance_rate"]) == (
        pytest.approx(0.75), 0.0, pytest.approx(0.75))


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM for Excel / WPS
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def test_csv(gpkg, tmp_path, capsys):
    out_file = tmp_path / "月报.csv"
    code, out, err = run_cli(["water-report", str(gpkg), "--out", str(out_file)], capsys)
    assert code == 0, err
    rows = read_csv(out_file)
    assert rows[0] == HEADERS
    body = {r[0]: r for r in rows[1:6]}
    assert body["W01"] == ["W01", "甲桥", "青河", "国考", "Ⅲ", "Ⅲ", "是", "", ""]
    assert body["W02"][5:8] == ["Ⅲ", "否", "化学需氧量(0.07)"]
    assert body["W03"][5:8] == ["Ⅳ", "否", "总磷(0.20)、总氮(0.20)"]
    assert body["W04"][5:8] == ["劣Ⅴ", "否",
                                "pH、溶解氧(0.50)、化学需氧量(0.50)、氨氮(0.60)、总磷(0.67)"]
    assert body["W05"][5:7] == ["—", "—"] and "不参与统计" in body["W05"][8]
    assert rows[6] == []
    summary = {r[0]: r[1] for r in rows[7:]}
    assert summary == {"监测月份": "2024-06", "Ⅰ~Ⅲ类比例": "50.0%", "劣Ⅴ类比例": "25.0%",
                       "达标率": "25.0%"}
    assert out.strip()  # a one-line confirmation without --json


def test_xlsx(gpkg, tmp_path, capsys):
    from openpyxl import load_workbook

    out_file = tmp_path / "report.xlsx"
    code, _, err = run_cli(["water-report", str(gpkg), "--month", "2024-05", "--out",
                            str(out_file)], capsys)
    assert code == 0, err
    ws = load_workbook(out_file).active
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    assert list(rows[0]) == HEADERS
    body = {r[0]: r for r in rows[1:6]}
    assert body["W01"][5:7] == ["Ⅱ", "是"]
    assert body["W05"][5:8] == ["Ⅳ", "否", "溶解氧(0.20)"]
    assert body["W04"][5] == "—"
    summary = {r[0]: r[1] for r in rows[7:] if r[0]}
    assert summary["监测月份"] == "2024-05"
    assert summary["Ⅰ~Ⅲ类比例"] == pytest.approx(0.75)
    assert summary["劣Ⅴ类比例"] == 0
    assert summary["达标率"] == pytest.approx(0.75)


def test_out_and_json_together_and_atomic_replace(gpkg, tmp_path, capsys):
    out_file = tmp_path / "r.csv"
    out_file.write_text("old", encoding="utf-8")
    code, out, _ = run_cli(["water-report", str(gpkg), "--json", "--out", str(out_file)], capsys)
    assert code == 0
    assert json.loads(out)["month"] == "2024-06"
    assert read_csv(out_file)[0] == HEADERS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.csv"]  # no temp file left


def test_project_file(gpkg, tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    target = write_gpkg(data / "water.gpkg")
    project = tmp_path / "county.ecomap"
    project.write_text(json.dumps({"version": 1, "layers": [
        {"name": "roads", "source": {"path": "data/roads.shp"}},
        {"name": "断面", "source": "data/water.gpkg", "layer": "water_sections"},
    ]}, ensure_ascii=False), encoding="utf-8")
    code, out, err = run_cli(["water-report", str(project), "--json"], capsys)
    assert code == 0, err
    assert json.loads(out)["compliance_rate"] == pytest.approx(0.25)
    assert target.exists()


def test_fields_found_by_name_when_layers_are_named_differently(tmp_path, capsys):
    path = write_gpkg(tmp_path / "other.gpkg", sections_layer="断面", measurements_layer="监测")
    code, out, _ = run_cli(["water-report", str(path), "--json"], capsys)
    assert code == 0 and json.loads(out)["month"] == "2024-06"


@pytest.mark.parametrize("argv,needle", [
    (["--month", "2024-13", "--json"], "2024-13"),
    (["--month", "202406", "--json"], "202406"),
    (["--month", "2023-01", "--json"], "2023-01"),
    ([], "--out"),
    (["--out", "x.txt"], ".txt"),
])
def test_bad_arguments_are_data_errors(gpkg, tmp_path, capsys, argv, needle, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(["water-report", str(gpkg), *argv], capsys)
    assert code == 2
    assert out == ""
    assert err.startswith("error: ") and needle in err and "Traceback" not in err


def test_missing_layers(tmp_path, capsys):
    path = tmp_path / "no_water.gpkg"
    gpd.GeoDataFrame({"name": ["a"]}, geometry=[Point(0, 0)], crs=4490).to_file(path,
                                                                               layer="roads")
    code, _, err = run_cli(["water-report", str(path), "--json"], capsys)
    assert code == 2 and "water_sections" in err
    only_sections = tmp_path / "sections_only.gpkg"
    gpd.GeoDataFrame(SECTIONS, geometry=[Point(0, 0)] * 5, crs=4490).to_file(
        only_sections, layer="water_sections")
    code, _, err = run_cli(["water-report", str(only_sections), "--json"], capsys)
    assert code == 2 and "water_measurements" in err


def test_missing_file_and_project_without_gpkg(tmp_path, capsys):
    code, _, err = run_cli(["water-report", str(tmp_path / "nope.gpkg"), "--json"], capsys)
    assert code == 2 and "nope.gpkg" in err
    project = tmp_path / "p.ecomap"
    project.write_text('{"layers": []}', encoding="utf-8")
    code, _, err = run_cli(["water-report", str(project), "--json"], capsys)
    assert code == 2 and "p.ecomap" in err


SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "county.gpkg"


@pytest.mark.skipif(not SAMPLE.exists(), reason="sample_data/county.gpkg not generated yet")
def test_sample_geopackage(capsys):
    code, out, err = run_cli(["water-report", str(SAMPLE), "--json"], capsys)
    assert code == 0, err
    doc = json.loads(out)
    assert doc["sections"]
    for key in ("share_I_III", "share_worse_V", "compliance_rate"):
        assert doc[key] is None or 0.0 <= doc[key] <= 1.0
    for s in doc["sections"]:
        assert s["class"] in (None, "Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "劣Ⅴ")
        assert (s["meets_target"] is False) == bool(s["failing"]) or s["target"] is None
