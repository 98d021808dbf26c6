"""Water-quality panel: sections of a month with class, target, 达标 and failing parameters.

A view over :class:`~ecomap.domain.water_report.WaterDataset` (every section-month
classified once by GB 3838-2002, single factor), which
:func:`~ecomap.services.panel_data.load_water` builds off the GUI thread from the section
layer the project already read and the measurements table, whenever those change. The
month slider (arrow keys, PgUp/PgDn) chooses the month: the table and the Ⅰ–Ⅲ / 劣Ⅴ /
达标率 summary follow, and the section layer on the map takes that month's class colours
through its style (categorized on the section code, one entry per section) — the layer's
own data is never written to. For the chosen section a pyqtgraph time series shows each
parameter against the class limits drawn as coloured bands.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSlider,
    QSplitter,
    QWidget,
)

from ecomap.domain import water_quality as wq
from ecomap.domain.themes import WATER_CLASS_FIELD
from ecomap.domain.water_report import WaterDataset
from ecomap.gui.panels import charts
from ecomap.gui.panels.panel_loader import PanelLoader, failure_text
from ecomap.gui.panels.table_model import (
    OVERDUE_BRUSH,
    Column,
    FrameTableModel,
    current_frame_row,
    make_table,
    select_frame_row,
)
from ecomap.gui.panels.widgets import busy_hint, percent, shortcut, stack, summary_label
from ecomap.i18n import tr
from ecomap.services import panel_data
from ecomap.services.panel_data import WaterData

THEME = "water_sections"


def _class_bg(v):
    c = wq.parse_class(v)
    if not c:
        return None
    q = QColor(wq.class_color(c))
    q.setAlpha(150)
    return q


def _meets_text(v) -> str:
    if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
        return "—"
    return tr("Yes") if bool(v) else tr("No")


def failing_text(failing) -> str:
    parts = []
    for e in failing or []:
        name = wq.display_name(e.parameter)
        if e.ratio is None:
            parts.append(f"{name} {e.value:g}")
        else:
            parts.append(tr("{name} {value:g} ({ratio:.2f}× over)").format(name=name, value=e.value, ratio=e.ratio))
    return "、".join(parts)


def limit_bands(param: str, water_body: str, top: float) -> list[tuple[float, float, str, str]]:
    """(low, high, colour, label) bands of the classes of ``param`` up to ``top``."""
    p = wq.PARAMETERS[param]
    if p.kind == "range":
        lo, hi = wq.PH_RANGE
        return [(0.0, lo, wq.class_color("劣Ⅴ"), "劣Ⅴ"), (lo, hi, wq.class_color("Ⅰ"), "Ⅰ–Ⅴ"),
                (hi, max(top, hi + 1), wq.class_color("劣Ⅴ"), "劣Ⅴ")]
    limits = list(p.limits_for(wq.normalize_water_body(water_body) == "lake"))
    names = list(wq.CLASSES)
    out = []
    if p.kind == "min":  # DO: higher is better
        edges = [max(top, limits[0] * 1.2)] + limits + [0.0]
        for k in range(6):
            high, low = edges[k], edges[k + 1]
            if high > low:
                out.append((low, high, wq.class_color(names[k]), names[k]))
        return out
    edges = [0.0] + limits + [max(top, limits[-1] * 1.3)]
    for k in range(6):
        low, high = edges[k], edges[k + 1]
        if high > low:
            out.append((low, high, wq.class_color(names[k]), names[k]))
    return out


class WaterPanel(QWidget):
    def __init__(self, hub, parent=None):
        super().__init__(parent)
        self.setObjectName("water-panel")
        self.hub = hub
        self.node = None
        self.dataset: WaterDataset | None = None
        self.months: list[str] = []
        self.report = None
        self.data = WaterData()
        self._quiet = False  # a programmatic selection does not touch the map
        self.loader = PanelLoader(hub, panel_data.WATER_NEEDS, panel_data.load_water,
                                  tr("Loading the water-quality data"), self)
        self.loader.loaded.connect(self.apply)
        self.loader.failed.connect(self._load_failed)

        self.message = QLabel(tr("Load a water-sections layer with its monthly measurements (e.g. the sample "
                                 "county.gpkg) to see water quality here."))
        self.message.setWordWrap(True)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setPageStep(12)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(12)
        self.month_label = QLabel()
        self.month_label.setMinimumWidth(70)
        month_title = QLabel(tr("&Month"))
        month_title.setBuddy(self.slider)
        row = QHBoxLayout()
        row.addWidget(month_title)
        row.addWidget(self.slider, 1)
        row.addWidget(self.month_label)

        # one bar per month: how many sections missed their target (find the bad months at a glance)
        self.strip = charts.new_plot(tr("Sections missing their target, per month"), height=90)
        self.strip.setMaximumHeight(110)
        self.summary = summary_label()

        self.table_model = FrameTableModel([
            Column("name", tr("Section")),
            Column("target", tr("Target"), align="center"),
            Column("cls", tr("Class"), align="center", background=_class_bg),
            Column("meets", tr("Meets target"), _meets_text, "center"),
            Column("failing_text", tr("Failing parameters (× over the target limit)"), tooltip=True),
            Column("river", tr("River or lake")),
            Column("level", tr("Level"), align="center"),
            Column("code", tr("Section code")),
        ], self)
        self.table_model.row_brush = self._row_brush
        self.table, self.proxy = make_table(self.table_model, self)
        self.table.setColumnWidth(0, 130)
        self.table.setColumnWidth(4, 200)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(lambda idx: self.show_on_map())

        self.parameter = QComboBox()
        param_label = QLabel(tr("&Parameter"))
        param_label.setBuddy(self.parameter)
        self.plot = charts.new_plot(height=220)
        self.plot.getPlotItem().showGrid(x=False, y=True, alpha=0.15)
        self.parameter.currentIndexChanged.connect(self._update_plot)
        bottom = QWidget()
        bl = QGridLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(param_label, 0, 0)
        bl.addWidget(self.parameter, 0, 1)
        bl.setColumnStretch(1, 1)
        bl.addWidget(self.plot, 1, 0, 1, 2)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 300])
        stack(self, busy_hint(self.loader), self.message, row, self.strip, self.summary, splitter)

        self.slider.valueChanged.connect(self._month_changed)
        shortcut(self, "Ctrl+M", self.slider.setFocus)
        self._show_enabled(False)
        self.loader.reload()

    # ------------------------------------------------------------------ data

    def reload(self) -> None:
        """Load the data again now (it also reloads by itself when its layers change)."""
        self.loader.reload()

    def _show_enabled(self, has: bool) -> None:
        for w in (self.slider, self.table, self.parameter, self.plot, self.summary, self.strip):
            w.setEnabled(has)

    def _show_nothing(self, message: str) -> None:
        self.node, self.dataset, self.months, self.report = None, None, [], None
        self.data = WaterData()
        self.message.setText(message)
        self.message.setVisible(True)
        self._show_enabled(False)
        self.table_model.set_frame(pd.DataFrame(), [])
        self.summary.setText("")

    def _load_failed(self, exc) -> None:
        self._show_nothing(failure_text(exc))

    def apply(self, data: WaterData) -> None:
        """Show loaded data (GUI thread): the month shown so far when the data still has it, else
        the latest; a month style the panel gave the layer follows it, any other style is left
        as the user chose it."""
        node = self.hub.node_by_id(data.node_id)
        if node is None or data.dataset is None or not data.months:
            self._show_nothing(tr("Load a water-sections layer with its monthly measurements (e.g. the sample "
                                  "county.gpkg) to see water quality here."))
            return
        shown = self.month
        self.node, self.data, self.dataset = node, data, data.dataset
        self.message.setVisible(False)
        self._show_enabled(True)
        self.months = data.months
        self.slider.blockSignals(True)
        self.slider.setRange(0, len(self.months) - 1)
        self.slider.setValue(self.months.index(shown) if shown in self.months else len(self.months) - 1)
        self.slider.blockSignals(False)
        self.parameter.blockSignals(True)
        self.parameter.clear()
        for key in self.dataset.parameters:
            unit = wq.PARAMETERS[key].unit
            self.parameter.addItem(wq.display_name(key) + (f" ({unit})" if unit else ""), key)
        i = self.parameter.findData("NH3N")
        self.parameter.setCurrentIndex(max(i, 0))
        self.parameter.blockSignals(False)
        self._fill_strip()
        self._month_changed(self.slider.value(), restyle=False)

    def failing_per_month(self) -> pd.Series:
        """Sections missing their target in each month (index: all months, sorted)."""
        return self.data.failing_per_month

    def _fill_strip(self) -> None:
        counts = self.failing_per_month().to_numpy(dtype=float)
        item = self.strip.getPlotItem()
        item.clear()
        x = np.arange(len(counts), dtype=float)
        item.addItem(pg.BarGraphItem(x=x, height=counts, width=0.8, brush=pg.mkBrush(charts.BAR_RED),
                                     pen=pg.mkPen(None)))
        self._strip_cursor = pg.InfiniteLine(pos=self.slider.value(), angle=90, pen=pg.mkPen("#303030"))
        item.addItem(self._strip_cursor)
        step = max(1, len(self.months) // 6)
        item.getAxis("bottom").setTicks([[(i, self.months[i]) for i in range(0, len(self.months), step)]])
        item.getAxis("left").setTicks([[(0, "0"), (float(counts.max()), f"{int(counts.max())}")]]
                                      if counts.max() > 0 else None)
        item.setRange(xRange=(-0.6, len(counts) - 0.4), yRange=(0, max(float(counts.max()), 1.0) * 1.1),
                      padding=0)

    @property
    def month(self) -> str | None:
        return self.months[self.slider.value()] if self.months else None

    def set_month(self, month: str) -> None:
        self.slider.setValue(self.months.index(month))

    def _month_changed(self, value: int, restyle: bool = True) -> None:
        if not self.months:
            return
        month = self.months[value]
        self.month_label.setText(month)
        if getattr(self, "_strip_cursor", None) is not None:
            self._strip_cursor.setValue(value)
        self.report = self.dataset.report(month)
        rows = self.report.rows
        frame = pd.DataFrame({
            "code": [r.code for r in rows], "name": [r.name or "" for r in rows],
            "river": [r.river or "" for r in rows], "level": [r.level or "" for r in rows],
            "target": [r.target or "" for r in rows], "cls": [r.cls or "—" for r in rows],
            "meets": [r.meets_target for r in rows], "failing_text": [failing_text(r.failing) for r in rows],
        })
        current = current_frame_row(self.table)
        self._frame = frame
        self.table_model.set_frame(frame)
        rep = self.report
        failing = sum(1 for r in rows if r.meets_target is False)
        self.summary.setText(tr("{month}: <b>{n}</b> sections assessed · Ⅰ–Ⅲ <b>{good}</b> · 劣Ⅴ <b>{bad}</b> · "
                                "meeting target <b>{rate}</b> · <span style='color:#b00020'><b>{failing}</b> "
                                "failing</span>").format(month=month, n=rep.n_assessed,
                                                         good=percent(rep.share_I_III),
                                                         bad=percent(rep.share_worse_V),
                                                         rate=percent(rep.compliance_rate), failing=failing))
        self._quiet = True
        try:
            if current is None or not select_frame_row(self.table, current):
                self.table.setCurrentIndex(self.proxy.index(0, 0))
            else:
                self._update_plot()
        finally:
            self._quiet = False
        self.restyle_layer(month, set_style=restyle)

    def _row_brush(self, row: int):
        meets = self._frame["meets"].iat[row] if hasattr(self, "_frame") else None
        return OVERDUE_BRUSH if meets is False else None

    # ------------------------------------------------------------------ map

    def restyle_layer(self, month: str, set_style: bool = True) -> None:
        """Colour the section layer by ``month``'s class through its style: with ``set_style``
        (the user moved the slider) the layer gets the month's style; without, only a month
        style the panel gave it before follows, or a class style naming a class field the
        data lacks (it could only draw grey). The layer's data is never changed."""
        node = self.node
        if node is None or node.is_missing or self.data.code_column is None:
            return
        if not set_style and not (self.shows_month_style() or self._class_field_missing()):
            return
        from ecomap.core.style import style_from_dict
        from ecomap.domain.symbology import water_month_style

        style = water_month_style(self.data.code_column, self.data.classes_by_code(month), self.data.names_by_code(),
                                  self.data.name_column)
        self.hub.tree.set_style(node, style_from_dict(style))

    def _class_field_missing(self) -> bool:
        style = self.node.style
        return (getattr(style, "type", None) == "categorized" and getattr(style, "field", None) == WATER_CLASS_FIELD
                and WATER_CLASS_FIELD not in self.node.layer.features.columns)

    def shows_month_style(self) -> bool:
        """Is the section layer drawn with a month style of this panel (categorized on the code)?"""
        style = self.node.style if self.node is not None else None
        return (getattr(style, "type", None) == "categorized" and self.data.code_column is not None
                and getattr(style, "field", None) == self.data.code_column)

    def _current_changed(self, current, previous) -> None:
        row = current_frame_row(self.table)
        if row is not None and self.node is not None and not self._quiet and self.isVisible():
            self.hub.show_rows(self.node, self._layer_rows(row), zoom=False)
        self._update_plot()

    def _layer_rows(self, row: int) -> list[int]:
        return list(self.data.rows_of.get(self._frame["code"].iat[row], []))

    def show_on_map(self) -> None:
        row = current_frame_row(self.table)
        if row is not None and self.node is not None:
            self.hub.show_rows(self.node, self._layer_rows(row), zoom=True)

    # ------------------------------------------------------------------ chart

    def _update_plot(self) -> None:
        item = self.plot.getPlotItem()
        item.clear()
        row = current_frame_row(self.table)
        key = self.parameter.currentData()
        if row is None or key is None or self.dataset is None:
            return
        code = self._frame["code"].iat[row]
        series = self.dataset.section_series(code)
        if key not in series.columns:
            item.setTitle(tr("No {name} values for this section").format(name=wq.display_name(key)), size="9pt")
            return
        values = series[key].to_numpy(dtype=float)
        months = series.index.tolist()
        x = np.array([self.months.index(m) for m in months], dtype=float)
        ok = ~np.isnan(values)
        sec = self.dataset.sections.set_index("code").loc[code]
        top = float(np.nanmax(values)) * 1.15 if ok.any() else 1.0
        charts.class_bands(self.plot, limit_bands(key, sec["water_body"], top), label_x=len(self.months) - 0.6)
        if ok.any():
            item.plot(x[ok], values[ok], pen=pg.mkPen("#1f3b73", width=2), symbol="o", symbolSize=5,
                      symbolBrush="#1f3b73", symbolPen=None)
        else:
            item.setTitle(tr("{name}: not measured at this section").format(name=wq.display_name(key)), size="9pt")
        target = sec["target"]
        limit = wq.limit_of(key, target, sec["water_body"]) if target else None
        if isinstance(limit, (int, float)):
            item.addItem(pg.InfiniteLine(pos=limit, angle=0, pen=pg.mkPen("#b00020", width=1.5,
                                                                           style=Qt.PenStyle.DashLine),
                                         label=tr("target {cls}").format(cls=target),
                                         labelOpts={"position": 0.05, "color": "#b00020"}))
        item.addItem(pg.InfiniteLine(pos=self.slider.value(), angle=90, pen=pg.mkPen("#505050", width=1)))
        step = max(1, len(self.months) // 6)
        item.getAxis("bottom").setTicks([[(i, self.months[i]) for i in range(0, len(self.months), step)]])
        name = wq.display_name(key)
        item.setTitle(f"{self._frame['name'].iat[row]} · {name}", size="9pt", color="#303030")
        low = 0.0
        item.setRange(xRange=(-0.5, len(self.months) - 0.5), yRange=(low, max(top, 1e-6)), padding=0.02)
