"""A small read-only table model over a model's computed DataFrame, for the thematic panels.

Each :class:`Column` names a key of the frame, a header (already translated), how to
show a value and how to align it; ``row_brush(row)`` paints whole rows (overdue red,
behind orange). Sorting goes through a QSortFilterProxyModel on ``SORT_ROLE`` (the raw
value), so numbers sort as numbers and NULLs last. The frames are small (a county's
projects, items, sections), so the model holds plain Python lists.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

OVERDUE_BRUSH = QBrush(QColor(255, 205, 205))
WARN_BRUSH = QBrush(QColor(255, 232, 190))
OK_BRUSH = QBrush(QColor(222, 242, 222))
MUTED_BRUSH = QBrush(QColor(236, 236, 236))


def is_missing(v) -> bool:
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v)) or (
        isinstance(v, np.floating) and np.isnan(v))


def fmt_number(v, digits: int = 1) -> str:
    if is_missing(v):
        return ""
    return f"{float(v):,.{digits}f}"


def fmt_int(v) -> str:
    return "" if is_missing(v) else f"{round(float(v))}"


def fmt_text(v) -> str:
    if is_missing(v):
        return ""
    if isinstance(v, (np.datetime64,)):
        return "" if np.isnat(v) else str(v.astype("datetime64[D]"))
    return str(v)


@dataclass
class Column:
    key: str
    header: str
    fmt: Callable[[object], str] = fmt_text
    align: str = "left"  # "left" | "right" | "center"
    tooltip: bool = False
    #: colour of the cell's text (or None), from the raw value
    color: Callable[[object], QColor | None] | None = None
    #: background of the cell, overriding the row's
    background: Callable[[object], QColor | None] | None = None


class FrameTableModel(QAbstractTableModel):
    def __init__(self, columns: list[Column], parent=None):
        super().__init__(parent)
        self.columns = columns
        self._values: list[list] = []
        self._rows: list[int] = []
        self.row_brush: Callable[[int], QBrush | None] = lambda row: None

    def set_frame(self, frame: pd.DataFrame, rows=None) -> None:
        """Show ``frame`` (all rows or the positional ``rows``); remembers each row's position."""
        self.beginResetModel()
        positions = list(range(len(frame))) if rows is None else [int(r) for r in rows]
        sub = frame.iloc[positions] if rows is not None else frame
        self._rows = positions
        self._values = [list(sub[c.key].to_numpy(dtype=object)) if c.key in sub.columns
                        else [None] * len(sub) for c in self.columns]
        self.endResetModel()

    def frame_row(self, model_row: int) -> int:
        return self._rows[model_row]

    def model_row_of(self, frame_row: int) -> int | None:
        try:
            return self._rows.index(int(frame_row))
        except ValueError:
            return None

    # Qt
    def rowCount(self, parent=None):
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent=None):
        return 0 if parent is not None and parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        col = self.columns[index.column()]
        v = self._values[index.column()][index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.fmt(v)
        if role == Qt.ItemDataRole.ToolTipRole and col.tooltip:
            return col.fmt(v)
        if role == SORT_ROLE:
            if is_missing(v):
                return None
            if isinstance(v, (np.bool_, bool)):
                return int(v)
            if isinstance(v, np.generic):
                return v.item() if not isinstance(v, np.datetime64) else str(v)
            return v
        if role == ROW_ROLE:
            return self._rows[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            h = {"left": Qt.AlignmentFlag.AlignLeft, "right": Qt.AlignmentFlag.AlignRight,
                 "center": Qt.AlignmentFlag.AlignHCenter}[col.align]
            return int(h | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if col.background is not None:
                c = col.background(v)
                if c is not None:
                    return QBrush(c)
            return self.row_brush(self._rows[index.row()])
        if role == Qt.ItemDataRole.ForegroundRole and col.color is not None:
            c = col.color(v)
            return QBrush(c) if c is not None else None
        return None


class SortProxy(QSortFilterProxyModel):
    """Sorts on the raw values; NULLs always last."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left, right):
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        asc = self.sortOrder() == Qt.SortOrder.AscendingOrder
        if a is None or b is None:
            return (a is not None) if asc else (a is None and b is not None)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)


def make_table(model: FrameTableModel, parent=None) -> tuple[QTableView, SortProxy]:
    """A keyboard-friendly, sortable, row-selecting table view over ``model``."""
    proxy = SortProxy(parent)
    proxy.setSourceModel(model)
    view = QTableView(parent)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(False)
    view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(22)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    return view, proxy


def current_frame_row(view: QTableView) -> int | None:
    """Frame row (position) of the view's current row, or None."""
    idx = view.currentIndex()
    if not idx.isValid():
        return None
    return idx.siblingAtColumn(0).data(ROW_ROLE)


def select_frame_row(view: QTableView, frame_row: int) -> bool:
    """Make the view row showing ``frame_row`` current; False when it is filtered out."""
    proxy = view.model()
    for r in range(proxy.rowCount()):
        idx = proxy.index(r, 0)
        if idx.data(ROW_ROLE) == frame_row:
            view.setCurrentIndex(idx)
            view.scrollTo(idx)
            return True
    return False
