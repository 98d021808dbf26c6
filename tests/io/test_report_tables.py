"""Report files: CSV with BOM and section titles, XLSX sheets with Chinese headers, GeoPackage layers."""

import numpy as np
import pandas as pd
import pyogrio
import pytest
import shapely

from ecomap.errors import DataError
from ecomap.io import report_tables
from ecomap.io.report_tables import Sheet


@pytest.fixture
def sheets():
    pairs = pd.DataFrame({"a_fid": [0, 1], "a_name": ["甲", "乙"], "area_m2": [666.6667, 10000.0],
                          "share_a": [0.25, np.nan], "recovered": [True, None]})
    summary = pd.DataFrame({"layer": ["红线"], "count": [2]})
    geoms = np.array([shapely.box(0, 0, 1, 1), shapely.box(1, 1, 2, 2)], dtype=object)
    return [Sheet("明细", pairs, geometries=geoms, crs="EPSG:4524", layer_name="pairs"), Sheet("汇总", summary)]


def test_csv_has_bom_titles_and_chinese_headers(sheets, tmp_path):
    path = report_tables.write(tmp_path / "r.csv", sheets, a="矿山")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0] == "明细"
    assert lines[1] == "矿山要素ID,矿山名称,面积(平方米),占矿山比例,是否恢复"
    assert lines[2].split(",")[-1] == "是" and lines[3].split(",")[3] == ""
    assert "汇总" in lines


def test_xlsx_sheets_formats_and_info(sheets, tmp_path):
    from openpyxl import load_workbook

    path = report_tables.write(tmp_path / "r.xlsx", sheets, a="矿山", info={"来源": "测试"})
    wb = load_workbook(path)
    assert wb.sheetnames == ["明细", "汇总", "说明"]
    ws = wb["明细"]
    assert ws["D1"].value == "占矿山比例" and ws["D2"].number_format == "0.00%" and ws["D2"].value == 0.25
    assert ws["C2"].value == pytest.approx(666.6667)


def test_gpkg_layers_with_aliases(sheets, tmp_path):
    path = report_tables.write(tmp_path / "r.gpkg", sheets)
    names = dict(pyogrio.list_layers(path))
    assert names["pairs"] == "Polygon" and len(names) == 2
    frame = pyogrio.read_dataframe(path, layer="pairs")
    assert list(frame["a_name"]) == ["甲", "乙"]
    import sqlite3
    with sqlite3.connect(path) as con:
        titles = dict(con.execute("SELECT column_name, title FROM gpkg_data_columns WHERE table_name='pairs'"))
    assert titles["area_m2"] == "面积(平方米)"
    assert not list(tmp_path.glob(".r*"))  # no temporary left behind


def test_unsupported_format(sheets, tmp_path):
    with pytest.raises(DataError):
        report_tables.write(tmp_path / "r.docx", sheets)
    with pytest.raises(DataError):
        report_tables.write(tmp_path / "missing" / "r.csv", sheets)
