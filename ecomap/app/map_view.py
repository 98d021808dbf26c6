"""Wiring between the layer tree, the selection and the map canvas.

The canvas knows render entries only; this object turns the tree into them (layer
opacity folded into the style, bottom first), owns the map CRS, the previous/next
extent history and the selection highlights drawn by the map-tool overlay.
"""

from __future__ import annotations

import math
from dataclasses import replace

from pyproj import CRS
from PySide6.QtCore import QObject, QTimer, Signal

from ecomap.core.crs import crs_from_epsg, epsg_of
from ecomap.core.extent import ExtentHistory, padded, union_extents
from ecomap.core.map_settings import RenderLayer
from ecomap.core.query import extent_of_rows, geometries_in_map, transform_point

SELECTION_COLOR = "#ffd400"
#: selections up to this many features are drawn directly by the overlay; more go through the render engine
DIRECT_HIGHLIGHT_LIMIT = 2000


def crs_label(crs: CRS | None) -> str:
    if crs is None:
        return "—"
    code = epsg_of(crs)
    return f"EPSG:{code}" if code else crs.name


def render_entries(tree) -> list[RenderLayer]:
    """What the canvas draws: shown layers with data, bottom first, node opacity folded in."""
    out = []
    for node in tree.render_order():
        style = node.style
        if style is None:
            continue
        if node.opacity != 1.0 and hasattr(style, "opacity"):
            style = replace(style, opacity=float(getattr(style, "opacity", 1.0)) * node.opacity)
        out.append(RenderLayer(layer=node.layer, style=style, visible=True))
    return out


def selected_subset(layer, rows):
    """A lightweight layer of just the selected geometries (for drawing them), same CRS as ``layer``."""
    import geopandas as gpd

    from ecomap.core.layers import VectorLayer

    geometry = layer.features.geometry
    frame = gpd.GeoDataFrame(geometry=geometry.iloc[rows].reset_index(drop=True), crs=geometry.crs)
    return VectorLayer(name=f"{layer.name} (selection)", features=frame, source=layer.source,
                       crs_info=layer.crs_info)


class MapController(QObject):
    """The main window's map: the tree drawn on the canvas, the map CRS, extent history, highlights.

    (A printed map frame's view is :class:`ecomap.core.layout.mapview.MapView`.)
    """

    crsChanged = Signal(object)
    historyChanged = Signal()

    def __init__(self, canvas, tree, selection, tools, parent=None):
        super().__init__(parent)
        self.canvas, self.tree, self.selection, self.tools = canvas, tree, selection, tools
        self.crs: CRS | None = None
        self.history = ExtentHistory()
        self._stable = None  # the last extent that stayed put for a moment
        self._sync_timer = QTimer(self)
        self._sync_timer.setSingleShot(True)
        self._sync_timer.setInterval(0)
        self._sync_timer.timeout.connect(self.sync_layers)
        self._history_timer = QTimer(self)
        self._history_timer.setSingleShot(True)
        self._history_timer.setInterval(350)  # a burst of wheel steps is one history step
        self._history_timer.timeout.connect(self._record_extent)
        tree.renderChanged.connect(self._sync_timer.start)
        tree.layerRemoved.connect(self._layer_removed)
        tree.nodeChanged.connect(self._node_changed)
        selection.selectionChanged.connect(self.update_selection_highlight)
        canvas.extentChanged.connect(self._extent_changed)

    # ------------------------------------------------------------------ layers and CRS

    def sync_layers(self) -> None:
        """Hand the tree's current picture to the canvas (it schedules its own render)."""
        self._sync_timer.stop()
        if self.crs is None:
            self.crs = self._first_crs()
            if self.crs is not None:
                self.crsChanged.emit(self.crs)
        self.canvas.set_layers(render_entries(self.tree), crs=self.crs)

    def _first_crs(self) -> CRS | None:
        """The map takes the CRS of the bottom-most layer that has one (as QGIS takes the first layer's)."""
        for node in reversed(self.tree.layer_nodes()):
            info = getattr(node.layer, "crs_info", None)
            crs = info.crs() if info is not None else None
            if crs is not None:
                return crs
        return None

    def set_crs(self, crs: CRS | int | str | None, keep_view: bool = True) -> None:
        if isinstance(crs, int):
            crs = crs_from_epsg(crs)
        elif isinstance(crs, str):
            crs = CRS.from_user_input(crs)
        old, extent = self.crs, self.canvas.extent() if self.tree.layer_nodes() else None
        scale = self.canvas.scale() if extent is not None else None
        self.crs = crs
        self.canvas.set_layers(render_entries(self.tree), crs=crs)
        if keep_view and extent is not None and old is not None and crs is not None:
            # same centre, same scale: reprojecting the corners would grow the view at every switch
            cx, cy = transform_point((extent[0] + extent[2]) / 2, (extent[1] + extent[3]) / 2, old, crs)
            if math.isfinite(cx) and math.isfinite(cy):
                tiny = self.canvas.settings().with_extent((cx - 1e-9, cy - 1e-9, cx + 1e-9, cy + 1e-9))
                self.canvas.set_extent(tiny.with_scale(scale).visible_extent)
        self.reset_history()
        self.crsChanged.emit(crs)
        for layer_id in self.selection.layer_ids():
            self.update_selection_highlight(layer_id)

    def _layer_removed(self, node):
        self.selection.clear(node.id)

    def _extent_changed(self, extent):
        if not self._history_timer.isActive() and self._stable is not None:
            self.history.push(self._stable)  # the view before this burst of moves
        self._history_timer.start()
        self.tools.view_changed()

    def _node_changed(self, node, what):
        if what == "layer" and node.kind == "layer":
            self.selection.clear(node.id)

    # ------------------------------------------------------------------ extents

    def full_extent(self):
        return self.tree.full_extent(self.crs)

    def zoom_full(self) -> None:
        full = self.full_extent()
        if full is not None:
            self.canvas.set_extent(padded(full, 0.02, minimum=100 if not self._geographic() else 0.001))

    def _geographic(self) -> bool:
        return self.crs is not None and self.crs.is_geographic

    def zoom_to_nodes(self, nodes) -> None:
        """Zoom to layers (a group means all of its layers)."""
        layers = []
        for node in nodes:
            if node.kind == "group":
                layers += [n for n in self.tree.walk(node) if n.kind == "layer"]
            else:
                layers.append(node)
        from ecomap.core.extent import layer_extent

        ext = union_extents([layer_extent(n.layer, self.crs) for n in layers if not n.is_missing])
        if ext is not None:
            self.canvas.set_extent(padded(ext, 0.05, minimum=50 if not self._geographic() else 0.0005))

    def zoom_to_selection(self, node) -> bool:
        ext = extent_of_rows(node.layer, self.selection.rows(node.id), self.crs)
        if ext is None:
            return False
        self.canvas.set_extent(padded(ext, 0.1, minimum=50 if not self._geographic() else 0.0005))
        return True

    def set_scale(self, scale: float) -> None:
        self.canvas.set_extent(self.canvas.settings().with_scale(scale).visible_extent)

    def centre_on(self, x: float, y: float) -> None:
        minx, miny, maxx, maxy = self.canvas.extent()
        w, h = maxx - minx, maxy - miny
        self.canvas.set_extent((x - w / 2, y - h / 2, x + w / 2, y + h / 2))

    def reset_history(self) -> None:
        self._history_timer.stop()
        self.history = ExtentHistory()
        self._stable = None
        self.historyChanged.emit()

    def _record_extent(self) -> None:
        if self.tree.layer_nodes():
            self._stable = tuple(self.canvas.extent())
            self.history.push(self._stable)
            self.historyChanged.emit()

    def back(self) -> None:
        self._step_history(self.history.back)

    def forward(self) -> None:
        self._step_history(self.history.forward)

    def _step_history(self, step) -> None:
        """Go to the extent ``step()`` returns (None at either end) without recording it as a new step."""
        self._history_timer.stop()
        ext = step()
        if ext is not None:
            with self.history.navigating():
                self.canvas.set_extent(ext)
            self._history_timer.stop()  # our own move, not a new step
            self._stable = tuple(self.canvas.extent())
        self.historyChanged.emit()

    # ------------------------------------------------------------------ highlights

    def update_selection_highlight(self, layer_id: str) -> None:
        node = self.tree.find(layer_id)
        rows = self.selection.rows(layer_id)
        key = "sel:" + layer_id
        if node is None or node.is_missing or not len(rows):
            self.tools.clear_highlight(key)
            return
        if len(rows) <= DIRECT_HIGHLIGHT_LIMIT:
            self.tools.set_highlight(key, geometries_in_map(node.layer, rows, self.crs), SELECTION_COLOR)
        else:
            self.tools.set_rendered_highlight(key, selected_subset(node.layer, rows), SELECTION_COLOR)

    def highlight_feature(self, node, row: int | None) -> None:
        if node is None or row is None or row < 0:
            self.tools.clear_highlight("identify")
            return
        self.tools.set_highlight("identify", geometries_in_map(node.layer, [row], self.crs), "#ff2020", fill=False)
