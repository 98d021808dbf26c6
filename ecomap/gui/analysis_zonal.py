"""Zonal statistics dialog: NDVI per polygon, vegetation recovery between two dates, mean slope.

The recovered / not recovered rows are tinted green / red and the polygons that did
not recover are highlighted on the map.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ecomap.analysis import zonal
from ecomap.gui import analysis_common as ac
from ecomap.i18n import tr


class ZonalDialog(ac.AnalysisDialog):
    def __init__(self, main_window, parent=None):
        super().__init__(main_window, tr("Zonal statistics"), parent)
        self.table = None
        self.polygons = ac.LayerCombo(main_window, "vector", ("Polygon",))
        self.polygons.refresh(prefer_theme="restoration_projects")
        self.mode = QButtonGroup(self)
        self.rb_recovery = QRadioButton(tr("Vegetation recovery (two NDVI rasters)"))
        self.rb_stats = QRadioButton(tr("Statistics of one raster"))
        self.rb_slope = QRadioButton(tr("Mean slope from a DEM"))
        for i, rb in enumerate((self.rb_recovery, self.rb_stats, self.rb_slope)):
            self.mode.addButton(rb, i)
        self.rb_recovery.setChecked(True)
        self.raster_a = ac.LayerCombo(main_window, "raster")
        self.raster_b = ac.LayerCombo(main_window, "raster")
        self._prefer_rasters()
        self.min_gain = QDoubleSpinBox()
        self.min_gain.setDecimals(3)
        self.min_gain.setRange(-1, 1)
        self.min_gain.setSingleStep(0.01)
        self.min_gain.setValue(zonal.DEFAULT_MIN_GAIN)
        self.stats_edit = QLineEdit(",".join(zonal.DEFAULT_STATS))
        self.all_touched = QCheckBox(tr("count every pixel the polygon touches (else only pixels whose "
                                        "centre lies inside)"))
        self.min_pixels = QSpinBox()
        self.min_pixels.setRange(0, 1_000_000)
        self.min_pixels.setValue(zonal.DEFAULT_MIN_PIXELS)
        form = QFormLayout()
        form.addRow(tr("Polygons"), self.polygons)
        form.addRow(self.rb_recovery)
        form.addRow(self.rb_stats)
        form.addRow(self.rb_slope)
        form.addRow(tr("Raster (before / DEM)"), self.raster_a)
        form.addRow(tr("Raster (after)"), self.raster_b)
        form.addRow(tr("Recovered when mean NDVI rose by at least"), self.min_gain)
        form.addRow(tr("Statistics"), self.stats_edit)
        form.addRow("", self.all_touched)
        form.addRow(tr("Mean unreliable below (valid pixels)"), self.min_pixels)
        self.model = ac.FrameModel()
        self.notes = QLabel("")
        self.notes.setWordWrap(True)
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(ac.table_view(self.model), 1)
        lay.addWidget(self.notes)
        self._finish(form, body, (860, 600))

    def _prefer_rasters(self) -> None:
        """Earliest NDVI raster as "before", latest as "after" (names carry the year: ndvi_2019, ndvi_2024)."""
        names = [self.raster_a.itemText(i) for i in range(self.raster_a.count())]
        ndvi = sorted((n, i) for i, n in enumerate(names) if "ndvi" in n.lower())
        if len(ndvi) >= 2:
            self.raster_a.setCurrentIndex(ndvi[0][1])
            self.raster_b.setCurrentIndex(ndvi[-1][1])

    def run(self) -> None:
        poly_node, ra, rb = self.polygons.current_node(), self.raster_a.current_node(), self.raster_b.current_node()
        if poly_node is None or ra is None:
            return
        polygons = ac.workspace_layer(poly_node)
        all_touched = self.all_touched.isChecked()
        min_pixels = self.min_pixels.value()
        mode = self.mode.checkedId()
        self._polygons = polygons
        if mode == 0:
            if rb is None:
                return
            gain = self.min_gain.value()
            self.runner.start(lambda fb: zonal.vegetation_recovery(polygons, ra.layer, rb.layer, min_gain=gain,
                                                                   all_touched=all_touched, min_pixels=min_pixels,
                                                                   feedback=fb))
        elif mode == 1:
            stats = [s.strip() for s in self.stats_edit.text().split(",") if s.strip()]
            self.runner.start(lambda fb: zonal.run(polygons, ra.layer, stats=stats, all_touched=all_touched,
                                                   min_pixels=min_pixels, feedback=fb))
        else:
            self.runner.start(lambda fb: zonal.mean_slope(polygons, ra.layer, all_touched=all_touched,
                                                          min_pixels=min_pixels, feedback=fb))

    def _show(self, table) -> None:
        self.table = table
        colors = {}
        if "recovered" in table:
            for i, v in enumerate(table["recovered"].to_numpy()):
                if v is True:
                    colors[i] = "#e8f5e9"
                elif v is False:
                    colors[i] = "#ffebee"
        for i in np.flatnonzero(table["few_pixels"].to_numpy(dtype=bool)) if "few_pixels" in table else ():
            colors[int(i)] = "#fff8e1"  # too few pixels: the flag above means little
        self.model.set_frame(table, ac.headers_for(table.columns), colors)
        self.notes.setText("\n".join(zonal.notes(table)))
        self.export_button.setEnabled(True)
        if "recovered" in table:
            from ecomap.analysis import common

            layer = self._polygons.layer
            failed = np.flatnonzero(table["recovered"].to_numpy() == False)
            ac.highlight(self.mw, layer.geometry[failed], common.layer_crs(layer), "#e53935")

    def export(self) -> None:
        from ecomap.services.analysis_reports import table_sheet, zonal_notes

        def sheets(path):
            layer = self._polygons.layer
            geoms = layer.geometry if path.lower().endswith(".gpkg") else None
            return [table_sheet("分区统计", self.table, "zonal", geoms, layer.features.crs)]

        self._export(tr("Export zonal statistics"), "分区统计.xlsx", sheets, info=zonal_notes(self.table))
