"""The data-export dialog: which layers, only the selected features, which format, CRS and encoding.

The work is :func:`ecomap.services.exports.export_data`, run as a task; this dialog
only collects the choices. Several layers go into one GeoPackage or KML/KMZ, or into one file per
layer (named after the layer) in a folder for the single-layer formats. A layer whose
coordinate system EcoMap only assumed (its file declares none) is written only after
the user confirms that CRS here or picks the one to write; one on Xian 1980 or Beijing
1954 written on another datum that PROJ connects by nothing only once the user gives the
7 parameters or accepts the coordinates unchanged. The notes the export
returns (renamed fields, dropped Z values, the CRS a CSV does not record) are shown
to the user afterwards.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecomap.errors import DataError
from ecomap.gui.export_actions import start_export
from ecomap.i18n import tr
from ecomap.io.export import (
    FORMATS,
    KEEP,
    MULTI_LAYER,
    ExportItem,
    assumed_crs_items,
    datum_choice_items,
)
from ecomap.services.exports import export_data

FORMAT_CHOICES = [(".gpkg", "GeoPackage (.gpkg)"), (".shp", "Shapefile (.shp)"), (".geojson", "GeoJSON (.geojson)"),
                  (".kml", "KML (.kml)"), (".kmz", "KMZ (.kmz)"), (".csv", "CSV (.csv)"), (".xlsx", "Excel (.xlsx)"),
                  (".txt", "界址点坐标 TXT (.txt)")]
def crs_choices() -> list[tuple[str, str]]:
    """(value, translated label) of the target coordinate systems always offered."""
    return [("", tr("Keep each layer's coordinate system")),
            ("EPSG:4490", tr("CGCS2000 longitude/latitude (EPSG:4490)")),
            ("EPSG:4326", tr("WGS 84 longitude/latitude (EPSG:4326)"))]


def _safe(name: str) -> str:
    from ecomap.core.layout.naming import safe_filename

    return safe_filename(name, "layer")


class ExportDataDialog(QDialog):
    """``nodes``: layer-tree nodes (or MapLayer records) of vector layers; ``selection(node_id)`` → rows."""

    def __init__(self, nodes, selection=None, map_crs: str | None = None, current=None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Export data"))
        self.nodes = [n for n in nodes if getattr(n.layer, "kind", None) == "vector"]
        self.selection = selection
        self.layers = QListWidget()
        for node in self.nodes:
            entry = QListWidgetItem(node.name)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if node is current or (current is None and node is self.nodes[0])
                                else Qt.CheckState.Unchecked)
            self.layers.addItem(entry)
        self.selected_only = QCheckBox(tr("Only the selected features"))
        self.selected_only.setEnabled(bool(selection) and any(len(selection(n.id)) for n in self.nodes))
        self.format = QComboBox()
        for ext, label in FORMAT_CHOICES:
            self.format.addItem(label, ext)
        self.crs = QComboBox()
        self.crs.setEditable(True)
        for value, label in crs_choices():
            self.crs.addItem(label, value)
        if map_crs:
            self.crs.addItem(tr("The map's coordinate system ({crs})").format(crs=map_crs), map_crs)
        self.encoding = QComboBox()
        self.encoding.addItem("GBK", "GBK")
        self.encoding.addItem("UTF-8", "UTF-8")
        self.encoding.setToolTip(tr("GBK is the default: ArcGIS and most Chinese land and forestry software read "
                                    "Shapefiles and parcel TXT files as GBK. Choose UTF-8 for QGIS and newer "
                                    "tools; a Shapefile field name then holds 3 Chinese characters instead of 5."))
        self.geometry = QComboBox()
        for value, label in (("auto", tr("automatic")), ("xy", tr("X/Y columns (points)")), ("wkt", "WKT"),
                             ("none", tr("no geometry"))):
            self.geometry.addItem(label, value)
        self.target = QLineEdit()
        browse = QPushButton(tr("Browse…"))
        browse.clicked.connect(self._browse)
        target_row = QWidget()
        row = QHBoxLayout(target_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.target, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(tr("Layers"), self.layers)
        form.addRow("", self.selected_only)
        form.addRow(tr("Format"), self.format)
        form.addRow(tr("Coordinate system"), self.crs)
        form.addRow(tr("Text encoding (Shapefile, TXT)"), self.encoding)
        form.addRow(tr("Geometry (CSV, Excel)"), self.geometry)
        form.addRow(tr("Save to"), target_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.run)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        self._format_changed()
        self.result_notes: list[str] = []
        #: the running or last export (a core.tasks.Task), None before the first
        self.task = None

    def chosen(self) -> list:
        return [n for i, n in enumerate(self.nodes) if self.layers.item(i).checkState() == Qt.CheckState.Checked]

    def _ext(self) -> str:
        return self.format.currentData()

    def _format_changed(self, *args) -> None:
        ext = self._ext()
        self.encoding.setEnabled(ext in (".shp", ".txt"))
        self.encoding.setCurrentIndex(self.encoding.findData("GBK"))
        self.geometry.setEnabled(ext in (".csv", ".xlsx"))
        text = self.target.text()
        if text:
            path = Path(text)
            self.target.setText(str(path.with_suffix(ext) if path.suffix else path))

    def _many_files(self) -> bool:
        return len(self.chosen()) > 1 and self._ext() not in MULTI_LAYER

    def _browse(self) -> None:
        if self._many_files():
            folder = QFileDialog.getExistingDirectory(self, tr("Folder for the exported files"))
            if folder:
                self.target.setText(folder)
            return
        name = _safe(self.chosen()[0].name) if self.chosen() else "export"
        path, _ = QFileDialog.getSaveFileName(self, tr("Export data"), name + self._ext(),
                                              f"{FORMATS[self._ext()]} (*{self._ext()})")
        if path:
            self.target.setText(path if Path(path).suffix else path + self._ext())

    def items(self) -> list[ExportItem]:
        out = []
        for node in self.chosen():
            rows = None
            if self.selected_only.isChecked() and self.selection is not None:
                rows = self.selection(node.id)
                if len(rows) == 0:
                    continue
            out.append(ExportItem(node.layer, node.style, node.name, getattr(node, "theme", None), rows))
        return out

    def _confirm_assumed_crs(self, items: list[ExportItem], options: dict) -> bool:
        """Ask about every layer whose CRS was assumed; False when the user would rather choose one."""
        for item in assumed_crs_items(items, options["crs"], self._ext(), options["geometry"]):
            info = item.layer.crs_info
            why = f" ({info.reason})" if info.reason else ""
            answer = QMessageBox.question(
                self, tr("Export data"),
                tr("The file of layer '{name}' declares no coordinate system; EcoMap assumed EPSG:{epsg}{why}.")
                .format(name=item.out_name, epsg=info.assumed_epsg, why=why) + "\n\n"
                + tr("Write the layer as EPSG:{epsg}? Choose No to pick the coordinate system to write in the "
                     "list instead.").format(epsg=info.assumed_epsg),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                self.crs.setFocus()
                return False
            item.crs_confirmed = True
        return True

    def _settle_datum_shifts(self, items: list[ExportItem], options: dict) -> bool:
        """Ask about every layer whose export crosses datums PROJ connects by nothing; False on cancel."""
        try:
            asked = datum_choice_items(items, options["crs"], self._ext(), options["geometry"])
        except DataError:
            return True  # a CRS that cannot be read: the export says so
        for item, pair in asked:
            choice = self.ask_datum_shift(item, pair)
            if choice is None:
                return False
            item.datum_shift = choice
        return True

    def ask_datum_shift(self, item: ExportItem, pair: tuple[int, int]):
        """The user's answer for one layer: seven parameters as text, the file's own DatumShift,
        KEEP (coordinates unchanged), or None to go back and change the choices."""
        from ecomap.core.datum_shift import bursa_wolf_shift
        from ecomap.io.export_datum import DatumShiftError, carried_shift

        carried = carried_shift(item.layer, pair)
        box = QMessageBox(QMessageBox.Icon.Question, tr("Export data"),
                          DatumShiftError(None, item.out_name, *pair, carried).message + ".", parent=self)
        enter = box.addButton(tr("Enter 7 parameters…"), QMessageBox.ButtonRole.AcceptRole)
        own = box.addButton(tr("Use the file's parameters"), QMessageBox.ButtonRole.AcceptRole) if carried else None
        keep = box.addButton(tr("Keep the coordinates (up to about 100 m off)"),
                             QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is keep:
            return KEEP
        if own is not None and clicked is own:
            return carried
        if clicked is not enter:
            return None
        text, ok = QInputDialog.getText(
            self, tr("Export data"), tr("Seven parameters dx, dy, dz (m), rx, ry, rz (″), ds (ppm), rotations as in "
                                        "PROJ's +towgs84:"))
        if not ok or not text.strip():
            return None
        try:
            bursa_wolf_shift(pair[0], text, pair[1])
        except ValueError as exc:
            QMessageBox.warning(self, tr("Export data"), str(exc))
            return None
        return text.strip()

    def run(self) -> None:
        items = self.items()
        target = self.target.text().strip()
        if not items or not target:
            QMessageBox.information(self, tr("Export data"), tr("Choose at least one layer and where to save."))
            return
        typed = self.crs.currentText().strip()
        crs = self.crs.currentData() if typed == self.crs.itemText(self.crs.currentIndex()) else typed
        options = {"crs": crs or None,
                   "encoding": self.encoding.currentData() if self.encoding.isEnabled() else None,
                   "geometry": self.geometry.currentData()}
        if not self._confirm_assumed_crs(items, options) or not self._settle_datum_shifts(items, options):
            return
        ext = self._ext()
        target = Path(target)
        self.ok_button.setEnabled(False)
        self.task = start_export(self, tr("Exporting {name}").format(name=target.name),
                                 lambda feedback: export_data(items, target, ext, feedback=feedback, **options),
                                 title=tr("Export data"), target=target, on_finished=self._written)
        self.task.ended.connect(lambda: self.ok_button.setEnabled(True))

    def _written(self, exported) -> None:
        self.result_notes = exported.notes
        message = tr("Wrote {n} file(s).").format(n=len(exported.paths))
        if exported.notes:
            message += "\n\n" + "\n".join(exported.notes)
        QMessageBox.information(self, tr("Export data"), message)
        self.accept()
