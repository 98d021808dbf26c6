"""Layer properties: where the data comes from and what it is (source, CRS, encoding, fields).

Read-only facts, plus buttons that lead to the two things a user may need to correct:
the text encoding of a Shapefile and the coordinate system.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ecomap.i18n import tr
from ecomap.io.registry import is_shapefile


def encoding_method_text(method: str) -> str:
    return {"cpg": tr("from the .cpg file"), "ldid": tr("from the DBF language mark"),
            "sample": tr("guessed from the text"), "format": tr("fixed by the format"),
            "bom": tr("from the byte-order mark"), "user": tr("chosen by you"),
            "charset": tr("from the MapInfo Charset line")}.get(method, method)


def geometry_type_text(kind: str | None) -> str:
    return {"Point": tr("Points"), "LineString": tr("Lines"), "Polygon": tr("Polygons"),
            "Mixed": tr("Mixed geometry"), None: tr("No geometry (table)")}.get(kind, str(kind))


def crs_text(crs_info) -> str:
    """The EPSG code and name; a code EcoMap only assumed is marked so, also when the file
    declares a WKT whose datum it could match only by ellipsoid and parameters."""
    if crs_info is None:
        return tr("unknown")
    crs = crs_info.crs()
    if crs is None:
        return tr("unknown — the file declares none and the coordinates do not tell")
    code = f"EPSG:{crs_info.epsg}" if crs_info.epsg else ""
    if code and crs_info.declared_epsg is None and crs_info.assumed_epsg is not None:
        code += tr(" (assumed)")
    text = f"{code}  {crs_info.name or crs.name}" if code else crs_info.name or crs.name
    if crs_info.is_assumed:
        text += "\n" + tr("assumed: {reason}").format(reason=crs_info.reason or "")
    return text


def crs_tooltip(crs_info) -> str:
    """Why the code was assumed, for the CRS line's tooltip (empty when nothing was assumed)."""
    if crs_info is None or crs_info.declared_epsg is not None or crs_info.assumed_epsg is None:
        return ""
    return crs_info.reason or ""


class LayerPropertiesDialog(QDialog):
    encodingRequested = Signal(object)
    crsRequested = Signal(object)

    def __init__(self, node, parent=None):
        super().__init__(parent)
        self.node = node
        layer = node.layer
        self.setWindowTitle(tr("Properties — {name}").format(name=node.name))
        self.resize(620, 520)
        tabs = QTabWidget()
        info = QWidget()
        form = QFormLayout(info)
        form.addRow(tr("Name"), QLabel(node.name))
        src = QLabel(str(layer.source) if layer is not None else node.source)
        src.setWordWrap(True)
        form.addRow(tr("Source"), src)
        crs = QLabel(crs_text(getattr(layer, "crs_info", None)))
        crs.setToolTip(crs_tooltip(getattr(layer, "crs_info", None)))
        crs.setWordWrap(True)
        self.crs_label = crs
        crs_button = QPushButton(tr("Set coordinate system…"))
        crs_button.clicked.connect(lambda: self.crsRequested.emit(node))
        row = QHBoxLayout()
        row.addWidget(crs, 1)
        row.addWidget(crs_button)
        form.addRow(tr("Coordinate system"), row)
        if layer.kind == "vector":
            form.addRow(tr("Geometry"), QLabel(geometry_type_text(layer.geometry_type)))
            form.addRow(tr("Features"), QLabel(f"{layer.feature_count:,}"))
            enc = layer.encoding
            if enc is not None:
                enc_label = QLabel(f"{enc.encoding} ({encoding_method_text(enc.method)})")
                row = QHBoxLayout()
                row.addWidget(enc_label, 1)
                if is_shapefile(layer):  # also inside a ZIP archive
                    button = QPushButton(tr("Change encoding…"))
                    button.clicked.connect(lambda: self.encodingRequested.emit(node))
                    row.addWidget(button)
                form.addRow(tr("Text encoding"), row)
            self.validity = QLabel(tr("not checked"))
            check = QPushButton(tr("Check"))
            check.clicked.connect(self._check_validity)
            row = QHBoxLayout()
            row.addWidget(self.validity, 1)
            row.addWidget(check)
            form.addRow(tr("Invalid geometries"), row)
        else:
            form.addRow(tr("Size"), QLabel(tr("{w} × {h} pixels, {n} band(s), {dtype}")
                                           .format(w=layer.width, h=layer.height, n=layer.band_count, dtype=layer.dtype)))
            px, py = layer.pixel_size
            form.addRow(tr("Pixel size"), QLabel(f"{px:.6g} × {py:.6g}"))
            form.addRow(tr("No-data value"), QLabel(str(layer.nodata)))
            form.addRow(tr("Overviews"), QLabel(", ".join(map(str, layer.overview_factors)) or tr("none")))
        bounds = layer.bounds
        if bounds:
            form.addRow(tr("Extent"), QLabel("{:.6g}, {:.6g} — {:.6g}, {:.6g}".format(*bounds)))
        if layer.notes:
            notes = QLabel("\n".join(layer.notes))
            notes.setWordWrap(True)
            form.addRow(tr("Notes"), notes)
        tabs.addTab(info, tr("Information"))
        if layer.kind == "vector":
            tabs.addTab(self._fields_table(layer), tr("Fields"))
        lay = QVBoxLayout(self)
        lay.addWidget(tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def _fields_table(self, layer) -> QTableWidget:
        cols = layer.attribute_columns
        table = QTableWidget(len(cols), 3)
        table.setHorizontalHeaderLabels([tr("Field"), tr("Alias"), tr("Type")])
        for i, name in enumerate(cols):
            table.setItem(i, 0, QTableWidgetItem(name))
            table.setItem(i, 1, QTableWidgetItem(layer.alias(name) if layer.alias(name) != name else ""))
            table.setItem(i, 2, QTableWidgetItem(str(layer.features[name].dtype)))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        return table

    def _check_validity(self):
        n = self.node.layer.invalid_count
        self.validity.setText(tr("none") if n == 0 else tr("{n} invalid (self-intersections or bad rings)").format(n=n))
        self.validity.setWordWrap(True)
        if n:
            self.validity.setText("\n".join([self.validity.text()] + self.node.layer.geometry_notes[1:]))
