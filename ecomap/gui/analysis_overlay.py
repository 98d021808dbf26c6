"""Overlap-report and distance-query dialogs (mines × red lines, farms within 500 m of a river …).

Both run off the GUI thread, show the pairs in a sortable table, highlight the overlap
pieces (or the features found) on the map, zoom to a row on double-click, and export
to XLSX / CSV / GeoPackage.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QTabWidget,
)

from ecomap.analysis import overlay, proximity
from ecomap.gui import analysis_common as ac
from ecomap.i18n import tr


class OverlayDialog(ac.AnalysisDialog):
    def __init__(self, main_window, parent=None):
        super().__init__(main_window, tr("Overlap report"), parent)
        self.result = None
        self.layer_a = ac.LayerCombo(main_window, "vector", ("Point", "LineString", "Polygon"))
        self.layer_b = ac.LayerCombo(main_window, "vector", ("Polygon",))
        self.layer_b.refresh(prefer_theme="redlines")
        self.by_a = QLineEdit()
        self.by_a.setPlaceholderText(tr("fields of A to group by, comma-separated (optional)"))
        self.by_b = QLineEdit()
        self.by_b.setPlaceholderText(tr("fields of B to group by (optional)"))
        form = QFormLayout()
        form.addRow(tr("Layer A"), self.layer_a)
        form.addRow(tr("Layer B"), self.layer_b)
        form.addRow(tr("Group A by"), self.by_a)
        form.addRow(tr("Group B by"), self.by_b)
        self.pairs_model, self.summary_model = ac.FrameModel(), ac.FrameModel()
        self.pairs_view = ac.table_view(self.pairs_model)
        self.pairs_view.doubleClicked.connect(self._zoom_row)
        tabs = QTabWidget()
        tabs.addTab(self.pairs_view, tr("Overlapping pairs"))
        tabs.addTab(ac.table_view(self.summary_model), tr("Summary"))
        self._finish(form, tabs, (820, 560))

    def run(self) -> None:
        na, nb = self.layer_a.current_node(), self.layer_b.current_node()
        if na is None or nb is None:
            return
        wa, wb = ac.workspace_layer(na), ac.workspace_layer(nb)
        by_a, by_b = ac.split_fields(self.by_a.text()), ac.split_fields(self.by_b.text())
        def task(fb):
            result = overlay.run(wa, wb, by_a=by_a, by_b=by_b, feedback=fb.sub(0.0, 0.8))
            result.summary(feedback=fb.sub(0.8, 1.0))  # dissolving overlaps: in the worker, then cached
            return result

        self.runner.start(task)

    def _show(self, result) -> None:
        self.result = result
        a, b = result.a_title, result.b_title
        self.pairs_model.set_frame(result.table, ac.headers_for(result.table.columns, a, b))
        summary = result.summary()
        self.summary_model.set_frame(summary, ac.headers_for(summary.columns, a, b))
        self.export_button.setEnabled(True)
        ac.highlight(self.mw, result.geometries, result.crs)

    def _zoom_row(self, index) -> None:
        if self.result is not None:
            row = self.pairs_model.frame_row(index.row())
            ac.zoom_to(self.mw, [self.result.geometries[row]], self.result.crs)

    def export(self) -> None:
        from ecomap.services.analysis_reports import overlay_sheets

        self._export(tr("Export overlap report"), "重叠分析.xlsx", lambda path: overlay_sheets(self.result),
                     a=self.result.a_title, b=self.result.b_title)


class ProximityDialog(ac.AnalysisDialog):
    """Features of one layer within a distance of another's (or the nearest one)."""

    def __init__(self, main_window, parent=None):
        super().__init__(main_window, tr("Distance query"), parent)
        self.table = None
        self.targets = ac.LayerCombo(main_window, "vector", ("Point", "LineString", "Polygon"))
        self.targets.refresh(prefer_theme="farms")
        self.sources = ac.LayerCombo(main_window, "vector", ("Point", "LineString", "Polygon"))
        self.sources.refresh(prefer_theme="rivers")
        self.distance = QDoubleSpinBox()
        self.distance.setRange(0, 1_000_000)
        self.distance.setValue(500)
        self.distance.setSuffix(" m")
        self.nearest_only = QCheckBox(tr("only the nearest one per feature"))
        self.nearest_only.setChecked(True)
        form = QFormLayout()
        form.addRow(tr("Find features of"), self.targets)
        form.addRow(tr("within"), self.distance)
        form.addRow(tr("of features of"), self.sources)
        form.addRow("", self.nearest_only)
        self.model = ac.FrameModel()
        self._finish(form, ac.table_view(self.model), (640, 480), export_row=False)

    def run(self) -> None:
        nt, ns = self.targets.current_node(), self.sources.current_node()
        if nt is None or ns is None:
            return
        wt, ws = ac.workspace_layer(nt), ac.workspace_layer(ns)
        d, nearest_only = self.distance.value(), self.nearest_only.isChecked()
        self._target = wt
        self.runner.start(lambda fb: proximity.within_distance(wt, ws, d, nearest_only=nearest_only, feedback=fb))

    def _show(self, table) -> None:
        self.table = table
        self.model.set_frame(table, ac.headers_for(table.columns))
        self.export_button.setEnabled(True)
        from ecomap.analysis import common

        layer = self._target.layer
        rows = np.flatnonzero(np.isin(np.asarray(layer.features.index), table["target_fid"].to_numpy()))
        ac.highlight(self.mw, layer.geometry[rows], common.layer_crs(layer), "#ff6f00")

    def export(self) -> None:
        from ecomap.services.analysis_reports import table_sheet

        self._export(tr("Export distance query"), "距离查询.xlsx",
                     lambda path: [table_sheet("距离查询", self.table, "proximity")])
