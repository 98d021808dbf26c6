"""Water-quality and ban-zone panels on the sample county."""

import pandas as pd
import pytest
from PySide6.QtCore import QDate, Qt

from ecomap.domain.themes import WATER_CLASS_FIELD
from ecomap.domain.vocab import WATER_CLASS_COLORS
from ecomap.gui.panels.ban_zone_panel import BanZonePanel
from ecomap.gui.panels.water_panel import WaterPanel, limit_bands
from tests.gui.panels.conftest import node_of, settled


@pytest.fixture
def water(hub, qtbot):
    p = WaterPanel(hub)
    qtbot.addWidget(p)
    p.resize(640, 860)
    p.show()
    qtbot.waitExposed(p)
    settled(qtbot, p)
    return p


def test_latest_month_first(water):
    assert water.month == "2025-12" and len(water.months) == 36
    assert water.proxy.rowCount() == 12
    assert "100.0%" in water.summary.text()


def month_colours(node) -> dict:
    """Section name → fill colour of the layer's month style."""
    frame = node.layer.features
    name_of = dict(zip(frame["DMBM"], frame["DMMC"]))
    return {name_of[c.value]: c.symbol.fill[:7] for c in node.style.categories}


def test_loading_keeps_the_users_style_and_the_layers_data(hub, qtbot):
    from ecomap.core.style import SingleStyle

    node = node_of(hub, "water_sections")
    mine = SingleStyle()
    hub.tree.set_style(node, mine)
    frame = node.layer.features
    columns, values = list(frame.columns), frame.copy()
    p = WaterPanel(hub)
    qtbot.addWidget(p)
    settled(qtbot, p)
    assert node.style is mine  # opening the data does not restyle the user's layer
    p.set_month("2024-01")  # moving the slider is asking for the class colours
    assert node.style.type == "categorized" and node.style.field == "DMBM"
    # the map gets the month's classes through the style; the layer's frame is left as it was
    assert node.layer.features is frame and list(frame.columns) == columns
    pd.testing.assert_frame_equal(frame, values)
    # the panel has its own copy with the computed class column
    own = p.data.sections_in("2024-01")
    assert own is not frame and dict(zip(own["DMMC"], own[WATER_CLASS_FIELD]))["石窑沟入河口"] == "劣Ⅴ"


def test_a_layer_without_the_class_column_gets_none_added(hub, qtbot):
    node = node_of(hub, "water_sections")
    node.layer.features = node.layer.features.drop(columns=[WATER_CLASS_FIELD])  # as many county layers are
    frame = node.layer.features
    columns = list(frame.columns)
    assert node.style.field == WATER_CLASS_FIELD  # the default style names the missing column …
    p = WaterPanel(hub)
    qtbot.addWidget(p)
    settled(qtbot, p)
    # … so loading colours the sections by the latest month instead of leaving them grey
    assert node.style.field == "DMBM" and month_colours(node)["石窑沟入河口"] == WATER_CLASS_COLORS["Ⅳ"]  # 2025-12
    p.set_month("2024-01")
    assert node.layer.features is frame and list(node.layer.features.columns) == columns


def test_month_slider_restyles_the_layer(water, hub, qtbot):
    node = node_of(hub, "water_sections")
    redraws = []
    hub.tree.renderChanged.connect(lambda: redraws.append(1))
    frame_before = node.layer.features
    columns = list(frame_before.columns)
    water.set_month("2024-01")
    assert "<b>1</b> failing" in water.summary.text() and "8.3%" in water.summary.text()
    assert month_colours(node)["石窑沟入河口"] == WATER_CLASS_COLORS["劣Ⅴ"]
    labels = [c.label for c in node.style.categories]
    assert labels[-1] == "劣Ⅴ类（重度污染）" and labels[0].startswith("Ⅱ")  # best class first, class labels
    assert node.layer.features is frame_before and list(node.layer.features.columns) == columns
    assert redraws
    # keyboard: the slider moves by month
    water.slider.setFocus()
    qtbot.keyClick(water.slider, Qt.Key.Key_Right)
    assert water.month == "2024-02"
    assert month_colours(node)["石窑沟入河口"] == WATER_CLASS_COLORS["劣Ⅴ"]


def test_failing_months_strip(water):
    per_month = water.failing_per_month()
    assert per_month["2024-01"] == 1 and per_month["2025-12"] == 0 and len(per_month) == 36
    import pyqtgraph as pg
    [bars] = [i for i in water.strip.getPlotItem().items if isinstance(i, pg.BarGraphItem)]
    assert list(bars.opts["height"]) == per_month.tolist()


def test_failing_section_and_time_series(water, hub):
    water.set_month("2024-01")
    rows = [r for r in range(water.proxy.rowCount()) if water.proxy.index(r, 0).data() == "石窑沟入河口"]
    water.table.setCurrentIndex(water.proxy.index(rows[0], 0))
    assert water.proxy.index(rows[0], 3).data() == "No"
    assert "Ammonia nitrogen" in water.proxy.index(rows[0], 4).data()
    items = water.plot.getPlotItem().listDataItems()
    assert len(items) == 1 and len(items[0].xData) == 36
    # the class limits are drawn as bands behind the series
    import pyqtgraph as pg
    regions = [i for i in water.plot.getPlotItem().items if isinstance(i, pg.LinearRegionItem)]
    assert len(regions) == 6


def test_limit_bands():
    bands = limit_bands("NH3N", "河流", 3.0)
    assert [b[3] for b in bands] == ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "劣Ⅴ"]
    assert bands[2][:2] == (0.5, 1.0)
    do = limit_bands("DO", "河流", 10.0)
    assert do[0][3] == "Ⅰ" and do[0][0] == 7.5 and do[-1][:2] == (0.0, 2.0)
    cod = limit_bands("COD", "河流", 50.0)  # Ⅰ = Ⅱ = 15: no empty band
    assert [b[3] for b in cod] == ["Ⅰ", "Ⅲ", "Ⅳ", "Ⅴ", "劣Ⅴ"]


@pytest.fixture
def bans(hub, qtbot):
    p = BanZonePanel(hub)
    qtbot.addWidget(p)
    p.resize(640, 860)
    p.show()
    qtbot.waitExposed(p)
    settled(qtbot, p)
    return p


def test_farms_in_ban_zones(bans, hub):
    assert bans.farm_proxy.rowCount() == 7
    names = [bans.farm_proxy.index(r, 0).data() for r in range(3)]
    assert set(names) == {"闫家塬生猪养殖场", "示范县闫宝山蛋鸡养殖场", "示范县薛秀英生猪养殖场"}
    text = bans.farm_summary.text()
    assert "<b>7</b> farms" in text and "<b>2</b> not disposed of" in text and "<b>1</b> restocked" in text
    flags = {bans.farm_proxy.index(r, 0).data(): bans.farm_proxy.index(r, 4).data() for r in range(7)}
    assert "missing from the ledger" in flags["示范县闫宝山蛋鸡养殖场"]


def test_farm_goes_to_the_map(bans, hub, qtbot):
    bans.farm_table.setFocus()
    bans.farm_table.setCurrentIndex(bans.farm_proxy.index(1, 0))
    hub.map_view.canvas.extents.clear()
    qtbot.keyClick(bans.farm_table, Qt.Key.Key_Return)
    assert hub.map_view.canvas.extents and len(hub.tools.highlights["panel"]) == 1


def test_grazing_rest_on_a_date(bans):
    assert bans.date.date() == QDate(2025, 11, 30)  # the data's reference date
    assert bans.grazing_proxy.rowCount() == 6
    bans.date.setDate(QDate(2025, 5, 1))
    assert bans.grazing_proxy.rowCount() == 8
    assert "2 in their rest period" in bans.grazing_summary.text()
    bans.reference_button.click()
    assert bans.grazing_proxy.rowCount() == 6
