"""Rectification ledger panel on the sample county: overdue, counts, workflow edit, XLSX export."""

import sqlite3

import pytest
from PySide6.QtCore import Qt

from ecomap.gui.panels.rectification_panel import RectificationPanel
from ecomap.gui.panels.table_model import OVERDUE_BRUSH, current_frame_row
from ecomap.io import gpkg_edit as g
from tests.gui.panels.conftest import settled


@pytest.fixture
def panel(hub, qtbot):
    p = RectificationPanel(hub)
    qtbot.addWidget(p)
    p.resize(640, 860)
    p.show()
    qtbot.waitExposed(p)
    settled(qtbot, p)
    return p


def test_ledger_with_overdue_items_and_counts(panel):
    assert panel.proxy.rowCount() == 24
    assert "<b>8</b> overdue" in panel.summary.text()
    red = [r for r in range(panel.proxy.rowCount())
           if (b := panel.proxy.index(r, 0).data(Qt.ItemDataRole.BackgroundRole)) is not None
           and b.color() == OVERDUE_BRUSH.color()]
    assert len(red) == 8
    # counts: the last row is the total, the last column the overdue count
    c = panel.counts
    assert c.verticalHeaderItem(c.rowCount() - 1).text() == "Total"
    assert c.item(c.rowCount() - 1, c.columnCount() - 1).text() == "8"
    assert c.item(c.rowCount() - 1, c.columnCount() - 2).text() == "24"


def test_days_to_deadline_and_filters(panel):
    panel.overdue.setChecked(True)
    assert panel.proxy.rowCount() == 8
    texts = [panel.proxy.index(r, 3).data() for r in range(8)]
    assert all(t.endswith("late") for t in texts)
    panel.overdue.setChecked(False)
    panel.source.setCurrentIndex(panel.source.findData("省级督察"))
    assert panel.proxy.rowCount() == 7
    panel.open_only.setChecked(True)
    assert panel.proxy.rowCount() == 5


def test_jump_to_the_map(panel, hub, qtbot):
    assert panel.select_item("SJ-0899-03")
    hub.map_view.canvas.extents.clear()
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert hub.tools.highlights["panel"] and hub.map_view.canvas.extents
    assert "已关闭养殖场存在复养现象" in panel.detail.toHtml()


def test_status_change_along_the_workflow(panel, hub, qtbot, sample_gpkg):
    assert panel.select_item("XFJB-2023-0899-042")  # 公示中
    dlg = panel.open_status_dialog()
    qtbot.addWidget(dlg)
    assert [dlg.status.itemData(i) for i in range(dlg.status.count())] == ["公示中", "已销号", "反弹"]
    dlg.status.setCurrentIndex(dlg.status.findData("已销号"))
    assert dlg.closed.text() == "2025-11-30"  # filled with the reference date
    dlg.save()
    assert dlg.result() == dlg.DialogCode.Accepted
    con = sqlite3.connect(sample_gpkg)
    assert con.execute("SELECT ZT, XHRQ FROM rectification_items WHERE WTBH='XFJB-2023-0899-042'").fetchone() == (
        "已销号", "2025-11-30")
    con.close()
    settled(qtbot, panel)  # the committed edit reloads the ledger off the GUI thread
    assert "<b>6</b> struck off" in panel.summary.text()
    assert panel.model.table()["code"].iat[current_frame_row(panel.table)] == "XFJB-2023-0899-042"  # still chosen
    assert {a["field"] for a in g.read_audit(sample_gpkg)} == {"ZT", "XHRQ"}
    hub.undo_stack.undo()
    settled(qtbot, panel)
    assert "<b>5</b> struck off" in panel.summary.text()


def test_struck_off_needs_a_date(panel, qtbot, sample_gpkg):
    panel.select_item("XFJB-2023-0899-042")
    dlg = panel.open_status_dialog()
    qtbot.addWidget(dlg)
    dlg.status.setCurrentIndex(dlg.status.findData("已销号"))
    dlg.closed.clear()
    dlg.save()
    assert dlg.result() != dlg.DialogCode.Accepted and "销号" in dlg.errors.text()


def test_export_xlsx_with_chinese_headers(panel, tmp_path):
    from openpyxl import load_workbook

    panel.overdue.setChecked(True)
    out = tmp_path / "台账.xlsx"
    panel.export(out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["整改台账", "分类统计", "说明"]
    ws = wb["整改台账"]
    headers = [c.value for c in ws[1]]
    assert headers[:4] == ["序号", "问题来源", "问题编号", "问题描述"] and "整改时限" in headers
    assert ws.max_row == 9  # header + the 8 overdue items shown
    assert ws.cell(2, 1).fill.fgColor.rgb.endswith("FFD6D6")
    about = {r[0].value: r[1].value for r in wb["说明"].iter_rows(min_row=2)}
    assert about["参考日期"] == "2025-11-30" and about["筛选条件"] == "逾期"


def test_current_row_survives_a_refresh(panel):
    panel.select_item("SJ-0899-05")
    row = current_frame_row(panel.table)
    panel.search.setText("SJ")
    assert current_frame_row(panel.table) == row
