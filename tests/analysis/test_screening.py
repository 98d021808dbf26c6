"""Site screening: verdicts for footprints inside, touching and outside each constraint."""

import json

import numpy as np
import pytest
import shapely
from helpers import GEOD, X0, Y0, box, geod_areas, layer, wkt_box

from ecomap.analysis import footprint, screening, screening_rules
from ecomap.core.feedback import Cancelled, Feedback
from ecomap.errors import DataError


@pytest.fixture(scope="module")
def county():
    """Constraint layers laid out on a grid, 1 km squares, with gaps between them."""
    return [
        layer("redlines", [box(0, 0, 1000, 1000)], HXBM=["R1"], HXMC=["水源涵养红线"], HXLX=["水源涵养"]),
        layer("drinking_water_zones", [box(2000, 0, 3000, 1000), box(3000, 0, 4000, 1000),
                                       box(4000, 0, 5000, 1000)],
              SYDMC=["清泉水库"] * 3, BHQJB=["一级保护区", "二级保护区", "准保护区"]),
        layer("subsidence", [box(0, 2000, 1000, 3000), box(2000, 2000, 3000, 3000)],
              BH=["S1", "S2"], MC=["一号沉陷区", "二号沉陷区"], WDZT=["未稳沉", "稳沉"]),
        layer("breeding_ban_zones", [box(0, 4000, 1000, 5000), box(2000, 4000, 3000, 5000)],
              BH=["J1", "J2"], MC=["禁养区甲", "限养区乙"], QYLX=["禁养区", "限养区"]),
        layer("grazing_zones", [box(0, 6000, 1000, 7000)], QYBH=["G1"], GKLX=["全年禁牧"]),
        layer("自然保护区", [box(2000, 6000, 3000, 7000), box(3000, 6000, 4000, 7000)],
              MC=["白草塬保护区", "白草塬保护区"], GNFQ=["核心保护区", "一般控制区"]),
        layer("water_sections", [shapely.Point(X0 + 6000, Y0 + 500)], DMBM=["D1"], DMMC=["下游断面"]),
        layer("townships", [box(-1000, -1000, 8000, 8000)], XZQDM=["1"], XZQMC=["甲镇"]),
    ]


def screen(county, x0, y0, x1, y1, project="general"):
    return screening.run(footprint.from_wkt(wkt_box(x0, y0, x1, y1)), county, project_type=project)


CASES = [  # (box inside the constraint, box touching it, expected verdict, rule, project type)
    ((100, 100, 200, 200), (1000, 100, 1100, 200), "不符合", "redline.banned", "general"),
    ((100, 100, 200, 200), (1000, 100, 1100, 200), "需论证", "redline.allowed", "allowed"),
    ((2100, 100, 2200, 200), (1900, 100, 2000, 200), "不符合", "water.level1", "general"),
    ((2100, 100, 2200, 200), (1900, 100, 2000, 200), "需论证", "water.level1.supply", "water_supply"),
    ((3100, 100, 3200, 200), (3100, 1000, 3200, 1100), "需论证", "water.level2", "general"),
    ((4100, 100, 4200, 200), (5000, 100, 5100, 200), "需论证", "water.quasi", "general"),
    ((100, 2100, 200, 2200), (1000, 2100, 1100, 2200), "需论证", "subsidence.unstable", "general"),
    ((2100, 2100, 2200, 2200), (3000, 2100, 3100, 2200), "符合", "subsidence.stable", "general"),
    ((100, 4100, 200, 4200), (1000, 4100, 1100, 4200), "不符合", "breeding.ban", "livestock"),
    ((100, 4100, 200, 4200), (1000, 4100, 1100, 4200), "符合", "breeding.other", "general"),
    ((2100, 4100, 2200, 4200), (3000, 4100, 3100, 4200), "需论证", "breeding.restricted", "livestock"),
    ((100, 6100, 200, 6200), (1000, 6100, 1100, 6200), "不符合", "grazing.ban", "grazing"),
    ((2100, 6100, 2200, 6200), (1900, 6100, 2000, 6200), "不符合", "reserve.core", "general"),
    ((3100, 6100, 3200, 6200), (4000, 6100, 4100, 6200), "需论证", "reserve.other", "general"),
]


NEAR_RULES = {"redline": "redline.near", "drinking_water": "water.near"}


def overlap_rules(result):
    return [r.rule.id for r in result.rules if r.rule.relation == "overlap"]


@pytest.mark.parametrize("inside,touching,verdict,rule,project", CASES)
def test_inside_touching_outside(county, inside, touching, verdict, rule, project):
    result = screen(county, *inside, project)
    assert result.verdict == verdict
    assert overlap_rules(result) == [rule]
    assert len(result.overlaps) == 1
    assert result.overlaps[0].share == pytest.approx(1.0)
    touch = screen(county, *touching, project)
    assert touch.overlaps == [] and touch.verdict == "符合"
    kind = result.overlaps[0].constraint
    if kind in NEAR_RULES:  # touching a red line or a water zone is warned about, at 0 m
        assert [r.rule.id for r in touch.rules] == [NEAR_RULES[kind], "clear"]
        assert min(n.distance_m for n in touch.nearby) == 0.0
        assert touch.conclusion_zh().startswith("符合（提示：") and "0.0 m" in touch.conclusion_zh()
    else:
        assert [r.rule.id for r in touch.rules] == ["clear"] and touch.nearby == []
    far = screen(county, 6500, 6500, 6600, 6600, project)
    assert far.overlaps == [] and far.verdict == "符合" and far.nearby == []


def test_the_worst_rule_decides_and_shares_add_up(county):
    result = screen(county, 2900, 100, 3100, 300)  # half in level 1, half in level 2
    assert result.verdict == "不符合"
    assert overlap_rules(result) == ["water.level1", "water.level2"]
    assert sum(o.share for o in result.overlaps) == pytest.approx(1.0, rel=1e-9)
    assert result.footprint_area_m2 == pytest.approx(geod_areas([box(2900, 100, 3100, 300)])[0], rel=1e-6)
    assert {o.type for o in result.overlaps} == {"一级保护区", "二级保护区"}


def test_partial_overlap_area_and_share(county):
    result = screen(county, 900, 100, 1100, 200)  # 100 × 100 m inside the red line, 100 × 100 outside
    (o,) = result.overlaps
    assert o.name == "水源涵养红线" and o.type == "水源涵养" and o.feature_id == 0
    assert o.area_m2 == pytest.approx(geod_areas([box(900, 100, 1000, 200)])[0], rel=1e-6)
    assert o.share == pytest.approx(0.5, rel=1e-6)


def test_nearest_section_distance_is_geodesic(county):
    result = screen(county, 100, 100, 200, 200)
    nearest = {n.layer: n for n in result.nearest}
    section = nearest["water_sections"]
    assert section.name == "下游断面"
    geo = shapely.get_coordinates(
        __import__("geopandas").GeoSeries([shapely.Point(X0 + 200, Y0 + 200), shapely.Point(X0 + 6000, Y0 + 500)],
                                          crs=4524).to_crs(4490).array)
    expected = GEOD.inv(geo[0, 0], geo[0, 1], geo[1, 0], geo[1, 1])[2]
    assert section.distance_m == pytest.approx(expected, rel=1e-6)
    zone = nearest["drinking_water_zones"]
    assert zone.distance_m == pytest.approx(1800, rel=1e-3) and zone.type == "一级保护区"


def test_json_shape(county):
    data = screen(county, 900, 100, 1100, 200).to_dict()
    json.dumps(data, ensure_ascii=False, allow_nan=False)
    assert {"footprint_area_m2", "verdict", "rules", "overlaps", "nearest"} <= set(data)
    assert set(data["overlaps"][0]) >= {"layer", "feature_id", "name", "type", "area_m2", "share"}
    assert set(data["nearest"][0]) >= {"layer", "feature_id", "name", "distance_m"}
    assert isinstance(data["rules"], list) and data["rules"][0]["id"] == "redline.banned"


def test_no_constraint_layers_cannot_conform():
    only = [layer("townships", [box(0, 0, 100, 100)], XZQMC=["甲镇"])]
    result = screening.run(footprint.from_wkt(wkt_box(10, 10, 20, 20)), only)
    assert result.verdict == "无法判定" and result.rules[0].rule.id == "no_data"
    assert result.conclusion_zh() == "无法判定：未找到约束图层，无法判定"


def test_a_county_rule_table(county, tmp_path):
    rules = [{"id": "mine", "constraint": "redline", "verdict": "需论证", "reason": "our rule", "projects": []}]
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(rules), encoding="utf-8")
    loaded = screening_rules.load_rules(path)
    result = screening.run(footprint.from_wkt(wkt_box(100, 100, 200, 200)), county, rules=loaded)
    assert result.verdict == "需论证" and result.rules[0].rule.id == "mine"
    path.write_text(json.dumps([{"id": "x", "constraint": "redline", "verdict": "maybe", "reason": "?"}]),
                    encoding="utf-8")
    with pytest.raises(DataError):
        screening_rules.load_rules(path)


def test_footprints_from_lon_lat_wkt_lines_and_files(county, tmp_path):
    geo = __import__("geopandas").GeoSeries([box(100, 100, 200, 200)], crs=4524).to_crs(4490).iloc[0]
    fp = footprint.from_wkt(geo.wkt)  # longitude/latitude, recognised without --crs
    assert fp.crs.to_epsg() == 4490
    result = screening.run(fp, county)
    assert result.verdict == "不符合"
    assert result.footprint_area_m2 == pytest.approx(10_000, rel=1e-3)
    line = footprint.from_wkt(f"LINESTRING ({X0 + 500} {Y0 - 500}, {X0 + 500} {Y0 + 1500})", buffer_m=5)
    assert line.geometry.area == pytest.approx(2000 * 10, rel=0.01)
    assert screening.run(line, county).verdict == "不符合"
    txt = tmp_path / "parcel.txt"
    pts = [(Y0 + 100, X0 + 100), (Y0 + 100, X0 + 200), (Y0 + 200, X0 + 200), (Y0 + 200, X0 + 100)]
    body = "\n".join(f"J{i + 1},1,{n:.3f},{e:.3f}" for i, (n, e) in enumerate(pts + pts[:1]))
    txt.write_text("[属性描述]\n坐标系=2000国家大地坐标系\n几度分带=3\n投影类型=高斯克吕格\n计量单位=米\n带号=36\n"
                   f"[地块坐标]\n5,1.0,A1,地块甲,面, , , ,@\n{body}\n", encoding="utf-8")
    fp = footprint.from_text(str(txt))
    assert screening.run(fp, county).verdict == "不符合"
    with pytest.raises(DataError):
        footprint.from_text("not wkt and not a file")


def test_touching_by_floating_point_noise_is_no_overlap(county):
    # an edge 1e-7 m inside the red line: area below the threshold
    eps = 1e-7
    result = screen(county, 1000 - eps, 100, 1100, 200)
    assert result.overlaps == []


def test_screener_is_fast_enough_to_rerun_and_can_cancel(county):
    s = screening.Screener(county)
    fp = footprint.from_wkt(wkt_box(900, 100, 1100, 200))
    first = s.run(fp)
    again = s.run(fp)
    assert [o.to_json() for o in first.overlaps] == [o.to_json() for o in again.overlaps]
    fb = Feedback()
    fb.cancel()
    with pytest.raises(Cancelled):
        s.run(fp, feedback=fb)


def test_unknown_project_type(county):
    with pytest.raises(DataError):
        screen(county, 0, 0, 1, 1, project="factory")


def test_classification_ignores_layers_that_only_share_field_names():
    landuse = layer("landuse", [box(0, 0, 10, 10)], BSM=["1"], DLBM=["0103"], DLMC=["旱地"], TBMJ=[1.0])
    s = screening.Screener([landuse])
    assert s.constraints == []
    assert np.isfinite(s.run(footprint.from_wkt(wkt_box(1, 1, 2, 2))).footprint_area_m2)


# ----------------------------------------------------------------------------- coverage, townships, nearness


def test_a_footprint_250_km_away_cannot_be_judged(county):
    """Shifted 250 km east of the county: no overlap proves nothing there."""
    result = screen(county, 250_000, 100, 250_100, 200)
    assert result.verdict == "无法判定" and result.overlaps == []
    assert [r.rule.id for r in result.rules] == ["coverage.outside"]
    assert result.coverage.source == "townships" and result.coverage.inside_share == 0.0
    # the township layer ends at x = 8000: the gap is 242 km in the grid, less on the ellipsoid
    geo = __import__("geopandas").GeoSeries([shapely.Point(X0 + 8000, Y0 + 200), shapely.Point(X0 + 250_000, Y0 + 200)],
                                            crs=4524).to_crs(4490)
    expected = GEOD.inv(geo.x[0], geo.y[0], geo.x[1], geo.y[1])[2]
    assert result.coverage.distance_m == pytest.approx(expected, rel=1e-6)
    km = f"{expected / 1000:.1f} km"
    assert result.conclusion_zh() == f"无法判定：选址位于约束图层覆盖范围之外（距乡镇界 {km}）"
    assert result.to_dict()["conclusion"] == result.conclusion_zh()
    assert result.townships == []


def test_a_footprint_partly_outside_needs_justification(county):
    result = screen(county, 7900, 7900, 8100, 8100)  # a quarter inside the township layer
    assert result.verdict == "需论证"
    assert [r.rule.id for r in result.rules] == ["coverage.partial"]
    assert result.coverage.inside_share == pytest.approx(0.25, rel=1e-4)
    assert "75.00%" in result.rules[0].text_zh()


def test_the_county_boundary_decides_the_coverage_when_there_is_one(county):
    # a county boundary smaller than the township layer: x beyond 6000 is outside the county
    with_county = [*county, layer("county", [box(-1000, -1000, 6000, 8000)], XZQDM=["610000"], XZQMC=["示范县"])]
    result = screening.run(footprint.from_wkt(wkt_box(7000, 7000, 7100, 7100)), with_county)
    assert result.verdict == "无法判定" and result.coverage.source == "county"
    assert "距县界 1.0 km" in result.conclusion_zh()


def test_the_coverage_falls_back_to_the_constraint_layers_extent():
    red = layer("redlines", [box(0, 0, 1000, 1000)], HXMC=["红线"], HXLX=["水源涵养"])
    water = layer("drinking_water_zones", [box(3000, 0, 4000, 1000)], SYDMC=["水库"], BHQJB=["一级保护区"])
    between = screening.run(footprint.from_wkt(wkt_box(1500, 100, 1600, 200)), [red, water])
    assert between.verdict == "无法判定" and between.coverage.source == "extent"  # between the two boxes
    assert between.coverage.distance_m == pytest.approx(500, rel=1e-3)
    inside = screening.run(footprint.from_wkt(wkt_box(500, 1500, 600, 1600)), [red, water])
    assert inside.verdict == "无法判定"  # the layers' boxes cover y < 1000 only


def test_the_townships_of_the_footprint_are_named(county):
    towns = layer("townships", [box(-1000, -1000, 3000, 8000), box(3000, -1000, 8000, 8000)],
                  XZQDM=["1", "2"], XZQMC=["甲镇", "乙镇"])
    layers = [lyr for lyr in county if lyr.name != "townships"] + [towns]
    one = screening.run(footprint.from_wkt(wkt_box(6500, 6500, 6600, 6600)), layers)
    assert one.township_names() == ["乙镇"] and one.townships[0].share == pytest.approx(1.0)
    both = screening.run(footprint.from_wkt(wkt_box(2900, 5000, 3200, 5100)), layers)  # 100 m west, 200 m east
    assert both.township_names() == ["乙镇", "甲镇"]  # largest share first
    shares = {t.name: t.share for t in both.townships}
    assert shares["乙镇"] == pytest.approx(2 / 3, rel=1e-4) and shares["甲镇"] == pytest.approx(1 / 3, rel=1e-4)
    assert both.townships[0].area_m2 == pytest.approx(geod_areas([box(3000, 5000, 3200, 5100)])[0], rel=1e-6)
    assert [t["name"] for t in both.to_dict()["townships"]] == ["乙镇", "甲镇"]


def test_fifty_metres_from_a_red_line_is_warned_about(county):
    result = screen(county, 1050, 400, 1150, 500)  # 50 m east of the red line's east edge
    assert result.overlaps == [] and result.verdict == "符合"
    (near,) = result.nearby
    assert near.layer == "redlines" and near.constraint == "redline" and near.rule == "redline.near"
    geo = __import__("geopandas").GeoSeries([shapely.Point(X0 + 1000, Y0 + 450), shapely.Point(X0 + 1050, Y0 + 450)],
                                            crs=4524).to_crs(4490)
    expected = GEOD.inv(geo.x[0], geo.y[0], geo.x[1], geo.y[1])[2]
    assert near.distance_m == pytest.approx(expected, rel=1e-6)
    assert near.distance_m != pytest.approx(50.0, abs=1e-6)  # the grid's scale factor is accounted for
    assert "redline.near" in [r.rule.id for r in result.rules]
    assert result.conclusion_zh() == "符合（提示：距生态保护红线 50.0 m（提示距离 100.0 m），施工及临时用地不得占用红线）"
    assert result.to_dict()["nearby"][0]["distance_m"] == pytest.approx(expected, abs=0.01)
    # 150 m away is beyond the default 100 m, within a county's 200 m
    assert screen(county, 1150, 400, 1250, 500).nearby == []
    wide = screening.run(footprint.from_wkt(wkt_box(1150, 400, 1250, 500)), county, warn_distance_m=200)
    assert [n.rule for n in wide.nearby] == ["redline.near"] and wide.warn_distance_m == 200


def test_a_drinking_water_zone_nearby_and_the_table_parameters(county, tmp_path):
    result = screen(county, 2100, 1030, 2200, 1130)  # 30 m north of the level-1 zone
    assert [n.rule for n in result.nearby] == ["water.near"] and result.nearby[0].type == "一级保护区"
    table = {"warn_distance_m": 10, "warn_constraints": ["drinking_water"],
             "rules": [r.to_json() for r in screening_rules.DEFAULT_RULES]}
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
    loaded = screening_rules.load_table(path)
    assert loaded.warn_distance_m == 10 and loaded.warn_constraints == ("drinking_water",)
    assert screening.run(footprint.from_wkt(wkt_box(2100, 1030, 2200, 1130)), county, rules=loaded).nearby == []
    near_red = screening.run(footprint.from_wkt(wkt_box(1005, 400, 1105, 500)), county, rules=loaded)
    assert near_red.nearby == []  # red lines are not in this county's warning list
    strict = [dict(r.to_json(), verdict="需论证") if r.id == "water.near" else r.to_json()
              for r in screening_rules.DEFAULT_RULES]
    path.write_text(json.dumps(strict, ensure_ascii=False), encoding="utf-8")
    assert screening.run(footprint.from_wkt(wkt_box(2100, 1030, 2200, 1130)), county,
                         rules=screening_rules.load_table(path)).verdict == "需论证"
    path.write_text(json.dumps({"rules": [], "warn_distance_m": -5}), encoding="utf-8")
    with pytest.raises(DataError):
        screening_rules.load_table(path)


def test_two_overlapping_red_lines_under_one_footprint_count_once():
    red = layer("redlines", [box(0, 0, 600, 1000), box(400, 0, 1000, 1000)], HXMC=["甲", "乙"],
                HXLX=["水源涵养", "水土保持"])
    towns = layer("townships", [box(-5000, -5000, 5000, 5000)], XZQMC=["甲镇"])
    result = screening.run(footprint.from_wkt(wkt_box(300, 100, 700, 200)), [red, towns])
    assert sum(o.share for o in result.overlaps) == pytest.approx(1.5, rel=1e-6)  # per feature: 75 % + 75 %
    (total,) = result.by_layer
    assert total.share == pytest.approx(1.0, rel=1e-9) and total.share <= 1.0
    assert total.area_m2 == pytest.approx(result.footprint_area_m2, rel=1e-6)
    assert total.feature_area_m2 == pytest.approx(1.5 * result.footprint_area_m2, rel=1e-6)
