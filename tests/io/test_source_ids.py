"""Formats that store no feature IDs (KML, CSV, DXF, parcel TXT) number their features from 1 in
file order, and reports give the same numbers as the attribute table.

The expected IDs are the placemarks' and rows' places in the files written here."""

from __future__ import annotations

import warnings

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from shapely.geometry import LineString

from ecomap.analysis import proximity
from ecomap.io.registry import open_path

KML = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>巡查点</name>
<Placemark><name>甲</name><Point><coordinates>108.10,37.20</coordinates></Point></Placemark>
<Placemark><name>乙</name><Point><coordinates>108.20,37.20</coordinates></Point></Placemark>
<Placemark><name>丙</name><Point><coordinates>108.30,37.20</coordinates></Point></Placemark>
</Document></kml>
"""
#: wells; the third row lies next to 丙 (the third placemark), the first next to 甲
CSV = "井号,经度,纬度\nW1,108.1001,37.2001\nW2,108.5,37.5\nW3,108.3001,37.2001\n"


def _files(tmp_path):
    kml = tmp_path / "巡查点.kml"
    kml.write_text(KML, encoding="utf-8")
    csv = tmp_path / "机井.csv"
    csv.write_text(CSV, encoding="utf-8")
    return kml, csv


def test_kml_and_csv_features_are_numbered_from_one_in_file_order(tmp_path):
    kml, csv = _files(tmp_path)
    (points,) = open_path(kml)
    (wells,) = open_path(csv)
    assert points.features["name"].tolist() == ["甲", "乙", "丙"]
    assert points.features.index.tolist() == points.feature_ids().tolist() == [1, 2, 3]
    assert wells.features["井号"].tolist() == ["W1", "W2", "W3"]
    assert wells.features.index.tolist() == wells.feature_ids().tolist() == [1, 2, 3]
    assert points.source_ids.kind == wells.source_ids.kind == "feature"


def test_a_report_names_kml_and_csv_features_by_the_ids_the_table_shows(tmp_path):
    kml, csv = _files(tmp_path)
    (points,) = open_path(kml)
    (wells,) = open_path(csv)
    table = proximity.within_distance(points, wells, 50.0)
    got = dict(zip(table["target_fid"].tolist(), table["source_fid"].tolist(), strict=True))
    # placemark 1 (甲) is next to row 1 (W1), placemark 3 (丙) next to row 3 (W3); 乙 has none
    assert got == {1: 1, 3: 3}
    assert set(table["target_name"]) == {"甲", "丙"}
    rows = np.flatnonzero(np.isin(points.features.index, table["target_fid"]))
    assert points.feature_ids(rows).tolist() == table["target_fid"].tolist()


def test_dxf_and_parcel_txt_are_numbered_from_one(tmp_path):
    dxf = tmp_path / "界线.dxf"
    frame = pd.DataFrame({"Layer": ["L1", "L1"]})
    lines = [LineString([(0, 0), (10, 0)]), LineString([(0, 5), (10, 5)])]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # DXF records no CRS, and GDAL says so
        pyogrio.write_dataframe(gpd.GeoDataFrame(frame, geometry=lines), dxf, driver="DXF")
    txt = tmp_path / "地块.txt"
    ring = ["J1,1,4100000,36400000", "J2,1,4100000,36400100", "J3,1,4100100,36400100", "J1,1,4100000,36400000"]
    txt.write_text("[属性描述]\n坐标系=2000国家大地坐标系\n几度分带=3\n带号=36\n[地块坐标]\n"
                   + "4,1.0,A,甲,面, , , ,@\n" + "\n".join(ring) + "\n"
                   + "4,1.0,B,乙,面, , , ,@\n" + "\n".join(r.replace(",1,41", ",1,42") for r in ring) + "\n",
                   encoding="gbk")
    layers = open_path(dxf)
    assert sum(lyr.feature_count for lyr in layers) == 2
    for layer in layers:
        assert layer.features.index.tolist() == list(range(1, layer.feature_count + 1))
    (parcels,) = open_path(txt)
    assert parcels.features["地块编号"].tolist() == ["A", "B"]
    assert parcels.features.index.tolist() == parcels.feature_ids().tolist() == [1, 2]
    assert shapely.is_valid(parcels.geometry).all()
