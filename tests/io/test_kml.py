"""KML/KMZ reader and writer: structure, attributes, encodings, safety, round trip."""

from __future__ import annotations

import socket
import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from pyproj import Geod
from shapely.geometry import LineString, MultiPolygon, Point, Polygon

from ecomap.errors import DataError
from ecomap.io import kml, kml_writer
from ecomap.io.kml_writer import KmlStyle, kml_color
from ecomap.io.registry import open_path

KML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2" ' \
           'xmlns:gx="http://www.google.com/kml/ext/2.2">\n'

FIELD_WORK = KML_HEAD + """<Document><name>巡查成果</name>
<Schema name="地块" id="s_parcel">
  <SimpleField name="面积" type="double"/><SimpleField name="编号" type="int"/>
  <SimpleField name="已核查" type="bool"/><SimpleField name="备注" type="string"/>
</Schema>
<Placemark><name>起点</name><Point><coordinates>108.1,37.2,0</coordinates></Point></Placemark>
<Folder><name>外业</name>
  <Placemark><name>禁养区甲</name><description><![CDATA[<b>猪场</b> 已关闭]]></description>
    <styleUrl>#red</styleUrl>
    <ExtendedData>
      <Data name="负责人"><value>张三</value></Data>
      <SchemaData schemaUrl="#s_parcel"><SimpleData name="面积">12.5</SimpleData>
        <SimpleData name="编号">7</SimpleData><SimpleData name="已核查">1</SimpleData>
        <SimpleData name="备注">0101</SimpleData></SchemaData>
    </ExtendedData>
    <Polygon><outerBoundaryIs><LinearRing><coordinates>
      108.0,37.0,0 108.01,37.0,0 108.01,37.01,0 108.0,37.01,0 108.0,37.0,0
    </coordinates></LinearRing></outerBoundaryIs>
    <innerBoundaryIs><LinearRing><coordinates>
      108.002,37.002 108.004,37.002 108.004,37.004 108.002,37.004 108.002,37.002
    </coordinates></LinearRing></innerBoundaryIs></Polygon>
  </Placemark>
  <Folder><name>2024-05</name>
    <Placemark><name>巡护轨迹</name><gx:Track><when>2024-05-01T08:00:00Z</when>
      <when>2024-05-01T08:10:00Z</when>
      <gx:coord>108.0 37.0 1200</gx:coord><gx:coord>108.1 37.1 1210</gx:coord></gx:Track></Placemark>
    <Placemark><name>两块地</name><MultiGeometry>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>108,37 108.001,37 108.001,37.001 108,37
      </coordinates></LinearRing></outerBoundaryIs></Polygon>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>108.01,37 108.011,37 108.011,37.001 108.01,37
      </coordinates></LinearRing></outerBoundaryIs></Polygon>
    </MultiGeometry></Placemark>
    <Placemark><name>井和路</name><MultiGeometry>
      <Point><coordinates>108.2,37.3</coordinates></Point>
      <LineString><coordinates>108.2,37.3 108.3,37.4</coordinates></LineString>
    </MultiGeometry></Placemark>
  </Folder>
  <Folder><name>空文件夹</name></Folder>
</Folder>
<Folder><name>道路</name>
  <Placemark><name>村道</name><LineString><coordinates>108.0,37.0 108.1,37.1 108.2,37.1</coordinates>
  </LineString></Placemark>
  <Placemark><name>环线</name><LinearRing><coordinates>108,37 108.1,37 108.1,37.1</coordinates>
  </LinearRing></Placemark>
</Folder>
</Document></kml>
"""


def _write(tmp_path: Path, text: str, name: str = "field.kml", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _by_name(layers):
    return {layer.name: layer for layer in layers}


# --------------------------------------------------------------------------- structure
def test_folders_become_layers_nested_names_joined_empty_skipped(tmp_path):
    layers = kml.read(_write(tmp_path, FIELD_WORK))
    assert [layer.name for layer in layers] == ["巡查成果", "外业", "外业/2024-05", "道路"]
    counts = {layer.name: layer.feature_count for layer in layers}
    assert counts == {"巡查成果": 1, "外业": 1, "外业/2024-05": 3, "道路": 2}
    for layer in layers:
        assert layer.crs_info.declared_epsg == 4326 and not layer.crs_info.is_assumed
        assert layer.features.crs.to_epsg() == 4326
        assert layer.source.layer == layer.name


def test_document_without_name_names_its_layer_after_the_file(tmp_path):
    text = KML_HEAD + "<Document><Placemark><name>a</name><Point><coordinates>108,37</coordinates>" \
                      "</Point></Placemark></Document></kml>"
    layers = kml.read(_write(tmp_path, text, name="巡护点.kml"))
    assert [layer.name for layer in layers] == ["巡护点"]


def test_chinese_names_and_description(tmp_path):
    layers = _by_name(kml.read(_write(tmp_path, FIELD_WORK)))
    parcel = layers["外业"].features.iloc[0]
    assert parcel["name"] == "禁养区甲"
    assert parcel["description"] == "<b>猪场</b> 已关闭"
    assert parcel["styleUrl"] == "#red"
    assert layers["外业"].encoding.encoding == "UTF-8" and not layers["外业"].encoding.guessed


def test_extended_data_and_typed_schema_data(tmp_path):
    frame = _by_name(kml.read(_write(tmp_path, FIELD_WORK)))["外业"].features
    row = frame.iloc[0]
    assert row["负责人"] == "张三"
    assert row["面积"] == pytest.approx(12.5) and frame["面积"].dtype == "float64"
    assert row["编号"] == 7 and str(frame["编号"].dtype) == "Int64"
    assert bool(row["已核查"]) is True
    assert row["备注"] == "0101"  # a string field keeps its leading zero


def test_polygon_with_hole_has_the_right_area(tmp_path):
    layer = _by_name(kml.read(_write(tmp_path, FIELD_WORK)))["外业"]
    polygon = layer.features.geometry.iloc[0]
    assert polygon.geom_type == "Polygon" and len(polygon.interiors) == 1
    geod = Geod(ellps="WGS84")
    outer = abs(geod.polygon_area_perimeter([108.0, 108.01, 108.01, 108.0], [37.0, 37.0, 37.01, 37.01])[0])
    hole = abs(geod.polygon_area_perimeter([108.002, 108.004, 108.004, 108.002],
                                           [37.002, 37.002, 37.004, 37.004])[0])
    assert layer.total_area_m2() == pytest.approx(outer - hole, rel=1e-6)


def test_multigeometry_track_and_linear_ring(tmp_path):
    layers = _by_name(kml.read(_write(tmp_path, FIELD_WORK)))
    nested = layers["外业/2024-05"].features.set_index("name").geometry
    track = nested["巡护轨迹"]
    assert track.geom_type == "LineString" and track.has_z
    assert np.allclose(shapely.get_coordinates(track, include_z=True), [[108, 37, 1200], [108.1, 37.1, 1210]])
    assert nested["两块地"].geom_type == "MultiPolygon" and len(nested["两块地"].geoms) == 2
    mixed = nested["井和路"]
    assert mixed.geom_type == "GeometryCollection"
    assert [g.geom_type for g in mixed.geoms] == ["Point", "LineString"]
    roads = layers["道路"].features.set_index("name").geometry
    ring = roads["环线"]
    assert ring.geom_type == "LineString" and ring.is_closed and len(ring.coords) == 4
    assert roads["村道"].geom_type == "LineString" and not roads["村道"].has_z  # ",0" altitudes dropped


def test_no_namespace_kml_from_a_phone(tmp_path):
    text = """<?xml version="1.0" encoding="UTF-8"?>
<kml><Document><name>手机</name><Folder><name>采样点</name>
<Placemark><name>样点1</name><ExtendedData><Data name="土壤"><value>黄绵土</value></Data></ExtendedData>
<Point><coordinates>109.5, 36.6</coordinates></Point></Placemark>
</Folder></Document></kml>"""
    (layer,) = kml.read(_write(tmp_path, text))
    assert layer.name == "采样点"
    row = layer.features.iloc[0]
    assert row["name"] == "样点1" and row["土壤"] == "黄绵土"
    assert (row.geometry.x, row.geometry.y) == (109.5, 36.6)


def test_gbk_declared_kml(tmp_path):
    text = FIELD_WORK.replace('encoding="UTF-8"', 'encoding="GBK"')
    layers = kml.read(_write(tmp_path, text, encoding="gbk"))
    assert [layer.name for layer in layers] == ["巡查成果", "外业", "外业/2024-05", "道路"]
    layer = _by_name(layers)["外业"]
    assert layer.features.iloc[0]["负责人"] == "张三"
    assert layer.encoding.encoding == "GBK" and not layer.encoding.guessed


def test_gbk_bytes_declared_as_utf8_are_decoded_and_marked_guessed(tmp_path):
    layers = kml.read(_write(tmp_path, FIELD_WORK, encoding="gbk"))
    layer = _by_name(layers)["外业"]
    assert layer.features.iloc[0]["name"] == "禁养区甲"
    assert layer.encoding.guessed and layer.encoding.encoding == "GB18030"


def test_kml_without_placemarks_is_an_error(tmp_path):
    text = KML_HEAD + "<Document><name>x</name><Folder><name>空</name></Folder></Document></kml>"
    with pytest.raises(DataError, match="no features"):
        kml.read(_write(tmp_path, text))


def test_broken_xml_is_an_error(tmp_path):
    with pytest.raises(DataError, match="not valid XML"):
        kml.read(_write(tmp_path, KML_HEAD + "<Document><Placemark><name>a</name></Document>"))


def test_overlays_are_not_loaded_and_said_so(tmp_path):
    text = KML_HEAD + """<Document><GroundOverlay><name>影像</name></GroundOverlay>
<Placemark><Point><coordinates>108,37</coordinates></Point></Placemark></Document></kml>"""
    (layer,) = kml.read(_write(tmp_path, text))
    assert any("overlays" in note for note in layer.notes)


def test_degenerate_geometries_are_counted_not_silently_dropped(tmp_path):
    text = KML_HEAD + """<Document><Placemark><name>坏</name><Polygon><outerBoundaryIs><LinearRing>
<coordinates>108,37 108.1,37</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
<Placemark><name>好</name><Point><coordinates>108,37</coordinates></Point></Placemark></Document></kml>"""
    (layer,) = kml.read(_write(tmp_path, text))
    assert layer.feature_count == 2  # the placemark stays, with no geometry
    assert layer.features.geometry.isna().sum() == 1
    assert any("too few coordinates" in note for note in layer.notes)


# --------------------------------------------------------------------------- KMZ
def _kmz(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return path


def test_kmz_reads_doc_kml(tmp_path):
    path = _kmz(tmp_path / "成果.kmz", {"files/icon.png": "png", "other.kml": KML_HEAD + "<Document/></kml>",
                                      "doc.kml": FIELD_WORK})
    layers = kml.read(path)
    assert [layer.name for layer in layers] == ["巡查成果", "外业", "外业/2024-05", "道路"]


def test_kmz_without_doc_kml_reads_the_first_kml(tmp_path):
    path = _kmz(tmp_path / "a.kmz", {"images/a.png": "x", "巡查.kml": FIELD_WORK})
    assert len(kml.read(path)) == 4


def test_registry_opens_kml_and_kmz(tmp_path):
    assert len(open_path(_write(tmp_path, FIELD_WORK))) == 4
    assert len(open_path(_kmz(tmp_path / "b.kmz", {"doc.kml": FIELD_WORK}))) == 4


@pytest.mark.parametrize("member", ["../evil.kml", "/etc/evil.kml", "a/../../evil.kml", "C:\\evil.kml"])
def test_zip_slip_member_names_are_refused(tmp_path, member):
    path = _kmz(tmp_path / "evil.kmz", {member: FIELD_WORK})
    with pytest.raises(DataError, match="unsafe file name"):
        kml.read(path)


def test_zip_bomb_is_capped(tmp_path, monkeypatch):
    monkeypatch.setattr(kml, "MAX_XML_BYTES", 10_000)
    bomb = FIELD_WORK.replace("</Document>", "<!--" + " " * 50_000 + "--></Document>")
    path = _kmz(tmp_path / "bomb.kmz", {"doc.kml": bomb})
    assert path.stat().st_size < 10_000  # it compresses well: the cap is on what it expands to
    with pytest.raises(DataError, match="larger than"):
        kml.read(path)


def test_kmz_that_is_not_a_zip(tmp_path):
    path = tmp_path / "x.kmz"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(DataError, match="not a valid ZIP"):
        kml.read(path)


def test_kmz_without_kml(tmp_path):
    with pytest.raises(DataError, match="no KML document"):
        kml.read(_kmz(tmp_path / "x.kmz", {"a.png": "x"}))


# --------------------------------------------------------------------------- XML safety
def _assert_secret_never_shown(exc_info, capsys, secret_text: str):
    shown = str(exc_info.value) + exc_info.value.user_message()
    out, err = capsys.readouterr()
    assert secret_text not in shown + out + err
    assert "declares entities" in shown


def test_external_entity_is_refused_and_never_read(tmp_path, capsys):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-6c0ffee-CONTENT")
    text = f"""<?xml version="1.0"?>
<!DOCTYPE kml [<!ENTITY xxe SYSTEM "file://{secret}">]>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>&xxe;</name>
<Point><coordinates>108,37</coordinates></Point></Placemark></Document></kml>"""
    path = _write(tmp_path, text, name="evil.kml")
    with pytest.raises(DataError) as exc_info:
        kml.read(path)
    _assert_secret_never_shown(exc_info, capsys, "SECRET-6c0ffee-CONTENT")
    assert "evil.kml" in str(exc_info.value)
    assert str(secret) not in str(exc_info.value)


def test_external_entity_in_kmz_is_refused(tmp_path, capsys):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-IN-KMZ")
    text = f"""<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>
<kml><Document><Placemark><name>&xxe;</name><Point><coordinates>108,37</coordinates></Point>
</Placemark></Document></kml>"""
    with pytest.raises(DataError) as exc_info:
        kml.read(_kmz(tmp_path / "evil.kmz", {"doc.kml": text}))
    _assert_secret_never_shown(exc_info, capsys, "SECRET-IN-KMZ")


def test_parameter_entity_from_the_network_is_refused_without_connecting(tmp_path, capsys):
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.setblocking(False)
    port = server.getsockname()[1]
    text = f"""<?xml version="1.0"?>
<!DOCTYPE kml [<!ENTITY % remote SYSTEM "http://127.0.0.1:{port}/evil.dtd"> %remote;]>
<kml><Document><Placemark><Point><coordinates>108,37</coordinates></Point></Placemark></Document></kml>"""
    try:
        with pytest.raises(DataError) as exc_info:
            kml.read(_write(tmp_path, text))
        assert "declares entities" in str(exc_info.value)
        with pytest.raises(BlockingIOError):
            server.accept()  # nobody connected
    finally:
        server.close()


def test_billion_laughs_is_refused(tmp_path):
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    text = f"""<?xml version="1.0"?><!DOCTYPE kml [{entities}]>
<kml><Document><Placemark><name>&lol9;</name><Point><coordinates>108,37</coordinates></Point>
</Placemark></Document></kml>"""
    with pytest.raises(DataError, match="declares entities"):
        kml.read(_write(tmp_path, text))


def test_doctype_without_entities_is_fine(tmp_path):
    text = """<?xml version="1.0"?><!DOCTYPE kml [<!ELEMENT kml ANY>]>
<kml><Document><Placemark><name>a</name><Point><coordinates>108,37</coordinates></Point></Placemark>
</Document></kml>"""
    (layer,) = kml.read(_write(tmp_path, text))
    assert layer.feature_count == 1


# --------------------------------------------------------------------------- writer
def _sample_layers():
    parcels = gpd.GeoDataFrame(
        {"name": ["禁养区甲", "两块地"], "编号": [1, 2], "面积": [12.5, 0.25], "已核查": [True, False],
         "备注": ["猪场已关闭 <b>&</b>", None]},
        geometry=[Polygon([(108.0, 37.0), (108.01, 37.0), (108.01, 37.01), (108.0, 37.01)],
                          [[(108.002, 37.002), (108.002, 37.004), (108.004, 37.004), (108.004, 37.002)]]),
                  MultiPolygon([Polygon([(108.1, 37.1), (108.11, 37.1), (108.11, 37.11)]),
                                Polygon([(108.2, 37.2), (108.21, 37.2), (108.21, 37.21)])])],
        crs="EPSG:4326")
    tracks = gpd.GeoDataFrame({"name": ["巡护路线"], "巡护员": ["李四"]},
                              geometry=[LineString([(108.123456789, 37.987654321), (108.2, 37.3)])],
                              crs="EPSG:4326")
    wells = gpd.GeoDataFrame({"name": ["水井1", "水井2"], "深度": [30.5, np.nan]},
                             geometry=[Point(108.5, 37.5), Point(108.6, 37.6)], crs="EPSG:4326")
    return {"禁养区": parcels, "外业/2024-05": tracks, "水井": wells}


def _assert_same_geometries(actual, expected, tolerance=1e-7):
    a = shapely.normalize(np.asarray(actual, dtype=object))
    b = shapely.normalize(np.asarray(expected, dtype=object))
    assert shapely.equals_exact(a, b, tolerance=tolerance).all()


@pytest.mark.parametrize("suffix", [".kml", ".kmz"])
def test_writer_round_trip(tmp_path, suffix):
    layers = _sample_layers()
    path = kml_writer.write(layers, tmp_path / f"导出{suffix}")
    if suffix == ".kmz":
        assert zipfile.ZipFile(path).namelist() == ["doc.kml"]
    back = _by_name(kml.read(path))
    assert sorted(back) == sorted(layers)
    for name, frame in layers.items():
        got = back[name].features
        assert got["name"].tolist() == frame["name"].tolist()
        _assert_same_geometries(got.geometry, frame.geometry)
        for column in frame.columns.drop(["name", "geometry"]):
            expected = frame[column].tolist()
            values = got[column].tolist()
            for v, e in zip(values, expected):
                assert pd.isna(v) if pd.isna(e) else v == e, (name, column, v, e)
    assert back["禁养区"].features["编号"].dtype.kind == "i"
    assert back["水井"].features["深度"].dtype == "float64"


def test_writer_reprojects_to_wgs84(tmp_path):
    projected = gpd.GeoDataFrame({"name": ["点"]}, geometry=[Point(36_400_000.0, 4_100_000.0)], crs="EPSG:4524")
    path = kml_writer.write([("投影", projected)], tmp_path / "p.kml")
    (layer,) = kml.read(path)
    expected = projected.to_crs(4326).geometry
    _assert_same_geometries(layer.features.geometry, expected)
    assert 100 < layer.features.geometry.iloc[0].x < 120  # a longitude, not an easting


def test_writer_name_field_styles_and_colours(tmp_path):
    frame = gpd.GeoDataFrame({"XMMC": ["红线一"], "LXBM": ["11"]},
                             geometry=[Point(108, 37)], crs="EPSG:4326")
    path = kml_writer.write([("红线", frame)], tmp_path / "s.kml", name_field="XMMC",
                            styles={"红线": KmlStyle(stroke="#FF8000", fill=(0, 128, 255, 64), width=3)})
    text = path.read_text(encoding="utf-8")
    assert "<color>ff0080ff</color>" in text and "<color>40ff8000</color>" in text
    assert "<width>3</width>" in text
    (layer,) = kml.read(path)
    assert layer.features.iloc[0]["name"] == "红线一"
    assert layer.features.iloc[0]["XMMC"] == "红线一"  # the name field also stays an attribute
    assert layer.features.iloc[0]["LXBM"] == "11"


def test_kml_colour_conversion():
    assert kml_color("#112233") == "ff332211"
    assert kml_color("#80112233") == "80332211"  # Qt's #AARRGGBB
    assert kml_color((1, 2, 3, 4)) == "04030201"


def test_writer_is_atomic_and_refuses_layers_without_crs(tmp_path):
    target = tmp_path / "out.kml"
    target.write_text("old content")
    no_crs = gpd.GeoDataFrame({"name": ["a"]}, geometry=[Point(1, 1)])
    with pytest.raises(DataError, match="no coordinate system"):
        kml_writer.write([("无坐标", no_crs)], target)
    with pytest.raises(DataError, match="no field"):
        kml_writer.write(_sample_layers(), target, name_field="不存在")
    assert target.read_text() == "old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.kml"]  # no temp files left
    kml_writer.write(_sample_layers(), target)
    assert target.read_text(encoding="utf-8").startswith("<?xml")


def test_writer_accepts_vector_layers(tmp_path):
    layers = kml.read(_write(tmp_path, FIELD_WORK))
    path = kml_writer.write(layers, tmp_path / "again.kml")
    back = kml.read(path)
    assert [layer.name for layer in back] == [layer.name for layer in layers]
    for before, after in zip(layers, back):
        _assert_same_geometries(after.features.geometry, before.features.geometry)
        assert after.features["name"].tolist() == before.features["name"].tolist()


def test_display_names_become_field_aliases_and_survive_a_round_trip(tmp_path):
    text = KML_HEAD + """<Document><Placemark><name>a</name><ExtendedData>
<Data name="XMMC"><displayName>项目名称</displayName><value>矿山修复一期</value></Data></ExtendedData>
<Point><coordinates>108,37</coordinates></Point></Placemark></Document></kml>"""
    (layer,) = kml.read(_write(tmp_path, text))
    assert layer.field_aliases == {"XMMC": "项目名称"}
    (back,) = kml.read(kml_writer.write(layer, tmp_path / "aliases.kml"))
    assert back.field_aliases == {"XMMC": "项目名称"}
    assert back.features.iloc[0]["XMMC"] == "矿山修复一期"


def test_lowercase_utf8_declaration(tmp_path):
    text = FIELD_WORK.replace('encoding="UTF-8"', "encoding='utf8'")
    layers = kml.read(_write(tmp_path, text))
    assert _by_name(layers)["外业"].features.iloc[0]["负责人"] == "张三"


def test_writer_with_non_string_column_labels(tmp_path):
    frame = gpd.GeoDataFrame({"name": ["a"], 2024: [1.5]}, geometry=[Point(108, 37)], crs="EPSG:4326")
    (back,) = kml.read(kml_writer.write([("年份", frame)], tmp_path / "n.kml"))
    assert back.features.iloc[0]["2024"] == 1.5


def test_external_dtd_is_never_fetched_and_its_entities_never_used(tmp_path):
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.setblocking(False)
    port = server.getsockname()[1]
    body = """<kml><Document><Placemark><name>{name}</name><Point><coordinates>108,37</coordinates>
</Point></Placemark></Document></kml>"""
    doctype = f'<?xml version="1.0"?><!DOCTYPE kml SYSTEM "http://127.0.0.1:{port}/kml.dtd">'
    try:
        (layer,) = kml.read(_write(tmp_path, doctype + body.format(name="井"), name="dtd.kml"))
        assert layer.features.iloc[0]["name"] == "井"
        with pytest.raises(DataError):  # an entity only the external DTD could define
            kml.read(_write(tmp_path, doctype + body.format(name="&remote;"), name="dtd2.kml"))
        with pytest.raises(BlockingIOError):
            server.accept()  # nobody connected
    finally:
        server.close()
