"""The Ministry land-parcel coordinate TXT: reading real-world variants, and writing it back."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely
from pyproj import Geod, Transformer

from ecomap.errors import DataError
from ecomap.io import parcel_txt
from ecomap.io.parcel_txt_writer import gauss_kruger_params, write

HEADER = """[属性描述]
坐标系=2000国家大地坐标系
几度分带=3
投影类型=高斯克吕格
计量单位=米
带号=38
精度=0.001
转换参数=,,,,,,
[地块坐标]
"""

# shared/domain.md §8.3, verbatim
DOMAIN_SAMPLE = (
    HEADER
    + """4,100.5,FID_A,地块甲,面, , , ,@
J1,1,2582988.976,38383243.971
J2,1,2582983.339,38383261.067
J3,1,2582960.000,38383250.000
J4,1,2582990.000,38383270.000
"""
)

# an outer ring of 200 m x 150 m (easting, northing) and a 40 m x 30 m hole, zone 38
OUTER = [
    (38383000.0, 2582800.0),
    (38383200.0, 2582800.0),
    (38383200.0, 2582950.0),
    (38383000.0, 2582950.0),
]
HOLE = [
    (38383050.0, 2582850.0),
    (38383090.0, 2582850.0),
    (38383090.0, 2582880.0),
    (38383050.0, 2582880.0),
]


def point_lines(ring, ring_no, start=1, close=True):
    """``点号,圈号,X,Y`` lines, X being the northing."""
    pts = list(ring) + ([ring[0]] if close else [])
    out = []
    for k, (e, n) in enumerate(pts):
        number = start + (k if k < len(ring) else 0)
        out.append(f"J{number},{ring_no},{n:.3f},{e:.3f}")
    return out


def geodesic_area_m2(rings_en, epsg=4526):
    """Independent area: GK → lon/lat with pyproj, then Geod(GRS80); holes subtracted."""
    to_geo = Transformer.from_crs(epsg, 4490, always_xy=True)
    geod = Geod(ellps="GRS80")
    total = 0.0
    for k, ring in enumerate(rings_en):
        lon, lat = to_geo.transform([p[0] for p in ring], [p[1] for p in ring])
        area = abs(geod.polygon_area_perimeter(lon, lat)[0])
        total += area if k == 0 else -area
    return total


def geodesic_area_of(geom, epsg=4526):
    """geodesic_area_m2 over every part of a (multi)polygon."""
    return sum(
        geodesic_area_m2([list(p.exterior.coords)] + [list(r.coords) for r in p.interiors], epsg)
        for p in getattr(geom, "geoms", [geom])
    )


def write_txt(
    tmp_path: Path, text: str, name="parcels.txt", encoding="utf-8", newline="\n"
) -> Path:
    path = tmp_path / name
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


def hole_parcel_text(outer_no=1, hole_no=2, stated=None, count=None, close=True):
    area = geodesic_area_m2([OUTER, HOLE]) / 10000 if stated is None else stated
    lines_outer = point_lines(OUTER, outer_no, 1, close)
    lines_hole = point_lines(HOLE, hole_no, 5, close)
    rings = [lines_hole, lines_outer] if outer_no > hole_no else [lines_outer, lines_hole]
    body = [line for ring in rings for line in ring]
    n = len(body) if count is None else count
    return (
        HEADER
        + f"{n},{area:.4f},DK-001,东沟复垦地块,面,J49G001001,复垦,0103,@\n"
        + "\n".join(body)
        + "\n"
    )


def read_one(path):
    layers = parcel_txt.read(path)
    assert len(layers) == 1
    return layers[0]


# --------------------------------------------------------------------------- the domain sample


def test_domain_sample_zone_38_is_epsg_4526_and_its_area_is_cross_checked(tmp_path):
    layer = read_one(write_txt(tmp_path, DOMAIN_SAMPLE))
    assert layer.crs_info.declared_epsg == 4526
    assert layer.crs_info.assumed_epsg is None
    assert layer.feature_count == 1
    row = layer.features.iloc[0]
    assert row["地块编号"] == "FID_A" and row["地块名称"] == "地块甲" and row["图形属性"] == "面"
    assert row["界址点数"] == 4 and row["地块面积"] == pytest.approx(100.5)
    # the ring is closed by the reader; X was the northing
    ring = np.asarray(layer.geometry[0].exterior.coords)
    assert len(ring) == 5 and tuple(ring[0]) == tuple(ring[-1]) == (38383243.971, 2582988.976)
    expected = geodesic_area_m2(
        [
            [
                (38383243.971, 2582988.976),
                (38383261.067, 2582983.339),
                (38383250.0, 2582960.0),
                (38383270.0, 2582990.0),
            ]
        ]
    )
    assert layer.areas_m2()[0] == pytest.approx(expected, rel=1e-4)
    assert row["计算面积"] == pytest.approx(expected / 10000, abs=1e-4)
    # 100.5 hm² stated for a few hundred m²: the user is told, naming the parcel and its line
    assert any("FID_A" in n and "line 10" in n and "100.5" in n for n in layer.notes)
    assert layer.metadata["sections"]["属性描述"]["坐标系"] == "2000国家大地坐标系"
    # and the geometry lands where domain.md says (≈ 23.34°N, 112.86°E)
    lon, lat = Transformer.from_crs(4526, 4490, always_xy=True).transform(38383243.971, 2582988.976)
    assert lat == pytest.approx(23.34, abs=0.01) and lon == pytest.approx(112.86, abs=0.01)


# --------------------------------------------------------------------------- rings and holes


@pytest.mark.parametrize("outer_no, hole_no", [(1, 2), (2, 1)])
def test_hole_is_found_by_containment_not_by_ring_number(tmp_path, outer_no, hole_no):
    layer = read_one(write_txt(tmp_path, hole_parcel_text(outer_no, hole_no)))
    geom = layer.geometry[0]
    assert geom.geom_type == "Polygon"
    assert len(geom.interiors) == 1
    assert shapely.Polygon(geom.exterior).equals(shapely.Polygon(OUTER))
    assert shapely.Polygon(geom.interiors[0]).equals(shapely.Polygon(HOLE))
    expected = geodesic_area_m2([OUTER, HOLE])
    assert expected == pytest.approx(200 * 150 - 40 * 30, rel=2e-3)  # GK scale near the CM
    assert layer.areas_m2()[0] == pytest.approx(expected, rel=1e-4)
    assert layer.invalid_count == 0
    # the stated area matches: no area note, difference column near zero
    assert not any("hm²" in n for n in layer.notes), layer.notes
    assert abs(layer.features["面积差异%"].iloc[0]) < 0.01
    row = layer.features.iloc[0]
    assert (row["地块名称"], row["图幅号"], row["地块用途"], row["地类编码"]) == (
        "东沟复垦地块",
        "J49G001001",
        "复垦",
        "0103",
    )


@pytest.mark.parametrize("close", [True, False])
@pytest.mark.parametrize("count_closing", [True, False])
def test_closed_or_unclosed_rings_and_either_point_count_give_the_same_parcel(
    tmp_path, close, count_closing
):
    count = (10 if close else 8) if count_closing else 8
    layer = read_one(write_txt(tmp_path, hole_parcel_text(count=count, close=close)))
    geom = layer.geometry[0]
    assert len(geom.exterior.coords) == 5 and len(geom.interiors[0].coords) == 5
    assert layer.areas_m2()[0] == pytest.approx(geodesic_area_m2([OUTER, HOLE]), rel=1e-4)
    assert not any("boundary points" in n for n in layer.notes), layer.notes


def test_point_count_that_matches_nothing_is_noted(tmp_path):
    layer = read_one(write_txt(tmp_path, hole_parcel_text(count=17)))
    assert any("states 17 boundary points" in n and "line 10" in n for n in layer.notes)


def test_two_outer_rings_make_a_multipolygon_and_the_hole_goes_to_the_ring_around_it(tmp_path):
    second = [
        (38384000.0, 2582800.0),
        (38384100.0, 2582800.0),
        (38384100.0, 2582900.0),
        (38384000.0, 2582900.0),
    ]
    hole2 = [
        (38384020.0, 2582820.0),
        (38384040.0, 2582820.0),
        (38384040.0, 2582840.0),
        (38384020.0, 2582840.0),
    ]
    # ring numbers deliberately unhelpful: the hole of the second part comes first as ring 1
    body = point_lines(hole2, 1, 1) + point_lines(OUTER, 2, 5) + point_lines(second, 3, 9)
    text = HEADER + f"{len(body)},0,DK-2,两块,面,,,,@\n" + "\n".join(body) + "\n"
    layer = read_one(write_txt(tmp_path, text))
    geom = layer.geometry[0]
    assert geom.geom_type == "MultiPolygon" and len(geom.geoms) == 2
    with_hole = [p for p in geom.geoms if len(p.interiors)]
    assert len(with_hole) == 1 and shapely.Polygon(with_hole[0].exterior).equals(
        shapely.Polygon(second)
    )
    expected = geodesic_area_m2([OUTER]) + geodesic_area_m2([second, hole2])
    assert layer.areas_m2()[0] == pytest.approx(expected, rel=1e-4)


def test_island_inside_a_hole_is_its_own_part(tmp_path):
    island = [
        (38383060.0, 2582860.0),
        (38383070.0, 2582860.0),
        (38383070.0, 2582870.0),
        (38383060.0, 2582870.0),
    ]
    body = point_lines(OUTER, 1, 1) + point_lines(HOLE, 2, 5) + point_lines(island, 3, 9)
    layer = read_one(
        write_txt(tmp_path, HEADER + f"{len(body)},0,I,岛,面,,,,@\n" + "\n".join(body) + "\n")
    )
    geom = layer.geometry[0]
    assert geom.geom_type == "MultiPolygon" and len(geom.geoms) == 2
    expected = geodesic_area_m2([OUTER, HOLE]) + geodesic_area_m2([island])
    assert layer.areas_m2()[0] == pytest.approx(expected, rel=1e-4)


def test_two_parcels_give_two_features(tmp_path):
    second = [
        (38385000.0, 2582000.0),
        (38385300.0, 2582000.0),
        (38385300.0, 2582100.0),
        (38385000.0, 2582100.0),
    ]
    area2 = geodesic_area_m2([second]) / 10000
    text = (
        hole_parcel_text()
        + f"5,{area2:.4f},DK-002,西坡地块,面,,林地,0301,@\n"
        + "\n".join(point_lines(second, 1, 1))
        + "\n"
    )
    layer = read_one(write_txt(tmp_path, text))
    assert layer.feature_count == 2
    assert layer.features["地块编号"].tolist() == ["DK-001", "DK-002"]
    assert layer.features["地块名称"].tolist() == ["东沟复垦地块", "西坡地块"]
    assert layer.geometry_type == "Polygon"
    np.testing.assert_allclose(
        layer.areas_m2(), [geodesic_area_m2([OUTER, HOLE]), area2 * 10000], rtol=1e-4
    )
    assert layer.features["地块面积"].tolist() == pytest.approx(
        [round(geodesic_area_m2([OUTER, HOLE]) / 1e4, 4), round(area2, 4)]
    )
    assert layer.total_area_m2() == pytest.approx(
        geodesic_area_m2([OUTER, HOLE]) + area2 * 10000, rel=1e-4
    )


# --------------------------------------------------------------------------- encodings and dialects


def test_gbk_file_with_crlf_decodes_chinese(tmp_path):
    layer = read_one(write_txt(tmp_path, hole_parcel_text(), encoding="gbk", newline="\r\n"))
    assert layer.encoding.encoding == "GBK" and layer.encoding.guessed
    assert layer.features["地块名称"].iloc[0] == "东沟复垦地块"
    assert layer.crs_info.declared_epsg == 4526


def test_utf8_with_bom(tmp_path):
    layer = read_one(write_txt(tmp_path, hole_parcel_text(), encoding="utf-8-sig"))
    assert layer.encoding.encoding == "UTF-8-SIG" and layer.encoding.method == "bom"
    assert not layer.encoding.guessed
    assert layer.features["地块名称"].iloc[0] == "东沟复垦地块"
    assert layer.metadata["sections"]["属性描述"]["坐标系"] == "2000国家大地坐标系"


def test_project_section_extra_fields_fullwidth_commas_and_blanks(tmp_path):
    body = [line.replace(",", "，", 1) + "  " for line in point_lines(OUTER, 1, 1)]
    area = geodesic_area_m2([OUTER]) / 10000
    text = (
        "[项目信息]\n项目名称=东沟矿山生态修复\n项目所在县区代码=610825\n\n"
        "[属性描述]\n格式版本号=1.0\n数据产生单位=某县自然资源局\n"
        + HEADER.split("\n", 1)[1].replace("\n[地块坐标]", "\n\n[地块坐标]")
        + f"5，{area:.4f}，DK-9，扩展地块，面，，，，附加1，附加2，@  \n\n"
        + "\n".join(body)
        + "\n\n"
    )
    layer = read_one(write_txt(tmp_path, text, encoding="gbk", newline="\r\n"))
    assert layer.metadata["sections"]["项目信息"]["项目名称"] == "东沟矿山生态修复"
    assert layer.metadata["sections"]["属性描述"]["数据产生单位"] == "某县自然资源局"
    assert layer.features["地块名称"].iloc[0] == "扩展地块"
    assert (
        layer.features["地类编码"].iloc[0] == ""
    )  # the extra fields are not shifted into the standard ones
    assert layer.areas_m2()[0] == pytest.approx(area * 10000, rel=1e-4)
    assert layer.crs_info.declared_epsg == 4526


def test_point_and_line_parcels(tmp_path):
    text = (
        HEADER
        + "2,,P1,水井,点,,,,@\nJ1,1,2582800.000,38383000.000\nJ2,1,2582810.000,38383010.000\n"
        "3,,L1,排水沟,线,,,,@\nJ1,1,2582800.000,38383000.000\nJ2,1,2582800.000,38383100.000\n"
        "J3,1,2582900.000,38383100.000\n"
    )
    layer = read_one(write_txt(tmp_path, text))
    assert layer.geometry[0].geom_type == "MultiPoint" and len(layer.geometry[0].geoms) == 2
    assert layer.geometry[1].geom_type == "LineString"
    assert layer.geometry[1].length == pytest.approx(200.0)
    assert np.isnan(layer.features["计算面积"]).all()
    assert layer.geometry_type == "Mixed"


def test_x_holding_the_easting_is_swapped_and_said(tmp_path):
    body = [f"J{k + 1},1,{e:.3f},{n:.3f}" for k, (e, n) in enumerate(OUTER)]
    text = (
        HEADER
        + f"4,{geodesic_area_m2([OUTER]) / 1e4:.4f},S,反写,面,,,,@\n"
        + "\n".join(body)
        + "\n"
    )
    layer = read_one(write_txt(tmp_path, text))
    assert layer.crs_info.swapped_axes
    assert shapely.Polygon(layer.geometry[0].exterior).equals(shapely.Polygon(OUTER))
    assert any("swapped" in n for n in layer.notes)


# --------------------------------------------------------------------------- CRS from the header


def _text_with_header(header_lines: dict[str, str], ring=OUTER) -> str:
    header = (
        "[属性描述]\n" + "".join(f"{k}={v}\n" for k, v in header_lines.items()) + "[地块坐标]\n"
    )
    body = point_lines(ring, 1, 1)
    return header + f"{len(body)},,C,测试,面,,,,@\n" + "\n".join(body) + "\n"


def test_header_zone_contradicting_the_eastings_trusts_the_coordinates(tmp_path):
    text = _text_with_header({"坐标系": "2000国家大地坐标系", "几度分带": "3", "带号": "39"})
    layer = read_one(write_txt(tmp_path, text))
    assert layer.crs_info.declared_epsg is None
    assert layer.crs_info.assumed_epsg == 4526
    assert any("39" in n and "38" in n for n in layer.notes)
    assert "38" in layer.crs_info.reason


def test_missing_zone_taken_from_the_prefix(tmp_path):
    layer = read_one(write_txt(tmp_path, _text_with_header({"坐标系": "2000国家大地坐标系"})))
    assert layer.crs_info.assumed_epsg == 4526
    assert "带号" in layer.crs_info.reason


@pytest.mark.parametrize(
    "datum, epsg",
    [
        ("80国家大地坐标系", 2362),
        ("西安80坐标系", 2362),
        ("1954北京坐标系", 2414),
        ("2000国家大地坐标系", 4526),
    ],
)
def test_datum_names(tmp_path, datum, epsg):
    text = _text_with_header({"坐标系": datum, "几度分带": "3", "带号": "38"})
    assert read_one(write_txt(tmp_path, text)).crs_info.declared_epsg == epsg


def test_unprefixed_eastings_use_the_zone_from_the_header(tmp_path):
    ring = [(e - 38_000_000, n) for e, n in OUTER]
    text = _text_with_header({"坐标系": "2000国家大地坐标系", "几度分带": "3", "带号": "38"}, ring)
    layer = read_one(write_txt(tmp_path, text))
    assert layer.crs_info.declared_epsg == 4547  # CGCS2000 3° CM 114°E, no prefix
    assert layer.areas_m2()[0] == pytest.approx(geodesic_area_m2([OUTER]), rel=1e-4)


def test_six_degree_zone(tmp_path):
    ring = [(e - 38_000_000 + 19_000_000, n) for e, n in OUTER]
    text = _text_with_header({"坐标系": "2000国家大地坐标系", "几度分带": "6", "带号": "19"}, ring)
    assert read_one(write_txt(tmp_path, text)).crs_info.declared_epsg == 4497


def test_no_crs_determinable(tmp_path):
    ring = [(e - 38_000_000, n) for e, n in OUTER]
    layer = read_one(write_txt(tmp_path, _text_with_header({"坐标系": "2000国家大地坐标系"}, ring)))
    assert layer.crs_info.crs() is None and layer.crs_info.assumed_epsg is None
    assert "带号" in layer.crs_info.reason
    assert layer.feature_count == 1 and layer.geometry[0].area == pytest.approx(200 * 150)


# --------------------------------------------------------------------------- area cross-check


def test_wrong_stated_area_gives_a_note_and_the_difference(tmp_path):
    layer = read_one(write_txt(tmp_path, hole_parcel_text(stated=3.5)))
    computed = geodesic_area_m2([OUTER, HOLE]) / 10000
    note = [n for n in layer.notes if "DK-001" in n]
    assert len(note) == 1 and "3.5" in note[0] and f"{computed:.4f}" in note[0]
    assert layer.features["面积差异%"].iloc[0] == pytest.approx(
        (3.5 - computed) / computed * 100, abs=0.01
    )


def test_area_stated_in_square_metres_is_recognised(tmp_path):
    stated = round(geodesic_area_m2([OUTER, HOLE]), 1)
    layer = read_one(write_txt(tmp_path, hole_parcel_text(stated=stated)))
    assert any("square metres" in n for n in layer.notes)


# --------------------------------------------------------------------------- bad input


def test_malformed_point_line_names_its_line(tmp_path):
    lines = hole_parcel_text().splitlines()
    lines[11] = "J3,1,2582950.000"  # line 12: a missing Y
    with pytest.raises(DataError, match=r"line 12: expected 点号,圈号,X,Y"):
        parcel_txt.read(write_txt(tmp_path, "\n".join(lines) + "\n"))


def test_non_numeric_coordinate_names_its_line(tmp_path):
    lines = hole_parcel_text().splitlines()
    lines[12] = "J4,1,2582950.OOO,38383000.000"
    with pytest.raises(DataError, match=r"line 13: X and Y must be numbers"):
        parcel_txt.read(write_txt(tmp_path, "\n".join(lines) + "\n"))


def test_bad_area_field_names_its_line(tmp_path):
    lines = hole_parcel_text().splitlines()
    count, _, rest = lines[9].split(",", 2)
    lines[9] = f"{count},约3公顷,{rest}"
    with pytest.raises(DataError, match=r"line 10: .*area"):
        parcel_txt.read(write_txt(tmp_path, "\n".join(lines) + "\n"))


def test_point_before_any_parcel(tmp_path):
    with pytest.raises(DataError, match=r"line 10: .*before any parcel"):
        parcel_txt.read(write_txt(tmp_path, HEADER + "J1,1,2582800.000,38383000.000\n"))


def test_ring_of_two_points(tmp_path):
    text = (
        HEADER + "2,,T,两点,面,,,,@\nJ1,1,2582800.000,38383000.000\nJ2,1,2582810.000,38383010.000\n"
    )
    with pytest.raises(DataError, match=r"line 11: ring 1 .* 2 distinct points"):
        parcel_txt.read(write_txt(tmp_path, text))


def test_not_a_parcel_file(tmp_path):
    with pytest.raises(DataError, match=r"not a land-parcel coordinate file"):
        parcel_txt.read(write_txt(tmp_path, "今天的会议纪要\n第二行\n"))
    with pytest.raises(DataError, match=r"no \[地块坐标\] section"):
        parcel_txt.read(write_txt(tmp_path, "[属性描述]\n坐标系=2000国家大地坐标系\n"))
    with pytest.raises(DataError, match=r"no parcels"):
        parcel_txt.read(write_txt(tmp_path, HEADER))


def test_binary_content(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(DataError, match="binary"):
        parcel_txt.read(path)


# --------------------------------------------------------------------------- writer


def _layer_for_writing():
    outer = shapely.Polygon(OUTER, [HOLE])
    second = shapely.box(38385000, 2582000, 38385300, 2582100)
    third = shapely.MultiPolygon(
        [
            shapely.box(38386000, 2582000, 38386050, 2582050),
            shapely.box(38386100, 2582000, 38386150, 2582050),
        ]
    )
    return gpd.GeoDataFrame(
        {
            "地块编号": ["DK-001", "DK-002", "DK-003"],
            "地块名称": ["东沟,复垦", "西坡", "两块"],
            "地类编码": ["0103", "0301", "1202"],
        },
        geometry=[outer, second, third],
        crs="EPSG:4526",
    )


@pytest.mark.parametrize("encoding", ["GBK", "UTF-8"])
def test_write_then_read_gives_the_same_rings_and_areas(tmp_path, encoding):
    frame = _layer_for_writing()
    path = tmp_path / "out.txt"
    result = write(
        frame,
        path,
        encoding=encoding,
        header={"数据产生单位": "某县自然资源局"},
        project_info={"项目名称": "测试项目"},
    )
    assert result.epsg == 4526 and result.parcels == 3 and result.skipped == 0
    raw = path.read_bytes()
    assert b"\r\n" in raw
    text = raw.decode(encoding)
    assert "带号=38" in text and "几度分带=3" in text and "坐标系=2000国家大地坐标系" in text
    assert (
        text.index("[项目信息]")
        < text.index("[属性描述]")
        < text.index("数据产生单位")
        < text.index("坐标系=")
    )
    # X (northing) first; rings closed with the first point and its number repeated
    assert "J1,1,2582800.000,38383000.000\r\n" in text
    first_parcel = text.split("[地块坐标]\r\n")[1].split("\r\n")[:11]
    assert first_parcel[0].startswith("10,")
    assert first_parcel[5] == first_parcel[1]
    assert first_parcel[6].startswith("J5,2,") and first_parcel[10].startswith("J5,2,")

    layer = read_one(path)
    assert layer.encoding.encoding == encoding
    assert layer.crs_info.declared_epsg == 4526
    assert layer.features["地块编号"].tolist() == ["DK-001", "DK-002", "DK-003"]
    assert layer.features["地块名称"].tolist() == ["东沟 复垦", "西坡", "两块"]
    assert layer.features["地类编码"].tolist() == ["0103", "0301", "1202"]
    for a, b in zip(layer.geometry, frame.geometry, strict=True):
        assert shapely.normalize(a).equals_exact(shapely.normalize(b), tolerance=1e-6)
    np.testing.assert_allclose(layer.features["地块面积"], np.round(layer.areas_m2() / 1e4, 4))
    assert not any("hm²" in n for n in layer.notes)
    assert layer.metadata["sections"]["项目信息"]["项目名称"] == "测试项目"


def test_a_read_layer_writes_back_unchanged(tmp_path):
    source = read_one(write_txt(tmp_path, hole_parcel_text(), encoding="gbk"))
    result = write(source, tmp_path / "again.txt")
    assert result.epsg == 4526 and result.parcels == 1
    again = read_one(tmp_path / "again.txt")
    assert again.geometry[0].equals(source.geometry[0])
    row = again.features.iloc[0]
    assert (row["地块编号"], row["地块名称"], row["图幅号"], row["地块用途"], row["地类编码"]) == (
        "DK-001",
        "东沟复垦地块",
        "J49G001001",
        "复垦",
        "0103",
    )
    assert row["地块面积"] == source.features["地块面积"].iloc[0]


def test_write_reprojects_lonlat_to_a_gauss_kruger_zone(tmp_path):
    frame = _layer_for_writing().to_crs(4490)
    path = tmp_path / "lonlat.txt"
    result = write(frame, path)
    assert result.epsg == 4526
    layer = read_one(path)
    expected = [geodesic_area_of(g) for g in _layer_for_writing().geometry]
    np.testing.assert_allclose(layer.areas_m2(), expected, rtol=1e-4)
    np.testing.assert_allclose(layer.features["地块面积"], np.array(expected) / 1e4, atol=2e-4)


def test_write_unencodable_text_says_so(tmp_path):
    frame = _layer_for_writing()
    frame.loc[0, "地块名称"] = "地块\U0001f600"
    with pytest.raises(DataError, match="UTF-8"):
        write(frame, tmp_path / "x.txt")


def test_gauss_kruger_params():
    assert gauss_kruger_params(4526) == ("CGCS2000", 3, 38, True)
    assert gauss_kruger_params(4548) == ("CGCS2000", 3, 39, False)
    assert gauss_kruger_params(2362) == ("Xian1980", 3, 38, True)
    assert gauss_kruger_params(3857) is None


# --------------------------------------------------------------------------- dialects seen in the field

def _outer_body(separator=","):
    return "\n".join(line.replace(",", separator) for line in point_lines(OUTER, 1))


@pytest.mark.parametrize(("written", "factor"), [
    ("{ha:.4f}公顷", 1.0), ("{ha:.4f} ha", 1.0), ("{mu:.2f}亩", 1.0), ("{m2:.1f}平方米", 1.0)])
def test_stated_area_with_a_unit_after_the_number(tmp_path, written, factor):
    m2 = geodesic_area_m2([OUTER])
    stated = written.format(ha=m2 / 1e4, mu=m2 / (1e4 / 15), m2=m2)
    path = write_txt(tmp_path, HEADER + f"5,{stated},DK-1,甲,面,,,,@\n" + _outer_body() + "\n")
    layer = read_one(path)
    assert layer.features["地块面积"].iloc[0] == pytest.approx(m2 / 1e4, rel=1e-3)
    assert not any("differ" in n or "相差" in n for n in layer.notes)


def test_zero_stated_area_is_a_placeholder_not_a_mismatch(tmp_path):
    path = write_txt(tmp_path, HEADER + "5,0,1,0,面,0,0,,@\n" + _outer_body() + "\n")
    layer = read_one(path)
    assert np.isnan(layer.features["地块面积"].iloc[0])
    assert layer.notes == [] or not any("%" in n for n in layer.notes)


def test_stated_area_that_is_not_a_number_names_the_line(tmp_path):
    path = write_txt(tmp_path, HEADER + "5,约一公顷,1,甲,面,,,,@\n" + _outer_body() + "\n")
    with pytest.raises(DataError, match="line 10|第 10 行"):
        parcel_txt.read(path)


def test_fendai_header_spelling_and_spaces_after_commas(tmp_path):
    header = HEADER.replace("几度分带=3", "分带=3度带").replace("带号=38\n", "")
    text = header + "5,,DK-1,甲,面,,,,@\n" + _outer_body(", ") + "\n"
    layer = read_one(write_txt(tmp_path, text, encoding="gbk"))
    assert layer.crs_info.epsg == 4526  # 3° zone 38 with the zone in front (EPSG table)
    assert shapely.area(layer.geometry[0]) == pytest.approx(200 * 150)
