"""Restoration panel on the sample county: list, filters, summary, charts, map, detail, editing."""

import sqlite3

import numpy as np
import pytest
from PySide6.QtCore import Qt

from ecomap.gui.panels.restoration_panel import RestorationPanel
from ecomap.gui.panels.table_model import current_frame_row
from ecomap.io import gpkg_edit as g
from tests.gui.panels.conftest import node_of, settled

CODE = "XF-610899-2022-010"  # 石窑煤矿边开采边治理工程, 在建, 45 %


@pytest.fixture
def panel(hub, qtbot):
    p = RestorationPanel(hub)
    qtbot.addWidget(p)
    p.resize(640, 900)
    p.show()
    qtbot.waitExposed(p)
    settled(qtbot, p)
    return p


def stored(path, code, cols="XMJD, WCJD, SJWGRQ, version"):
    con = sqlite3.connect(path)
    try:
        return con.execute(f"SELECT {cols} FROM restoration_projects WHERE XMBH=?", (code,)).fetchone()
    finally:
        con.close()


def history_count(path):
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM restoration_history").fetchone()[0]
    finally:
        con.close()


def test_lists_all_projects_with_a_summary(panel):
    assert panel.proxy.rowCount() == 15
    text = panel.summary.text()
    assert "<b>15</b>" in text and "2025-11-30" in text
    assert "64,790.0" in text and "<b>3</b> overdue" in text
    # charts are filled: 8 stage bars, a year axis, one progress bar pair per scheduled project
    from pyqtgraph import BarGraphItem
    bars = [i for i in panel.stage_plot.getPlotItem().items if isinstance(i, BarGraphItem)]
    assert len(bars) == 1 and len(bars[0].opts["height"]) == 8
    assert panel.year_plot.getPlotItem().getAxis("bottom")._tickLevels[0][0][1] == "2020"


def test_filters_narrow_the_list_and_the_summary(panel, qtbot):
    panel.overdue.setChecked(True)
    assert panel.proxy.rowCount() == 3
    assert "<b>3</b> projects" in panel.summary.text()
    panel.overdue.setChecked(False)
    panel.stage.setCurrentIndex(panel.stage.findData("在建"))
    assert panel.proxy.rowCount() == 4
    panel.township.setCurrentIndex(panel.township.findData("石窑镇"))
    assert panel.proxy.rowCount() == 2
    panel.search.setText("边开采")
    assert panel.proxy.rowCount() == 1


def test_overdue_rows_are_highlighted(panel):
    from ecomap.gui.panels.table_model import OVERDUE_BRUSH

    model = panel.proxy
    colours = [model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole) for r in range(model.rowCount())]
    assert sum(1 for c in colours if c is not None and c.color() == OVERDUE_BRUSH.color()) == 3


def test_choosing_a_project_zooms_and_highlights(panel, hub, qtbot):
    assert panel.select_project(CODE)
    assert len(hub.tools.highlights["panel"]) == 1
    ext = hub.map_view.canvas.extents[-1]
    row = panel.model.row_of(CODE)
    geom = node_of(hub, "restoration_projects").layer.geometry[row]
    minx, miny, maxx, maxy = geom.bounds
    assert ext[0] < minx and ext[2] > maxx and ext[1] < miny and ext[3] > maxy


def test_keyboard_moves_and_enter_zooms(panel, hub, qtbot):
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.proxy.index(0, 0))
    before = current_frame_row(panel.table)
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    assert current_frame_row(panel.table) != before
    hub.map_view.canvas.extents.clear()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert hub.map_view.canvas.extents  # Enter zoomed to the project
    # every filter has a label with a mnemonic pointing at it
    from PySide6.QtWidgets import QLabel
    buddies = {lab.buddy() for lab in panel.findChildren(QLabel) if lab.buddy() is not None}
    assert {panel.township, panel.stage, panel.ptype, panel.funding} <= buddies


def test_detail_shows_attributes_history_and_linked_items(panel):
    panel.select_project("XF-610899-2022-007")  # sent back from 竣工 to 在建 after a failed check
    html = panel.detail.toHtml()
    assert "杏树坪废弃采石场生态修复工程" in html and "Project name" in html
    assert "初验发现边坡复绿不达标" in html  # the stage history
    assert "SJ-0899-06" in html  # the linked rectification item
    assert "days past the planned completion" in html


def test_edit_dialog_changes_stage_with_history_audit_and_undo(panel, hub, qtbot, sample_gpkg):
    panel.select_project(CODE)
    n_history = history_count(sample_gpkg)
    n_code_history = len(panel.model.history_of(CODE))
    dlg = panel.open_editor()
    qtbot.addWidget(dlg)
    assert [dlg.stage.itemData(i) for i in range(dlg.stage.count())] == ["在建", "竣工", "暂缓", "终止"]
    dlg.stage.setCurrentIndex(dlg.stage.findData("竣工"))
    dlg.progress.setValue(100)
    dlg.widgets["SJWGRQ"].setText("2025-11-28")
    dlg.note.setText("完成全部建设内容")
    dlg.save()
    assert dlg.result() == dlg.DialogCode.Accepted
    assert stored(sample_gpkg, CODE) == ("竣工", 100.0, "2025-11-28", 5)
    assert history_count(sample_gpkg) == n_history + 1
    audit = g.read_audit(sample_gpkg)
    assert {a["field"] for a in audit} == {"XMJD", "WCJD", "SJWGRQ"}
    # the panel and the layer follow, once the reload the edit started has been shown
    settled(qtbot, panel)
    assert panel.model.table()["stage"].iat[panel.model.row_of(CODE)] == "竣工"
    assert "竣工 3" in panel.summary.text()
    assert current_frame_row(panel.table) == panel.model.row_of(CODE)
    assert len(panel.model.history_of(CODE)) == n_code_history + 1  # the new stage-history row, from the file
    stack = hub.undo_stack
    assert stack.count() == 1 and CODE in stack.undoText()
    stack.undo()
    assert stored(sample_gpkg, CODE) == ("在建", 45.0, None, 6)
    settled(qtbot, panel)
    assert panel.model.table()["stage"].iat[panel.model.row_of(CODE)] == "在建"
    stack.redo()
    assert stored(sample_gpkg, CODE)[:3] == ("竣工", 100.0, "2025-11-28")
    assert [a["action"] for a in g.read_audit(sample_gpkg)][-1] == "redo"


def test_invalid_edit_stays_in_the_dialog_and_writes_nothing(panel, hub, qtbot, sample_gpkg):
    panel.select_project(CODE)
    before = stored(sample_gpkg, CODE)
    dlg = panel.open_editor()
    qtbot.addWidget(dlg)
    dlg.widgets["SJWGRQ"].setText("2020-01-01")  # before the actual start 2024-03-25
    dlg.widgets["JHKGRQ"].setText("2024/03/01")
    dlg.save()
    assert dlg.result() != dlg.DialogCode.Accepted
    assert dlg.errors.isVisibleTo(dlg) and dlg.errors.text().count("•") == 2
    assert stored(sample_gpkg, CODE) == before and hub.undo_stack.count() == 0


def test_revert_needs_the_explicit_box(panel, qtbot):
    panel.select_project(CODE)
    dlg = panel.open_editor()
    qtbot.addWidget(dlg)
    assert dlg.stage.findData("开工") < 0
    dlg.revert.setChecked(True)
    assert dlg.stage.findData("开工") >= 0 and dlg.stage.findData("储备") >= 0


def _change_in_another_program(path, code):
    con = g.connect(path)
    con.execute("UPDATE restoration_projects SET WCJD=50, version=version+1 WHERE XMBH=?", (code,))
    con.close()


def test_conflict_take_theirs(panel, hub, qtbot, sample_gpkg):
    panel.select_project(CODE)
    dlg = panel.open_editor()
    qtbot.addWidget(dlg)
    _change_in_another_program(sample_gpkg, CODE)
    asked = []
    hub.resolver = lambda c: (asked.append(c), "theirs")[1]
    dlg.progress.setValue(60)
    dlg.save()
    assert asked and asked[0].theirs["WCJD"] == 50.0
    assert stored(sample_gpkg, CODE)[1] == 50.0 and hub.undo_stack.count() == 0
    settled(qtbot, panel)
    row = panel.model.row_of(CODE)
    assert panel.model.table()["progress"].iat[row] == 50.0  # memory took their value


def test_conflict_overwrite(panel, hub, qtbot, sample_gpkg):
    panel.select_project(CODE)
    dlg = panel.open_editor()
    qtbot.addWidget(dlg)
    _change_in_another_program(sample_gpkg, CODE)
    hub.resolver = lambda c: "overwrite"
    dlg.progress.setValue(60)
    dlg.save()
    assert stored(sample_gpkg, CODE)[1] == 60.0 and hub.undo_stack.count() == 1
    [audit] = [a for a in g.read_audit(sample_gpkg) if a["field"] == "WCJD"]
    assert audit["old_value"] == "50.0"


def test_undo_conflict_cancelled_leaves_the_stack(panel, hub, qtbot, sample_gpkg):
    panel.select_project(CODE)
    dlg = panel.open_editor()
    qtbot.addWidget(dlg)
    dlg.progress.setValue(60)
    dlg.save()
    _change_in_another_program(sample_gpkg, CODE)
    hub.resolver = lambda c: "cancel"
    hub.undo_stack.undo()
    assert stored(sample_gpkg, CODE)[1] == 50.0  # their value stays
    assert hub.undo_stack.count() == 0  # the undo that could not run is gone, not half-done


def test_f2_opens_the_editor(panel, qtbot, monkeypatch):
    from ecomap.gui.panels import project_edit_dialog

    opened = []
    monkeypatch.setattr(project_edit_dialog.ProjectEditDialog, "exec", lambda self: opened.append(self) or 0)
    panel.activateWindow()
    panel.table.setFocus()
    qtbot.waitUntil(lambda: panel.table.hasFocus(), timeout=20000)
    qtbot.keyClick(panel.table, Qt.Key.Key_F2)
    assert len(opened) == 1


def test_no_layer_shows_a_hint(qtbot):
    from PySide6.QtGui import QUndoStack

    from ecomap.core.layer_tree import LayerTreeModel
    from ecomap.gui.panels.hub import PanelHub

    p = RestorationPanel(PanelHub(LayerTreeModel(), None, None, QUndoStack()))
    qtbot.addWidget(p)
    assert not p.message.isHidden() and not p.table.isEnabled()
    assert p.open_editor() is None


def test_layer_added_later_is_picked_up(qtbot, sample_gpkg):
    from PySide6.QtGui import QUndoStack

    from ecomap.core.layer_tree import LayerTreeModel
    from ecomap.gui.panels.hub import PanelHub
    from ecomap.io.registry import open_path

    tree = LayerTreeModel()
    p = RestorationPanel(PanelHub(tree, None, None, QUndoStack()))
    qtbot.addWidget(p)
    tree.add_layer(open_path(sample_gpkg, layer="restoration_projects")[0])
    qtbot.waitUntil(lambda: p.proxy.rowCount() == 15, timeout=20000)
    assert np.isfinite(p.model.summary().planned_investment)
