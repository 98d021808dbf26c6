"""What the thematic panels share: finding the thematic layers, the map, editing.

The :class:`PanelHub` looks in the layer tree for the layers the panels need (by the
node's catalogue theme, else by recognising the layer's name and fields) and hands the
panels' loaders a :class:`~ecomap.services.project_snapshot.ProjectSnapshot` of it; it
zooms and highlights on the map, and owns the edit session: its targets bind in-memory
layers to their GeoPackage tables, committed edits come back as ``featuresChanged`` and
make the map redraw. Each panel decides itself whether a change concerns it
(:mod:`ecomap.gui.panels.panel_loader`).

It works with the main window (``tree``, ``map_view``, ``tools``, ``undo``) or with a
bare layer tree in tests.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from ecomap.core.editing import EditEvent
from ecomap.core.extent import padded
from ecomap.core.query import extent_of_rows, geometries_in_map
from ecomap.gui.panels.edit_commands import EditNotifier, ask_conflict, ask_retry, run_edit
from ecomap.services.editing import EditSession, EditTarget, bind
from ecomap.services.project_snapshot import ProjectSnapshot

HIGHLIGHT_KEY = "panel"
HIGHLIGHT_COLOR = "#00e5ff"


class PanelHub(QObject):
    #: the set of layers in the tree (or one layer's data) changed: panels check whether it concerns them
    layersChanged = Signal()
    #: an edit was committed, undone, redone or reloaded (EditEvent)
    featuresChanged = Signal(object)

    def __init__(self, tree, map_view=None, tools=None, undo_stack=None, parent=None):
        super().__init__(parent)
        self.tree, self.map_view, self.tools, self.undo_stack = tree, map_view, tools, undo_stack
        self.session = EditSession()
        self.notifier = EditNotifier(self.session, self)
        self.notifier.featuresChanged.connect(self._on_edit)
        self.resolver = lambda conflict: ask_conflict(conflict, self._dialog_parent())
        self.retry = lambda locked: ask_retry(locked, self._dialog_parent())  # another program holds the file
        self.error_handler = None  # callable(Exception) for undo/redo failures; set by the main window
        self._targets: dict = {}
        self._themes: dict = {}
        self._edited: set[tuple[str, str]] = set()  # (GeoPackage, table) written by this session's edits
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.layersChanged.emit)
        tree.structureChanged.connect(self._timer.start)
        tree.nodeChanged.connect(self._node_changed)

    @classmethod
    def for_window(cls, window) -> PanelHub:
        hub = cls(window.tree, getattr(window, "map_view", None), getattr(window, "tools", None),
                  getattr(window, "undo", None), window)
        hub._window = window
        return hub

    def _dialog_parent(self):
        return getattr(self, "_window", None)

    def _node_changed(self, node, what):
        if what == "layer":
            self._themes.pop(node.id, None)
            self._timer.start()

    # ------------------------------------------------------------------ finding layers

    def theme_of(self, node) -> str | None:
        """The node's catalogue theme; recognised from its name and fields when the
        loader left it unset (e.g. water sections, whose default style uses a computed field)."""
        if node.theme:
            return node.theme
        layer = node.layer
        if layer is None or getattr(layer, "kind", None) != "vector":
            return None
        key = (node.id, id(layer))
        if self._themes.get(node.id, (None,))[0] != key:
            from ecomap.domain import catalogue

            try:
                theme, _m, _u = catalogue.match_theme(layer.attribute_columns, node.source_layer or layer.name,
                                                      layer.geometry_type)
            except Exception:  # noqa: BLE001 - recognising is a convenience
                theme = None
            self._themes[node.id] = (key, theme.id if theme is not None else None)
        return self._themes[node.id][1]

    def node_for(self, theme_id: str):
        """The first (topmost) loaded layer node of a theme, or None."""
        for node in self.tree.layer_nodes():
            if not node.is_missing and self.theme_of(node) == theme_id:
                return node
        return None

    @staticmethod
    def gpkg_of(node) -> Path | None:
        src = getattr(node, "source", "") or ""
        path = Path(src)
        return path if src and path.suffix.lower() == ".gpkg" and path.exists() else None

    def snapshot(self) -> ProjectSnapshot:
        """The tree's loaded layers now, with their themes, for a panel's load on another thread."""
        return ProjectSnapshot.of(self.tree, self.theme_of, self._edited)

    def node_by_id(self, node_id: str | None):
        """The tree's node of a loaded panel's data (None once it left the tree)."""
        node = self.tree.find(node_id) if node_id else None
        return node if node is not None and node.kind == "layer" and not node.is_missing else None

    # ------------------------------------------------------------------ map

    def _crs(self):
        return getattr(self.map_view, "crs", None)

    def show_rows(self, node, rows, zoom: bool = True) -> None:
        """Highlight rows of a layer on the map and (optionally) zoom to them."""
        if node is None or node.is_missing or self.tools is None:
            return
        rows = np.asarray(list(rows), dtype=np.int64)
        if len(rows) == 0:
            self.tools.clear_highlight(HIGHLIGHT_KEY)
            return
        self.tools.set_highlight(HIGHLIGHT_KEY, geometries_in_map(node.layer, rows, self._crs()), HIGHLIGHT_COLOR,
                                 fill=False)
        if zoom and self.map_view is not None:
            ext = extent_of_rows(node.layer, rows, self._crs())
            if ext is not None:
                geographic = self._crs() is not None and self._crs().is_geographic
                self.map_view.canvas.set_extent(padded(ext, 0.25, minimum=0.003 if geographic else 300))

    def clear_highlight(self) -> None:
        if self.tools is not None:
            self.tools.clear_highlight(HIGHLIGHT_KEY)

    def redraw(self) -> None:
        """Ask the map to draw again (data in a layer changed)."""
        self.tree.renderChanged.emit()

    # ------------------------------------------------------------------ editing

    def target_for(self, node, theme_id: str) -> EditTarget:
        """The edit target of a layer node (bound once per layer object). Raises DataError
        when the layer is not an editable GeoPackage table."""
        from ecomap.domain.edit_rules import policy_for
        from ecomap.errors import DataError
        from ecomap.i18n import tr

        key = (node.id, id(node.layer))
        target = self._targets.get(key)
        if target is not None and target.layer is node.layer:
            return target
        path = self.gpkg_of(node)
        if path is None:
            raise DataError(node.source or node.name, tr("only layers stored in a GeoPackage can be edited here"))
        table = node.source_layer or node.layer.name
        policy = policy_for(theme_id, node.layer.attribute_columns, path, table)
        target = bind(path, table, node.layer, policy.column("code"), policy)
        self._targets[key] = target
        return target

    def edit(self, node, theme_id: str, row: int, changes: dict, *, note: str = "", revert: bool = False,
             parent=None):
        """Validate, apply and push an edit (EditRejected propagates with its messages)."""
        target = self.target_for(node, theme_id)
        return run_edit(self.session, target, row, changes, undo_stack=self.undo_stack,
                        resolver=lambda conflict: self.resolver(conflict), note=note, revert=revert, parent=parent,
                        on_error=lambda exc: self.error_handler(exc) if self.error_handler else None,
                        retry=lambda locked: self.retry(locked))

    def _on_edit(self, event: EditEvent) -> None:
        self._edited.add((str(event.target.path), event.target.table))
        self.redraw()
        self.featuresChanged.emit(event)
