"""What the map tools' requests do: identify, select, measure read-out, go to coordinates.

The tools (ecomap.gui.map_tools) only report geometry in map coordinates; the queries
against the layers and the updates of panels and selection happen here.
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from PySide6.QtCore import QObject

from ecomap.core.query import features_at, features_in, transform_point
from ecomap.i18n import tr

MAX_IDENTIFY_LAYERS = 30
#: layers with more features are queried in a worker thread when selecting
WORKER_QUERY_FEATURES = 50_000


def raster_values_at(layer, x: float, y: float, map_crs) -> list[tuple[int, float | None]]:
    """(band, value) at the map point for a raster layer (None outside or nodata)."""
    info = getattr(layer, "crs_info", None)
    lx, ly = transform_point(x, y, map_crs, info.crs() if info is not None else None)
    minx, miny, maxx, maxy = layer.bounds
    if not (minx <= lx <= maxx and miny <= ly <= maxy):
        return []
    px, py = layer.pixel_size
    bounds = (lx - px / 2, ly - py / 2, lx + px / 2, ly + py / 2)
    bands = list(range(1, min(layer.band_count, 4) + 1))
    data = layer.read(bounds, (1, 1), bands=bands)
    out = []
    for i, band in enumerate(bands):
        v = data[i, 0, 0]
        out.append((band, None if np.ma.is_masked(v) else float(v)))
    return out


class ToolHandlers(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.w = window
        tools = window.tools
        tools.identifyRequested.connect(self.identify_point)
        tools.identifyBoxRequested.connect(self.identify_box)
        tools.selectRequested.connect(self.select)
        tools.measureChanged.connect(self.measure_changed)
        window.identify_panel.featureActivated.connect(window.map_view.highlight_feature)

    # ------------------------------------------------------------------ identify

    def _queryable(self):
        w = self.w
        return [n for n in w.tree.layer_nodes() if not n.is_missing and w.tree.is_shown(n)][:MAX_IDENTIFY_LAYERS]

    def identify_point(self, x: float, y: float, tolerance: float) -> list:
        w = self.w
        crs = w.map_view.crs
        results, rasters = [], []
        for node in self._queryable():
            if node.is_vector and node.layer.geometry_type is not None:
                rows = features_at(node.layer, x, y, tolerance, crs)
                if len(rows):
                    results.append((node, rows))
            elif node.is_raster:
                values = raster_values_at(node.layer, x, y, crs)
                if values:
                    rasters.append((node, values))
        w.identify_panel.show_results(results, rasters, where=self._where(x, y))
        w.show_dock(w.identify_dock)
        return results

    def identify_box(self, extent) -> list:
        w = self.w
        box = shapely.box(*extent)
        results = []
        for node in self._queryable():
            if node.is_vector and node.layer.geometry_type is not None:
                rows = features_in(node.layer, box, w.map_view.crs)
                if len(rows):
                    results.append((node, rows[::-1]))
        w.identify_panel.show_results(results, [])
        w.show_dock(w.identify_dock)
        return results

    def _where(self, x, y) -> str:
        lon, lat = transform_point(x, y, self.w.map_view.crs, _cgcs2000())
        if not (math.isfinite(lon) and math.isfinite(lat)):
            return ""
        return tr("At {lon:.5f}°E, {lat:.5f}°N.").format(lon=lon, lat=lat)

    # ------------------------------------------------------------------ select

    def target_layer(self):
        """The layer selections apply to: the current layer, else the topmost visible vector layer."""
        w = self.w
        node = w.layer_view.current_layer_node()
        if node is not None and node.is_vector and not node.is_missing and node.layer.geometry_type:
            return node
        for node in w.tree.layer_nodes():
            if node.is_vector and not node.is_missing and w.tree.is_shown(node) and node.layer.geometry_type:
                return node
        return None

    def select(self, geom, mode: str):
        """Select in the target layer; big layers are queried in a worker (returns the Task then)."""
        w = self.w
        node = self.target_layer()
        if node is None:
            w.statusBar().showMessage(tr("No vector layer to select from: add one or pick it in the layer list."), 6000)
            return 0
        crs = w.map_view.crs
        if node.layer.feature_count > WORKER_QUERY_FEATURES:
            from ecomap.core.tasks import Task

            task = Task(lambda fb, layer: features_in(layer, geom, crs), node.layer,
                        description=tr("Selecting in {layer}…").format(layer=node.name))
            task.finished.connect(lambda rows: self._apply_selection(node, rows, mode))
            w.statusBar().showMessage(tr("Selecting in {layer}…").format(layer=node.name))
            self.select_task = task.start()
            return task
        return self._apply_selection(node, features_in(node.layer, geom, crs), mode)

    def _apply_selection(self, node, rows, mode: str) -> int:
        w = self.w
        if not w.tree.contains(node):
            return 0
        w.selection.select(node.id, rows, mode)
        n = w.selection.count(node.id)
        w.statusBar().showMessage(tr("{n} feature(s) selected in {layer}").format(n=f"{n:,}", layer=node.name), 6000)
        return n

    # ------------------------------------------------------------------ measure

    def measure_changed(self, points, is_area: bool, finished: bool):
        self.w.measure_panel.set_points(points, is_area, finished)


def _cgcs2000():
    from ecomap.core.crs import crs_from_epsg

    return crs_from_epsg(4490)
