"""Legend rows of categorized styles: values drawn alike under one label are one row."""

from __future__ import annotations

import geopandas as gpd
import shapely

from ecomap.core.layout.context import MapLayer
from ecomap.core.layout.legend import entries_for_layer
from ecomap.core.style import style_from_dict
from ecomap.domain.symbology import water_month_style
from ecomap.gui.legend import legend_entries
from tests.core.layout_fixtures import layer

CLASSES = {"101": "Ⅴ", "103": "Ⅱ", "104": "Ⅱ", "105": "Ⅱ"}


def _style():
    return style_from_dict(water_month_style("DMBM", CLASSES, name_field=None))


def test_layer_tree_legend_has_one_row_per_class(qapp):
    labels = [label for label, _icon in legend_entries(_style(), "Point")]
    assert len(labels) == 3  # Ⅱ, Ⅴ and "other values", not one row per section
    assert len(set(labels)) == 3


def test_layout_legend_has_one_row_per_class_present():
    frame = gpd.GeoDataFrame({"DMBM": list(CLASSES)}, geometry=shapely.points([[i, i] for i in range(4)]),
                             crs="EPSG:4490")
    rows = entries_for_layer(MapLayer("sections", "水质断面", layer(frame, "水质断面"), _style()), {}, set())
    assert [r.kind for r in rows][0] == "heading"
    assert len(rows) == 3  # heading, Ⅱ (three sections), Ⅴ
    assert rows[1].label != rows[2].label
