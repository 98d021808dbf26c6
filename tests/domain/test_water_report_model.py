"""WaterDataset: monthly report rows, class matrix, time series, field and month handling."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from ecomap.domain.symbology import water_month_style
from ecomap.domain.water_report import (
    WaterDataset,
    normalize_months,
    project_gpkg_candidates,
    read_measurements,
    section_codes,
    section_column,
)
from ecomap.errors import DataError

SECTIONS = pd.DataFrame({
    "DMBM": [101, 102, 103, 104],
    "DMMC": ["一号", "二号", "三号", "四号"],
    "SZHL": ["河", "河", "库", "河"],
    "STLX": ["河流", "河流", "湖库", None],
    "DMJB": ["国考", "省考", "市考", "市考"],
    "SZMB": ["III类", "2", "Ⅲ", ""],  # liberal spellings; 104 has no target
})
MEAS = pd.DataFrame({
    "DMBM": ["101", "102", "103", "104", "101", "102", "103"],
    "JCNY": ["2024年1月", "2024-01", "2024-01-15", "202401", "2024-02", "2024-02", "2024-02"],
    "溶解氧": [8.0, 5.5, 7.0, 4.0, 2.5, np.nan, 7.6],
    "NH3-N": [0.1, 0.4, 0.3, 0.1, 0.5, np.nan, 0.1],
    "总磷": [0.1, 0.1, 0.03, 0.1, 0.1, np.nan, 0.011],
})
# 2024-01: 101 DO Ⅰ NH3N Ⅰ TP Ⅱ → Ⅱ (target Ⅲ ok); 102 DO 5.5 Ⅲ NH3N Ⅱ TP Ⅱ → Ⅲ (target Ⅱ:
# fails, DO (6 − 5.5)/6); 103 lake DO Ⅱ NH3N Ⅱ TP 0.03 Ⅲ → Ⅲ ok; 104 river (unknown type)
# DO 4 → Ⅳ, no target.
# 2024-02: 101 DO 2.5 → Ⅴ; 102 all NULL → no class; 103 lake TP 0.011 Ⅱ → Ⅱ; 104 absent.


@pytest.fixture
def ds() -> WaterDataset:
    return WaterDataset(SECTIONS, MEAS, source="test")


def test_months_and_latest(ds):
    assert ds.months == ["2024-01", "2024-02"]
    assert ds.latest_month == "2024-02"


def test_report_january(ds):
    r = ds.report("2024-01")
    rows = {row.code: row for row in r.rows}
    assert {c: row.cls for c, row in rows.items()} == {"101": "Ⅱ", "102": "Ⅲ", "103": "Ⅲ",
                                                       "104": "Ⅳ"}
    assert rows["102"].target == "Ⅱ" and rows["101"].target == "Ⅲ" and rows["104"].target is None
    assert [(e.parameter, e.limit, round(e.ratio, 4)) for e in rows["102"].failing] == [
        ("DO", 6.0, round(0.5 / 6, 4))]
    assert rows["104"].meets_target is None and rows["104"].note
    # 104 has no target: failing measured against Ⅲ → DO (5 − 4)/5
    assert [(e.parameter, round(e.ratio, 4)) for e in rows["104"].failing] == [("DO", 0.2)]
    assert rows["103"].water_body == "lake" and rows["104"].water_body == "river"
    assert r.share_I_III == pytest.approx(3 / 4)
    assert r.share_worse_V == 0.0
    assert r.compliance_rate == pytest.approx(2 / 3)  # 101, 103 of 101–103


def test_report_latest_month_with_null_sample_and_absent_section(ds):
    r = ds.report()
    assert r.month == "2024-02"
    rows = {row.code: row for row in r.rows}
    assert rows["101"].cls == "Ⅴ" and rows["103"].cls == "Ⅱ"
    assert rows["102"].cls is None and rows["102"].has_sample and rows["102"].note
    assert rows["104"].cls is None and not rows["104"].has_sample and rows["104"].note
    assert r.n_assessed == 2
    assert (r.share_I_III, r.share_worse_V, r.compliance_rate) == (0.5, 0.0, 0.5)
    doc = r.to_dict()
    json.dumps(doc, allow_nan=False)
    assert doc["sections"][1] == {"code": "102", "name": "二号", "target": "Ⅱ", "class": None,
                                  "meets_target": None, "failing": []}


def test_reference_class_override(ds):
    rows = {row.code: row for row in ds.report("2024-01", reference="Ⅰ").rows}
    # 101 against Ⅰ: TP (0.1 − 0.02)/0.02 = 4.0
    assert [(e.parameter, round(e.ratio, 4)) for e in rows["101"].failing] == [("TP", 4.0)]
    assert rows["101"].meets_target is True


def test_class_matrix_and_series(ds):
    m = ds.class_matrix()
    assert list(m.index) == ["101", "102", "103", "104"]
    assert list(m.columns) == ["2024-01", "2024-02"]
    assert m.loc["101"].tolist() == ["Ⅱ", "Ⅴ"]
    assert m.loc["102"].tolist() == ["Ⅲ", None]
    assert m.loc["104"].tolist() == ["Ⅳ", None]
    s = ds.section_series("101")
    assert list(s.index) == ["2024-01", "2024-02"]
    assert s["class"].tolist() == ["Ⅱ", "Ⅴ"]
    assert s["meets_target"].tolist() == [True, False]
    assert s["DO"].tolist() == [8.0, 2.5]
    none = ds.section_series("no such section")
    assert none.empty and list(none.columns) == list(s.columns)


def test_many_months_classified_at_once():
    n_sec, months = 120, [f"{y}-{m:02d}" for y in (2022, 2023, 2024) for m in range(1, 13)]
    sections = pd.DataFrame({"DMBM": [f"S{i:03d}" for i in range(n_sec)], "SZMB": "Ⅲ",
                             "STLX": np.where(np.arange(n_sec) % 4 == 0, "湖库", "河流")})
    rng = np.random.default_rng(1)
    meas = pd.DataFrame({
        "DMBM": np.repeat(sections["DMBM"].to_numpy(), len(months)),
        "JCNY": np.tile(months, n_sec),
        "DO": rng.uniform(1, 9, n_sec * len(months)),
        "TP": rng.uniform(0, 0.5, n_sec * len(months)),
    })
    ds = WaterDataset(sections, meas)
    m = ds.class_matrix()
    assert m.shape == (n_sec, 36)
    assert m.notna().all().all()
    assert ds.report("2023-07").n_assessed == n_sec


def test_normalize_months():
    s = pd.Series(["2024-06", "2024/6", "2024年06月", "202406", "2024-06-30", "2024.6", "June",
                   None, "2024-13"])
    assert normalize_months(s).tolist() == ["2024-06"] * 6 + [None, None, None]
    d = pd.Series(pd.to_datetime(["2024-06-30", None]))
    assert normalize_months(d).tolist() == ["2024-06", None]


def test_errors(ds):
    with pytest.raises(DataError):
        ds.report("2024-1")
    with pytest.raises(DataError):
        ds.report("2025-01")
    with pytest.raises(DataError):
        WaterDataset(SECTIONS.drop(columns="SZMB"), MEAS)
    with pytest.raises(DataError):
        WaterDataset(SECTIONS, MEAS.drop(columns="JCNY"))
    with pytest.raises(DataError):
        WaterDataset(SECTIONS, MEAS[["DMBM", "JCNY"]])


def test_project_gpkg_candidates(tmp_path):
    p = tmp_path / "p.ecomap"
    p.write_text(json.dumps({"layers": [
        {"source": "a.gpkg|layername=x"}, {"path": "sub/b.GPKG"}, {"source": {"path": "c.shp"}},
        {"source": {"path": str(tmp_path / "abs.gpkg")}}, "junk", {"path": "a.gpkg"},
    ]}), encoding="utf-8")
    assert project_gpkg_candidates(p) == [tmp_path / "a.gpkg", tmp_path / "sub/b.GPKG",
                                          tmp_path / "abs.gpkg"]
    bad = tmp_path / "bad.ecomap"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError):
        project_gpkg_candidates(bad)


def test_classes_of_the_rows_of_a_map_layer(ds):
    # a layer's rows in its own order, codes stored as floats, one row without a code, one unknown section
    layer = pd.DataFrame({"DMBM": [103.0, 101.0, np.nan, 999.0, 101.0], "DMMC": ["三号", "一号", "?", "外", "一号"]})
    classes = ds.classes_of_rows(layer)
    assert list(classes.columns) == ["2024-01", "2024-02"] and list(classes.index) == [0, 1, 2, 3, 4]
    assert classes["2024-01"].tolist() == ["Ⅲ", "Ⅱ", None, None, "Ⅱ"]
    assert classes["2024-02"].tolist() == ["Ⅱ", "Ⅴ", None, None, "Ⅴ"]
    assert section_codes(layer).tolist() == ["103", "101", None, "999", "101"]
    no_codes = ds.classes_of_rows(pd.DataFrame({"名称": ["x"]}))
    assert no_codes.shape == (1, 2) and no_codes.isna().all().all()


def test_section_columns_are_found_by_alias():
    frame = pd.DataFrame({"断面编码": ["1"], "断面名称": ["一号"]})
    assert section_column(frame, "code") == "断面编码" and section_column(frame, "name") == "断面名称"
    assert section_column(pd.DataFrame({"x": [1]}), "code") is None


def test_read_measurements_finds_the_table_or_names_the_file(tmp_path):
    import geopandas as gpd
    import shapely

    path = tmp_path / "w.gpkg"
    gpd.GeoDataFrame(SECTIONS, geometry=[shapely.Point(i, i) for i in range(4)], crs=4490).to_file(
        path, layer="sections")
    with pytest.raises(DataError) as err:
        read_measurements(path)
    assert "no water measurements table" in str(err.value) and str(path) in err.value.user_message()
    import pyogrio

    pyogrio.write_dataframe(MEAS, path, layer="jcsj", driver="GPKG", append=False)  # another name, known fields
    name, frame = read_measurements(path)
    assert name == "jcsj" and len(frame) == len(MEAS)


def test_month_style_colours_each_section_by_its_class():
    from ecomap.core.style import style_from_dict
    from ecomap.domain import vocab

    style = style_from_dict(water_month_style("DMBM", {"101": "Ⅴ", "103": "Ⅱ", "102": None, "104": "Ⅱ"},
                                              {"101": "一号", "103": "三号", "104": "四号"}))
    assert style.field == "DMBM"
    # best class first, then by name; a section without a class that month falls to the grey default
    assert [c.value for c in style.categories] == ["103", "104", "101"]
    assert style.categories[0].label == style.categories[1].label == vocab.WATER_CLASS_LABELS["Ⅱ"]
    assert style.categories[-1].symbol.fill.startswith(vocab.WATER_CLASS_COLORS["Ⅴ"])
    assert style.default is not None and style.labels.field == "DMMC"

