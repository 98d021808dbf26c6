"""The two classified vector styles in the style dialog: categorized and graduated.

Both show a class list (swatch, value or range, editable label); "Classify" rebuilds
it from the layer's values with a colour ramp (and, for graduated, a method and a
number of classes). Double-clicking a swatch edits that class's symbol.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecomap.core.style import (
    RAMPS,
    CategorizedStyle,
    Category,
    GraduatedStyle,
    Range,
    Symbol,
    categorized_from_values,
    graduated_from_values,
)
from ecomap.gui.legend import ramp_pixmap, symbol_icon
from ecomap.gui.symbol_widget import SymbolDialog
from ecomap.i18n import tr

MAX_CATEGORIES = 500


def method_names() -> dict[str, str]:
    return {"equal": tr("Equal interval"), "quantile": tr("Quantile (equal count)"),
            "jenks": tr("Natural breaks (Jenks)")}


def ramp_combo(selected: str | None = None) -> QComboBox:
    combo = QComboBox()
    for name in RAMPS:
        combo.addItem(ramp_pixmap(name, 48, 12), name, name)
    if selected:
        combo.setCurrentIndex(max(0, combo.findData(selected)))
    return combo


def field_combo(layer, numeric_only: bool = False, selected: str | None = None) -> QComboBox:
    combo = QComboBox()
    frame = layer.features
    for name in layer.attribute_columns:
        if numeric_only and not pd.api.types.is_numeric_dtype(frame[name]):
            continue
        alias = layer.alias(name)
        combo.addItem(f"{alias} ({name})" if alias != name else name, name)
    if selected:
        combo.setCurrentIndex(max(0, combo.findData(selected)))
    return combo


class _ClassList(QTreeWidget):
    """Swatch + value + editable label per class."""

    symbolEdit = Signal(int)

    def __init__(self, headers: list[str]):
        super().__init__()
        self.setHeaderLabels(headers)
        self.setRootIsDecorated(False)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.itemDoubleClicked.connect(self._double)

    def _double(self, item, column):
        if column == 0:
            self.symbolEdit.emit(self.indexOfTopLevelItem(item))
        else:
            self.editItem(item, column)


class CategorizedWidget(QWidget):
    changed = Signal()

    def __init__(self, layer, base: Symbol, style: CategorizedStyle | None = None, parent=None):
        super().__init__(parent)
        self.layer, self.base = layer, base
        self.geometry_type = layer.geometry_type
        self.field = field_combo(layer, selected=style.field if style else None)
        self.ramp = ramp_combo("Spectral")
        classify = QPushButton(tr("Classify"))
        classify.clicked.connect(self.classify)
        form = QFormLayout()
        form.addRow(tr("Field"), self.field)
        form.addRow(tr("Colour ramp"), self.ramp)
        self.list = _ClassList([tr("Symbol"), tr("Value"), tr("Label")])
        self.list.symbolEdit.connect(self._edit_symbol)
        self.list.itemChanged.connect(lambda *a: self.changed.emit())
        remove = QPushButton(tr("Remove class"))
        remove.clicked.connect(self._remove)
        self.note = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(classify)
        buttons.addWidget(remove)
        buttons.addStretch()
        buttons.addWidget(self.note)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addLayout(buttons)
        lay.addWidget(self.list)
        self.default: Symbol | None = style.default if style else None
        self._categories: list[Category] = list(style.categories) if style else []
        self._fill_list()

    def classify(self):
        name = self.field.currentData()
        if name is None:
            return
        values = self.layer.features[name]
        uniques = pd.unique(values.dropna())
        if len(uniques) > MAX_CATEGORIES:
            self.note.setText(tr("{n} different values — too many for categories; use Graduated")
                              .format(n=len(uniques)))
            return
        self.note.setText("")
        labels = {}
        try:
            from ecomap.domain import (
                vocab,  # Chinese labels for coded values, when the domain knows the field
            )

            labels = getattr(vocab, "labels_for_field", lambda f: {})(name) or {}
        except ImportError:
            pass
        style = categorized_from_values(name, uniques.tolist(), ramp=self.ramp.currentData(), base=self.base,
                                        labels=labels)
        self._categories = list(style.categories)
        self._fill_list()
        self.changed.emit()

    def _fill_list(self):
        self.list.blockSignals(True)
        self.list.clear()
        for cat in self._categories:
            item = QTreeWidgetItem(["", str(cat.value), cat.label])
            item.setIcon(0, symbol_icon(cat.symbol, self.geometry_type))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addTopLevelItem(item)
        self.list.blockSignals(False)

    def _edit_symbol(self, row: int):
        cat = self._categories[row]
        dlg = SymbolDialog(self.geometry_type, cat.symbol, tr("Symbol for {label}").format(label=cat.label), self)
        if dlg.exec():
            self._categories[row] = replace(cat, symbol=dlg.symbol())
            self.list.topLevelItem(row).setIcon(0, symbol_icon(dlg.symbol(), self.geometry_type))
            self.changed.emit()

    def _remove(self):
        rows = sorted({self.list.indexOfTopLevelItem(i) for i in self.list.selectedItems()}, reverse=True)
        for row in rows:
            del self._categories[row]
        self._fill_list()
        self.changed.emit()

    def is_empty(self) -> bool:
        return not self._categories

    def style(self) -> CategorizedStyle:
        cats = []
        for row, cat in enumerate(self._categories):
            label = self.list.topLevelItem(row).text(2)
            cats.append(replace(cat, label=label))
        return CategorizedStyle(field=self.field.currentData() or "", categories=tuple(cats), default=self.default)


class GraduatedWidget(QWidget):
    changed = Signal()

    def __init__(self, layer, base: Symbol, style: GraduatedStyle | None = None, parent=None):
        super().__init__(parent)
        self.layer, self.base = layer, base
        self.geometry_type = layer.geometry_type
        self.field = field_combo(layer, numeric_only=True, selected=style.field if style else None)
        self.method = QComboBox()
        for key, label in method_names().items():
            self.method.addItem(label, key)
        self.classes = QSpinBox()
        self.classes.setRange(2, 12)
        self.classes.setValue(style.classes if style else 5)
        self.ramp = ramp_combo(style.ramp if style else "Reds")
        if style:
            self.method.setCurrentIndex(max(0, self.method.findData(style.method)))
        form = QFormLayout()
        form.addRow(tr("Field"), self.field)
        form.addRow(tr("Method"), self.method)
        form.addRow(tr("Classes"), self.classes)
        form.addRow(tr("Colour ramp"), self.ramp)
        classify = QPushButton(tr("Classify"))
        classify.clicked.connect(self.classify)
        self.note = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(classify)
        buttons.addStretch()
        buttons.addWidget(self.note)
        self.list = _ClassList([tr("Symbol"), tr("Range"), tr("Label")])
        self.list.symbolEdit.connect(self._edit_symbol)
        self.list.itemChanged.connect(lambda *a: self.changed.emit())
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addLayout(buttons)
        lay.addWidget(self.list)
        self._ranges: list[Range] = list(style.ranges) if style else []
        self._fill_list()
        if self.field.count() == 0:
            self.note.setText(tr("This layer has no numeric field"))

    def classify(self):
        name = self.field.currentData()
        if name is None:
            return
        values = pd.to_numeric(self.layer.features[name], errors="coerce").to_numpy(dtype=float)
        if not np.isfinite(values).any():
            self.note.setText(tr("The field has no numbers"))
            return
        self.note.setText("")
        style = graduated_from_values(name, values, method=self.method.currentData(),
                                      classes=self.classes.value(), ramp=self.ramp.currentData(), base=self.base)
        self._ranges = list(style.ranges)
        self._fill_list()
        self.changed.emit()

    def _fill_list(self):
        self.list.blockSignals(True)
        self.list.clear()
        for rng in self._ranges:
            item = QTreeWidgetItem(["", f"{rng.lower:.6g} – {rng.upper:.6g}", rng.label])
            item.setIcon(0, symbol_icon(rng.symbol, self.geometry_type))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addTopLevelItem(item)
        self.list.blockSignals(False)

    def _edit_symbol(self, row: int):
        rng = self._ranges[row]
        dlg = SymbolDialog(self.geometry_type, rng.symbol, tr("Symbol for {label}").format(label=rng.label), self)
        if dlg.exec():
            self._ranges[row] = replace(rng, symbol=dlg.symbol())
            self.list.topLevelItem(row).setIcon(0, symbol_icon(dlg.symbol(), self.geometry_type))
            self.changed.emit()

    def is_empty(self) -> bool:
        return not self._ranges

    def style(self) -> GraduatedStyle:
        ranges = [replace(r, label=self.list.topLevelItem(i).text(2)) for i, r in enumerate(self._ranges)]
        return GraduatedStyle(field=self.field.currentData() or "", method=self.method.currentData(),
                              classes=self.classes.value(), ramp=self.ramp.currentData(), ranges=tuple(ranges))
