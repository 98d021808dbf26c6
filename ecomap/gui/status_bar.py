"""The status bar: background tasks (progress and Cancel), cursor coordinates (map CRS and
lon/lat), scale 1:N (editable), map CRS, render progress."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QProgressBar, QPushButton, QStatusBar, QToolButton

from ecomap.core import coords
from ecomap.errors import DataError
from ecomap.gui.task_indicator import TaskIndicator
from ecomap.i18n import tr

SCALES = (500, 1000, 2000, 5000, 10000, 25000, 50000, 100000, 250000, 500000, 1000000)


class MapStatusBar(QStatusBar):
    scaleRequested = Signal(float)
    crsClicked = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.dms = False
        self.xy = QLabel()
        self.xy.setMinimumWidth(190)
        self.xy.setToolTip(tr("Cursor position in the map coordinate system"))
        self.lonlat = QLabel()
        self.lonlat.setMinimumWidth(230)
        self.lonlat.setToolTip(tr("Cursor longitude/latitude"))
        self.dms_button = QToolButton()
        self.dms_button.setText(tr("DMS"))
        self.dms_button.setCheckable(True)
        self.dms_button.setToolTip(tr("Show degrees-minutes-seconds instead of decimal degrees"))
        self.dms_button.toggled.connect(self._toggle_dms)
        self.scale = QComboBox()
        self.scale.setEditable(True)
        self.scale.setMinimumWidth(130)
        self.scale.setToolTip(tr("Map scale: type 1:N (e.g. 1:10000 or 1:1万) and press Enter"))
        for s in SCALES:
            self.scale.addItem(coords.format_scale(s), float(s))
        self.scale.lineEdit().returnPressed.connect(self._scale_typed)
        self.scale.activated.connect(lambda i: self.scaleRequested.emit(float(self.scale.itemData(i))))
        self.crs = QPushButton()
        self.crs.setFlat(True)
        self.crs.setToolTip(tr("Map coordinate system — click to change"))
        self.crs.clicked.connect(self.crsClicked.emit)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(110)
        self.progress.setMaximumHeight(14)
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.tasks = TaskIndicator()
        self.addPermanentWidget(self.tasks)
        for w in (self.xy, self.lonlat, self.dms_button):
            self.addPermanentWidget(w)
        self.addPermanentWidget(QLabel(tr("Scale")))
        self.addPermanentWidget(self.scale)
        self.addPermanentWidget(self.crs)
        self.addPermanentWidget(self.progress)
        self._last = None

    def _toggle_dms(self, on: bool):
        self.dms = on
        if self._last is not None:
            self.set_cursor(*self._last)

    def set_cursor(self, x: float, y: float, lon: float | None, lat: float | None, geographic: bool = False):
        self._last = (x, y, lon, lat, geographic)
        self.xy.setText(coords.format_xy(x, y, geographic))
        if lon is None or lat is None:
            self.lonlat.setText("")
        else:
            self.lonlat.setText(coords.format_lonlat(lon, lat, self.dms))

    def set_scale(self, scale: float):
        if not self.scale.lineEdit().hasFocus():
            self.scale.setEditText(coords.format_scale(scale))

    def _scale_typed(self):
        try:
            value = coords.parse_scale(self.scale.currentText())
        except DataError as exc:
            self.showMessage(exc.message, 5000)
            return
        self.scaleRequested.emit(value)
        self.scale.lineEdit().clearFocus()

    def set_crs(self, text: str, tooltip: str = ""):
        self.crs.setText(text)
        if tooltip:
            self.crs.setToolTip(tooltip + "\n" + tr("Click to change"))

    def set_progress(self, fraction: float | None):
        """None hides the bar (idle)."""
        if fraction is None:
            self.progress.hide()
        else:
            self.progress.show()
            self.progress.setValue(round(fraction * 100))
