"""Statistics by township: a table of each theme's area/share/count per unit and a bar chart.

The chart is a pyqtgraph bar graph of one layer's measure per unit (chosen in a combo
box); the numbers are precomputed by :mod:`ecomap.analysis.stats`, so painting never
computes anything.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ecomap.analysis import stats
from ecomap.gui import analysis_common as ac
from ecomap.i18n import tr

_SKIP_THEMES = {"county", "townships"}


class StatsDialog(ac.AnalysisDialog):
    clears_highlight = False  # draws a chart, not a map highlight

    def __init__(self, main_window, parent=None):
        super().__init__(main_window, tr("Statistics by township"), parent)
        self.result = None
        self.units = ac.LayerCombo(main_window, "vector", ("Polygon",))
        self.units.refresh(prefer_theme="townships")
        self.layers = QListWidget()
        self.layers.setMaximumHeight(140)
        self._fill_layers()
        form = QFormLayout()
        form.addRow(tr("Administrative units"), self.units)
        form.addRow(tr("Layers"), self.layers)
        note = QLabel(tr("Areas are the land each layer covers in a unit: overlapping features of one layer "
                         "count once, so a share never exceeds 100 %. The feature area sum adds every "
                         "feature and counts overlaps again."))
        note.setWordWrap(True)
        form.addRow(note)
        self.model = ac.FrameModel()
        self.chart_layer = QComboBox()
        self.chart_layer.currentIndexChanged.connect(self._draw_chart)
        self.chart = self._make_chart()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(ac.table_view(self.model))
        chart_box = QWidget()
        cl = QVBoxLayout(chart_box)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.chart_layer)
        if self.chart is not None:
            cl.addWidget(self.chart, 1)
        splitter.addWidget(chart_box)
        self._finish(form, splitter, (860, 680))

    def _fill_layers(self) -> None:
        self.layers.clear()
        for node in ac.layer_nodes(self.mw, "vector", ("Point", "LineString", "Polygon")):
            item = QListWidgetItem(node.name)
            item.setData(Qt.ItemDataRole.UserRole, node)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            thematic = node.theme is not None and node.theme not in _SKIP_THEMES
            item.setCheckState(Qt.CheckState.Checked if thematic else Qt.CheckState.Unchecked)
            self.layers.addItem(item)

    def _make_chart(self):
        try:
            import pyqtgraph as pg
        except ImportError:  # the table still works without the chart
            return None
        plot = pg.PlotWidget(background="w")
        plot.showGrid(y=True, alpha=0.3)
        plot.setMinimumHeight(200)
        return plot

    def checked_nodes(self) -> list:
        out = []
        for i in range(self.layers.count()):
            item = self.layers.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def run(self) -> None:
        unit_node = self.units.current_node()
        if unit_node is None:
            return
        units = ac.workspace_layer(unit_node)
        layers = [ac.workspace_layer(n) for n in self.checked_nodes() if n is not unit_node]
        self.runner.start(lambda fb: stats.run(units, layers, feedback=fb))

    def _show(self, result) -> None:
        self.result = result
        wide = result.wide()
        self.model.set_frame(wide, ac.headers_for(wide.columns))
        self.chart_layer.blockSignals(True)
        self.chart_layer.clear()
        for title, _kind in result.layers:
            self.chart_layer.addItem(title)
        self.chart_layer.blockSignals(False)
        self.export_button.setEnabled(True)
        self._draw_chart()

    def _draw_chart(self) -> None:
        if self.chart is None or self.result is None or self.chart_layer.count() == 0:
            return
        import pyqtgraph as pg

        title = self.chart_layer.currentText()
        names, values = self.result.chart(title)
        kind = dict(self.result.layers)[title]
        unit = {"area": tr("ha"), "count": tr("count"), "length": tr("m")}[kind]
        self.chart.clear()
        x = np.arange(len(values))
        self.chart.addItem(pg.BarGraphItem(x=x, height=values, width=0.6, brush="#43a047"))
        self.chart.getAxis("bottom").setTicks([list(zip(x.tolist(), names))])
        self.chart.setLabel("left", f"{title} ({unit})")

    def export(self) -> None:
        from ecomap.services.analysis_reports import STATS_NOTES, stats_sheets

        self._export(tr("Export statistics"), "分乡镇统计.xlsx", lambda path: stats_sheets(self.result),
                     info=STATS_NOTES)
