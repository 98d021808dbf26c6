"""Selected features per layer: row positions (0..n-1 into the layer's frame), sorted and unique.

Tools (rectangle, polygon, expression, identify) write selections here; the attribute
table, the canvas highlight and "zoom to selection" read them. One signal per layer.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal

MODES = ("replace", "add", "subtract", "intersect")


class SelectionModel(QObject):
    selectionChanged = Signal(str)  # layer node id

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: dict[str, np.ndarray] = {}

    def rows(self, layer_id: str) -> np.ndarray:
        return self._rows.get(layer_id, np.empty(0, dtype=np.int64))

    def count(self, layer_id: str) -> int:
        return len(self._rows.get(layer_id, ()))

    def layer_ids(self) -> list[str]:
        return [k for k, v in self._rows.items() if len(v)]

    def select(self, layer_id: str, rows, mode: str = "replace") -> None:
        new = np.unique(np.asarray(rows, dtype=np.int64))
        old = self.rows(layer_id)
        if mode == "add":
            new = np.union1d(old, new)
        elif mode == "subtract":
            new = np.setdiff1d(old, new, assume_unique=True)
        elif mode == "intersect":
            new = np.intersect1d(old, new, assume_unique=True)
        elif mode != "replace":
            raise ValueError(mode)
        if len(new) == len(old) and np.array_equal(new, old):
            return
        self._rows[layer_id] = new
        self.selectionChanged.emit(layer_id)

    def select_mask(self, layer_id: str, mask, mode: str = "replace") -> None:
        self.select(layer_id, np.flatnonzero(np.asarray(mask, dtype=bool)), mode)

    def clear(self, layer_id: str | None = None) -> None:
        ids = [layer_id] if layer_id is not None else list(self._rows)
        for lid in ids:
            if len(self._rows.pop(lid, ())):
                self.selectionChanged.emit(lid)
