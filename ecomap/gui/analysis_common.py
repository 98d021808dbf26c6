"""What every analysis dialog shares: a task with progress and cancel, layer pickers, result tables.

:class:`AnalysisRunner` runs an ``ecomap.analysis`` function as a task
(:mod:`ecomap.core.tasks`) with a :class:`ecomap.core.feedback.Feedback`; its signals
arrive on the GUI thread, and a new run cancels the one still going. :class:`RunPanel`
is the Run / Cancel buttons with a progress bar and the step being done.
:class:`FrameModel` shows a pandas table virtually (Qt asks only for the rows on
screen), with Chinese or English headers from the report module's table. The dialogs
read layers from the main window's layer tree and never change them.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ecomap.analysis.screening_rules import VERDICT_COLORS
from ecomap.core.feedback import UNKNOWN, Feedback
from ecomap.core.tasks import LatestTask, Task
from ecomap.errors import DataError
from ecomap.i18n import language, tr

HIGHLIGHT_KEY = "analysis"
TABLE_FILTER = "Excel (*.xlsx);;CSV (*.csv);;GeoPackage (*.gpkg)"
PROGRESS_STEPS = 1000  # the progress bar's range for a fraction


# ----------------------------------------------------------------------------- running


class AnalysisRunner(QObject):
    """Runs ``fn(feedback)`` as a task; one at a time (a new run cancels the old); signals on the GUI thread.

    ``progress(fraction, text)`` as a task's (:data:`~ecomap.core.feedback.UNKNOWN`: busy).
    The task is visible in the window's indicator, described by the dialog's title.
    """

    started = Signal()
    progress = Signal(float, str)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._latest = LatestTask(self)
        self._latest.progress.connect(self.progress)
        self._latest.finished.connect(self.finished)
        self._latest.failed.connect(self.failed)
        self._latest.cancelled.connect(self.cancelled)

    @property
    def running(self) -> bool:
        return self._latest.running

    @property
    def feedback(self) -> Feedback | None:
        """The running analysis's feedback (None when none runs)."""
        return self._latest.task.feedback if self.running else None

    def start(self, fn, description: str | None = None) -> Task:
        task = self._latest.submit(fn, description=description or self._description())
        self.started.emit()
        return task

    def _description(self) -> str:
        owner = self.parent()
        title = owner.windowTitle() if isinstance(owner, QWidget) else ""
        return title or tr("Analysis")

    def cancel(self) -> None:
        self._latest.cancel()

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Block until the analysis ends and its signals are delivered (tests)."""
        return self._latest.wait(timeout_ms / 1000)


class RunPanel(QWidget):
    """Run and Cancel buttons with a progress bar and what is being done, wired to an :class:`AnalysisRunner`."""

    def __init__(self, runner: AnalysisRunner, run_text: str = "", parent=None):
        super().__init__(parent)
        self.runner = runner
        self.run_button = QPushButton(run_text or tr("Run"))
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.bar = QProgressBar()
        self.bar.setRange(0, PROGRESS_STEPS)
        self.bar.setTextVisible(False)
        self.status = QLabel("")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for w in (self.run_button, self.cancel_button, self.bar, self.status):
            lay.addWidget(w)
        lay.setStretch(2, 1)
        self.cancel_button.clicked.connect(runner.cancel)
        runner.started.connect(self._started)
        runner.progress.connect(self._progress)
        runner.finished.connect(lambda _r: self._stopped(tr("Done")))
        runner.failed.connect(lambda _e: self._stopped(tr("Failed")))
        runner.cancelled.connect(lambda: self._stopped(tr("Cancelled")))

    def _started(self) -> None:
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.bar.setRange(0, PROGRESS_STEPS)
        self.bar.setValue(0)
        self.status.setText(tr("Working…"))

    def _progress(self, fraction: float, text: str) -> None:
        if fraction == UNKNOWN:
            self.bar.setRange(0, 0)  # busy
        else:
            self.bar.setRange(0, PROGRESS_STEPS)
            self.bar.setValue(round(fraction * PROGRESS_STEPS))
        if text:
            self.status.setText(text)

    def _stopped(self, text: str) -> None:
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        if self.bar.maximum() == 0:
            self.bar.setRange(0, PROGRESS_STEPS)  # a busy bar would keep moving
        self.status.setText(text)


def show_error(parent, exc) -> None:
    """A DataError's message, or a short note for a bug (the traceback goes to stderr)."""
    if isinstance(exc, DataError):
        QMessageBox.warning(parent, tr("Analysis"), exc.user_message())
        return
    import sys

    print(getattr(exc, "__ecomap_traceback__", repr(exc)), file=sys.stderr)
    QMessageBox.critical(parent, tr("Analysis"), tr("unexpected problem ({detail})").format(
        detail=f"{type(exc).__name__}: {exc}"))


# ----------------------------------------------------------------------------- layers


def layer_nodes(main_window, kind: str | None = None, geometry: tuple[str, ...] | None = None) -> list:
    """Layer-tree nodes with data, optionally of a kind ('vector'/'raster') and geometry family."""
    out = []
    for node in main_window.tree.layer_nodes():
        layer = node.layer
        if layer is None:
            continue
        if kind is not None and getattr(layer, "kind", None) != kind:
            continue
        if geometry is not None and getattr(layer, "geometry_type", None) not in geometry:
            continue
        out.append(node)
    return out


def workspace_layer(node):
    """The node's layer with its theme and field roles (the analyses' input)."""
    from ecomap.core.workspace import describe_layer

    return describe_layer(node.layer, name=node.source_layer or getattr(node.layer, "name", node.name),
                          theme_id=node.theme, title=node.name)


class LayerCombo(QComboBox):
    """Picks a layer-tree node; refreshed from the tree when asked."""

    def __init__(self, main_window, kind: str | None = "vector", geometry=None, parent=None):
        super().__init__(parent)
        self.main_window, self.kind, self.geometry = main_window, kind, geometry
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.refresh()

    def refresh(self, prefer_theme: str | None = None) -> None:
        """Reload from the tree, keeping the current layer, or picking ``prefer_theme``'s when given."""
        current = self.current_node()
        self.blockSignals(True)
        self.clear()
        for node in layer_nodes(self.main_window, self.kind, self.geometry):
            self.addItem(node.name, node)
        self.blockSignals(False)
        nodes = [self.itemData(i) for i in range(self.count())]
        index = next((i for i, n in enumerate(nodes) if prefer_theme and n.theme == prefer_theme), -1)
        if index < 0:
            index = next((i for i, n in enumerate(nodes) if n is current), -1)
        if index >= 0:
            self.setCurrentIndex(index)

    def current_node(self):
        return self.currentData() if self.count() else None


# ----------------------------------------------------------------------------- tables


def _text(value) -> str:
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, (bool, np.bool_)):
        return ("是" if value else "否") if language() == "zh_CN" else ("yes" if value else "no")
    if isinstance(value, (float, np.floating)):
        if math.isnan(value):
            return ""
        return f"{value:,.4f}".rstrip("0").rstrip(".") if abs(value) < 1e6 else f"{value:,.1f}"
    return str(value)


class FrameModel(QAbstractTableModel):
    """A pandas DataFrame as a read-only, sortable table (cells formatted on demand)."""

    def __init__(self, frame: pd.DataFrame | None = None, headers: dict | None = None,
                 percent: tuple[str, ...] = ("share", "share_a", "share_b"), parent=None):
        super().__init__(parent)
        self.percent = set(percent)
        self.set_frame(frame if frame is not None else pd.DataFrame(), headers)

    def set_frame(self, frame: pd.DataFrame, headers: dict | None = None,
                  colors: dict[int, str] | None = None) -> None:
        self.beginResetModel()
        self.frame = frame.reset_index(drop=True)
        self.columns = list(self.frame.columns)
        self.headers = headers or {}
        self.arrays = [self.frame[c].to_numpy() for c in self.columns]
        self.order = np.arange(len(self.frame))
        self.row_colors = colors or {}
        self.endResetModel()

    def rowCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.order)

    def columnCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = int(self.order[index.row()])
        col = self.columns[index.column()]
        value = self.arrays[index.column()][row]
        if role == Qt.ItemDataRole.DisplayRole:
            if (col in self.percent or str(col).endswith("|share")) and isinstance(value, (float, np.floating)):
                return "" if math.isnan(value) else f"{value * 100:.2f}%"
            return _text(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, (int, float, np.number)) \
                and not isinstance(value, (bool, np.bool_)):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and isinstance(value, str) and value in VERDICT_COLORS:
            return QBrush(QColor(VERDICT_COLORS[value]))
        if role == Qt.ItemDataRole.BackgroundRole and row in self.row_colors:
            return QBrush(QColor(self.row_colors[row]))
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            key = self.columns[section]
            return self.headers.get(key, str(key))
        return str(section + 1)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not self.columns:
            return
        self.layoutAboutToBeChanged.emit()
        values = pd.Series(self.arrays[column])
        try:
            keys = np.argsort(values.to_numpy(), kind="stable") if values.dtype.kind in "iufb" else \
                np.argsort(pd.factorize(values.astype(str), sort=True)[0], kind="stable")
        except TypeError:
            keys = np.argsort(values.astype(str).to_numpy(), kind="stable")
        self.order = keys[::-1] if order == Qt.SortOrder.DescendingOrder else keys
        self.layoutChanged.emit()

    def frame_row(self, view_row: int) -> int:
        return int(self.order[view_row])


def table_view(model: FrameModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # keep the given order
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setDefaultSectionSize(22)
    return view


def headers_for(columns, a: str = "", b: str = "") -> dict:
    """Column headers in the user's language: the report's Chinese ones, else readable English."""
    from ecomap.io.report_tables import HEADERS_ZH

    out = {}
    for c in columns:
        key = str(c)
        if "|" in key:
            layer, measure = key.split("|", 1)
            out[c] = f"{layer} {_header(measure, a, b, HEADERS_ZH)}"
        else:
            out[c] = _header(key, a, b, HEADERS_ZH)
    return out


_EN = {"a_fid": "{a} id", "a_name": "{a} name", "b_fid": "{b} id", "b_name": "{b} name", "area_m2": "Area (m²)",
       "area_mu": "Area (mu)", "area_ha": "Area (ha)", "share_a": "Share of {a}", "share_b": "Share of {b}",
       "length_m": "Length (m)", "length_km": "Length (km)", "distance_m": "Distance (m)",
       "feature_area_m2": "Feature area sum (m², overlaps counted again)",
       "feature_area_mu": "Feature area sum (mu, overlaps counted again)",
       "feature_area_ha": "Feature area sum (ha, overlaps counted again)",
       "few_pixels": "Few pixels (mean unreliable)"}


def _header(key: str, a: str, b: str, zh: dict) -> str:
    if language() == "zh_CN" and key in zh:
        return zh[key].format(a=a, b=b)
    if key in _EN:
        return _EN[key].format(a=a, b=b)
    return key.replace("_", " ")


def ask_save(parent, title: str, filters: str, default: str = ""):
    """A save-file dialog; None when the user cancels."""
    path, _ = QFileDialog.getSaveFileName(parent, title, default, filters)
    return path or None


def map_crs(main_window):
    return getattr(getattr(main_window, "map_view", None), "crs", None)


def highlight(main_window, geoms, crs, color: str = "#e53935", key: str = HIGHLIGHT_KEY) -> None:
    """Show ``geoms`` (in ``crs``) over the map, reprojected to the map's CRS."""
    from ecomap.analysis import common

    tools = getattr(main_window, "tools", None)
    if tools is None:
        return
    geoms = np.asarray(list(geoms) if geoms is not None else [], dtype=object)
    if len(geoms):
        geoms = common.to_crs(geoms, crs, map_crs(main_window) or crs)
    tools.set_highlight(key, geoms, color, True)


def zoom_to(main_window, geoms, crs) -> None:
    import shapely

    from ecomap.analysis import common

    geoms = np.asarray(list(geoms), dtype=object)
    if len(geoms) == 0 or getattr(main_window, "canvas", None) is None:
        return
    geoms = common.to_crs(geoms, crs, map_crs(main_window) or crs)
    minx, miny, maxx, maxy = shapely.total_bounds(geoms)
    pad = max(maxx - minx, maxy - miny) * 0.5 + 50
    main_window.canvas.set_extent((minx - pad, miny - pad, maxx + pad, maxy + pad))


# ----------------------------------------------------------------------------- dialogs


def split_fields(text: str) -> list[str]:
    """Comma-separated names (a full-width comma counts too), blanks dropped."""
    return [s.strip() for s in text.replace("，", ",").split(",") if s.strip()]


class AnalysisDialog(QDialog):
    """The frame of a table-producing analysis dialog.

    A subclass builds its form and result widget, then calls :meth:`_finish`, which adds
    the Run / Cancel panel, the Export button and the layout and wires the runner to the
    subclass's ``run`` / ``_show`` / ``export``. Closing cancels the worker and (unless
    ``clears_highlight`` is false) removes the map highlight.
    """

    clears_highlight = True

    def __init__(self, main_window, title: str, parent=None):
        super().__init__(parent or main_window)
        self.mw = main_window
        self.setWindowTitle(title)
        self.runner = AnalysisRunner(self)

    def _finish(self, form, body: QWidget, size: tuple[int, int], export_row: bool = True) -> None:
        self.run_panel = RunPanel(self.runner)
        self.run_panel.run_button.clicked.connect(self.run)
        self.export_button = QPushButton(tr("Export…"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.run_panel)
        lay.addWidget(body, 1)
        if export_row:
            row = QHBoxLayout()
            row.addWidget(self.export_button)
            row.addStretch(1)
            lay.addLayout(row)
        else:
            lay.addWidget(self.export_button)
        self.runner.finished.connect(self._show)
        self.runner.failed.connect(lambda e: show_error(self, e))
        self.resize(*size)

    def _export(self, title: str, default: str, sheets, **kwargs) -> None:
        """Ask for a file and write ``sheets(path)`` to it; failures are shown, not raised."""
        from ecomap.io import report_tables

        path = ask_save(self, title, TABLE_FILTER, default)
        if path:
            try:
                report_tables.write(path, sheets(path), **kwargs)
            except Exception as exc:  # noqa: BLE001 - reported in a dialog
                show_error(self, exc)

    def closeEvent(self, event) -> None:
        self.runner.cancel()
        if self.clears_highlight and getattr(self.mw, "tools", None) is not None:
            self.mw.tools.clear_highlight(HIGHLIGHT_KEY)
        super().closeEvent(event)
