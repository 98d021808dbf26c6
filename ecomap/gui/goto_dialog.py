"""Go to coordinates: longitude/latitude (decimal or 度分秒), X/Y in any CRS, or web-map GCJ-02/BD-09.

GCJ-02 (Amap, Tencent) and BD-09 (Baidu) inputs are converted to WGS84 with the public
formula; the result is labelled approximate (the offset is not officially published).
The answer is a point in the map CRS, which the main window centres and marks.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from ecomap.core import coords, gcj02
from ecomap.core.crs import crs_from_epsg
from ecomap.core.query import transform_point
from ecomap.errors import DataError
from ecomap.i18n import tr

INPUTS = ("lonlat", "gcj02", "bd09", "xy")


def input_names() -> dict[str, str]:
    return {"lonlat": tr("Longitude, latitude (CGCS2000 / WGS84)"),
            "gcj02": tr("Longitude, latitude from Amap/Tencent (GCJ-02, approximate)"),
            "bd09": tr("Longitude, latitude from Baidu (BD-09, approximate)"),
            "xy": tr("X, Y in a coordinate system")}


def resolve(text: str, kind: str, map_crs, xy_epsg: int | None = None) -> tuple[float, float, str]:
    """(x, y) in ``map_crs`` for the typed ``text``; the third item says how it was read."""
    if kind == "xy":
        a, b, _ = coords.parse_pair(text)
        src = crs_from_epsg(xy_epsg) if xy_epsg else map_crs
        if src is not None and src.is_projected and _looks_northing_first(a, b):
            a, b = b, a  # surveyors write X (north) first
        x, y = transform_point(a, b, src, map_crs)
        return x, y, tr("X/Y in EPSG:{code}").format(code=xy_epsg) if xy_epsg else tr("X/Y in the map CRS")
    lon, lat = coords.parse_lonlat(text)
    note = tr("longitude/latitude")
    if kind == "gcj02":
        lon, lat = gcj02.gcj02_to_wgs84(lon, lat)
        note = tr("converted from GCJ-02 (approximate, within a few metres)")
    elif kind == "bd09":
        lon, lat = gcj02.bd09_to_wgs84(lon, lat)
        note = tr("converted from BD-09 (approximate, within a few metres)")
    x, y = transform_point(lon, lat, crs_from_epsg(4490), map_crs)
    return x, y, note


def _looks_northing_first(a: float, b: float) -> bool:
    """'2582988, 38383243' or '4430000, 500000' read as X(north), Y(east)."""
    from ecomap.io.crs_detect import zone_of_prefixed_easting

    if zone_of_prefixed_easting(b) is not None and zone_of_prefixed_easting(a) is None:
        return True
    return 1_000_000 <= a <= 6_100_000 and 0 < b < 1_000_000


class GoToDialog(QDialog):
    def __init__(self, map_crs, parent=None):
        super().__init__(parent)
        self.map_crs = map_crs
        self.result_point: tuple[float, float] | None = None
        self.setWindowTitle(tr("Go to coordinates"))
        self.kind = QComboBox()
        for key, label in input_names().items():
            self.kind.addItem(label, key)
        self.text = QLineEdit()
        self.text.setPlaceholderText(tr("e.g. 116.404, 39.915  or  116°24′14″E 39°54′54″N"))
        self.epsg = QLineEdit()
        self.epsg.setPlaceholderText(tr("EPSG code, empty = map CRS"))
        choose = QPushButton(tr("Choose…"))
        choose.clicked.connect(self._choose_crs)
        row = QHBoxLayout()
        row.addWidget(self.epsg)
        row.addWidget(choose)
        self.crs_row = QLabel(tr("Coordinate system"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("Input"), self.kind)
        form.addRow(tr("Coordinates"), self.text)
        form.addRow(self.crs_row, row)
        self._crs_widgets = (self.epsg, choose, self.crs_row)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self, *args):
        xy = self.kind.currentData() == "xy"
        for w in self._crs_widgets:
            w.setVisible(xy)
        if self.kind.currentData() in ("gcj02", "bd09"):
            self.message.setText(tr("Web-map coordinates carry a deliberate offset of several hundred metres; "
                                    "EcoMap removes it with the public formula. The result is approximate."))
        else:
            self.message.setText("")

    def _choose_crs(self):
        from ecomap.gui.crs_dialog import CrsDialog

        dlg = CrsDialog(self, title=tr("Coordinate system of the X, Y"))
        if dlg.exec() and dlg.selected_epsg():
            self.epsg.setText(str(dlg.selected_epsg()))

    def point(self) -> tuple[float, float, str]:
        epsg_text = self.epsg.text().strip().upper().replace("EPSG:", "")
        epsg = None
        if self.kind.currentData() == "xy" and epsg_text:
            if not epsg_text.isdigit():
                raise DataError(None, tr("the EPSG code must be a number, e.g. 4527"))
            epsg = int(epsg_text)
            try:
                crs_from_epsg(epsg)
            except Exception:  # noqa: BLE001 (pyproj raises several types for a bad code)
                raise DataError(None, tr("EPSG:{code} is not a known coordinate system").format(code=epsg)) from None
        return resolve(self.text.text(), self.kind.currentData(), self.map_crs, epsg)

    def accept(self):
        try:
            x, y, note = self.point()
        except DataError as exc:
            self.message.setText(f"<span style='color:#b00'>{exc.message}</span>")
            return
        self.result_point, self.note = (x, y), note
        super().accept()
