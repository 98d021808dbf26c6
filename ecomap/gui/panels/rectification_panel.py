"""Rectification ledger panel: the items with their workflow status, deadlines and counts.

A view over :class:`~ecomap.domain.rectification.LedgerModel`, built off the GUI thread by
:func:`~ecomap.services.panel_data.load_rectification` when the items layer (or the
reference date) changes or an edit of it is committed. Overdue items (open past
their 整改时限 on the data's reference date) are red, items due within 30 days yellow;
"days to deadline" is negative when late. Enter (or "Show on map") jumps to the item's
location; F2 changes its status along the workflow (an undoable, audited edit);
"Export…" writes the shown items to an XLSX ledger with Chinese headers.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QWidget,
)

from ecomap.domain.rectification import LedgerFilter, LedgerModel
from ecomap.errors import DataError
from ecomap.gui.panels.panel_loader import PanelLoader, failure_text
from ecomap.gui.panels.table_model import (
    MUTED_BRUSH,
    OVERDUE_BRUSH,
    WARN_BRUSH,
    Column,
    FrameTableModel,
    current_frame_row,
    fmt_int,
    make_table,
    select_frame_row,
)
from ecomap.gui.panels.widgets import (
    busy_hint,
    choice_combo,
    chosen,
    esc,
    filter_grid,
    html_table,
    list_over_tabs,
    refresh_on_filter_change,
    search_box,
    set_choices,
    shortcut,
    stack,
    summary_label,
)
from ecomap.i18n import tr
from ecomap.services import panel_data
from ecomap.services.panel_data import LedgerData

THEME = "rectification_items"
STATUS_COLORS = {"未启动": "#d7301f", "整改中": "#e66101", "滞后": "#7f0000", "反弹": "#762a83",
                 "已完成整改": "#1a9641", "验收通过": "#1a9641", "公示中": "#2c7bb6", "已销号": "#777777",
                 "长期坚持": "#3288bd"}


def _days_text(v) -> str:
    if v is None or (isinstance(v, float) and np.isnan(v)):
        return ""
    n = int(v)
    return tr("{n} late").format(n=-n) if n < 0 else str(n)


class RectificationPanel(QWidget):
    def __init__(self, hub, parent=None):
        super().__init__(parent)
        self.setObjectName("rectification-panel")
        self.hub = hub
        self.node = None
        self.model: LedgerModel | None = None
        self._rows = np.array([], dtype=np.int64)
        self.loader = PanelLoader(hub, panel_data.RECTIFICATION_NEEDS, panel_data.load_rectification,
                                  tr("Loading the rectification ledger"), self)
        self.loader.loaded.connect(self.apply)
        self.loader.failed.connect(self._load_failed)

        self.message = QLabel(tr("Load a rectification-items layer (e.g. the sample county.gpkg) to see the "
                                 "ledger here."))
        self.message.setWordWrap(True)
        self.source = choice_combo(tr("All sources"))
        self.status = choice_combo(tr("All statuses"))
        self.township = choice_combo(tr("All townships"))
        self.category = choice_combo(tr("All categories"))
        self.overdue = QCheckBox(tr("&Overdue only"))
        self.open_only = QCheckBox(tr("O&pen items only"))
        self.search = search_box(tr("Search ID, issue, unit or note (Ctrl+F)"))
        combos = (self.source, self.status, self.township, self.category)
        checks = (self.overdue, self.open_only)
        grid = filter_grid(list(zip((tr("So&urce"), tr("St&atus"), tr("&Township"), tr("&Category")), combos)),
                           checks, self.search)

        self.summary = summary_label()

        self.table_model = FrameTableModel([
            Column("code", tr("Issue ID")),
            Column("status", tr("Status"), align="center", color=lambda v: QColor(STATUS_COLORS.get(v, "#202020"))),
            Column("deadline", tr("Deadline")),
            Column("days_text", tr("Days to deadline"), align="right"),
            Column("description", tr("Issue"), tooltip=True),
            Column("township", tr("Township")),
            Column("responsible", tr("Responsible unit")),
            Column("progress", tr("Done %"), fmt_int, "right"),
            Column("source", tr("Source")),
        ], self)
        self.table_model.row_brush = self._row_brush
        self.table, self.proxy = make_table(self.table_model, self)
        self.table.setColumnWidth(0, 118)
        self.table.setColumnWidth(4, 200)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(lambda idx: self.show_on_map())

        self.map_button = QPushButton(tr("Show on &map"))
        self.status_button = QPushButton(tr("Change &status… (F2)"))
        self.export_button = QPushButton(tr("E&xport XLSX…"))
        self.map_button.clicked.connect(self.show_on_map)
        self.status_button.clicked.connect(self.change_status)
        self.export_button.clicked.connect(self.export_dialog)
        buttons = QHBoxLayout()
        for b in (self.map_button, self.status_button, self.export_button):
            buttons.addWidget(b)
        buttons.addStretch(1)

        self.counts = QTableWidget()
        self.counts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.counts.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.counts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.detail = QTextBrowser()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.counts, tr("Counts by source and status"))
        self.tabs.addTab(self.detail, tr("Item"))

        splitter = list_over_tabs(self.table, buttons, self.tabs, stretch=(3, 2), sizes=[420, 260])
        stack(self, busy_hint(self.loader), self.message, grid, self.summary, splitter)

        refresh_on_filter_change(self, self.refresh, combos, checks, self.search)
        shortcut(self, "F2", self.change_status)
        self._show_enabled(False)
        self.loader.reload()

    # ------------------------------------------------------------------ data

    def reload(self) -> None:
        """Load the data again now (it also reloads by itself when its layer changes)."""
        self.loader.reload()

    def _show_enabled(self, has: bool) -> None:
        for w in (self.table, self.summary, self.tabs, self.map_button, self.status_button, self.export_button):
            w.setEnabled(has)

    def apply(self, data: LedgerData) -> None:
        """Show loaded data (GUI thread); the current item stays chosen when it is still there."""
        node = self.hub.node_by_id(data.node_id)
        has = node is not None and data.model is not None
        self.node = node if has else None
        self.message.setText(tr("Load a rectification-items layer (e.g. the sample county.gpkg) to see the "
                                "ledger here."))
        self.message.setVisible(not has)
        self._show_enabled(has)
        if not has:
            self.model = None
            self.table_model.set_frame(pd.DataFrame(), [])
            self.summary.setText("")
            return
        self.model = data.model
        c = data.choices
        set_choices(self.source, c["source"])
        set_choices(self.status, c["status"])
        set_choices(self.township, c["township"])
        set_choices(self.category, c["category"])
        self.refresh()

    def _load_failed(self, exc) -> None:
        self.message.setText(failure_text(exc))
        self.message.setVisible(True)

    def current_filter(self) -> LedgerFilter:
        return LedgerFilter(sources=chosen(self.source), statuses=chosen(self.status),
                            townships=chosen(self.township), categories=chosen(self.category),
                            overdue_only=self.overdue.isChecked(), open_only=self.open_only.isChecked(),
                            text=self.search.text())

    def refresh(self) -> None:
        if self.model is None:
            return
        current = current_frame_row(self.table)
        mask = self.model.mask(self.current_filter())
        self._rows = np.flatnonzero(mask)
        t = self.model.table()
        shown = t.assign(days_text=[_days_text(d) if o else ("—" if not np.isnan(d) else "")
                                    for d, o in zip(t["days_left"], t["open"])])
        self.table_model.set_frame(shown, self._rows)
        s = self.model.summary(mask)
        self.summary.setText(tr("<b>{n}</b> items on {day}: <b>{open}</b> open, <span style='color:#b00020'>"
                                "<b>{overdue}</b> overdue</span>, <b>{soon}</b> due within 30 days, <b>{closed}</b> "
                                "struck off").format(n=s["count"], day=str(self.model.reference), open=s["open"],
                                                     overdue=s["overdue"], soon=s["due_soon"], closed=s["closed"]))
        self._fill_counts(mask)
        if (current is None or not select_frame_row(self.table, current)) and len(self._rows):
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self._current_changed(None, None)

    def _fill_counts(self, mask) -> None:
        c = self.model.counts_by_source_status(mask)
        headers = [tr("Total") if k == "total" else tr("Overdue") if k == "overdue" else k for k in c.columns]
        self.counts.clear()
        self.counts.setRowCount(len(c))
        self.counts.setColumnCount(len(c.columns))
        self.counts.setHorizontalHeaderLabels(headers)
        self.counts.setVerticalHeaderLabels([tr("Total") if k == "total" else k for k in c.index])
        for i, rec in enumerate(c.to_numpy()):
            for j, v in enumerate(rec):
                item = QTableWidgetItem(str(int(v)) if v else "")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if c.columns[j] == "overdue" and v:
                    item.setForeground(QColor("#b00020"))
                self.counts.setItem(i, j, item)

    def _row_brush(self, row: int):
        t = self.model.table() if self.model is not None else None
        if t is None:
            return None
        if t["overdue"].iat[row]:
            return OVERDUE_BRUSH
        if t["due_soon"].iat[row]:
            return WARN_BRUSH
        if t["status"].iat[row] == "已销号":
            return MUTED_BRUSH
        return None

    # ------------------------------------------------------------------ selection, map, actions

    def _current_changed(self, current, previous) -> None:
        row = current_frame_row(self.table)
        if row is None or self.model is None:
            self.detail.clear()
            return
        t = self.model.table().iloc[row]
        rec = [(tr("Issue ID"), t["code"]), (tr("Source"), t["source"]), (tr("Category"), t["category"]),
               (tr("Township"), t["township"]), (tr("Responsible unit"), t["responsible"]),
               (tr("Responsible person"), t["person"]), (tr("Deadline"), t["deadline"]),
               (tr("Days to deadline"), _days_text(t["days_left"])), (tr("Status"), t["status"]),
               (tr("Done %"), fmt_int(t["progress"])), (tr("Progress note"), t["note"]),
               (tr("Closed on"), t["closed_date"]), (tr("Linked project"), t["project_code"])]
        next_steps = "、".join(LedgerModel.next_statuses(t["status"])) or "—"
        self.detail.setHtml(f"<p><b>{esc(t['description'])}</b></p>"
                            + html_table([tr("Field"), tr("Value")], [[a, b] for a, b in rec])
                            + f"<p>{esc(tr('Next steps in the workflow: {steps}').format(steps=next_steps))}</p>")

    def show_on_map(self) -> None:
        row = current_frame_row(self.table)
        if row is not None and self.node is not None:
            self.hub.show_rows(self.node, [row], zoom=True)

    def select_item(self, code: str) -> bool:
        if self.model is None:
            return False
        hits = np.flatnonzero(self.model.table()["code"].to_numpy() == code)
        return bool(len(hits)) and select_frame_row(self.table, int(hits[0]))

    def open_status_dialog(self):
        from ecomap.gui.panels.status_dialog import StatusDialog

        row = current_frame_row(self.table)
        if row is None or self.node is None:
            return None
        try:
            return StatusDialog(self.hub, self.node, row, str(self.model.reference), self)
        except DataError as exc:
            QMessageBox.warning(self, tr("Cannot edit"), exc.user_message())
            return None

    def change_status(self) -> None:
        dlg = self.open_status_dialog()
        if dlg is not None:
            dlg.exec()

    def export(self, path) -> None:
        """Write the items shown (after filters) to an XLSX ledger."""
        from ecomap.services.ledger_reports import write_ledger_xlsx

        f = self.current_filter()
        parts = [*f.sources, *f.statuses, *f.townships, *f.categories]
        if f.overdue_only:
            parts.append("逾期")
        if f.open_only:
            parts.append("未完成")
        if f.text:
            parts.append(f"“{f.text}”")
        write_ledger_xlsx(self.model, path, self._rows, "、".join(parts))

    def export_dialog(self) -> None:
        if self.model is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, tr("Export the ledger"), tr("rectification_ledger") + ".xlsx",
                                              tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        try:
            self.export(path)
        except DataError as exc:
            QMessageBox.warning(self, tr("Export failed"), exc.user_message())
            return
        self.hub_status(tr("Ledger exported to {path}").format(path=path))

    def hub_status(self, text: str) -> None:
        window = getattr(self.hub, "_window", None)
        status = getattr(window, "status", None)
        if status is not None:
            status.showMessage(text, 8000)
