"""The attribute table window of one layer: filter, sort, select, zoom to selection, export.

Selecting rows selects the features on the map (and the reverse: map selections are
painted in the table). Export writes what is shown — or only the selected rows — to
CSV (UTF-8 with BOM so Excel reads the Chinese) or XLSX, in a worker thread.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ecomap.core.atomic import atomic_target
from ecomap.core.feedback import UNKNOWN
from ecomap.core.tasks import Task
from ecomap.errors import DataError
from ecomap.gui.attribute_model import AttributeTableModel
from ecomap.i18n import tr
from ecomap.io import table_export

XLSX_MAX_ROWS = 1_048_575


def export_frame(feedback, frame, path: Path) -> Path:
    """Write ``frame`` to CSV or XLSX by the file's extension (worker-thread function)."""
    feedback.set_progress(UNKNOWN, tr("Writing {name}…").format(name=path.name))
    if path.suffix.lower() == ".xlsx":
        if len(frame) > XLSX_MAX_ROWS:
            raise DataError(path, tr("Excel holds at most {n} rows; export to CSV instead").format(n=f"{XLSX_MAX_ROWS:,}"))
        with atomic_target(path, suffix=path.suffix) as tmp:
            table_export.write_table_xlsx(frame, tmp)
    else:
        with atomic_target(path, suffix=path.suffix) as tmp:
            table_export.write_table_csv(frame, tmp)
    return path


class AttributeTable(QWidget):
    zoomToSelectionRequested = Signal(object)  # layer node
    selectByExpressionRequested = Signal(object)

    def __init__(self, node, selection, parent=None):
        super().__init__(parent)
        self.node, self.selection = node, selection
        self.model = AttributeTableModel(node.layer, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        # no sort until the user clicks a header (sorting 500,000 rows on opening would be wasted)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicatorShown(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.setWordWrap(False)
        # uniform row heights: Qt never measures 500,000 rows
        self.view.verticalHeader().setSectionResizeMode(self.view.verticalHeader().ResizeMode.Fixed)

        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("Filter, e.g.  面积 > 1000 AND 治理状态 = '未治理'"))
        self.filter.setClearButtonEnabled(True)
        self.filter.returnPressed.connect(self.apply_filter)
        self.filter.textChanged.connect(lambda t: (not t) and self.apply_filter())
        apply = QPushButton(tr("Filter"))
        apply.clicked.connect(self.apply_filter)
        self.selected_only = QCheckBox(tr("Show selected only"))
        self.selected_only.toggled.connect(self.model.set_selected_only)
        zoom = QPushButton(tr("Zoom to selection"))
        zoom.clicked.connect(lambda: self.zoomToSelectionRequested.emit(self.node))
        clear = QPushButton(tr("Clear selection"))
        clear.clicked.connect(lambda: self.selection.clear(self.node.id))
        select_from_filter = QPushButton(tr("Select shown"))
        select_from_filter.setToolTip(tr("Select every feature the filter shows"))
        select_from_filter.clicked.connect(self.select_shown)
        export = QToolButton()
        export.setText(tr("Export"))
        export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(export)
        menu.addAction(tr("Shown rows to CSV/Excel…"), lambda: self.export_dialog(False))
        menu.addAction(tr("Selected rows to CSV/Excel…"), lambda: self.export_dialog(True))
        export.setMenu(menu)

        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(apply)
        bar = QHBoxLayout()
        for w in (self.selected_only, select_from_filter, zoom, clear, export):
            bar.addWidget(w)
        bar.addStretch()
        self.counts = QLabel()
        bar.addWidget(self.counts)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(top)
        lay.addLayout(bar)
        lay.addWidget(self.view)

        self._syncing = False
        self.model.countsChanged.connect(lambda: self.counts.setText(self.model.counts_text()))
        self.view.selectionModel().selectionChanged.connect(self._view_selection_changed)
        selection.selectionChanged.connect(self._map_selection_changed)
        self.model.set_selection(selection.rows(node.id))
        self.export_task: Task | None = None

    # ------------------------------------------------------------------ selection sync

    def _view_selection_changed(self, *args):
        if self._syncing:
            return
        view_rows = np.array(sorted({i.row() for i in self.view.selectionModel().selectedRows()}), dtype=np.int64)
        rows = self.model.order[view_rows] if len(view_rows) else view_rows
        self._syncing = True
        try:
            self.selection.select(self.node.id, rows)
        finally:
            self._syncing = False

    def _map_selection_changed(self, layer_id: str):
        if layer_id != self.node.id:
            return
        self.model.set_selection(self.selection.rows(layer_id))
        if not self._syncing:  # the map changed it: the view's own (blue) selection is stale
            self._syncing = True
            self.view.selectionModel().clearSelection()
            self._syncing = False

    def select_shown(self):
        self.selection.select(self.node.id, self.model.order)

    # ------------------------------------------------------------------ filter

    def apply_filter(self):
        try:
            self.model.set_filter(self.filter.text())
            self.filter.setStyleSheet("")
            self.filter.setToolTip("")
        except DataError as exc:
            self.filter.setStyleSheet("QLineEdit { background: #ffe0e0; }")
            self.filter.setToolTip(exc.message)
            QMessageBox.warning(self, tr("Filter"), exc.message)

    # ------------------------------------------------------------------ export

    def export_dialog(self, selected_only: bool):
        if selected_only and not self.model.selected.any():
            QMessageBox.information(self, tr("Export"), tr("No features are selected."))
            return
        path, _ = QFileDialog.getSaveFileName(self, tr("Export table"), f"{self.node.name}.xlsx",
                                              tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"))
        if path:
            self.export(Path(path), selected_only)

    def export(self, path: Path, selected_only: bool = False) -> Task:
        if path.suffix.lower() not in (".csv", ".xlsx"):
            path = path.with_suffix(".csv")
        frame = self.model.frame_for_export(selected_only)
        progress = QProgressDialog(tr("Exporting {n} rows…").format(n=f"{len(frame):,}"), tr("Cancel"), 0, 0, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        # the modal progress dialog shows it: kept out of the status bar's indicator
        task = Task(export_frame, frame, path, description=tr("Export table"), visible=False)
        progress.canceled.connect(task.cancel)
        task.finished.connect(lambda p: (progress.close(), self.counts.setText(tr("Exported to {path}").format(path=p))))
        task.failed.connect(lambda exc: (progress.close(), QMessageBox.warning(
            self, tr("Export"), exc.message if isinstance(exc, DataError) else str(exc))))
        task.cancelled.connect(progress.close)
        self.export_task = task.start()
        return task
