"""Restoration projects panel: filters, summary bar, project list, details, charts, editing.

A view over :class:`~ecomap.domain.restoration.RestorationModel`, which
:func:`~ecomap.services.panel_data.load_restoration` builds off the GUI thread (with the
stage history, the rectification items and the reference date of the same GeoPackage)
whenever those inputs change. Choosing a project highlights it on the map and zooms
there; F2 (or "Edit…") opens the edit dialog, whose change lands on the main window's
undo stack. Committed edits come back through the hub and reload the panel.

Keyboard: Alt+letters reach the filters, the list takes arrows/Enter, F2 edits,
Ctrl+F goes to the search box.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ecomap.domain import catalogue
from ecomap.domain.restoration import ProjectFilter, RestorationModel
from ecomap.gui.panels import charts
from ecomap.gui.panels.panel_loader import PanelLoader, failure_text
from ecomap.gui.panels.project_detail import project_html, schedule_text
from ecomap.gui.panels.table_model import (
    MUTED_BRUSH,
    OVERDUE_BRUSH,
    WARN_BRUSH,
    Column,
    FrameTableModel,
    current_frame_row,
    fmt_int,
    fmt_number,
    make_table,
    select_frame_row,
)
from ecomap.gui.panels.widgets import (
    busy_hint,
    choice_combo,
    chosen,
    esc,
    filter_grid,
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

THEME = "restoration_projects"


def stage_colors() -> dict[str, str]:
    """Stage → fill colour of the layer's default style, so the chart matches the map."""
    style = catalogue.default_style(THEME) or {}
    out = {}
    for cat in style.get("categories", []):
        fill = (cat.get("symbol") or {}).get("fill") or charts.BAR_BLUE
        out[str(cat.get("value"))] = fill[:7]
    return out


class RestorationPanel(QWidget):
    def __init__(self, hub, parent=None):
        super().__init__(parent)
        self.setObjectName("restoration-panel")
        self.hub = hub
        self.node = None
        self.model: RestorationModel | None = None
        self._rows = np.array([], dtype=np.int64)
        self._quiet = False  # a programmatic selection (refresh) does not move the map
        self.loader = PanelLoader(hub, panel_data.RESTORATION_NEEDS, panel_data.load_restoration,
                                  tr("Loading the restoration projects"), self)
        self.loader.loaded.connect(self.apply)
        self.loader.failed.connect(self._load_failed)

        self.message = QLabel(tr("Load a restoration-projects layer (e.g. the sample county.gpkg) to see "
                                 "the projects here."))
        self.message.setWordWrap(True)

        self.township = choice_combo(tr("All townships"))
        self.stage = choice_combo(tr("All stages"))
        self.ptype = choice_combo(tr("All types"))
        self.funding = choice_combo(tr("All funding"))
        self.overdue = QCheckBox(tr("&Overdue only"))
        self.behind = QCheckBox(tr("&Late or behind schedule"))
        self.search = search_box(tr("Search name, ID or unit (Ctrl+F)"))
        combos = (self.township, self.stage, self.ptype, self.funding)
        checks = (self.overdue, self.behind)
        grid = filter_grid(list(zip((tr("&Township"), tr("S&tage"), tr("T&ype"), tr("&Funding")), combos)),
                           checks, self.search)

        self.summary = summary_label()
        self.summary.setTextFormat(Qt.TextFormat.RichText)

        self.table_model = FrameTableModel([
            Column("name", tr("Project"), tooltip=True),
            Column("township", tr("Township")),
            Column("stage", tr("Stage"), align="center"),
            Column("progress", tr("Progress %"), fmt_int, "right"),
            Column("planned_progress", tr("Schedule %"), fmt_int, "right"),
            Column("planned", tr("Planned ×10⁴"), fmt_number, "right"),
            Column("done", tr("Spent ×10⁴"), fmt_number, "right"),
            Column("planned_end", tr("Planned completion")),
            Column("schedule", tr("Status"), schedule_text),
            Column("code", tr("Project ID")),
        ], self)
        self.table_model.row_brush = self._row_brush
        self.table, self.proxy = make_table(self.table_model, self)
        self.table.setColumnWidth(0, 190)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(lambda idx: self.zoom_to_current())

        self.zoom_button = QPushButton(tr("&Zoom to project"))
        self.edit_button = QPushButton(tr("&Edit… (F2)"))
        self.zoom_button.clicked.connect(self.zoom_to_current)
        self.edit_button.clicked.connect(self.edit_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.zoom_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)

        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.stage_plot = charts.new_plot(tr("Projects per stage"))
        self.year_plot = charts.new_plot(tr("Investment by planned start year (×10⁴ CNY)"))
        self.progress_plot = charts.new_plot(tr("Progress (coloured) against the schedule to date (grey), %"), height=260)
        chart_box = QWidget()
        cl = QVBoxLayout(chart_box)
        cl.setContentsMargins(0, 0, 0, 0)
        for w in (self.stage_plot, self.year_plot, self.progress_plot):
            cl.addWidget(w)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(chart_box)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.detail, tr("Details"))
        self.tabs.addTab(scroll, tr("Charts"))

        splitter = list_over_tabs(self.table, buttons, self.tabs, stretch=(1, 1), sizes=[330, 330])
        stack(self, busy_hint(self.loader), self.message, grid, self.summary, splitter)

        refresh_on_filter_change(self, self.refresh, combos, checks, self.search)
        shortcut(self, "F2", self.edit_current)
        self._show_enabled(False)
        self.loader.reload()

    # ------------------------------------------------------------------ data

    def reload(self) -> None:
        """Load the data again now (it also reloads by itself when its layers change)."""
        self.loader.reload()

    def _show_enabled(self, has: bool) -> None:
        for w in (self.table, self.summary, self.tabs, self.zoom_button, self.edit_button):
            w.setEnabled(has)

    def apply(self, data: LedgerData) -> None:
        """Show loaded data (GUI thread); the current project stays chosen when it is still there."""
        node = self.hub.node_by_id(data.node_id)
        has = node is not None and data.model is not None
        self.node = node if has else None
        self.message.setText(tr("Load a restoration-projects layer (e.g. the sample county.gpkg) to see "
                                "the projects here."))
        self.message.setVisible(not has)
        self._show_enabled(has)
        if not has:
            self.model = None
            self.table_model.set_frame(pd.DataFrame(), [])
            self.summary.setText("")
            self.detail.clear()
            return
        self.model = data.model
        choices = data.choices
        set_choices(self.township, choices["township"])
        set_choices(self.stage, choices["stage"])
        set_choices(self.ptype, choices["type"])
        set_choices(self.funding, choices["funding"])
        self.refresh()

    def _load_failed(self, exc) -> None:
        self.message.setText(failure_text(exc))
        self.message.setVisible(True)

    def current_filter(self) -> ProjectFilter:
        return ProjectFilter(townships=chosen(self.township), stages=chosen(self.stage), types=chosen(self.ptype),
                             funding=chosen(self.funding), overdue_only=self.overdue.isChecked(),
                             behind_only=self.behind.isChecked(), text=self.search.text())

    def refresh(self) -> None:
        if self.model is None:
            return
        current = current_frame_row(self.table)
        mask = self.model.mask(self.current_filter())
        self._rows = np.flatnonzero(mask)
        self.table_model.set_frame(self.model.table(), self._rows)
        self._update_summary(mask)
        self._update_charts(mask)
        self._quiet = True
        try:
            if current is None or not select_frame_row(self.table, current):
                if len(self._rows):
                    self.table.setCurrentIndex(self.proxy.index(0, 0))
                else:
                    self.detail.setHtml(f"<p>{esc(tr('No project matches the filters.'))}</p>")
        finally:
            self._quiet = False

    def _row_brush(self, row: int):
        t = self.model.table() if self.model is not None else None
        if t is None:
            return None
        s = t["schedule"].iat[row]
        if s == "overdue":
            return OVERDUE_BRUSH
        if s in ("behind", "late_start"):
            return WARN_BRUSH
        if s == "terminated":
            return MUTED_BRUSH
        return None

    def _update_summary(self, mask) -> None:
        s = self.model.summary(mask)
        share = s.investment_share
        stages = " · ".join(f"{k} {v}" for k, v in s.by_stage.items() if v)
        lines = [
            tr("<b>{n}</b> projects (judged on {day}): {stages}").format(
                n=s.count, day=str(self.model.reference), stages=esc(stages)),
            tr("Investment: planned <b>{planned}</b>, spent <b>{done}</b> ({share}), still to spend "
               "<b>{left}</b> ×10⁴ CNY").format(
                planned=f"{s.planned_investment:,.1f}", done=f"{s.completed_investment:,.1f}",
                share="—" if share is None else f"{share * 100:.0f}%", left=f"{s.remaining_investment:,.1f}"),
            tr("Area: {area} hm², restored (finished) {restored} hm²").format(
                area=f"{s.area_ha:,.1f}", restored=f"{s.area_restored_ha:,.1f}"),
        ]
        late = tr("<span style='color:#b00020'><b>{overdue}</b> overdue</span>, <b>{behind}</b> behind "
                  "schedule, <b>{late}</b> late to start").format(overdue=s.overdue, behind=s.behind,
                                                                 late=s.late_start)
        self.summary.setText("<br>".join(lines + [late]))

    def _update_charts(self, mask) -> None:
        counts = self.model.stage_counts(mask)
        colors = stage_colors()
        labels = list(counts)
        charts.bars(self.stage_plot, labels, list(counts.values()),
                    [colors.get(k, charts.BAR_BLUE) for k in labels])
        by_year = self.model.investment_by_year(mask)
        charts.grouped_bars(self.year_plot, [str(y) for y in by_year.index], [
            (tr("Planned"), by_year["planned"].to_numpy(), charts.BAR_BLUE),
            (tr("Spent"), by_year["done"].to_numpy(), charts.BAR_GREEN)])
        sched = self.model.schedule(mask)
        sched = sched[~sched["schedule"].isin(("not_due",))]
        names = [n if len(n) <= 12 else n[:11] + "…" for n in sched["name"]]
        charts.progress_bars(self.progress_plot, names, sched["progress"].to_numpy(),
                             sched["planned_progress"].to_numpy(),
                             sched["schedule"].isin(("overdue", "behind", "late_start")).to_numpy())
        self.progress_plot.setMinimumHeight(max(200, 26 * len(names) + 60))

    # ------------------------------------------------------------------ selection, map, editing

    def _current_changed(self, current, previous) -> None:
        row = current.siblingAtColumn(0).data(Qt.ItemDataRole.UserRole + 2) if current.isValid() else None
        self._show_detail(row)
        if row is not None and self.node is not None and not self._quiet and self.isVisible():
            self.hub.show_rows(self.node, [row], zoom=True)

    def _show_detail(self, row) -> None:
        if row is None or self.model is None:
            self.detail.clear()
            return
        aliases = dict(getattr(self.node.layer, "field_aliases", {}) or {}) if self.node else {}
        from ecomap.i18n import language

        self.detail.setHtml(project_html(self.model, row, aliases if language() != "en" else {}))

    def zoom_to_current(self) -> None:
        row = current_frame_row(self.table)
        if row is not None and self.node is not None:
            self.hub.show_rows(self.node, [row], zoom=True)

    def select_project(self, code: str) -> bool:
        row = self.model.row_of(code) if self.model is not None else None
        return row is not None and select_frame_row(self.table, row)

    def open_editor(self):
        """The edit dialog of the current project (not shown yet), or None."""
        from ecomap.errors import DataError
        from ecomap.gui.panels.project_edit_dialog import ProjectEditDialog

        row = current_frame_row(self.table)
        if row is None or self.node is None:
            return None
        try:
            return ProjectEditDialog(self.hub, self.node, row, self)
        except DataError as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, tr("Cannot edit"), exc.user_message())
            return None

    def edit_current(self) -> None:
        dlg = self.open_editor()
        if dlg is not None:
            dlg.exec()
