"""Raster styling: grey, colour ramp (DEM, NDVI), RGB composite or hillshade; stretch; bands."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QSpinBox, QWidget

from ecomap.core.style import RasterStyle
from ecomap.gui.class_style_widgets import ramp_combo
from ecomap.i18n import tr


def mode_names() -> dict[str, str]:
    return {"gray": tr("Single band grey"), "ramp": tr("Single band colour ramp"),
            "rgb": tr("RGB composite"), "hillshade": tr("Hillshade")}


class RasterStyleWidget(QWidget):
    changed = Signal()

    def __init__(self, layer, style: RasterStyle | None, parent=None):
        super().__init__(parent)
        self.layer = layer
        self._style = style or RasterStyle()
        bands = max(1, getattr(layer, "band_count", 1))
        form = QFormLayout(self)
        self.mode = QComboBox()
        for key, label in mode_names().items():
            if key == "rgb" and bands < 3:
                continue
            self.mode.addItem(label, key)
        form.addRow(tr("Render type"), self.mode)
        self.band = QSpinBox()
        self.band.setRange(1, bands)
        form.addRow(tr("Band"), self.band)
        self.rgb = [QSpinBox() for _ in range(3)]
        row = QHBoxLayout()
        for box, name in zip(self.rgb, ("R", "G", "B")):
            box.setRange(1, bands)
            box.setPrefix(name + " ")
            row.addWidget(box)
        self.rgb_row = QWidget()
        row.setContentsMargins(0, 0, 0, 0)
        self.rgb_row.setLayout(row)
        form.addRow(tr("Bands"), self.rgb_row)
        self.ramp = ramp_combo(self._style.ramp)
        form.addRow(tr("Colour ramp"), self.ramp)
        self.stretch = QComboBox()
        self.stretch.addItem(tr("Minimum – maximum"), "minmax")
        self.stretch.addItem(tr("Percentile clip"), "percentile")
        form.addRow(tr("Contrast stretch"), self.stretch)
        self.low, self.high = QDoubleSpinBox(), QDoubleSpinBox()
        for box in (self.low, self.high):
            box.setRange(0, 100)
            box.setSuffix(" %")
            box.setDecimals(1)
        row = QHBoxLayout()
        row.addWidget(self.low)
        row.addWidget(self.high)
        row.setContentsMargins(0, 0, 0, 0)
        self.pct_row = QWidget()
        self.pct_row.setLayout(row)
        form.addRow(tr("Clip percentiles"), self.pct_row)
        self.form = form
        self.set_style(self._style)
        for sig in (self.mode.currentIndexChanged, self.band.valueChanged, self.ramp.currentIndexChanged,
                    self.stretch.currentIndexChanged, self.low.valueChanged, self.high.valueChanged,
                    *(b.valueChanged for b in self.rgb)):
            sig.connect(self._changed)

    def set_style(self, s: RasterStyle) -> None:
        self._loading = True
        self.mode.setCurrentIndex(max(0, self.mode.findData(s.mode)))
        self.band.setValue(s.band)
        for box, b in zip(self.rgb, s.bands):
            box.setValue(b)
        self.ramp.setCurrentIndex(max(0, self.ramp.findData(s.ramp)))
        self.stretch.setCurrentIndex(max(0, self.stretch.findData(s.stretch)))
        self.low.setValue(s.percent[0])
        self.high.setValue(s.percent[1])
        self._loading = False
        self._update_visibility()

    def _changed(self, *args):
        if not getattr(self, "_loading", False):
            self._update_visibility()
            self.changed.emit()

    def _update_visibility(self):
        mode = self.mode.currentData()
        shown = {self.band: mode in ("gray", "ramp", "hillshade"), self.rgb_row: mode == "rgb",
                 self.ramp: mode == "ramp", self.stretch: mode != "hillshade",
                 self.pct_row: mode != "hillshade" and self.stretch.currentData() == "percentile"}
        for widget, visible in shown.items():
            widget.setVisible(visible)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setVisible(visible)

    def style(self) -> RasterStyle:
        return replace(self._style, mode=self.mode.currentData(), band=self.band.value(),
                       bands=tuple(b.value() for b in self.rgb), ramp=self.ramp.currentData(),
                       stretch=self.stretch.currentData(),
                       percent=(self.low.value(), self.high.value()))
