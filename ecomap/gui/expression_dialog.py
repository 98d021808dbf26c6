"""Select by expression: type a condition on the fields (Chinese names allowed) and see how many match.

Field and value lists help write it; "Test" counts the matches without selecting.
The expression language is :mod:`ecomap.core.expression` (safe: no Python is run).
"""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from ecomap.core import expression
from ecomap.errors import DataError
from ecomap.i18n import tr

MAX_VALUES = 200


def _quote_value(v) -> str:
    if isinstance(v, str):
        return "'" + v.replace("'", "''") + "'"
    return f"{v:.10g}" if isinstance(v, float) else str(v)


class ExpressionDialog(QDialog):
    def __init__(self, node, selection, parent=None):
        super().__init__(parent)
        self.node, self.selection = node, selection
        self.layer = node.layer
        self.setWindowTitle(tr("Select by expression — {name}").format(name=node.name))
        self.resize(640, 480)
        self.fields = QListWidget()
        for name in self.layer.attribute_columns:
            alias = self.layer.alias(name)
            item = QListWidgetItem(f"{alias} ({name})" if alias != name else name)
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.fields.addItem(item)
        self.values = QListWidget()
        self.fields.currentItemChanged.connect(self._show_values)
        self.fields.itemDoubleClicked.connect(lambda it: self._insert(_quote_field(it.data(Qt.ItemDataRole.UserRole))))
        self.values.itemDoubleClicked.connect(lambda it: self._insert(it.data(Qt.ItemDataRole.UserRole)))
        self.edit = QPlainTextEdit()
        self.edit.setPlaceholderText(tr("e.g.  \"ZLZT\" = '未治理' AND MJ > 10"))
        ops = QHBoxLayout()
        for op in ("=", "!=", "<", ">", "<=", ">=", "AND", "OR", "NOT", "IN ()", "LIKE '%%'", "IS NULL"):
            b = QPushButton(op)
            b.setMaximumWidth(72)
            b.clicked.connect(lambda _=False, o=op: self._insert(f" {o} "))
            ops.addWidget(b)
        self.mode = QComboBox()
        for key, label in (("replace", tr("New selection")), ("add", tr("Add to selection")),
                           ("subtract", tr("Remove from selection")), ("intersect", tr("Select within selection"))):
            self.mode.addItem(label, key)
        self.result = QLabel()
        self.result.setWordWrap(True)
        test = QPushButton(tr("Test"))
        test.clicked.connect(self.test)
        lists = QHBoxLayout()
        col = QVBoxLayout()
        col.addWidget(QLabel(tr("Fields (double-click to insert)")))
        col.addWidget(self.fields)
        lists.addLayout(col)
        col = QVBoxLayout()
        col.addWidget(QLabel(tr("Values")))
        col.addWidget(self.values)
        lists.addLayout(col)
        lay = QVBoxLayout(self)
        lay.addLayout(lists)
        lay.addLayout(ops)
        lay.addWidget(self.edit)
        row = QHBoxLayout()
        row.addWidget(self.mode)
        row.addWidget(test)
        row.addWidget(self.result, 1)
        lay.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Select"))
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def _insert(self, text: str):
        self.edit.insertPlainText(text)
        self.edit.setFocus()

    def _show_values(self, item, previous):
        self.values.clear()
        if item is None:
            return
        series = self.layer.features[item.data(Qt.ItemDataRole.UserRole)]
        uniq = pd.unique(series.dropna())
        for v in sorted(uniq[:MAX_VALUES * 5].tolist(), key=lambda x: (str(type(x)), x))[:MAX_VALUES]:
            it = QListWidgetItem(str(v))
            it.setData(Qt.ItemDataRole.UserRole, _quote_value(v))
            self.values.addItem(it)

    def evaluate(self):
        return expression.evaluate(self.edit.toPlainText(), self.layer.features, self.layer.field_aliases)

    def test(self) -> int | None:
        try:
            n = int(self.evaluate().sum())
        except DataError as exc:
            self.result.setText(f"<span style='color:#b00'>{exc.message}</span>")
            return None
        self.result.setText(tr("{n} feature(s) match").format(n=f"{n:,}"))
        return n

    def apply(self):
        try:
            mask = self.evaluate()
        except DataError as exc:
            self.result.setText(f"<span style='color:#b00'>{exc.message}</span>")
            return
        self.selection.select_mask(self.node.id, mask, self.mode.currentData())
        self.result.setText(tr("{n} feature(s) selected").format(n=f"{self.selection.count(self.node.id):,}"))
        self.accept()


def _quote_field(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
