"""pyqtgraph charts of the thematic panels: bars with category labels, grouped bars, class bands.

pyqtgraph draws in ``paint()``, so everything here hands it small precomputed arrays.
Category labels (Chinese stage names, project names) go on the axis as ticks.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont, QFontMetrics

BAR_BLUE = "#4c78a8"
BAR_GREEN = "#54a24b"
BAR_GREY = "#bab0ac"
BAR_RED = "#e45756"
BAR_ORANGE = "#f58518"


def new_plot(title: str = "", left: str = "", bottom: str = "", height: int = 190) -> pg.PlotWidget:
    """A white plot widget of a fixed minimum height, no mouse zoom (the panel is small)."""
    w = pg.PlotWidget(background="w")
    w.setMinimumHeight(height)
    item = w.getPlotItem()
    if title:
        item.setTitle(title, color="#303030", size="10pt")
    for name, text in (("left", left), ("bottom", bottom)):
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen("#606060"))
        axis.setTextPen(pg.mkPen("#303030"))
        if text:
            item.setLabel(name, text, color="#303030")
    item.setMenuEnabled(False)
    item.hideButtons()
    w.setMouseEnabled(x=False, y=False)
    font = QFont()
    font.setPointSizeF(8.5)
    for name in ("left", "bottom"):
        item.getAxis(name).setStyle(tickFont=font)
    return w


def fit_left_axis(plot: pg.PlotWidget, labels: list[str]) -> None:
    """Make the left axis wide enough for the longest category label (pyqtgraph drops
    labels that do not fit, and only widens the axis after a first paint)."""
    axis = plot.getPlotItem().getAxis("left")
    font = axis.style.get("tickFont") or QFont()
    width = max((QFontMetrics(font).horizontalAdvance(t) for t in labels), default=20)
    axis.setWidth(width + 14)


def bars(plot: pg.PlotWidget, labels: list[str], values, colors=None, horizontal: bool = False) -> None:
    """One bar per label (vertical by default); labels become ticks; counts printed on top."""
    item = plot.getPlotItem()
    item.clear()
    values = np.asarray(values, dtype=float)
    x = np.arange(len(values))
    brushes = [pg.mkBrush(c) for c in (colors or [BAR_BLUE] * len(values))]
    if horizontal:
        bar = pg.BarGraphItem(x0=np.zeros(len(values)), y=x, height=0.6, width=values, brushes=brushes,
                              pen=pg.mkPen("#404040", width=0.5))
        item.getAxis("left").setTicks([list(zip(x.tolist(), labels))])
        item.getAxis("bottom").setTicks(None)
        fit_left_axis(plot, labels)
    else:
        bar = pg.BarGraphItem(x=x, height=values, width=0.6, brushes=brushes, pen=pg.mkPen("#404040", width=0.5))
        item.getAxis("bottom").setTicks([list(zip(x.tolist(), labels))])
        item.getAxis("left").setTicks(None)
    item.addItem(bar)
    for xi, v in zip(x, values):
        if v > 0:
            text = pg.TextItem(f"{v:g}", color="#202020", anchor=(0.5, 1.0) if not horizontal else (0.0, 0.5))
            text.setPos(*((float(xi), float(v)) if not horizontal else (float(v), float(xi))))
            item.addItem(text)
    top = float(values.max()) if len(values) else 1.0
    if horizontal:
        item.setRange(xRange=(0, top * 1.15 or 1), yRange=(-0.6, len(values) - 0.4), padding=0)
    else:
        item.setRange(xRange=(-0.6, len(values) - 0.4), yRange=(0, top * 1.18 or 1), padding=0)


def grouped_bars(plot: pg.PlotWidget, labels: list[str], series: list[tuple[str, np.ndarray, str]]) -> None:
    """Bars side by side per label: ``series`` = [(legend name, values, colour)]."""
    item = plot.getPlotItem()
    item.clear()
    legend = item.legend
    if legend is None:
        legend = item.addLegend(offset=(-6, 4), labelTextColor="#303030", brush=pg.mkBrush(255, 255, 255, 200))
    legend.clear()
    n = len(series)
    width = 0.8 / max(n, 1)
    x = np.arange(len(labels), dtype=float)
    top = 1.0
    for k, (name, values, color) in enumerate(series):
        values = np.nan_to_num(np.asarray(values, dtype=float))
        bar = pg.BarGraphItem(x=x - 0.4 + width * (k + 0.5), height=values, width=width * 0.95,
                              brush=pg.mkBrush(color), pen=pg.mkPen("#404040", width=0.5))
        item.addItem(bar)
        legend.addItem(bar, name)
        top = max(top, float(values.max()) if len(values) else 0.0)
    item.getAxis("bottom").setTicks([list(zip(x.tolist(), labels))])
    item.setRange(xRange=(-0.6, len(labels) - 0.4), yRange=(0, top * 1.25), padding=0)


def progress_bars(plot: pg.PlotWidget, labels: list[str], actual, planned, late_mask) -> None:
    """Per project a thin schedule bar (序时进度, grey) under the actual progress (green, red when late)."""
    item = plot.getPlotItem()
    item.clear()
    y = np.arange(len(labels), dtype=float)
    actual = np.nan_to_num(np.asarray(actual, dtype=float))
    planned = np.nan_to_num(np.asarray(planned, dtype=float))
    colors = [pg.mkBrush(BAR_RED if late else BAR_GREEN) for late in late_mask]
    item.addItem(pg.BarGraphItem(x0=np.zeros(len(y)), y=y, height=0.7, width=planned, brush=pg.mkBrush(BAR_GREY),
                                 pen=pg.mkPen(None)))
    item.addItem(pg.BarGraphItem(x0=np.zeros(len(y)), y=y, height=0.38, width=actual, brushes=colors,
                                 pen=pg.mkPen("#303030", width=0.5)))
    item.getAxis("left").setTicks([list(zip(y.tolist(), labels))])
    item.getAxis("bottom").setTicks(None)
    fit_left_axis(plot, labels)
    item.setRange(xRange=(0, 105), yRange=(-0.6, max(len(labels), 1) - 0.4), padding=0)
    item.invertY(True)


def class_bands(plot: pg.PlotWidget, edges: list[tuple[float, float, str, str]], label_x: float = 0.0) -> list:
    """Horizontal coloured bands (low, high, colour, label) behind a series, each labelled
    right-aligned at ``label_x``; returns the items."""
    item = plot.getPlotItem()
    out = []
    span = (max(e[1] for e in edges) - min(e[0] for e in edges)) if edges else 1.0
    for low, high, color, label in edges:
        c = QColor(color)
        c.setAlpha(70)
        region = pg.LinearRegionItem(values=(low, high), orientation="horizontal", movable=False,
                                     brush=pg.mkBrush(c), pen=pg.mkPen(None))
        region.setZValue(-10)
        item.addItem(region)
        if high - low < 0.06 * span:  # too thin to carry a readable label
            out.append((region, None, (low + high) / 2))
            continue
        text = pg.TextItem(label, color="#505050", anchor=(1.0, 0.5))
        text.setPos(label_x, (low + high) / 2)
        text.setZValue(-5)
        item.addItem(text)
        out.append((region, text, (low + high) / 2))
    return out
