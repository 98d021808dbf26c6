"""Editing one Symbol: fill, outline, width, dashes, hatch, point marker, opacity.

:class:`SymbolEditor` is embedded by the style dialog (for the single symbol and the
base symbol of classified styles) and by :class:`SymbolDialog` (one class's symbol).
Only the controls that matter for the layer's geometry type are shown.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecomap.core.style import Symbol, color_hex, parse_color
from ecomap.gui.legend import symbol_pixmap
from ecomap.i18n import tr

DASHES = {  # name → pattern in stroke widths (QPen.setDashPattern)
    "solid": None, "dash": (4, 2), "dot": (1, 2), "dash-dot": (4, 2, 1, 2), "long dash": (8, 3),
}


def dash_names() -> dict[str, str]:
    return {"solid": tr("Solid"), "dash": tr("Dashed"), "dot": tr("Dotted"), "dash-dot": tr("Dash-dot"),
            "long dash": tr("Long dashes")}


def hatch_names() -> dict:
    return {None: tr("None"), "diagonal": tr("Diagonal lines"), "cross": tr("Cross-hatch"),
            "horizontal": tr("Horizontal lines"), "vertical": tr("Vertical lines"), "dots": tr("Dots")}


def marker_names() -> dict:
    return {None: tr("None"), "circle": tr("Circle"), "square": tr("Square"), "triangle": tr("Triangle"),
            "star": tr("Star"), "diamond": tr("Diamond")}


class ColorButton(QPushButton):
    """A button showing a colour (with alpha); click to choose another."""

    colorChanged = Signal(str)

    def __init__(self, color: str = "#000000ff", parent=None):
        super().__init__(parent)
        self.setFixedWidth(64)
        self._color = color
        self._refresh()
        self.clicked.connect(self.choose)

    def color(self) -> str:
        return self._color

    def set_color(self, color: str) -> None:
        if color != self._color:
            self._color = color
            self._refresh()
            self.colorChanged.emit(color)

    def _refresh(self):
        r, g, b, a = parse_color(self._color)
        pm = QPixmap(40, 14)
        pm.fill(QColor(r, g, b, a))
        self.setIcon(QIcon(pm))
        self.setIconSize(pm.size())
        self.setToolTip(self._color)

    def choose(self):
        r, g, b, a = parse_color(self._color)
        chosen = QColorDialog.getColor(QColor(r, g, b, a), self, tr("Choose colour"),
                                       QColorDialog.ColorDialogOption.ShowAlphaChannel)
        if chosen.isValid():
            self.set_color(color_hex((chosen.red(), chosen.green(), chosen.blue(), chosen.alpha())))


class SymbolEditor(QWidget):
    changed = Signal()

    def __init__(self, geometry_type: str | None, symbol: Symbol | None = None, parent=None):
        super().__init__(parent)
        self.geometry_type = geometry_type
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.preview = QLabel()
        form.addRow(tr("Preview"), self.preview)

        self.fill_on = QCheckBox(tr("Fill"))
        self.fill = ColorButton()
        row = QHBoxLayout()
        row.addWidget(self.fill_on)
        row.addWidget(self.fill)
        row.addStretch()
        self.fill_row = _wrap(row)
        form.addRow(tr("Fill colour"), self.fill_row)

        self.stroke_on = QCheckBox(tr("Outline"))
        self.stroke = ColorButton()
        row = QHBoxLayout()
        row.addWidget(self.stroke_on)
        row.addWidget(self.stroke)
        row.addStretch()
        form.addRow(tr("Line colour") if geometry_type == "LineString" else tr("Outline colour"), _wrap(row))

        self.width = QDoubleSpinBox()
        self.width.setRange(0.0, 50.0)
        self.width.setDecimals(2)
        self.width.setSingleStep(0.1)
        self.unit = QComboBox()
        self.unit.addItem(tr("mm"), "mm")
        self.unit.addItem(tr("pixels"), "px")
        row = QHBoxLayout()
        row.addWidget(self.width)
        row.addWidget(self.unit)
        row.addStretch()
        form.addRow(tr("Line width"), _wrap(row))

        self.dash = QComboBox()
        for key, label in dash_names().items():
            self.dash.addItem(label, key)
        form.addRow(tr("Line style"), self.dash)

        self.hatch = QComboBox()
        for key, label in hatch_names().items():
            self.hatch.addItem(label, key)
        self.hatch_color = ColorButton()
        row = QHBoxLayout()
        row.addWidget(self.hatch)
        row.addWidget(self.hatch_color)
        row.addStretch()
        self.hatch_row = _wrap(row)
        form.addRow(tr("Hatch"), self.hatch_row)

        self.marker = QComboBox()
        for key, label in marker_names().items():
            if key is not None or geometry_type != "Point":
                self.marker.addItem(label, key)
        self.size = QDoubleSpinBox()
        self.size.setRange(0.2, 50.0)
        self.size.setSuffix(" mm")
        self.size.setSingleStep(0.5)
        row = QHBoxLayout()
        row.addWidget(self.marker)
        row.addWidget(self.size)
        row.addStretch()
        self.marker_row = _wrap(row)
        form.addRow(tr("Marker"), self.marker_row)

        self.opacity = QDoubleSpinBox()
        self.opacity.setRange(0, 100)
        self.opacity.setSuffix(" %")
        self.opacity.setDecimals(0)
        form.addRow(tr("Symbol opacity"), self.opacity)

        if geometry_type == "LineString":
            for w in (self.fill_row, self.hatch_row, self.marker_row):
                w.setVisible(False)
                form.labelForField(w).setVisible(False)
        elif geometry_type == "Polygon":
            self.marker_row.setVisible(False)
            form.labelForField(self.marker_row).setVisible(False)
        elif geometry_type == "Point":
            self.hatch_row.setVisible(False)
            form.labelForField(self.hatch_row).setVisible(False)

        self._symbol = symbol or Symbol()
        self.set_symbol(self._symbol)
        for sig in (self.fill_on.toggled, self.fill.colorChanged, self.stroke_on.toggled, self.stroke.colorChanged,
                    self.width.valueChanged, self.unit.currentIndexChanged, self.dash.currentIndexChanged,
                    self.hatch.currentIndexChanged, self.hatch_color.colorChanged, self.marker.currentIndexChanged,
                    self.size.valueChanged, self.opacity.valueChanged):
            sig.connect(self._emit)

    def set_symbol(self, s: Symbol) -> None:
        self._loading = True
        self._symbol = s
        self.fill_on.setChecked(s.fill is not None)
        self.fill.set_color(s.fill or "#4caf50a0")
        self.stroke_on.setChecked(s.stroke is not None)
        self.stroke.set_color(s.stroke or "#282828ff")
        self.width.setValue(s.stroke_width)
        self.unit.setCurrentIndex(max(0, self.unit.findData(s.stroke_unit)))
        key = next((k for k, v in DASHES.items() if v == (tuple(s.dash) if s.dash else None)), None)
        if self.dash.findData("custom") >= 0:
            self.dash.removeItem(self.dash.findData("custom"))
        if key is None:
            self.dash.addItem(tr("Custom") + f" {list(s.dash)}", "custom")
            key = "custom"
        self.dash.setCurrentIndex(max(0, self.dash.findData(key)))
        self.hatch.setCurrentIndex(max(0, self.hatch.findData(s.hatch)))
        self.hatch_color.set_color(s.hatch_color)
        marker = s.marker if s.marker or self.geometry_type != "Point" else "circle"
        self.marker.setCurrentIndex(max(0, self.marker.findData(marker)))
        self.size.setValue(s.size)
        self.opacity.setValue(round(s.opacity * 100))
        self._loading = False
        self._update_preview()

    def symbol(self) -> Symbol:
        dash_key = self.dash.currentData()
        dash = self._symbol.dash if dash_key == "custom" else DASHES.get(dash_key)
        return replace(
            self._symbol,
            fill=self.fill.color() if self.fill_on.isChecked() else None,
            stroke=self.stroke.color() if self.stroke_on.isChecked() else None,
            stroke_width=self.width.value(), stroke_unit=self.unit.currentData(), dash=dash,
            hatch=self.hatch.currentData(), hatch_color=self.hatch_color.color(),
            marker=self.marker.currentData(), size=self.size.value(), opacity=self.opacity.value() / 100)

    def _emit(self, *args):
        if getattr(self, "_loading", False):
            return
        self._update_preview()
        self.changed.emit()

    def _update_preview(self):
        self.preview.setPixmap(symbol_pixmap(self.symbol(), self.geometry_type, 32))


def _wrap(layout) -> QWidget:
    w = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    w.setLayout(layout)
    return w


class SymbolDialog(QDialog):
    """Edit one class's symbol."""

    def __init__(self, geometry_type: str | None, symbol: Symbol, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        lay = QVBoxLayout(self)
        self.editor = SymbolEditor(geometry_type, symbol)
        lay.addWidget(self.editor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.setWindowModality(Qt.WindowModality.WindowModal)

    def symbol(self) -> Symbol:
        return self.editor.symbol()
