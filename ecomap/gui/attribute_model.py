"""A virtual table model over a layer's attributes, responsive at 500,000 rows.

Nothing is copied per row: the model keeps one numpy array per column and an ``order``
array mapping view rows to frame positions; ``data()`` reads one cell on demand, so
Qt only ever asks for the rows on screen. Filtering (expression, selected-only) and
sorting only rebuild ``order``. Sorting by a text column sorts the integer codes of
``pandas.factorize(sort=True)``, which is far quicker than sorting 500,000 strings.
Selected features are painted with a highlight colour from a boolean mask rather than
through Qt's item selection, so a map selection of 100,000 features costs nothing here.
"""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from ecomap.core import expression
from ecomap.errors import DataError
from ecomap.i18n import tr

SELECTED_BRUSH = QBrush(QColor(255, 236, 140))
NULL_BRUSH = QBrush(QColor(150, 150, 150))


_NO_PARENT = QModelIndex()  # Qt's "no parent" index, shared as the default argument

def format_value(v) -> str | None:
    """Cell text; None for a NULL. Arrays and objects (GeoJSON properties) as compact JSON."""
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, float | np.floating):
        if math.isnan(v):
            return None
        return f"{v:.10g}"
    if isinstance(v, bytes):
        return v.hex()
    if isinstance(v, list | tuple | dict | np.ndarray):
        return json.dumps(_json_ready(v), ensure_ascii=False, separators=(",", ":"), default=str)
    return str(v)


def _json_ready(v):
    if isinstance(v, np.ndarray):
        v = v.tolist()
    if isinstance(v, dict):
        return {str(k): _json_ready(x) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [_json_ready(x) for x in v]
    if isinstance(v, float) and not math.isfinite(v):
        return None
    return v.item() if isinstance(v, np.generic) else v


class AttributeTableModel(QAbstractTableModel):
    countsChanged = Signal()

    def __init__(self, layer, parent=None):
        super().__init__(parent)
        self.layer = layer
        frame = layer.features
        self.columns: list[str] = layer.attribute_columns
        self._arrays: list = [None] * len(self.columns)  # filled per column on first view (Arrow → numpy costs)
        self._dtypes = [frame[c].dtype for c in self.columns]
        self._ids: np.ndarray | None = None  # the features' own IDs, for the row header
        n = len(frame)
        self.total = n
        self.order = np.arange(n, dtype=np.int64)
        self.selected = np.zeros(n, dtype=bool)
        self.filter_mask: np.ndarray | None = None
        self.filter_text = ""
        self.selected_only = False
        self.sort_column: int | None = None
        self.sort_order = Qt.SortOrder.AscendingOrder
        self._sort_keys: dict[int, np.ndarray] = {}

    # ------------------------------------------------------------------ Qt interface

    def column_values(self, column: int):
        arr = self._arrays[column]
        if arr is None:
            values = self.layer.features[self.columns[column]]
            if isinstance(values.dtype, pd.api.extensions.ExtensionDtype) and values.dtype.kind in "iub":
                # nullable integers/booleans: keep 1 as 1 (to_numpy would make a NULL column float)
                arr = values.to_numpy(dtype=object, na_value=None)
            else:
                arr = values.to_numpy()
            self._arrays[column] = arr
        return arr

    def feature_ids(self) -> np.ndarray:
        """The source's own ID of every feature (frame order), as identify and reports show them."""
        if self._ids is None:
            self._ids = self.layer.feature_ids()
        return self._ids

    def rowCount(self, parent=_NO_PARENT):
        return 0 if parent.isValid() else len(self.order)

    def columnCount(self, parent=_NO_PARENT):
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        pos = self.order[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = format_value(self.column_values(index.column())[pos])
            return "NULL" if text is None else text
        if role == Qt.ItemDataRole.BackgroundRole:
            return SELECTED_BRUSH if self.selected[pos] else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return NULL_BRUSH if format_value(self.column_values(index.column())[pos]) is None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and pd.api.types.is_numeric_dtype(self._dtypes[index.column()]):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if section >= len(self.columns):
                return None
            name = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return self.layer.alias(name)
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{name} ({self._dtypes[section]})"
            return None
        if 0 <= section < len(self.order):
            if role == Qt.ItemDataRole.DisplayRole:
                return str(self.feature_ids()[self.order[section]])
            if role == Qt.ItemDataRole.ToolTipRole:
                return tr("Feature ID {fid}").format(fid=self.feature_ids()[self.order[section]])
        return None

    def sort(self, column, order=Qt.SortOrder.AscendingOrder):
        self.sort_column, self.sort_order = (column if 0 <= column < len(self.columns) else None), order
        self._rebuild()

    # ------------------------------------------------------------------ filtering and sorting

    def sort_key(self, column: int) -> np.ndarray:
        """Integer rank of every row for ``column``; NULLs last."""
        key = self._sort_keys.get(column)
        if key is None:
            values = self.layer.features[self.columns[column]]
            if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
                arr = values.to_numpy(dtype=float, na_value=np.nan)
                key = np.argsort(np.argsort(arr, kind="stable"), kind="stable")
            else:
                codes, _ = pd.factorize(values.astype("string") if values.dtype == object else values, sort=True)
                key = np.where(codes < 0, np.iinfo(np.int64).max, codes).astype(np.int64)
            self._sort_keys[column] = key
        return key

    def set_filter(self, text: str) -> None:
        """Filter rows with an expression (raises DataError on a bad one; the filter is then unchanged)."""
        text = text.strip()
        mask = expression.evaluate(text, self.layer.features, self.layer.field_aliases) if text else None
        self.filter_text, self.filter_mask = text, mask
        self._rebuild()

    def set_selected_only(self, on: bool) -> None:
        self.selected_only = on
        self._rebuild()

    def set_selection(self, rows) -> None:
        mask = np.zeros(self.total, dtype=bool)
        mask[np.asarray(rows, dtype=np.int64)] = True
        self.selected = mask
        if self.selected_only:
            self._rebuild()
        elif len(self.order):
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.order) - 1, len(self.columns) - 1),
                                  [Qt.ItemDataRole.BackgroundRole])
        self.countsChanged.emit()

    def rows_changed(self, rows=()) -> None:
        """The layer's values changed in frame positions ``rows`` (an edit elsewhere, e.g. a
        thematic panel): drop the cached columns and announce the change. A changed row
        count or column set resets the model; an active filter or sort is re-applied, since
        edited values may move rows in or out of it."""
        frame = self.layer.features
        self._arrays = [None] * len(self.columns)
        self._sort_keys.clear()
        self._ids = None
        if len(frame) != self.total or list(self.layer.attribute_columns) != self.columns:
            self.beginResetModel()
            self.columns = list(self.layer.attribute_columns)
            self._arrays = [None] * len(self.columns)
            self._dtypes = [frame[c].dtype for c in self.columns]
            self.total = len(frame)
            self.order = np.arange(self.total, dtype=np.int64)
            self.selected = np.zeros(self.total, dtype=bool)
            self.filter_mask, self.filter_text, self.selected_only, self.sort_column = None, "", False, None
            self.endResetModel()
            self.countsChanged.emit()
            return
        self._dtypes = [frame[c].dtype for c in self.columns]
        if self.filter_text or self.sort_column is not None:
            if self.filter_text:
                try:
                    self.filter_mask = expression.evaluate(self.filter_text, frame, self.layer.field_aliases)
                except DataError:
                    pass  # the old mask stays; the user sees the rows as they were filtered
            self._rebuild()
            return
        view_rows = np.flatnonzero(np.isin(self.order, np.asarray(rows, dtype=np.int64)))
        if len(view_rows) and self.columns:
            self.dataChanged.emit(self.index(int(view_rows.min()), 0),
                                  self.index(int(view_rows.max()), len(self.columns) - 1))

    def _rebuild(self) -> None:
        self.layoutAboutToBeChanged.emit()
        keep = np.ones(self.total, dtype=bool)
        if self.filter_mask is not None:
            keep &= self.filter_mask
        if self.selected_only:
            keep &= self.selected
        order = np.flatnonzero(keep).astype(np.int64)
        if self.sort_column is not None and len(order):
            key = self.sort_key(self.sort_column)[order]
            idx = np.argsort(key, kind="stable")
            if self.sort_order == Qt.SortOrder.DescendingOrder:
                idx = idx[::-1]
            order = order[idx]
        self.order = order
        self.changePersistentIndexList(self.persistentIndexList(), [QModelIndex()] * len(self.persistentIndexList()))
        self.layoutChanged.emit()
        self.countsChanged.emit()

    # ------------------------------------------------------------------ export

    def frame_for_export(self, selected_only: bool = False, aliases: bool = True) -> pd.DataFrame:
        """The rows shown (or only the selected ones), in view order, with alias column titles."""
        rows = self.order
        if selected_only:
            rows = rows[self.selected[rows]]
        frame = self.layer.features.iloc[rows][self.columns]
        if aliases:
            titles = [self.layer.alias(c) for c in self.columns]
            if len(set(titles)) == len(titles):
                frame = frame.set_axis(titles, axis=1)
        return pd.DataFrame(frame)

    def counts_text(self) -> str:
        return tr("{total} features, {shown} shown, {selected} selected").format(
            total=f"{self.total:,}", shown=f"{len(self.order):,}", selected=f"{int(self.selected.sum()):,}")
