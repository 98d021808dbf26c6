"""Pick a Shapefile's text encoding by looking at its text.

When the encoding had to be guessed (no .cpg, no language mark), EcoMap shows the
first records decoded with the guess and lets the user switch to another encoding
until the Chinese reads right. Only the first rows are read for the preview, so the
dialog is instant even for a 500,000-record file.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ecomap.i18n import tr

ENCODINGS = ("GBK", "UTF-8", "GB18030", "BIG5", "CP1252", "ISO-8859-1")
PREVIEW_ROWS = 20


def preview_rows(path: Path, encoding: str, layer: str | None = None, rows: int = PREVIEW_ROWS):
    """(column names, list of row tuples as text) of the first ``rows`` records."""
    import pyogrio

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            frame = pyogrio.read_dataframe(path, layer=layer, encoding=encoding, max_features=rows,
                                           read_geometry=False)
    except Exception as exc:  # noqa: BLE001 — a wrong encoding can make GDAL fail to decode: show it, do not crash
        return [tr("Error")], [(str(exc),)]
    cols = [str(c) for c in frame.columns]
    from ecomap.gui.attribute_model import format_value  # NULLs blank, numbers as in the table

    return cols, [tuple(format_value(v) or "" for v in row) for row in frame.itertuples(index=False)]


class EncodingDialog(QDialog):
    def __init__(self, path: Path, current: str, guessed: bool = True, layer: str | None = None, parent=None):
        super().__init__(parent)
        self.path, self.layer = Path(path), layer
        self.setWindowTitle(tr("Text encoding — {name}").format(name=self.path.name))
        self.resize(720, 460)
        lay = QVBoxLayout(self)
        if guessed:
            text = tr("The file does not say which text encoding it uses; EcoMap guessed {enc}. "
                      "If the Chinese below looks garbled, choose another encoding.").format(enc=current)
        else:
            text = tr("Choose the encoding in which the Chinese text below reads correctly.")
        note = QLabel(text)
        note.setWordWrap(True)
        lay.addWidget(note)
        form = QFormLayout()
        self.combo = QComboBox()
        self.combo.setEditable(True)
        names = list(ENCODINGS)
        if current.upper() not in [n.upper() for n in names]:
            names.insert(0, current)
        self.combo.addItems(names)
        self.combo.setCurrentIndex([n.upper() for n in names].index(current.upper()))
        form.addRow(tr("Encoding"), self.combo)
        lay.addLayout(form)
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        lay.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.combo.currentTextChanged.connect(self.refresh)
        self.refresh()

    def refresh(self, *args):
        cols, rows = preview_rows(self.path, self.encoding(), self.layer)
        self.table.clear()
        self.table.setColumnCount(len(cols))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels(cols)
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                self.table.setItem(i, j, QTableWidgetItem(value))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def encoding(self) -> str:
        return self.combo.currentText().strip() or "GBK"
