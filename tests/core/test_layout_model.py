"""The layout model: JSON round trip, templates, page sizes, finding a layout by name."""

import json

import pytest

from ecomap.core.layout import (
    GridSpec,
    LabelItem,
    Layout,
    LegendItem,
    MapFrame,
    briefing_layout,
    find_layout,
    layout_from_dict,
    list_templates,
    load_template,
    save_template,
)
from ecomap.core.layout.templates import atlas_layout
from ecomap.errors import DataError


def test_round_trip_keeps_every_item_and_field():
    layout = briefing_layout("A3", "landscape")
    layout.items_of(LegendItem)[0].labels = {"towns/0": "耕地"}
    layout.main_map.extent = [1.0, 2.0, 3.0, 4.0]
    layout.variables["unit"] = "示范县自然资源局"
    data = json.loads(json.dumps(layout.to_dict(), ensure_ascii=False))
    back = layout_from_dict(data)
    assert back.to_dict() == layout.to_dict()
    assert isinstance(back.main_map.grid, GridSpec)
    assert back.items_of(LegendItem)[0].labels == {"towns/0": "耕地"}


def test_unknown_keys_are_ignored_and_unknown_kinds_refused():
    data = briefing_layout().to_dict()
    data["items"][0]["future_option"] = 1
    assert layout_from_dict(data).main_map is not None
    data["items"].append({"kind": "hologram"})
    with pytest.raises(DataError):
        layout_from_dict(data)


@pytest.mark.parametrize("page", ["A4", "A3"])
@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_briefing_items_lie_on_the_page_without_overlapping(page, orientation):
    layout = briefing_layout(page, orientation)
    w, h = layout.size_mm
    assert (w > h) == (orientation == "landscape")
    for item in layout.items:
        assert item.x >= layout.neatline_margin and item.y >= layout.neatline_margin, item
        assert item.x + item.w <= w - layout.neatline_margin and item.y + item.h <= h - layout.neatline_margin, item
    boxes = [i for i in layout.items if i.role in ("map", "legend", "inset", "scalebar", "north")]
    for a in boxes:
        for b in boxes:
            if a is not b:
                overlap = (min(a.x + a.w, b.x + b.w) - max(a.x, b.x), min(a.y + a.h, b.y + b.h) - max(a.y, b.y))
                assert not (overlap[0] > 0.1 and overlap[1] > 0.1), (a.role, b.role)
    roles = {i.role for i in layout.items}
    assert {"map", "title", "legend", "scalebar", "north", "inset", "footer_left", "footer_right"} <= roles


def test_resized_scales_positions_not_text():
    layout = briefing_layout("A3", "landscape")
    small = layout.resized("A4", "landscape")
    assert small.size_mm == (297.0, 210.0)
    title, small_title = layout.by_role("title"), small.by_role("title")
    assert small_title.w == pytest.approx(title.w * 297 / 420)
    assert small_title.size == title.size


def test_bad_page_is_a_data_error():
    with pytest.raises(DataError):
        briefing_layout("B5")
    with pytest.raises(DataError):
        Layout(page="A3", orientation="sideways").resized("A3", "sideways")


def test_templates_save_load_and_find(tmp_path):
    layout = briefing_layout("A4", "portrait", name="我的模板")
    path = save_template(layout, tmp_path / "mine.json")
    assert load_template(path).to_dict() == layout.to_dict()
    assert "mine" in list_templates([tmp_path])
    assert find_layout("mine", [], extra_dirs=[tmp_path]).name == "我的模板"
    own = briefing_layout("A3", "landscape", name="项目版式").to_dict()
    assert find_layout(None, [own]).name == "项目版式"
    assert find_layout("项目版式", [own]).name == "项目版式"
    assert find_layout(None, []).page == "A3"
    with pytest.raises(DataError):
        find_layout("nothing-like-this", [own])


def test_shipped_templates_are_valid():
    shipped = list_templates()
    assert {"briefing_A3_landscape", "briefing_A4_portrait"} <= set(shipped)
    for path in shipped.values():
        layout = load_template(path)
        assert layout.main_map is not None


def test_atlas_layout_is_driven_by_the_coverage():
    layout = atlas_layout("A4", "portrait", coverage="towns", name_field="XZQMC")
    assert layout.main_map.atlas_driven
    assert layout.atlas.coverage == "towns"
    assert "{page_name}" in layout.by_role("subtitle").text


def test_item_defaults_are_independent():
    a, b = LabelItem(), LabelItem()
    assert a.id != b.id
    m1, m2 = MapFrame(), MapFrame()
    m1.layers = ["x"]
    assert m2.layers is None
