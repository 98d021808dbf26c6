"""The panels inside the real main window: tabs, the shared undo stack, the map."""

import sqlite3
import threading

import numpy as np
import pytest

from tests.gui.conftest import wait_loaded
from tests.gui.panels.conftest import settled

CODE = "XF-610899-2022-010"


def load_sample(window, qtbot, path):
    window.loader.ask_crs = lambda layer: None  # attribute tables have no CRS: nothing to ask
    window.loader.add_paths([str(path)])
    wait_loaded(qtbot, window, timeout=60000)


def settle(window, qtbot):
    """Until no render is scheduled or running (a job must not outlive the window)."""
    qtbot.waitUntil(lambda: not window._busy(), timeout=60000)
    window.canvas.wait_for_render(60)


def frame_colours(image) -> set[tuple[int, int, int]]:
    from PySide6.QtGui import QImage

    im = image.convertToFormat(QImage.Format.Format_RGBA8888)
    rgb = np.frombuffer(im.constBits(), np.uint8).reshape(im.height(), im.width(), 4)[..., :3]
    return set(map(tuple, np.unique(rgb.reshape(-1, 3), axis=0).tolist()))


def hex_rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def test_panels_are_tabs_of_the_thematic_dock(window):
    titles = [window.panels.tabText(i) for i in range(window.panels.count())]
    assert titles[-4:] == ["Restoration", "Rectification", "Water quality", "Ban zones"]
    assert window.panel_hub.undo_stack is window.undo


def test_edit_from_the_panel_lands_on_the_window_undo_stack(window, qtbot, sample_gpkg):
    load_sample(window, qtbot, sample_gpkg)
    panel = window.panel_hub.panels[0][0]
    window.panels.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 15, timeout=20000)
    assert panel.select_project(CODE)
    assert "panel" in window.tools.overlay.highlights  # chosen project highlighted on the map
    n_commands = window.undo.count()
    dlg = panel.open_editor()
    qtbot.addWidget(dlg)
    dlg.stage.setCurrentIndex(dlg.stage.findData("竣工"))
    dlg.progress.setValue(100)
    dlg.save()
    assert window.undo.count() == n_commands + 1
    con = sqlite3.connect(sample_gpkg)
    assert con.execute("SELECT XMJD FROM restoration_projects WHERE XMBH=?", (CODE,)).fetchone() == ("竣工",)
    window.act_undo.trigger()
    assert con.execute("SELECT XMJD FROM restoration_projects WHERE XMBH=?", (CODE,)).fetchone() == ("在建",)
    con.close()
    # the map draws the edited layer again (a new frame object: the layer cache misses)
    settle(window, qtbot)
    assert window.canvas.grab_frame() is not None


def test_water_slider_recolours_the_map(window, qtbot, sample_gpkg):
    load_sample(window, qtbot, sample_gpkg)
    water = window.panel_hub.panels[2][0]
    window.panels.setCurrentWidget(water)
    qtbot.waitUntil(lambda: water.month == "2025-12", timeout=20000)
    node = window.panel_hub.node_for("water_sections")
    settle(window, qtbot)
    frames = []
    window.canvas.renderFinished.connect(lambda _s: frames.append(window.canvas.grab_frame()))
    frame = node.layer.features
    water.set_month("2024-01")
    assert node.style.field == "DMBM" and node.layer.features is frame  # coloured by the style, data untouched
    # the slider's classes, as the map must show them (the sections take their class colour)
    classes = water.data.classes_by_code("2024-01")
    wanted = {hex_rgb(c.symbol.fill) for c in node.style.categories}
    assert wanted and {c.value for c in node.style.categories} == set(classes)
    # however slow the machine: until a render started after the slider has finished and shows a class colour
    qtbot.waitUntil(lambda: bool(frames) and not window._busy() and bool(wanted & frame_colours(frames[-1])),
                    timeout=60000)
    settle(window, qtbot)
    assert window.canvas.grab_frame() is frames[-1]


def test_open_attribute_table_follows_a_panel_edit(window, qtbot, sample_gpkg):
    load_sample(window, qtbot, sample_gpkg)
    panel = window.panel_hub.panels[0][0]
    window.panels.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 15, timeout=20000)
    node = window.panel_hub.node_for("restoration_projects")
    table = window.layer_actions.attribute_table(node)
    model = table.model
    column = model.columns.index("XMJD")
    pos = int(np.flatnonzero(node.layer.features["XMBH"].astype(str).to_numpy() == CODE)[0])
    row = int(np.flatnonzero(model.order == pos)[0])

    def cell():
        return model.data(model.index(row, column))
    assert cell() == "在建"
    assert panel.select_project(CODE)
    dlg = panel.open_editor()
    qtbot.addWidget(dlg)
    dlg.stage.setCurrentIndex(dlg.stage.findData("竣工"))
    dlg.progress.setValue(100)
    with qtbot.waitSignal(model.dataChanged, timeout=20000):
        dlg.save()
    assert cell() == "竣工"
    with qtbot.waitSignal(model.dataChanged, timeout=20000):
        window.act_undo.trigger()
    assert cell() == "在建"
    settle(window, qtbot)


def test_sample_geopackage_adds_its_attribute_tables_sensibly(window, qtbot, sample_gpkg):
    from ecomap.app.data_loader import is_attribute_table
    from ecomap.gui.icons import icon
    from ecomap.gui.legend import layer_icon

    asked = []
    window.loader.ask_crs = lambda layer: asked.append(layer.name)  # a CRS question would be a bug here
    messages = []
    window.statusBar().messageChanged.connect(messages.append)
    window.loader.add_paths([str(sample_gpkg)])
    wait_loaded(qtbot, window, timeout=60000)
    assert asked == []
    nodes = window.tree.layer_nodes()
    tables = [n for n in nodes if is_attribute_table(n.layer)]
    assert {n.name for n in tables} >= {"restoration_history", "water_measurements"}
    # below every map layer, shown with a table icon and without legend rows
    assert nodes[-len(tables):] == tables and not is_attribute_table(nodes[0].layer)
    item_model = window.layer_view.item_model
    for n in tables:
        assert item_model.legend_rows(n) == []
        assert layer_icon(n).cacheKey() == icon("table").cacheKey()
    assert any(m.startswith(f"{len(tables)} attribute-only tables") for m in messages)
    table = window.layer_actions.attribute_table(next(n for n in tables if n.name == "water_measurements"))
    assert table is not None and table.model.rowCount() > 0
    settle(window, qtbot)


#: the farms/ban-zone join of the sample project as the panel computed it on the GUI thread before
#: its loading moved to a task: row, farm, zone, zone name, ledger zone, disposal, restocked,
#: missing from the ledger, ledger names another zone, needs action
SAMPLE_FARMS_IN_BAN_ZONES = [
    (0, "闫家塬生猪养殖场", "jy01-01", "清泉水库饮用水水源保护区", "jy01-01", "未处置", False, False, False, True),
    (1, "示范县闫宝山蛋鸡养殖场", "jy04-01", "城关镇城镇居民区", "", "未处置", False, True, False, True),
    (3, "示范县薛秀英生猪养殖场", "jy04-01", "城关镇城镇居民区", "jy04-01", "关闭", True, False, False, True),
    (2, "郭家湾肉牛养殖场", "jy01-01", "清泉水库饮用水水源保护区", "jy01-01", "关闭", False, False, False, False),
    (4, "白草塬养羊场", "jy03-01", "白草塬省级自然保护区核心区和缓冲区", "jy03-01", "搬迁", False, False, False, False),
    (5, "示范县惠拴柱肉鸡养殖场", "jy02-01", "石峡风景名胜区", "jy02-01", "转产", False, False, False, False),
    (6, "示范县马秀英生猪养殖场", "jy05-01", "清水河国家湿地公园", "jy05-01", "关闭", False, False, False, False),
]


def test_ban_zone_join_on_the_sample_project_is_unchanged(loads, window, qtbot):
    from ecomap.resources import sample_path

    path = sample_path("sample.ecomap")
    if not path.exists():
        pytest.skip("sample_data/sample.ecomap is missing")
    bans = window.panel_hub.panels[3][0]
    panels = [widget for widget, _title in window.panel_hub.panels]
    settled(qtbot, *panels)
    before = {key: len(threads) for key, threads in loads.items()}
    window.project.open(path, ask=False)
    wait_loaded(qtbot, window, timeout=60000)
    settled(qtbot, *panels, timeout=60000)
    # the project's layers arrive together: each panel loads once, on a worker thread
    assert {key: len(threads) - before[key] for key, threads in loads.items()} == dict.fromkeys(loads, 1)
    assert all(t is not threading.main_thread() for threads in loads.values() for t in threads)
    columns = ["row", "name", "zone_code", "zone_name", "ledger_zone", "disposal", "restocked", "not_in_ledger",
               "zone_mismatch", "needs_action"]
    got = [tuple(v.item() if hasattr(v, "item") else v for v in r) for r in bans.farms[columns].itertuples(index=False)]
    assert got == SAMPLE_FARMS_IN_BAN_ZONES
    assert bans.farm_proxy.rowCount() == 7
    settle(window, qtbot)
