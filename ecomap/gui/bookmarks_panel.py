"""Spatial bookmarks: save the current view under a name, double-click to go back to it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecomap.core.bookmarks import BookmarkList
from ecomap.i18n import tr


class BookmarksPanel(QWidget):
    goRequested = Signal(object)  # Bookmark

    def __init__(self, bookmarks: BookmarkList, current_view_fn, parent=None):
        """``current_view_fn()`` → (extent, crs string) of the map now."""
        super().__init__(parent)
        self.bookmarks, self.current_view = bookmarks, current_view_fn
        self.list = QListWidget()
        self.list.setEditTriggers(QListWidget.EditTrigger.EditKeyPressed | QListWidget.EditTrigger.SelectedClicked)
        self.list.itemDoubleClicked.connect(self._go)
        self.list.itemChanged.connect(self._renamed)
        add = QPushButton(tr("Add current view"))
        add.clicked.connect(lambda: self.add())
        remove = QPushButton(tr("Delete"))
        remove.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.list)
        lay.addLayout(row)
        bookmarks.changed.connect(self.refresh)
        self.refresh()

    def refresh(self):
        self.list.blockSignals(True)
        self.list.clear()
        for i, bm in enumerate(self.bookmarks.items()):
            item = QListWidgetItem(bm.name)
            item.setData(Qt.ItemDataRole.UserRole, i)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            item.setToolTip("{:.6g}, {:.6g} — {:.6g}, {:.6g}".format(*bm.extent) + f"\n{bm.crs}")
            self.list.addItem(item)
        self.list.blockSignals(False)

    def add(self, name: str | None = None):
        extent, crs = self.current_view()
        if extent is None:
            return None
        if name is None:
            name, ok = QInputDialog.getText(self, tr("New bookmark"), tr("Name:"),
                                            text=tr("Bookmark {n}").format(n=len(self.bookmarks) + 1))
            if not ok or not name.strip():
                return None
        return self.bookmarks.add(name.strip(), extent, crs)

    def remove_selected(self):
        rows = sorted((self.list.row(i) for i in self.list.selectedItems()), reverse=True)
        for row in rows:
            self.bookmarks.remove(row)

    def _go(self, item):
        self.goRequested.emit(self.bookmarks[self.list.row(item)])

    def _renamed(self, item):
        name = item.text().strip()
        row = self.list.row(item)
        if name and name != self.bookmarks[row].name:
            self.bookmarks.rename(row, name)
