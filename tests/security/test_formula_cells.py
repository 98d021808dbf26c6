"""Cells are data, never formulas: XLSX and CSV exports write formula-like text as text.

Read back independently: openpyxl for XLSX (the cell's type), the csv module and the
raw bytes for CSV (apostrophe and quotes as OWASP recommends).
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from ecomap.io import report_tables, table_export
from ecomap.io.cell_safety import EXCEL_CELL_CHARS, CsvWriter, append_row
from ecomap.io.export import export_layer
from ecomap.io.registry import open_path

HOSTILE = ['=HYPERLINK("http://x")', "=cmd|' /C calc'!A0", "@SUM(1)", "-2+3", "+1", "\t=1", "\r=1"]
PLAIN = ["红崖煤矿", "a=b", "2+3", "", "x-1"]


@pytest.fixture
def layer(tmp_path):
    names = HOSTILE + PLAIN
    features = [{"type": "Feature", "properties": {"名称": name, "沉降": -5.2 - i, "编号": i},
                 "geometry": {"type": "Point", "coordinates": [112.5 + i / 100, 37.8]}}
                for i, name in enumerate(names)]
    path = tmp_path / "points.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False),
                    encoding="utf-8")
    (lyr,) = open_path(path)
    return lyr


def _xml(text: str) -> str:
    """What an XML reader gives back for ``text``: a lone carriage return reads as a line feed."""
    return text.replace("\r", "\n")


def _column(ws, header):
    headers = [c.value for c in ws[1]]
    return [row[headers.index(header)] for row in ws.iter_rows(min_row=2)]


def test_xlsx_export_writes_formula_like_text_as_text(layer, tmp_path):
    export_layer(layer, tmp_path / "t.xlsx")
    ws = load_workbook(tmp_path / "t.xlsx").worksheets[0]
    cells = _column(ws, "名称")
    for cell, expected in zip(cells, HOSTILE + PLAIN):
        if expected == "":
            assert cell.value is None
            continue
        assert cell.data_type == "s", (expected, cell.data_type)
        assert cell.value == _xml(expected)
    assert cells[0].value.startswith("=")
    numbers = _column(ws, "沉降")
    assert [c.data_type for c in numbers] == ["n"] * len(numbers)  # a negative number stays a number
    assert numbers[0].value == pytest.approx(-5.2)


def test_csv_export_prefixes_an_apostrophe_and_quotes(layer, tmp_path):
    export_layer(layer, tmp_path / "t.csv")
    with (tmp_path / "t.csv").open(encoding="utf-8-sig", newline="") as fh:
        raw = fh.read()
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    header = rows[0]
    names = [r[header.index("名称")] for r in rows[1:]]
    assert names == ["'" + v for v in HOSTILE] + PLAIN
    assert '"\'=HYPERLINK(""http://x"")"' in raw and '"\'@SUM(1)",' in raw and '"\'-2+3",' in raw
    depths = [r[header.index("沉降")] for r in rows[1:]]
    assert depths[0] == "-5.2"  # numbers are not escaped
    assert ",-5.2," in raw


def test_report_tables_escape_text_but_not_numbers(tmp_path):
    frame = pd.DataFrame({"name": HOSTILE, "value": [-1.5] * len(HOSTILE)})
    sheets = [report_tables.Sheet("明细", frame, headers={"name": "名称", "value": "数值"})]
    report_tables.write(tmp_path / "r.xlsx", sheets, info={"来源": "=1+1"})
    wb = load_workbook(tmp_path / "r.xlsx")
    ws = wb["明细"]
    assert [c.value for c in _column(ws, "名称")] == [_xml(v) for v in HOSTILE]
    assert {c.data_type for c in _column(ws, "名称")} == {"s"}
    assert {c.data_type for c in _column(ws, "数值")} == {"n"}
    assert wb["说明"]["B2"].data_type == "s"
    report_tables.write(tmp_path / "r.csv", sheets)
    rows = list(csv.reader((tmp_path / "r.csv").open(encoding="utf-8-sig", newline="")))
    assert [r[0] for r in rows[1:]] == ["'" + v for v in HOSTILE]
    assert {r[1] for r in rows[1:]} == {"-1.5"}


def test_one_sanitiser_serves_every_writer(tmp_path):
    """The water report and ledger writers go through the same two functions."""
    import ecomap.services.ledger_reports as ledger
    import ecomap.services.water_reports as water

    for module in (ledger, water, report_tables, table_export):
        source = Path(module.__file__).read_text(encoding="utf-8")
        assert not re.search(r"\bws\d?\.append\(|csv\.writer\(|\.to_csv\(", source), module.__name__
    from openpyxl import Workbook

    ws = Workbook().active
    append_row(ws, ["=1+1", -3, "ok\x01"])
    assert [c.data_type for c in ws[1]] == ["s", "n", "s"] and ws["C1"].value == "ok\ufffd"
    out = tmp_path / "w.csv"
    with out.open("w", newline="") as fh:
        CsvWriter(fh).writerow(["=1+1", -3, "a,b"])
    assert out.read_bytes() == b"\"'=1+1\",-3,\"a,b\"\r\n"


def test_text_longer_than_an_excel_cell_is_cut_and_named(tmp_path):
    import geopandas as gpd
    from shapely import Point

    long_text = "测" * (EXCEL_CELL_CHARS + 10)
    frame = gpd.GeoDataFrame({"备注": ["短", long_text, "短", long_text]},
                             geometry=[Point(i, i) for i in range(4)], crs=4326)
    cut = table_export.write_xlsx(frame, tmp_path / "long.xlsx", geometry="none")
    assert cut == [("备注", 3), ("备注", 5)]  # Excel rows: the header is row 1
    ws = load_workbook(tmp_path / "long.xlsx").worksheets[0]
    assert len(ws["A3"].value) == EXCEL_CELL_CHARS and ws["A3"].value == long_text[:EXCEL_CELL_CHARS]
    assert ws["A2"].value == "短"
    note = table_export.cut_cells_note(cut)
    assert "备注" in note and "3" in note and "5" in note and str(EXCEL_CELL_CHARS) in note
