"""The site-screening dialog: pick or draw a footprint, screen it, see why, export the report.

The footprint comes from drawing on the map (a polygon tool; finishing it screens at
once — a few milliseconds on the county data), the features selected on a layer, a
file (parcel coordinate TXT, Shapefile, KML …) or typed coordinates / WKT. The
result shows the conclusion in its colour (无法判定 with the distance when the site
lies outside the county the layers cover), the township(s) it lies in, the rules that
decided it, every overlap (highlighted in red on the map), the red lines and
drinking-water zones within the warning distance and the nearest water features; it
exports as PDF (map and tables) or as XLSX / CSV / GeoPackage tables.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
)

from ecomap.analysis import footprint as fp_mod
from ecomap.analysis import screening, screening_rules
from ecomap.core.measure import SQM_PER_HECTARE, SQM_PER_MU
from ecomap.gui import analysis_common as ac
from ecomap.gui.map_tools import PolylineTool
from ecomap.i18n import language, tr

FOOTPRINT_KEY = "analysis-footprint"


class DrawFootprintTool(PolylineTool):
    """Click the corners of the footprint; double-click, right-click or Enter finishes."""

    closed = True
    drawn = Signal(object)  # shapely Polygon in the map CRS

    def done(self, event):
        if len(self.points) >= 3:
            self.drawn.emit(shapely.Polygon(self.points))
        self.points, self.finished_shape = [], False
        self.update()


class ScreeningDialog(QDialog):
    """Non-modal: stays open beside the map while the user draws and re-screens."""

    def __init__(self, main_window, parent=None):
        super().__init__(parent or main_window)
        self.mw = main_window
        self.setWindowTitle(tr("Site screening"))
        self.result = None
        self._drawn = None  # (geometry, crs)
        self.runner = ac.AnalysisRunner(self)
        self.tool = DrawFootprintTool(main_window.tools) if getattr(main_window, "tools", None) else None
        if self.tool is not None:
            self.tool.drawn.connect(self._on_drawn)
        self._build()
        self.runner.finished.connect(self._show)
        self.runner.failed.connect(lambda e: ac.show_error(self, e))

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        source = QGroupBox(tr("Footprint"))
        grid = QGridLayout(source)
        self.mode = QButtonGroup(self)
        self.rb_draw = QRadioButton(tr("Draw on the map"))
        self.rb_selected = QRadioButton(tr("Selected features of"))
        self.rb_file = QRadioButton(tr("File (parcel TXT, Shapefile, KML …)"))
        self.rb_text = QRadioButton(tr("Coordinates or WKT"))
        for i, rb in enumerate((self.rb_draw, self.rb_selected, self.rb_file, self.rb_text)):
            self.mode.addButton(rb, i)
        self.rb_draw.setChecked(True)
        self.draw_button = QPushButton(tr("Draw…"))
        self.draw_button.clicked.connect(self._start_drawing)
        self.draw_state = QLabel(tr("nothing drawn yet"))
        self.selected_layer = ac.LayerCombo(self.mw, "vector", ("Point", "LineString", "Polygon"))
        self.file_edit = QLineEdit()
        browse = QPushButton(tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.feature_edit = QLineEdit()
        self.feature_edit.setPlaceholderText(tr("feature id or name (optional)"))
        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText(tr("POLYGON ((x y, …)) or one \"x, y\" pair per line"))
        self.text_edit.setMaximumHeight(70)
        self.crs_edit = QLineEdit()
        self.crs_edit.setPlaceholderText(tr("EPSG code (optional)"))
        grid.addWidget(self.rb_draw, 0, 0)
        grid.addWidget(self.draw_button, 0, 1)
        grid.addWidget(self.draw_state, 0, 2)
        grid.addWidget(self.rb_selected, 1, 0)
        grid.addWidget(self.selected_layer, 1, 1, 1, 2)
        grid.addWidget(self.rb_file, 2, 0)
        row = QHBoxLayout()
        row.addWidget(self.file_edit)
        row.addWidget(browse)
        grid.addLayout(row, 2, 1, 1, 2)
        grid.addWidget(self.feature_edit, 3, 1, 1, 2)
        grid.addWidget(self.rb_text, 4, 0)
        grid.addWidget(self.text_edit, 4, 1, 1, 2)
        grid.addWidget(self.crs_edit, 5, 1, 1, 2)

        form = QFormLayout()
        self.project_type = QComboBox()
        for key, (zh, en) in screening_rules.PROJECT_TYPES.items():
            self.project_type.addItem(zh if language() == "zh_CN" else en, key)
        self.buffer = QDoubleSpinBox()
        self.buffer.setRange(0.1, 10_000)
        self.buffer.setValue(fp_mod.DEFAULT_BUFFER_M)
        self.buffer.setSuffix(" m")
        self.warn_distance = QDoubleSpinBox()
        self.warn_distance.setRange(0, 100_000)
        self.warn_distance.setDecimals(1)
        self.warn_distance.setValue(screening_rules.DEFAULT_WARN_DISTANCE_M)
        self.warn_distance.setSuffix(" m")
        form.addRow(tr("Project type"), self.project_type)
        form.addRow(tr("Buffer for lines and points"), self.buffer)
        form.addRow(tr("Warn within (red lines, drinking-water zones)"), self.warn_distance)

        self.run_panel = ac.RunPanel(self.runner, tr("Screen"))
        self.run_panel.run_button.clicked.connect(self.run)

        self.verdict = QLabel("")
        self.verdict.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.verdict.setWordWrap(True)
        self.area = QLabel("")
        self.townships = QLabel("")
        self.tabs = QTabWidget()
        self.rules_model, self.overlaps_model, self.nearest_model = ac.FrameModel(), ac.FrameModel(), ac.FrameModel()
        self.nearby_model = ac.FrameModel()
        self.overlaps_view = ac.table_view(self.overlaps_model)
        self.overlaps_view.doubleClicked.connect(self._zoom_overlap)
        self.tabs.addTab(ac.table_view(self.rules_model), tr("Rules"))
        self.tabs.addTab(self.overlaps_view, tr("Overlaps"))
        self.tabs.addTab(ac.table_view(self.nearby_model), tr("Nearby red lines and water zones"))
        self.tabs.addTab(ac.table_view(self.nearest_model), tr("Nearest water features"))

        buttons = QHBoxLayout()
        self.pdf_button = QPushButton(tr("Export PDF report…"))
        self.table_button = QPushButton(tr("Export tables…"))
        self.zoom_button = QPushButton(tr("Zoom to footprint"))
        for b in (self.pdf_button, self.table_button, self.zoom_button):
            b.setEnabled(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.table_button.clicked.connect(self.export_tables)
        self.zoom_button.clicked.connect(self._zoom_footprint)

        lay = QVBoxLayout(self)
        lay.addWidget(source)
        lay.addLayout(form)
        lay.addWidget(self.run_panel)
        lay.addWidget(self.verdict)
        lay.addWidget(self.area)
        lay.addWidget(self.townships)
        lay.addWidget(self.tabs, 1)
        lay.addLayout(buttons)
        self.resize(760, 640)

    # ------------------------------------------------------------------ footprint sources

    def _start_drawing(self) -> None:
        if self.tool is not None:
            self.rb_draw.setChecked(True)
            self.mw.tools.set_tool(self.tool)

    def _on_drawn(self, polygon) -> None:
        self._drawn = (polygon, ac.map_crs(self.mw))
        self.draw_state.setText(tr("drawn: {n} corners").format(n=len(polygon.exterior.coords) - 1))
        self.rb_draw.setChecked(True)
        self.run()

    def set_drawn(self, polygon, crs) -> None:
        """Use ``polygon`` (in ``crs``) as the drawn footprint (also for tests and other tools)."""
        self._drawn = (polygon, crs)
        self.rb_draw.setChecked(True)
        self.draw_state.setText(tr("drawn: {n} corners").format(n=max(0, len(shapely.get_coordinates(polygon)) - 1)))

    def _browse(self) -> None:
        from ecomap.io.registry import file_filter

        path, _ = QFileDialog.getOpenFileName(self, tr("Footprint file"), "", file_filter())
        if path:
            self.file_edit.setText(path)
            self.rb_file.setChecked(True)

    def _footprint_task(self):
        """A function (run in the worker) that builds the footprint, or raises DataError."""
        from ecomap.errors import DataError

        buffer_m = self.buffer.value()
        data_crs = ac.map_crs(self.mw)
        mode = self.mode.checkedId()
        if mode == 0:
            if self._drawn is None:
                raise DataError(None, tr("draw the footprint on the map first"))
            geometry, crs = self._drawn
            return lambda: fp_mod.make(geometry, crs, tr("drawn on the map"), buffer_m)
        if mode == 1:
            node = self.selected_layer.current_node()
            rows = self.mw.selection.rows(node.id) if node is not None else np.empty(0, int)
            if node is None or len(rows) == 0:
                raise DataError(None, tr("select one or more features of the layer first"))
            layer = node.layer
            geoms = layer.geometry[np.asarray(rows, dtype=int)]
            source = f"{node.name} ({len(rows)})"
            from ecomap.analysis import common

            return lambda: fp_mod.make(shapely.union_all(geoms), common.layer_crs(layer), source, buffer_m)
        if mode == 2:
            path = self.file_edit.text().strip()
            feature = self.feature_edit.text().strip() or None
            if not path:
                raise DataError(None, tr("choose a footprint file"))
            return lambda: fp_mod.from_file(path, feature=feature, buffer_m=buffer_m)
        text = self.text_edit.toPlainText().strip()
        crs = fp_mod.parse_crs(self.crs_edit.text().strip() or None)
        if text.upper().startswith(("POLYGON", "MULTIPOLYGON", "LINESTRING", "MULTILINESTRING", "POINT")):
            return lambda: fp_mod.from_wkt(text, crs=crs, data_crs=data_crs, buffer_m=buffer_m)
        pairs = []
        for line in text.replace("，", ",").splitlines():
            parts = [p for p in line.replace(",", " ").split() if p]
            if len(parts) >= 2:
                try:
                    pairs.append((float(parts[-2]), float(parts[-1])))
                except ValueError:
                    raise DataError(None, tr("not a coordinate pair: {line}").format(line=line)) from None
        return lambda: fp_mod.from_coordinates(pairs, crs=crs, data_crs=data_crs, buffer_m=buffer_m)

    # ------------------------------------------------------------------ running

    def run(self) -> None:
        try:
            make_footprint = self._footprint_task()
        except Exception as exc:  # noqa: BLE001 - DataError from the form, shown
            ac.show_error(self, exc)
            return
        layers = [ac.workspace_layer(n) for n in ac.layer_nodes(self.mw, "vector")]
        project_type = self.project_type.currentData()
        warn_m = self.warn_distance.value()

        def task(feedback):
            fp = make_footprint()
            return screening.run(fp, layers, project_type=project_type, warn_distance_m=warn_m,
                                 feedback=feedback), layers

        self.runner.start(task)

    def _show(self, payload) -> None:
        result, layers = payload
        self.result, self._layers = result, layers
        color = screening_rules.VERDICT_COLORS.get(result.verdict, "#000000")
        self.verdict.setText(tr("Conclusion: {verdict}").format(verdict=result.conclusion()))
        self.verdict.setStyleSheet(f"font-size: 20px; font-weight: bold; color: {color};")
        a = result.footprint_area_m2
        self.area.setText(tr("Footprint area: {m2:,.2f} m² ({mu:,.3f} mu, {ha:,.4f} ha) — screened in {ms:.0f} ms")
                          .format(m2=a, mu=a / SQM_PER_MU, ha=a / SQM_PER_HECTARE, ms=result.elapsed_s * 1000))
        towns = "、".join(f"{t.name} ({t.share:.1%})" for t in result.townships) or "—"
        self.townships.setText(tr("Township: {names}").format(names=towns))
        rules = pd.DataFrame([{"verdict": r.rule.verdict, "reason": r.text(), "basis": r.rule.basis,
                               "layer": "、".join(r.layers)} for r in result.rules],
                             columns=["verdict", "reason", "basis", "layer"])
        overlaps = pd.DataFrame([o.to_json() for o in result.overlaps],
                                columns=["verdict", "layer", "feature_id", "name", "type", "area_m2", "area_mu",
                                         "share"])
        # the worst first; the row order stays aligned with result.overlaps for zooming
        order = sorted(range(len(result.overlaps)),
                       key=lambda i: -screening_rules.SEVERITY.get(result.overlaps[i].verdict, 0))
        self._overlap_order = order
        overlaps = overlaps.iloc[order].reset_index(drop=True)
        nearest = pd.DataFrame([n.to_json() for n in result.nearest],
                               columns=["layer", "feature_id", "name", "type", "distance_m"])
        nearby = pd.DataFrame([n.to_json() for n in result.nearby],
                              columns=["verdict", "layer", "feature_id", "name", "type", "distance_m"])
        for model, frame in ((self.rules_model, rules), (self.overlaps_model, overlaps),
                             (self.nearby_model, nearby), (self.nearest_model, nearest)):
            model.set_frame(frame, ac.headers_for(frame.columns))
        self.tabs.setCurrentIndex(1 if result.overlaps else 2 if result.nearby else 0)
        for b in (self.pdf_button, self.table_button, self.zoom_button):
            b.setEnabled(True)
        fp = result.footprint
        ac.highlight(self.mw, [fp.geometry], fp.crs, "#1565c0", FOOTPRINT_KEY)
        pieces = [ac_to(o.geometry, o.crs, fp.crs) for o in result.overlaps]
        ac.highlight(self.mw, pieces, fp.crs, "#e53935")

    def _zoom_overlap(self, index) -> None:
        if self.result is None:
            return
        o = self.result.overlaps[self._overlap_order[self.overlaps_model.frame_row(index.row())]]
        ac.zoom_to(self.mw, [o.geometry], o.crs)

    def _zoom_footprint(self) -> None:
        if self.result is not None:
            ac.zoom_to(self.mw, [self.result.footprint.geometry], self.result.footprint.crs)

    # ------------------------------------------------------------------ export

    def export_pdf(self):
        from pathlib import Path

        from ecomap.gui.export_actions import start_export, status_message
        from ecomap.services.exports import write_screening_pdf

        path = ac.ask_save(self, tr("Export PDF report"), "PDF (*.pdf)", "选址分析报告.pdf")
        if not path:
            return None
        path = Path(path)
        result, layers = self.result, self._layers
        return start_export(self, tr("Exporting {name}").format(name=path.name),
                            lambda feedback: write_screening_pdf(result, path, layers, feedback=feedback),
                            title=tr("Export PDF report"), target=path, status=status_message(self.mw))

    def export_tables(self):
        from pathlib import Path

        from ecomap.gui.export_actions import start_export, status_message
        from ecomap.services.exports import write_screening_tables

        path = ac.ask_save(self, tr("Export tables"), "Excel (*.xlsx);;CSV (*.csv);;GeoPackage (*.gpkg)",
                           "选址分析.xlsx")
        if not path:
            return None
        path = Path(path)
        result = self.result
        return start_export(self, tr("Exporting {name}").format(name=path.name),
                            lambda feedback: write_screening_tables(result, path, feedback=feedback),
                            title=tr("Export tables"), target=path, status=status_message(self.mw))

    def closeEvent(self, event) -> None:
        self.runner.cancel()
        tools = getattr(self.mw, "tools", None)
        if tools is not None:
            tools.clear_highlight(FOOTPRINT_KEY)
            tools.clear_highlight(ac.HIGHLIGHT_KEY)
            if tools.tool is self.tool:
                tools.set_tool(None)
        super().closeEvent(event)


def ac_to(geometry, src, dst):
    from ecomap.analysis import common

    return common.to_crs(np.array([geometry], dtype=object), src, dst)[0]
