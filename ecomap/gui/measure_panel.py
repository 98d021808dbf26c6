"""Measurement read-out: segment lengths, total length, or area and perimeter, in chosen units.

Ellipsoidal (``ecomap.core.units``) in the map CRS. Listens to the measure tool's
``measureChanged(points, is_area, finished)`` through the main window.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecomap.core import units
from ecomap.i18n import tr


class MeasurePanel(QWidget):
    def __init__(self, crs_fn, parent=None):
        super().__init__(parent)
        self.crs_fn = crs_fn
        self.points: list = []
        self.is_area = False
        self.mode = QLabel()
        self.length_unit = QComboBox()
        for u in units.LENGTH_UNITS:
            self.length_unit.addItem(units.unit_label(u), u)
        self.area_unit = QComboBox()
        for u in units.AREA_UNITS:
            self.area_unit.addItem(units.unit_label(u), u)
        self.area_unit.setCurrentIndex(units.AREA_UNITS.index("mu"))
        self.total = QLabel("—")
        self.total.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.secondary = QLabel("")
        self.segments = QListWidget()
        self.reset_button = QPushButton(tr("New measurement"))
        form = QFormLayout()
        form.addRow(tr("Measuring"), self.mode)
        row = QHBoxLayout()
        row.addWidget(self.length_unit)
        row.addWidget(self.area_unit)
        form.addRow(tr("Units"), row)
        form.addRow(tr("Result"), self.total)
        form.addRow("", self.secondary)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(QLabel(tr("Segments")))
        lay.addWidget(self.segments)
        lay.addWidget(self.reset_button)
        note = QLabel(tr("Click to add points; double-click or right-click to finish; Backspace removes "
                         "the last point. Measured on the ellipsoid."))
        note.setWordWrap(True)
        lay.addWidget(note)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(66)
        self._timer.timeout.connect(self.refresh)
        self.length_unit.currentIndexChanged.connect(self.refresh)
        self.area_unit.currentIndexChanged.connect(self.refresh)
        self.set_points([], False)

    def set_points(self, points, is_area: bool, finished: bool = False):
        """New vertices; while the mouse moves, recomputation is coalesced to ~15 per second."""
        self.points, self.is_area = list(points), is_area
        if finished or len(self.points) < 2:
            self._timer.stop()
            self.refresh()
        elif not self._timer.isActive():
            self._timer.start()

    def refresh(self, *args):
        self.mode.setText(tr("Area") if self.is_area else tr("Distance"))
        self.area_unit.setVisible(self.is_area)
        crs = self.crs_fn()
        lu, au = self.length_unit.currentData(), self.area_unit.currentData()
        seg = units.segment_lengths(self.points, crs)
        self.segments.clear()
        for i, m in enumerate(seg, 1):
            self.segments.addItem(f"{i}.  {units.format_length(m, lu)}")
        if self.is_area:
            area, perimeter = units.polygon_area_perimeter(self.points, crs)
            self.area_m2, self.length_m = area, perimeter
            self.total.setText(units.format_area(area, au))
            others = [units.format_area(area, u) for u in units.AREA_UNITS if u != au]
            self.secondary.setText("  ·  ".join(others) + "\n" + tr("Perimeter {value}").format(
                value=units.format_length(perimeter, lu)))
        else:
            self.area_m2, self.length_m = 0.0, float(seg.sum())
            self.total.setText(units.format_length(self.length_m, lu))
            other = "km" if lu == "m" else "m"
            self.secondary.setText(units.format_length(self.length_m, other))
