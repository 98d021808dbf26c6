"""The layer style dialog: symbology (single, categorized, graduated or raster), labels, visibility.

Apply and OK push one undoable step (style and layer opacity together), so the user
can try a style on the map and undo it with Ctrl+Z.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ecomap.core.style import (
    CategorizedStyle,
    GraduatedStyle,
    LabelStyle,
    RasterStyle,
    SingleStyle,
    Symbol,
)
from ecomap.core.tree_commands import SetOpacityCommand, SetStyleCommand
from ecomap.gui.class_style_widgets import CategorizedWidget, GraduatedWidget, field_combo
from ecomap.gui.raster_style_widget import RasterStyleWidget
from ecomap.gui.symbol_widget import ColorButton, SymbolEditor
from ecomap.i18n import tr

KINDS = ("single", "categorized", "graduated")


def kind_names() -> dict[str, str]:
    return {"single": tr("Single symbol"), "categorized": tr("Categorized (by value)"),
            "graduated": tr("Graduated (by number ranges)")}


class LabelsWidget(QWidget):
    def __init__(self, layer, labels: LabelStyle | None, parent=None):
        super().__init__(parent)
        form = QFormLayout(self)
        self.enabled = QCheckBox(tr("Show labels"))
        self.enabled.setChecked(labels is not None)
        form.addRow(self.enabled)
        self.field = field_combo(layer, selected=labels.field if labels else None)
        form.addRow(tr("Label field"), self.field)
        self.size = QDoubleSpinBox()
        self.size.setRange(4, 72)
        self.size.setSuffix(" pt")
        self.size.setValue(labels.size if labels else 9.0)
        form.addRow(tr("Font size"), self.size)
        self.color = ColorButton(labels.color if labels else "#000000ff")
        form.addRow(tr("Text colour"), self.color)
        self.halo_on = QCheckBox(tr("White halo around the text"))
        self.halo_on.setChecked(labels is None or labels.halo is not None)
        self.halo = ColorButton(labels.halo if labels and labels.halo else "#ffffffff")
        row = QHBoxLayout()
        row.addWidget(self.halo_on)
        row.addWidget(self.halo)
        row.addStretch()
        form.addRow(tr("Halo"), row)

    def labels(self) -> LabelStyle | None:
        if not self.enabled.isChecked() or self.field.currentData() is None:
            return None
        return LabelStyle(field=self.field.currentData(), size=self.size.value(), color=self.color.color(),
                          halo=self.halo.color() if self.halo_on.isChecked() else None)


class ScaleRangeWidget(QWidget):
    """'Only show between 1:A (zoomed out) and 1:B (zoomed in)', and the layer's opacity."""

    def __init__(self, style, opacity: float, parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        box = QGroupBox(tr("Only show the layer between these scales"))
        box.setCheckable(True)
        box.setChecked(style.min_scale is not None or style.max_scale is not None)
        form = QFormLayout(box)
        self.min_scale = _scale_box(style.min_scale or 500000)
        self.max_scale = _scale_box(style.max_scale or 1000)
        form.addRow(tr("Zoomed out to at most"), self.min_scale)
        form.addRow(tr("Zoomed in to at least"), self.max_scale)
        self.box = box
        lay.addWidget(box)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Layer opacity")))
        self.opacity = QSlider(Qt.Orientation.Horizontal)
        self.opacity.setRange(0, 100)
        self.opacity.setValue(round(opacity * 100))
        self.opacity_label = QLabel(f"{self.opacity.value()}%")
        self.opacity.valueChanged.connect(lambda v: self.opacity_label.setText(f"{v}%"))
        row.addWidget(self.opacity)
        row.addWidget(self.opacity_label)
        lay.addLayout(row)
        lay.addStretch()

    def scales(self) -> tuple[float | None, float | None]:
        if not self.box.isChecked():
            return None, None
        return self.min_scale.value(), self.max_scale.value()


def _scale_box(value: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(1, 1e9)
    box.setDecimals(0)
    box.setPrefix("1:")
    box.setGroupSeparatorShown(True)
    box.setValue(value)
    return box


class StyleDialog(QDialog):
    def __init__(self, tree, undo, node, parent=None):
        super().__init__(parent)
        self.tree, self.undo, self.node = tree, undo, node
        self.setWindowTitle(tr("Style — {name}").format(name=node.name))
        self.resize(520, 600)
        layer = node.layer
        style = node.style
        lay = QVBoxLayout(self)
        self.tabs = QTabWidget()
        lay.addWidget(self.tabs)
        self.is_raster = getattr(layer, "kind", None) == "raster"
        if self.is_raster:
            self.raster = RasterStyleWidget(layer, style if isinstance(style, RasterStyle) else None)
            self.tabs.addTab(self.raster, tr("Symbology"))
            self.labels = None
        else:
            page = QWidget()
            pl = QVBoxLayout(page)
            self.kind = QComboBox()
            for key, label in kind_names().items():
                self.kind.addItem(label, key)
            pl.addWidget(self.kind)
            self.stack = QStackedWidget()
            base = _base_symbol(style)
            gtype = layer.geometry_type
            self.single = SymbolEditor(gtype, base)
            self.categorized = CategorizedWidget(layer, base, style if isinstance(style, CategorizedStyle) else None)
            self.graduated = GraduatedWidget(layer, base, style if isinstance(style, GraduatedStyle) else None)
            for w in (self.single, self.categorized, self.graduated):
                self.stack.addWidget(w)
            pl.addWidget(self.stack)
            self.kind.currentIndexChanged.connect(self._kind_changed)
            self.kind.setCurrentIndex(max(0, self.kind.findData(getattr(style, "type", "single"))))
            self.stack.setCurrentIndex(self.kind.currentIndex())
            self.tabs.addTab(page, tr("Symbology"))
            self.labels = LabelsWidget(layer, getattr(style, "labels", None))
            self.tabs.addTab(self.labels, tr("Labels"))
        self.visibility = ScaleRangeWidget(style or SingleStyle(), node.opacity)
        self.tabs.addTab(self.visibility, tr("Visibility"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.Apply)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        lay.addWidget(buttons)

    def _kind_changed(self, index: int):
        self.stack.setCurrentIndex(index)
        kind = self.kind.currentData()
        widget = self.categorized if kind == "categorized" else self.graduated if kind == "graduated" else None
        if widget is not None and widget.is_empty():
            widget.base = self.single.symbol()
            widget.classify()  # an empty class list is useless: fill it at once

    def built_style(self):
        if self.is_raster:
            style = self.raster.style()
        else:
            kind = self.kind.currentData()
            if kind == "categorized":
                style = self.categorized.style()
            elif kind == "graduated":
                style = self.graduated.style()
            else:
                style = SingleStyle(symbol=self.single.symbol())
            old = self.node.style
            style = replace(style, labels=self.labels.labels(), opacity=getattr(old, "opacity", 1.0))
        min_scale, max_scale = self.visibility.scales()
        return replace(style, min_scale=min_scale, max_scale=max_scale)

    def apply(self):
        style = self.built_style()
        opacity = self.visibility.opacity.value() / 100
        changed_style = style != self.node.style
        changed_opacity = abs(opacity - self.node.opacity) > 1e-9
        if not (changed_style or changed_opacity):
            return
        self.undo.beginMacro(tr("Style of {name}").format(name=self.node.name))
        if changed_style:
            self.undo.push(SetStyleCommand(self.tree, self.node, style))
        if changed_opacity:
            self.undo.push(SetOpacityCommand(self.tree, self.node, opacity))
        self.undo.endMacro()

    def accept(self):
        self.apply()
        super().accept()


def _base_symbol(style) -> Symbol:
    if isinstance(style, SingleStyle):
        return style.symbol
    if isinstance(style, CategorizedStyle) and style.categories:
        return style.categories[0].symbol
    if isinstance(style, GraduatedStyle) and style.ranges:
        return style.ranges[0].symbol
    return Symbol()
