"""A land-use survey layer (三调 地类图斑) is recognised as land use, coloured by first-level class."""

from __future__ import annotations

import geopandas as gpd
import shapely

from ecomap.core.style import style_from_dict
from ecomap.domain import catalogue as cat
from ecomap.domain import symbology, vocab

SURVEY_COLUMNS = ["BSM", "YSDM", "TBYBH", "TBBH", "DLBM", "DLMC", "QSXZ", "QSDWDM", "QSDWMC", "ZLDWDM",
                  "ZLDWMC", "TBMJ", "KCDLBM", "KCXS", "KCMJ", "TBDLMJ"]


def test_a_survey_layer_is_land_use_not_a_red_line():
    theme, mapping, _rest = cat.match_theme(SURVEY_COLUMNS, "DLTB", "Polygon")
    assert theme.id == "landuse" and mapping["DLBM"] == "DLBM"
    # the bare fields, in a file with any name (the benchmark's county layer)
    assert cat.match_theme(["BSM", "DLBM", "DLMC", "TBMJ"], "landuse500k", "Polygon")[0].id == "landuse"
    # a red-line layer still is one, although it has an area field of the same name
    assert cat.match_theme(["HXBM", "HXMC", "HXLX", "TBMJ"], "生态保护红线", "Polygon")[0].id == "redlines"


def test_every_class_has_a_group_and_the_legend_one_row_per_group():
    assert all(group in vocab.LANDUSE_GROUPS for _name, group in vocab.LANDUSE_CLASSES.values())
    style = style_from_dict(symbology.landuse_style())
    assert {c.value for c in style.categories} == set(vocab.LANDUSE_CLASSES)
    looks = {(c.label, c.symbol) for c in style.categories}
    assert len(looks) == len({g for _n, g in vocab.LANDUSE_CLASSES.values()})
    assert style.categories[0].label == "湿地"  # first-level classes in their code order
    forest = next(c for c in style.categories if c.value == "0305")
    assert forest.label == "林地" and forest.symbol.hatch is None


def test_the_legend_of_a_survey_lists_the_groups_present():
    from ecomap.core.layout.context import MapLayer
    from ecomap.core.layout.legend import entries_for_layer
    from tests.core.layout_fixtures import layer

    frame = gpd.GeoDataFrame({"DLBM": ["0101", "0103", "0301", "0305", "1101"]},
                             geometry=shapely.buffer(shapely.points([[i, i] for i in range(5)]), 0.4), crs="EPSG:4490")
    rows = entries_for_layer(MapLayer("dltb", "地类图斑", layer(frame, "地类图斑"),
                                      style_from_dict(symbology.landuse_style())), {}, set())
    assert [r.label for r in rows[1:]] == ["耕地", "林地", "水域及水利设施用地"]
