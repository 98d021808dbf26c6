"""DXF reader: lines, closed polylines as polygons, text, encodings, CRS inference."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import shapely

from ecomap.errors import DataError
from ecomap.io import dxf
from ecomap.io.registry import open_path
from tests.io.dxf_fixtures import DxfBuilder

# zone 36 (CM 108°E), easting with the zone prefix, as Chinese CAD drawings carry it
X0, Y0 = 36_400_000.0, 4_100_000.0


def _survey(codepage: str | None = "ANSI_936") -> DxfBuilder:
    d = DxfBuilder(codepage=codepage)
    d.line("道路", (X0, Y0), (X0 + 100, Y0))
    d.line("道路", (X0 + 100, Y0), (X0 + 100, Y0 + 80))
    d.polyline("地块", [(X0, Y0), (X0 + 100, Y0), (X0 + 100, Y0 + 50), (X0, Y0 + 50)], closed=True)
    d.lwpolyline("红线", [(X0 + 200, Y0), (X0 + 260, Y0), (X0 + 260, Y0 + 40)], closed=True)
    d.polyline("沟渠", [(X0, Y0 + 100), (X0 + 10, Y0 + 110), (X0 + 20, Y0 + 100)], closed=False)
    d.point("高程点", (X0 + 1, Y0 + 1))
    d.text("注记", (X0 + 50, Y0 + 25), "张家庄耕地")
    return d


def _layers(tmp_path: Path, builder: DxfBuilder, name: str = "测量图.dxf", encoding: str | None = None):
    path = builder.write(tmp_path / name, encoding=encoding)
    return {layer.name.split(" ", 1)[1]: layer for layer in dxf.read(path)}


def _shoelace(xy) -> float:
    x, y = np.asarray(xy, dtype=float).T
    return 0.5 * abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))


def test_layers_split_by_geometry_family(tmp_path):
    layers = _layers(tmp_path, _survey())
    assert list(layers) == ["polygons", "lines", "points", "text"]
    assert {k: v.feature_count for k, v in layers.items()} == {"polygons": 2, "lines": 3, "points": 1, "text": 1}
    assert all(layer.name.startswith("测量图 ") for layer in layers.values())
    assert layers["polygons"].geometry_type == "Polygon"
    assert layers["lines"].geometry_type == "LineString"


def test_lines_keep_cad_layer_and_entity_type(tmp_path):
    lines = _layers(tmp_path, _survey())["lines"].features
    assert lines["Layer"].tolist() == ["道路", "道路", "沟渠"]
    assert lines["EntityType"].tolist() == ["LINE", "LINE", "POLYLINE"]
    assert not lines.geometry.has_z.any()  # flat drafting: Z = 0 dropped
    first = shapely.get_coordinates(lines.geometry.iloc[0])
    assert np.allclose(first, [[X0, Y0], [X0 + 100, Y0]])


def test_closed_polylines_become_polygons_with_the_right_area(tmp_path):
    polygons = _layers(tmp_path, _survey())["polygons"].features.set_index("Layer")
    parcel, red_line = polygons.geometry["地块"], polygons.geometry["红线"]
    assert parcel.geom_type == red_line.geom_type == "Polygon"
    assert parcel.area == pytest.approx(_shoelace([(0, 0), (100, 0), (100, 50), (0, 50)]))  # 5000 m²
    assert red_line.area == pytest.approx(_shoelace([(0, 0), (60, 0), (60, 40)]))  # 1200 m²
    assert polygons["EntityType"].tolist() == ["POLYLINE", "LWPOLYLINE"]


def test_polyline_closed_by_its_vertices_is_a_polygon(tmp_path):
    d = DxfBuilder()
    d.polyline("界址", [(X0, Y0), (X0 + 30, Y0), (X0 + 30, Y0 + 30), (X0, Y0)], closed=False)
    d.polyline("线", [(X0, Y0), (X0 + 30, Y0), (X0 + 30, Y0 + 30)], closed=False)
    layers = _layers(tmp_path, d)
    assert layers["polygons"].features.geometry.iloc[0].area == pytest.approx(450.0)
    assert layers["lines"].feature_count == 1


def test_closed_polylines_vectorised_helper():
    geoms = np.array([shapely.LineString([(0, 0), (2, 0), (2, 2), (0, 0)]),
                      shapely.LineString([(0, 0), (1, 1)]),
                      shapely.Point(1, 1), None], dtype=object)
    out, closed = dxf.closed_lines_to_polygons(geoms)
    assert closed.tolist() == [True, False, False, False]
    assert out[0].geom_type == "Polygon" and out[0].area == pytest.approx(2.0)
    assert out[1] is geoms[1] and out[3] is None


def test_text_becomes_points_with_the_text(tmp_path):
    d = _survey()
    d.text("注记", (X0 + 60, Y0 + 25), r"\U+6C34\U+5E93")  # R12 escapes for 水库
    text = _layers(tmp_path, d)["text"].features
    assert text["Text"].tolist() == ["张家庄耕地", "水库"]
    assert text["EntityType"].tolist() == ["TEXT", "TEXT"]
    assert (text.geometry.x.iloc[0], text.geometry.y.iloc[0]) == (X0 + 50, Y0 + 25)
    points = _layers(tmp_path, _survey(), name="b.dxf")["points"].features
    assert "Text" not in points and points["EntityType"].tolist() == ["POINT"]


def test_gbk_layer_names_and_text_with_dwgcodepage_ansi_936(tmp_path):
    d = _survey("ANSI_936")
    path = d.write(tmp_path / "gbk.dxf")
    raw = path.read_bytes()
    assert "张家庄耕地".encode("gbk") in raw and "张家庄耕地".encode() not in raw
    layers = dxf.read(path)
    text = next(layer for layer in layers if layer.name.endswith("text"))
    assert text.features["Text"].tolist() == ["张家庄耕地"]
    assert text.features["Layer"].tolist() == ["注记"]
    assert text.encoding.encoding == "GBK" and not text.encoding.guessed


def test_gbk_text_under_a_western_code_page_is_recognised(tmp_path):
    # converters often leave $DWGCODEPAGE at ANSI_1252 (or drop it) while writing GBK text
    for codepage in ("ANSI_1252", None):
        layers = _layers(tmp_path, _survey(codepage), name=f"{codepage}.dxf", encoding="gbk")
        assert layers["text"].features["Text"].tolist() == ["张家庄耕地"]
        assert layers["text"].encoding.encoding == "GBK" and layers["text"].encoding.guessed


def test_r2007_dxf_is_utf8_whatever_the_code_page_says(tmp_path):
    d = DxfBuilder(codepage="ANSI_936", version="AC1021")
    d.text("注记", (X0, Y0), "水源涵养区")
    layers = _layers(tmp_path, d, encoding="utf-8")
    assert layers["text"].features["Text"].tolist() == ["水源涵养区"]
    assert layers["text"].features["Layer"].tolist() == ["注记"]
    assert layers["text"].encoding.encoding == "UTF-8"


def test_zone_prefixed_gauss_kruger_is_assumed_epsg_4524(tmp_path):
    layers = _layers(tmp_path, _survey())
    for layer in layers.values():
        info = layer.crs_info
        assert info.assumed_epsg == 4524 and info.declared_epsg is None and info.is_assumed
        assert layer.features.crs.to_epsg() == 4524
        assert any("EPSG:4524" in note for note in layer.notes)
    # area in m² on the ellipsoid ≈ planar area (scale factor ~1 near the central meridian)
    assert layers["polygons"].total_area_m2() == pytest.approx(6200.0, rel=2e-3)


def test_swapped_x_and_y_are_detected_and_exchanged(tmp_path):
    d = DxfBuilder()
    d.polyline("地块", [(Y0, X0), (Y0, X0 + 100), (Y0 + 50, X0 + 100), (Y0 + 50, X0)], closed=True)
    (polygons,) = dxf.read(d.write(tmp_path / "swapped.dxf"))
    assert polygons.crs_info.swapped_axes and polygons.crs_info.assumed_epsg == 4524
    minx, miny, maxx, maxy = polygons.bounds
    assert (minx, miny, maxx, maxy) == (X0, Y0, X0 + 100, Y0 + 50)


def test_stray_entity_at_origin_does_not_spoil_crs_inference(tmp_path):
    d = _survey()
    d.line("0", (0, 0), (10, 10))
    layers = _layers(tmp_path, d)
    assert layers["lines"].crs_info.assumed_epsg == 4524
    assert layers["lines"].feature_count == 4  # the stray line is still there
    assert any("far from the rest" in note for note in layers["lines"].notes)


def test_local_coordinates_give_no_crs(tmp_path):
    d = DxfBuilder()
    d.line("0", (0, 0), (10, 10))
    (lines,) = dxf.read(d.write(tmp_path / "local.dxf"))
    assert lines.crs_info.epsg is None and lines.features.crs is None
    assert any("none could be inferred" in note for note in lines.notes)


def test_paper_space_entities_are_left_out_and_said_so(tmp_path):
    d = _survey()
    d.line("图框", (0, 0), (420, 297), paper_space=True)
    layers = _layers(tmp_path, d)
    assert layers["lines"].feature_count == 3
    assert "图框" not in layers["lines"].features["Layer"].tolist()
    assert any("paper-space" in note for note in layers["lines"].notes)


def test_block_inserts_are_split_into_families(tmp_path):
    d = DxfBuilder()
    well = d.block("水井")
    well.polyline("符号", [(0, 0), (2, 0), (2, 2), (0, 2)], closed=True)
    well.text("符号", (0, 0), "井")
    d.insert("水井", "水井", (X0, Y0))
    d.insert("水井", "水井", (X0 + 100, Y0))
    layers = _layers(tmp_path, d)
    assert layers["polygons"].feature_count == 2 and layers["text"].feature_count == 2
    assert layers["polygons"].features.geometry.area.tolist() == pytest.approx([4.0, 4.0])


def test_registry_dispatches_dxf(tmp_path):
    path = _survey().write(tmp_path / "r.dxf")
    assert [layer.name for layer in open_path(path)] == ["r polygons", "r lines", "r points", "r text"]


def test_not_a_dxf(tmp_path):
    path = tmp_path / "x.dxf"
    path.write_text("这不是 CAD 文件\nhello\n", encoding="utf-8")
    with pytest.raises(DataError, match="not a DXF"):
        dxf.read(path)


def test_damaged_dxf(tmp_path):
    path = tmp_path / "damaged.dxf"
    path.write_text("  0\nSECTION\n  2\nENTITIES\n  0\nLINE\n  8\n0\n 10\nabc\n")
    with pytest.raises(DataError) as exc_info:
        dxf.read(path)
    assert "damaged near line" in str(exc_info.value) and "vcpkg" not in str(exc_info.value)


def test_drawing_without_entities(tmp_path):
    path = DxfBuilder().write(tmp_path / "empty.dxf")
    with pytest.raises(DataError, match="no features"):
        dxf.read(path)


def test_ascii_drawing_without_code_page(tmp_path):
    d = DxfBuilder(codepage=None)
    d.text("TEXT", (X0, Y0), "J1")
    (text,) = dxf.read(d.write(tmp_path / "ascii.dxf"))
    assert text.features["Text"].tolist() == ["J1"]
    assert text.encoding.encoding == "ASCII"
