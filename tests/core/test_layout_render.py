"""Layouts drawn to images (golden comparison), PDF (text, fonts, vector), SVG, and atlases."""

from __future__ import annotations

import re
import shutil
import subprocess

import numpy as np
import pytest

from ecomap.core.layout import (
    LabelItem,
    Layout,
    LegendItem,
    MapFrame,
    NorthArrow,
    ScaleBarItem,
    briefing_layout,
    export_atlas,
    export_layout,
    render_page_image,
)
from ecomap.core.layout.legend import legend_entries
from ecomap.core.layout.output import fix_cjk_text_map
from ecomap.core.layout.page import page_views
from ecomap.core.layout.templates import atlas_layout
from tests.core.layout_fixtures import context
from tests.core.render_helpers import assert_matches_golden, image_array

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def small_layout() -> Layout:
    """A4 portrait: map, title, legend, scale bar, north arrow — no grid (labels vary with fonts)."""
    layout = Layout(name="t", page="A4", orientation="portrait")
    frame = MapFrame(x=20, y=40, w=170, h=150, round_scale=False)
    layout.items = [frame,
                    LabelItem(role="title", text="{title}", x=20, y=15, w=170, h=18, size=20, bold=True,
                              align="center"),
                    LegendItem(link=frame.id, x=20, y=200, w=90, h=70),
                    ScaleBarItem(link=frame.id, x=120, y=255, w=70, h=15),
                    NorthArrow(link=frame.id, x=170, y=200, w=12, h=20)]
    return layout


def test_briefing_image_matches_golden(gui_app):
    ctx = context()
    layout = briefing_layout("A4", "landscape")
    layout.variables.update(unit="示范县自然资源局", source="测试数据")
    image = render_page_image(layout, ctx, dpi=40)
    assert (image.width(), image.height()) == (468, 331)
    assert_matches_golden(image, "layout_briefing_a4", tolerance=40, max_differing=900)


def test_small_layout_matches_golden(gui_app):
    image = render_page_image(small_layout(), context(), dpi=50)
    assert_matches_golden(image, "layout_small_a4", tolerance=40, max_differing=500)


def test_map_colours_land_where_the_features_are(gui_app):
    ctx = context()
    layout = small_layout()
    dpi = 50
    image = image_array(render_page_image(layout, ctx, dpi=dpi))
    view = page_views(layout, ctx)[layout.main_map.id]
    frame = layout.main_map
    k = dpi / 25.4
    # the south-east township (林地, hatched green) centre and the north-east one (草地 #9acd32)
    from tests.core.layout_fixtures import CX, CY

    x, y = view.to_page([CX + 10000], [CY + 6000], (frame.x * k, frame.y * k, frame.w * k, frame.h * k))
    r, g, b, _ = image[int(y[0]), int(x[0])]
    assert (abs(r - 0x9a) < 30 and abs(g - 0xcd) < 30 and abs(b - 0x32) < 30), (r, g, b)


def test_legend_lists_visible_layers_top_first_and_present_classes():
    ctx = context()
    legend = LegendItem()
    entries = legend_entries(legend, ctx)
    labels = [e.label for e in entries]
    assert labels[0] == "矿山" and labels[1] == "河流"
    assert "乡镇" in labels and "林地为主" in labels
    assert "水域（无此类）" not in labels  # no feature of that class
    legend.labels = {"towns/1": "林地", "rivers": "主要河流"}
    legend.hidden = ["mines"]
    labels = [e.label for e in legend_entries(legend, ctx)]
    assert "林地" in labels and "主要河流" in labels and "矿山" not in labels
    ctx.layers[1].visible = False
    assert "主要河流" not in [e.label for e in legend_entries(legend, ctx)]


@needs_poppler
def test_pdf_has_chinese_text_embedded_fonts_and_vector_geometry(gui_app, tmp_path):
    ctx = context()
    layout = briefing_layout("A3", "landscape")
    layout.variables["unit"] = "示范县自然资源局"
    path = export_layout(layout, ctx, tmp_path / "map.pdf", dpi=300)
    text = _pdf_text(path)
    for word in ("示范县生态保护红线分布图", "图例", "乡镇", "耕地为主", "林地为主", "河流", "矿山",
                 "制图单位：示范县自然资源局", "1:"):
        assert word in text, word
    assert "107°" in text  # graticule labels are text too
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and all("yes" in row[-5:-3] for row in rows), fonts  # emb column
    images = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    assert len(images.splitlines()) == 2  # header only: every map layer stayed vector


@needs_poppler
def test_dense_layers_become_an_image_inside_the_pdf(gui_app, tmp_path):
    ctx = context()
    ctx.dense_threshold = 2  # the four townships count as dense
    path = export_layout(small_layout(), ctx, tmp_path / "dense.pdf", dpi=150)
    images = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    assert len(images.splitlines()) > 2
    assert "示范县生态保护红线分布图" in _pdf_text(path)


def test_radicals_in_the_text_map_become_ideographs(gui_app, tmp_path):
    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF\nstream\nbegincmap\n<0001> <0001> [<2F70> <2EDA> <0031>]\nendcmap\nendstream\n")
    size = path.stat().st_size
    assert fix_cjk_text_map(path) > 0
    assert b"[<793A> <9875> <0031>]" in path.read_bytes() and path.stat().st_size == size


def test_svg_and_images(gui_app, tmp_path):
    ctx = context()
    layout = small_layout()
    svg = export_layout(layout, ctx, tmp_path / "map.svg")
    content = svg.read_text(encoding="utf-8")
    assert "<svg" in content and "示范县生态保护红线分布图" in content
    for ext in ("png", "jpg", "tif"):
        out = export_layout(layout, ctx, tmp_path / f"map.{ext}", dpi=150)
        from PySide6.QtGui import QImage

        image = QImage(str(out))
        assert (image.width(), image.height()) == (1240, 1754), ext
    png = QImage(str(tmp_path / "map.png"))
    assert round(png.dotsPerMeterX() * 0.0254) == 150
    assert not list(tmp_path.glob(".*tmp"))  # no temporary files left


def test_export_failure_keeps_the_previous_file(gui_app, tmp_path):
    from ecomap.errors import DataError

    target = tmp_path / "map.png"
    target.write_bytes(b"old")
    with pytest.raises(DataError):
        export_layout(small_layout(), context(), target, dpi=30000)  # too many pixels
    assert target.read_bytes() == b"old"
    with pytest.raises(DataError):
        export_layout(small_layout(), context(), tmp_path / "map.doc")


@needs_poppler
def test_atlas_one_pdf_page_per_feature_with_its_attributes(gui_app, tmp_path):
    ctx = context()
    layout = atlas_layout("A4", "portrait", coverage="towns")
    layout.items.append(LabelItem(text="乡镇：{XZQMC}（{乡镇代码}）第{page}/{pages}页", x=20, y=280, w=170, h=8))
    export_atlas(layout, ctx, tmp_path / "atlas.pdf", dpi=100)
    info = subprocess.run(["pdfinfo", str(tmp_path / "atlas.pdf")], capture_output=True, text=True, check=False).stdout
    assert re.search(r"Pages:\s+4\b", info), info
    pages = [subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), str(tmp_path / "atlas.pdf"), "-"],
                            capture_output=True, text=True, check=False).stdout for i in range(1, 5)]
    assert "乡镇：城关镇（610899001）第1/4页" in pages[0]
    assert "乡镇：柳湾镇（610899004）第4/4页" in pages[3]


def test_atlas_frames_zoom_to_each_feature_and_files_are_named(gui_app, tmp_path):
    ctx = context()
    layout = atlas_layout("A4", "portrait", coverage="towns")
    files = export_atlas(layout, ctx, tmp_path / "out", dpi=30, image_format="png")
    assert [f.name for f in files] == ["1_城关镇.png", "2_石窑镇.png", "3_马家沟镇.png", "4_柳湾镇.png"]
    from ecomap.core.layout.atlas import atlas_features

    feature = atlas_features(ctx, "乡镇")[1]
    view = page_views(layout, ctx.with_atlas(feature))[layout.main_map.id]
    fx0, fy0, fx1, fy1 = feature.geometry.bounds
    x0, y0, x1, y1 = view.extent
    assert x0 < fx0 and y0 < fy0 and x1 > fx1 and y1 > fy1  # the feature fits
    assert (x1 - x0) < 3 * (fx1 - fx0) or (y1 - y0) < 3 * (fy1 - fy0)  # and fills the frame


def test_atlas_without_coverage_is_a_data_error(gui_app, tmp_path):
    from ecomap.errors import DataError

    with pytest.raises(DataError):
        export_atlas(briefing_layout(), context(), tmp_path / "a.pdf", coverage="no such layer")


def test_mask_whitens_outside_the_boundary(gui_app):
    ctx = context()
    layout = small_layout()
    layout.main_map.extent = [36_440_000.0, 4_120_000.0, 36_500_000.0, 4_165_000.0]
    before = image_array(render_page_image(layout, ctx, dpi=30))
    layout.main_map.mask_layer = "towns"
    ctx.layers[1].visible = True
    after = image_array(render_page_image(layout, ctx, dpi=30))
    # the river runs outside the townships in the corner of the frame: whitened by the mask
    changed = np.abs(before.astype(int) - after.astype(int)).max(axis=-1) > 40
    assert changed.sum() > 0


@needs_poppler
def test_projected_grid_labels_are_round_metres(gui_app, tmp_path):
    from ecomap.core.layout import GridSpec

    layout = small_layout()
    layout.main_map.grid = GridSpec(type="projected", interval=5000)
    path = export_layout(layout, context(), tmp_path / "grid.pdf", dpi=150)
    numbers = [int(t) for t in re.findall(r"\b(3646\d{4}|41\d{5})\b", _pdf_text(path))]
    assert numbers and all(n % 5000 == 0 for n in numbers)
    assert any(str(n).startswith("3646") for n in numbers) and any(str(n).startswith("41") for n in numbers)
    assert oct(path.stat().st_mode & 0o777) != "0o600"  # not the temporary file's private mode
