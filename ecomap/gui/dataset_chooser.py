"""Pick which datasets of a folder or ZIP archive to add: a checklist, all ticked at first.

A county's delivery often comes as one archive with a dozen Shapefiles in nested
folders; the user adds the two they need instead of all of them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from ecomap.i18n import tr


def size_text(size: int) -> str:
    if size >= 1024 ** 2:
        return f"{size / 1024 ** 2:,.1f} MB"
    return f"{max(size, 1) / 1024:,.0f} KB"


class DatasetChooser(QDialog):
    """``datasets`` are :class:`ecomap.io.registry.Dataset`; :meth:`selected` gives the ticked ones."""

    def __init__(self, source_name: str, datasets: list, parent=None):
        super().__init__(parent)
        self.datasets = list(datasets)
        self.setWindowTitle(tr("Choose datasets — {name}").format(name=source_name))
        self.resize(560, 420)
        lay = QVBoxLayout(self)
        note = QLabel(tr("{name} holds {n} datasets. Tick the ones to add.").format(
            name=source_name, n=len(self.datasets)))
        note.setWordWrap(True)
        lay.addWidget(note)
        self.list = QListWidget()
        for dataset in self.datasets:
            kind = tr("raster") if dataset.kind == "raster" else tr("vector")
            item = QListWidgetItem(f"{dataset.label}    ({kind}, {size_text(dataset.size)})")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setToolTip(dataset.label)
            self.list.addItem(item)
        lay.addWidget(self.list, 1)
        row = QHBoxLayout()
        for text, state in ((tr("Select all"), Qt.CheckState.Checked), (tr("Select none"), Qt.CheckState.Unchecked)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=state: self.set_all(s))
            row.addWidget(button)
        row.addStretch(1)
        lay.addLayout(row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Add"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.list.itemChanged.connect(self._update_ok)

    def set_all(self, state: Qt.CheckState) -> None:
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(state)

    def selected(self) -> list:
        return [d for i, d in enumerate(self.datasets)
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def _update_ok(self, *_args) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.selected()))
