"""GML with any element names (Chinese, dots, dashes), several feature types, and no schema beside it.

Reading must write nothing into the user's folder (GDAL's GML reader writes a .gfs
schema file beside a GML it has scanned unless told not to). Expected values come
from pyogrio reading the file afterwards.
"""

from __future__ import annotations

import os

import pyogrio
import shapely

from ecomap.io.registry import open_path

MULTI = """<?xml version="1.0" encoding="UTF-8"?>
<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs" xmlns:gml="http://www.opengis.net/gml"
    xmlns:zy="http://example.cn/zrzy">
  <gml:featureMember>
    <zy:生态红线 gml:id="hx.1">
      <zy:名称>秦岭红线</zy:名称>
      <zy:面积.公顷>12.5</zy:面积.公顷>
      <zy:县-代码>610124</zy:县-代码>
      <zy:geom><gml:Polygon srsName="EPSG:4490"><gml:outerBoundaryIs><gml:LinearRing><gml:coordinates>
        108.1,34.1 108.2,34.1 108.2,34.2 108.1,34.2 108.1,34.1</gml:coordinates></gml:LinearRing>
        </gml:outerBoundaryIs></gml:Polygon></zy:geom>
    </zy:生态红线>
  </gml:featureMember>
  <gml:featureMember>
    <zy:监测点 gml:id="jc.1"><zy:点号>J-01</zy:点号>
      <zy:geom><gml:Point srsName="EPSG:4490"><gml:coordinates>108.15,34.15</gml:coordinates></gml:Point></zy:geom>
    </zy:监测点>
  </gml:featureMember>
  <gml:featureMember>
    <zy:监测点 gml:id="jc.2"><zy:点号>J-02</zy:点号>
      <zy:geom><gml:Point srsName="EPSG:4490"><gml:coordinates>108.16,34.16</gml:coordinates></gml:Point></zy:geom>
    </zy:监测点>
  </gml:featureMember>
</wfs:FeatureCollection>
"""


def test_chinese_dotted_and_dashed_names_and_two_feature_types(tmp_path):
    path = tmp_path / "红线与监测点.gml"
    path.write_text(MULTI, encoding="utf-8")
    layers = open_path(path)
    assert os.listdir(tmp_path) == [path.name]  # no .gfs beside the user's file
    assert [lyr.name for lyr in layers] == ["生态红线", "监测点"]
    assert [lyr.source.layer for lyr in layers] == ["生态红线", "监测点"]
    redline, points = layers
    assert {"名称", "面积.公顷", "县-代码"} <= set(redline.features.columns)
    assert redline.features["面积.公顷"].tolist() == [12.5]
    assert str(redline.features["县-代码"].iloc[0]) == "610124"
    assert points.features["点号"].tolist() == ["J-01", "J-02"]
    assert redline.crs_info.epsg == 4490 and points.geometry_type == "Point"
    for lyr in layers:
        expected = pyogrio.read_dataframe(path, layer=lyr.name, WRITE_GFS="NO")
        assert shapely.equals(lyr.geometry, expected.geometry.values).all()
    (again,) = open_path(path, layer="监测点")
    assert len(again.features) == 2
    assert os.listdir(tmp_path) == [path.name]

