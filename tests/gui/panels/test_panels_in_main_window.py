"""The panels inside the real main window: tabs, the shared undo stack, the map."""

import sqlite3

from tests.gui.conftest import wait_loaded

CODE = "XF-610899-2022-010"


def load_sample(window, qtbot, path):
    window.loader.ask_crs = lambda layer: None  # attribute tables have no CRS: nothing to ask
    window.loader.add_paths([str(path)])
    wait_loaded(qtbot, window, timeout=60000)


def settle(window, qtbot):
    """Until no render is scheduled or running (a job must not outlive the window)."""
    qtbot.waitUntil(lambda: not window._busy(), timeout=20000)
    window.canvas.wait_for_render(20)


def test_panels_are_tabs_of_the_thematic_dock(window):
    titles = [window.panels.tabText(i) for i in range(window.panels.count())]
    assert titles[-4:] == ["Restoration", "Rectification", "Water quality", "Ban zones"]
    assert window.panel_hub.undo_stack is window.undo


def test_edit_from_the_panel_lands_on_the_window_undo_stack(window, qtbot, sample_gpkg):
    load_sample(window, qtbot, sample_gpkg)
    panel = window.panel_hub.panels[0][0]
    window.panels.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 15, timeout=5000)
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
    qtbot.waitUntil(lambda: water.month == "2025-12", timeout=5000)
    node = window.panel_hub.node_for("water_sections")
    water.set_month("2024-01")
    assert node.style.field == "SZLB"
    settle(window, qtbot)
    assert window.canvas.grab_frame() is not None
