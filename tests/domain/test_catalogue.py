"""Theme catalogue: schemas, recognising real-data field variants, renaming, default styles."""

import json

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from ecomap.core.style import style_from_dict
from ecomap.domain import catalogue as cat
from ecomap.domain import symbology
from ecomap.domain.schema import dbf_truncations, normalize_key
from ecomap.resources import resource_path


def test_every_theme_is_well_formed():
    assert len(cat.THEMES) >= 18
    for theme in cat.themes():
        assert theme.title_zh and theme.title_en and theme.fields
        assert theme.geometry in ("Point", "LineString", "Polygon", None)
        for f in theme.fields:
            assert f.alias and f.alias_en, (theme.id, f.name)
            if f.values:
                assert len(set(f.values)) == len(f.values)
    assert "Qt" not in repr(cat.get_theme("redlines"))


def test_roles_used_by_analyses_exist():
    assert cat.get_theme("redlines").role_field("code") == "HXBM"
    assert cat.get_theme("subsidence").role_field("depth_max") == "ZDXCSD"
    assert cat.get_theme("restoration_projects").role_field("stage") == "XMJD"
    assert cat.get_theme("restoration_projects").role_field("version") == "version"
    assert cat.get_theme("rectification_items").role_field("deadline") == "ZGSX"
    assert cat.get_theme("water_sections").field_names == ("DMBM", "DMMC", "SZHL", "STLX", "DMJB", "SZMB", "SZLB")
    assert cat.get_theme("water_measurements").field_names == (
        "DMBM", "JCNY", "pH", "DO", "CODMn", "COD", "BOD5", "NH3N", "TP", "TN")
    with pytest.raises(KeyError):
        cat.get_theme("nope")


def test_normalize_key_folds_case_width_units_and_separators():
    assert normalize_key("NH3-N") == normalize_key("nh3_n") == "nh3n"
    assert normalize_key("修复面积（公顷）") == "修复面积"
    assert normalize_key("ＨＸＢＭ") == "hxbm"
    assert "最大下沉深" in dbf_truncations("最大下沉深度")  # a shapefile keeps 10 GBK bytes


@pytest.mark.parametrize("column", ["红线编码", "HXBM", "hxbm", "LHDM", "红线代码", "lhdm "])
def test_red_line_code_variants_map_to_code(column):
    theme, mapping, unmapped = cat.match_theme([column, "HXLX", "TBMJ"], "layer")
    assert theme.id == "redlines"
    assert mapping[column] == "HXBM"
    assert not unmapped


def test_real_world_red_line_layer():
    cols = ["BSM", "YSDM", "LHDM", "lhlx", "面积", "XZQHDM", "Shape_Area", "geometry"]
    theme, mapping, unmapped = cat.match_theme(cols, "三区三线下发版_陆域生态保护红线", "MultiPolygon")
    assert theme.id == "redlines"
    assert mapping == {"LHDM": "HXBM", "lhlx": "HXLX", "面积": "TBMJ", "XZQHDM": "XZQDM"}
    assert unmapped == ["BSM", "YSDM", "Shape_Area"]  # m², must not be taken for hectares
    assert "geometry" not in unmapped


def test_chinese_headers_of_a_subsidence_table_from_a_shapefile():
    cols = ["编号", "名称", "最大下沉深", "平均下沉深", "稳沉状态", "是否常年积", "乡镇"]
    theme, mapping, _ = cat.match_theme(cols, "sheet1")
    assert theme.id == "subsidence"
    assert mapping["最大下沉深"] == "ZDXCSD"
    assert mapping["稳沉状态"] == "WDZT"
    assert mapping["是否常年积"] == "SFCNJS"


def test_measurements_recognised_without_geometry():
    cols = ["断面代码", "监测年月", "PH", "溶解氧", "高锰酸盐指数", "NH3-N", "总磷", "总氮"]
    theme, mapping, _ = cat.match_theme(cols, "2024年水质月报", None)
    assert theme.id == "water_measurements"
    assert mapping["NH3-N"] == "NH3N" and mapping["PH"] == "pH"


def test_geometry_type_separates_mines_from_licence_areas():
    cols = ["KSMC", "XKZH", "CKQR", "KZ"]
    assert cat.match_theme(cols, "x", "Point")[0].id == "mines"
    assert cat.match_theme(cols, "x", "MultiPolygon")[0].id == "mine_areas"


def test_layer_name_alone_is_enough_and_noise_is_not():
    assert cat.match_theme(["id"], "生态保护红线")[0].id == "redlines"
    assert cat.match_theme(["id", "foo"], "data")[0] is None
    assert cat.match_theme(["XZMC", "MC"], "data")[0] is None  # names every theme has prove nothing
    assert cat.match_theme(["DM"], "admin")[0] is None  # short keywords need a whole token


def test_apply_mapping_renames_and_normalises_values():
    gdf = gpd.GeoDataFrame({"断面代码": ["A"], "目标水质": ["III类"], "水体类型": [" 湖库 "]},
                           geometry=[shapely.Point(0, 0)], crs=4524)
    theme, mapping, _ = cat.match_theme(gdf.columns, "断面", "Point")
    out = cat.apply_mapping(gdf, mapping, theme)
    assert isinstance(out, gpd.GeoDataFrame) and out.crs.to_epsg() == 4524
    assert list(out.columns[:3]) == ["DMBM", "SZMB", "STLX"]
    assert out["SZMB"].iloc[0] == "Ⅲ" and out["STLX"].iloc[0] == "湖库"
    assert gdf.columns[0] == "断面代码"  # the input is left alone

    df = pd.DataFrame({"项目编号": ["X1", "X2"], "项目阶段": ["完工", None], "是否复养": ["Y", "否"]})
    out = cat.apply_mapping(df, {"项目编号": "XMBH", "项目阶段": "XMJD"}, "restoration_projects")
    assert out["XMJD"].tolist()[0] == "竣工" and pd.isna(out["XMJD"].iloc[1])
    farms = cat.apply_mapping(pd.DataFrame({"复养": ["Y", "no"]}), {"复养": "SFFY"}, "farms")
    assert farms["SFFY"].tolist() == ["是", "否"]


def test_apply_mapping_does_not_clobber_an_existing_column():
    df = pd.DataFrame({"LHDM": ["a"], "HXBM": ["b"]})
    out = cat.apply_mapping(df, {"LHDM": "HXBM"})
    assert out["HXBM"].tolist() == ["b"] and "LHDM" in out


def _json(d):
    return json.loads(json.dumps(d))


@pytest.mark.parametrize("theme_id", list(cat.THEMES))
def test_default_styles_use_the_render_vocabulary(theme_id):
    style = cat.default_style(theme_id)
    if cat.get_theme(theme_id).is_table:
        assert style is None
        return
    assert _json(style_from_dict(style).to_dict()) == _json(style)  # complete and valid
    theme = cat.get_theme(theme_id)
    for key in ("field",):
        if key in style:
            assert theme.field(style[key]) is not None, style[key]
    if "labels" in style:
        assert theme.field(style["labels"]["field"]) is not None
    if style["type"] == "categorized":
        allowed = theme.field(style["field"]).values
        assert {c["value"] for c in style["categories"]} <= set(allowed)


def test_required_default_looks():
    red = cat.default_style("redlines")["symbol"]
    assert red["fill"] is None and red["stroke"].startswith("#e6") and red["hatch"] == "diagonal"
    assert red["hatch_color"].startswith("#e6")
    sub = cat.default_style("subsidence")
    assert sub["type"] == "graduated" and sub["field"] == "ZDXCSD"
    assert [(r["lower"], r["upper"]) for r in sub["ranges"]][:2] == [(0.0, 1.0), (1.0, 3.0)]
    custom = symbology.subsidence_style((0.5, 2.0))
    assert [r["upper"] for r in custom["ranges"]][:2] == [0.5, 2.0]
    water = {c["value"]: c["symbol"]["fill"][:7] for c in cat.default_style("water_sections")["categories"]}
    assert water == {"Ⅰ": "#5ab1ef", "Ⅱ": "#5ab1ef", "Ⅲ": "#42cc70", "Ⅳ": "#e8dd3e", "Ⅴ": "#f5a524",
                     "劣Ⅴ": "#ed5466"}
    assert cat.default_style("townships")["labels"]["field"] == "XZQMC"
    stages = [c["value"] for c in cat.default_style("restoration_projects")["categories"]]
    assert stages == ["储备", "前期", "开工", "在建", "竣工", "验收", "暂缓", "终止"]


def test_default_style_is_a_fresh_copy():
    a = cat.default_style("redlines")
    a["symbol"]["stroke"] = "#000000ff"
    assert cat.default_style("redlines")["symbol"]["stroke"] != "#000000ff"


def test_symbology_files_are_generated_and_up_to_date(tmp_path):
    written = symbology.write_symbology_files(tmp_path)
    assert {p.stem for p in written} == {t.id for t in cat.themes() if not t.is_table}
    for p in written:
        shipped = resource_path("symbology", p.name)
        assert shipped.exists(), f"run python -m ecomap.domain.symbology ({p.name} missing)"
        assert shipped.read_text(encoding="utf-8") == p.read_text(encoding="utf-8"), (
            f"{p.name} is stale: run python -m ecomap.domain.symbology")


def test_water_classes_agree_with_the_water_quality_module():
    from ecomap.domain import vocab
    from ecomap.domain import water_quality as wq

    assert vocab.WATER_CLASSES == wq.CLASSES
    assert all(vocab.WATER_CLASS_COLORS[c] == wq.CLASS_COLORS[c] for c in wq.CLASSES)


def test_sample_layer_order():
    assert cat.SAMPLE_LAYER_ORDER[0] == "basemap"
    assert len(set(cat.SAMPLE_LAYER_ORDER)) == len(cat.SAMPLE_LAYER_ORDER)
    for layer in cat.SAMPLE_LAYERS:
        if layer.kind == "vector":
            assert layer.theme_id in cat.THEMES and layer.style() is not None
        else:
            assert layer.style()["type"] == "raster"
    order = cat.SAMPLE_LAYER_ORDER
    assert order.index("redlines") < order.index("mines") < order.index("water_sections")


def test_domain_never_imports_widgets():
    import subprocess
    import sys

    code = ("import sys, ecomap.domain.catalogue, ecomap.domain.lifecycle, ecomap.domain.sample_county;"
            "bad=[m for m in sys.modules if m.startswith(('PySide6','pyqtgraph'))]; print(bad); "
            "sys.exit(1 if bad else 0)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, check=False).returncode == 0


def test_titles_and_labels_follow_the_language():
    from ecomap import i18n

    theme = cat.get_theme("subsidence")
    try:
        i18n.set_language("en")
        assert theme.title == "Coal-mining subsidence"
        assert theme.field("ZDXCSD").label == "Max subsidence depth"
        i18n.set_language("zh_CN")
        assert theme.title == "采煤沉陷区" and theme.field("ZDXCSD").label == "最大下沉深度"
    finally:
        i18n._language = None
