"""Spatial bookmarks: named extents kept in the project."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ecomap.core.project import Bookmark


class BookmarkList(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._items: list[Bookmark] = []

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, i: int) -> Bookmark:
        return self._items[i]

    def items(self) -> list[Bookmark]:
        return list(self._items)

    def add(self, name: str, extent, crs: str) -> Bookmark:
        bm = Bookmark(name, tuple(float(v) for v in extent), crs)
        self._items.append(bm)
        self.changed.emit()
        return bm

    def insert(self, row: int, bm: Bookmark) -> None:
        self._items.insert(row, bm)
        self.changed.emit()

    def remove(self, row: int) -> Bookmark:
        bm = self._items.pop(row)
        self.changed.emit()
        return bm

    def rename(self, row: int, name: str) -> None:
        self._items[row].name = name
        self.changed.emit()

    def replace_all(self, items) -> None:
        self._items = list(items)
        self.changed.emit()
