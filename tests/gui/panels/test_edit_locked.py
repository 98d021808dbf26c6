"""Another program holds the GeoPackage locked: the user is asked 重试/取消, and the undo stack records only written edits."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from ecomap.gui.panels.edit_commands import retry_box, run_edit
from ecomap.gui.panels.restoration_panel import THEME, RestorationPanel
from ecomap.io import gpkg_edit as g
from ecomap.services.editing import DatabaseLocked
from tests.gui.panels.conftest import settled

CODE = "XF-610899-2022-010"  # 石窑煤矿边开采边治理工程, 在建, 45 %


@pytest.fixture(autouse=True)
def _short_busy_wait(monkeypatch):
    monkeypatch.setattr(g, "BUSY_TIMEOUT_S", 0.05)


@pytest.fixture
def panel(hub, qtbot):
    p = RestorationPanel(hub)
    qtbot.addWidget(p)
    settled(qtbot, p)
    assert p.select_project(CODE)
    return p


class OtherProgram:
    """A second sqlite3 connection that holds the file with ``BEGIN EXCLUSIVE`` (as QGIS mid-save does)."""

    def __init__(self, path):
        self.con = sqlite3.connect(path, isolation_level=None)
        self.con.execute("BEGIN EXCLUSIVE")

    def let_go(self) -> None:
        if self.con.in_transaction:
            self.con.execute("ROLLBACK")
        self.con.close()


def stored(path):
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT WCJD, version FROM restoration_projects WHERE XMBH=?", (CODE,)).fetchone()
    finally:
        con.close()


def test_a_cancelled_retry_writes_nothing_and_pushes_nothing_on_the_undo_stack(panel, hub, qtbot, sample_gpkg):
    before = stored(sample_gpkg)
    dlg = panel.open_editor()
    qtbot.addWidget(dlg)
    dlg.progress.setValue(60)
    other = OtherProgram(sample_gpkg)
    asked = []
    hub.retry = lambda locked: (asked.append(locked), False)[1]
    try:
        dlg.save()
    finally:
        other.let_go()
    assert len(asked) == 1 and "locked" in asked[0].message
    assert dlg.result() != dlg.DialogCode.Accepted  # the dialog stays open with what the user typed
    assert dlg.errors.isVisibleTo(dlg) and "locked" in dlg.errors.text() and dlg.progress.value() == 60
    assert hub.undo_stack.count() == 0
    assert stored(sample_gpkg) == before
    row = panel.model.row_of(CODE)
    assert panel.model.table()["progress"].iat[row] == 45.0  # memory untouched too


def test_retrying_once_the_other_program_lets_go_saves_and_records_the_edit(panel, hub, qtbot, sample_gpkg):
    version = stored(sample_gpkg)[1]
    dlg = panel.open_editor()
    qtbot.addWidget(dlg)
    dlg.progress.setValue(60)
    other = OtherProgram(sample_gpkg)
    asked = []

    def retry(locked):
        asked.append(locked)
        other.let_go()
        return True

    hub.retry = retry
    dlg.save()
    assert len(asked) == 1 and dlg.result() == dlg.DialogCode.Accepted
    assert stored(sample_gpkg) == (60.0, version + 1) and hub.undo_stack.count() == 1


def test_an_undo_the_locked_file_refuses_leaves_the_stack_claiming_nothing(panel, hub, qtbot, sample_gpkg):
    dlg = panel.open_editor()
    qtbot.addWidget(dlg)
    dlg.progress.setValue(60)
    dlg.save()
    assert hub.undo_stack.count() == 1
    other = OtherProgram(sample_gpkg)
    hub.retry = lambda locked: False
    try:
        hub.undo_stack.undo()
    finally:
        other.let_go()
    assert stored(sample_gpkg)[0] == 60.0  # the edit is still in the file …
    assert hub.undo_stack.count() == 0 and not hub.undo_stack.canRedo()  # … and the stack does not say otherwise


def test_run_edit_pushes_only_a_written_command(hub, sample_gpkg):
    node = hub.node_for(THEME)
    target = hub.target_for(node, THEME)
    row = target.row_of(next(int(f) for f, k in zip(target.fids, node.layer.features["XMBH"]) if k == CODE))
    stack = QUndoStack()
    other = OtherProgram(sample_gpkg)
    try:
        with pytest.raises(DatabaseLocked):
            run_edit(hub.session, target, row, {"WCJD": 70.0}, undo_stack=stack, retry=lambda locked: False)
        assert stack.count() == 0
    finally:
        other.let_go()
    assert run_edit(hub.session, target, row, {"WCJD": 70.0}, undo_stack=stack, retry=lambda locked: False)
    assert stack.count() == 1 and stored(sample_gpkg)[0] == 70.0


def test_the_question_offers_retry_by_default_and_cancel(qtbot, sample_gpkg):
    box = retry_box(DatabaseLocked(sample_gpkg))
    qtbot.addWidget(box)
    buttons = QMessageBox.StandardButton
    assert box.standardButtons() == buttons.Retry | buttons.Cancel
    assert box.defaultButton() is box.button(buttons.Retry)
    assert box.escapeButton() is box.button(buttons.Cancel)
    assert "locked" in box.text() and "not saved" in box.informativeText()
