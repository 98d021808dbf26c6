"""Layer commands of the main window: style, properties, attribute table, CRS, encoding, locate, repair.

Each opens the matching dialog and turns the answer into an undoable command.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMessageBox

from ecomap.app.data_loader import is_shapefile, reread_shapefile, with_crs
from ecomap.core.tasks import Task
from ecomap.core.tree_commands import ReplaceLayerCommand
from ecomap.errors import DataError
from ecomap.i18n import tr


class LayerActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.w = window
        self.table_docks: dict[str, QDockWidget] = {}
        view = window.layer_view
        view.styleRequested.connect(self.style)
        view.propertiesRequested.connect(self.properties)
        view.attributeTableRequested.connect(self.attribute_table)
        view.zoomToLayerRequested.connect(lambda node: window.map_view.zoom_to_nodes([node]))
        view.locateRequested.connect(self.locate)
        view.repairGeometryRequested.connect(self.repair_geometry)
        window.tree.layerRemoved.connect(self._layer_removed)
        self.task: Task | None = None

    def _current(self):
        node = self.w.layer_view.current_layer_node()
        if node is None:
            self.w.statusBar().showMessage(tr("Pick a layer in the layer list first."), 5000)
        return node

    # ------------------------------------------------------------------ dialogs

    def style(self, node=None):
        node = node or self._current()
        if node is None or node.is_missing:
            return None
        from ecomap.gui.style_dialog import StyleDialog

        dlg = StyleDialog(self.w.tree, self.w.undo, node, self.w)
        dlg.show()
        return dlg

    def properties(self, node=None):
        node = node or self._current()
        if node is None or node.is_missing:
            return None
        from ecomap.gui.layer_properties import LayerPropertiesDialog

        dlg = LayerPropertiesDialog(node, self.w)
        dlg.crsRequested.connect(lambda n: (dlg.close(), self.set_crs(n)))
        dlg.encodingRequested.connect(lambda n: (dlg.close(), self.change_encoding(n)))
        dlg.show()
        return dlg

    def attribute_table(self, node=None):
        node = node or self._current()
        if node is None or node.is_missing or not node.is_vector:
            return None
        dock = self.table_docks.get(node.id)
        if dock is None:
            from ecomap.gui.attribute_table import AttributeTable

            table = AttributeTable(node, self.w.selection)
            table.zoomToSelectionRequested.connect(self._zoom_selection)
            dock = QDockWidget(tr("Attributes — {name}").format(name=node.name), self.w)
            dock.setObjectName(f"table-{node.id}")
            dock.setWidget(table)
            dock.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dock.destroyed.connect(lambda *_a, nid=node.id: self.table_docks.pop(nid, None))
            others = [d for d in self.table_docks.values()]
            self.w.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            if others:
                self.w.tabifyDockWidget(others[-1], dock)
            self.table_docks[node.id] = dock
        dock.show()
        dock.raise_()
        return dock.widget()

    def features_changed(self, event) -> None:
        """An edit (e.g. from a thematic panel, ``EditEvent``) changed features of a layer:
        its open attribute table re-reads the edited rows."""
        layer = getattr(event.target, "layer", None)
        if layer is None:
            return
        for dock in list(self.table_docks.values()):
            table = dock.widget()
            if table is not None and table.model.layer is layer:
                table.model.rows_changed(event.rows)

    def _zoom_selection(self, node):
        if not self.w.map_view.zoom_to_selection(node):
            self.w.statusBar().showMessage(tr("Nothing is selected in {name}.").format(name=node.name), 5000)

    def _layer_removed(self, node):
        dock = self.table_docks.pop(node.id, None)
        if dock is not None:
            dock.close()

    # ------------------------------------------------------------------ fixing data facts

    def set_crs(self, node=None):
        node = node or self._current()
        if node is None or node.is_missing:
            return
        from ecomap.gui.crs_dialog import CrsDialog

        info = node.layer.crs_info
        dlg = CrsDialog(self.w, title=tr("Coordinate system of {name}").format(name=node.name),
                        current=info.epsg if info is not None else None, bounds=node.layer.bounds,
                        reason=tr("Choose the coordinate system the data was made in. The coordinates are not "
                                  "changed; EcoMap only learns how to read them."))
        if dlg.exec() and dlg.selected_epsg():
            new = with_crs(node.layer, dlg.selected_epsg())
            self.w.undo.push(ReplaceLayerCommand(self.w.tree, node, new,
                                                 tr("Coordinate system of {name}").format(name=node.name)))

    def change_encoding(self, node=None):
        """Read a Shapefile's text again in another encoding (on disk or inside a ZIP archive)."""
        node = node or self._current()
        if node is None or node.is_missing or node.layer.encoding is None or not is_shapefile(node.layer):
            return
        from ecomap.gui.encoding_dialog import EncodingDialog
        from ecomap.io.registry import gdal_location

        layer = node.layer
        try:
            path, name = gdal_location(layer.source)
        except DataError as exc:
            QMessageBox.warning(self.w, tr("Text encoding"), exc.user_message())
            return
        dlg = EncodingDialog(path, layer.encoding.encoding, layer.encoding.guessed, name, self.w)
        if not dlg.exec() or dlg.encoding().upper() == layer.encoding.encoding.upper():
            return
        self.reread(node, dlg.encoding())

    def reread(self, node, encoding: str) -> Task:
        layer = node.layer
        task = Task(_reread_as_node, layer.source.path, layer.source.layer, encoding, node.repair_geometry,
                    node.name, description=tr("Reading {name}…").format(name=node.name))

        def done(new_layer):
            new_layer.field_aliases.update({k: v for k, v in layer.field_aliases.items()
                                            if k in new_layer.features.columns})
            self.w.undo.push(ReplaceLayerCommand(self.w.tree, node, new_layer,
                                                 tr("Text encoding of {name}").format(name=node.name)))

        task.finished.connect(done)
        task.failed.connect(lambda exc: QMessageBox.warning(
            self.w, tr("Text encoding"), exc.user_message() if isinstance(exc, DataError) else str(exc)))
        self.task = task.start()
        return task

    def locate(self, node, path: str | None = None) -> Task | None:
        """A missing layer's file: ask where it is now, open it in a worker, put it in place."""
        if path is None:
            start = str(Path(node.source).parent)
            path, _ = QFileDialog.getOpenFileName(self.w, tr("Locate {name}").format(name=Path(node.source).name),
                                                  start)
            if not path:
                return None
        task = Task(_read_for_node, path, node.source_layer, node.repair_geometry, node.name,
                    description=tr("Reading {name}…").format(name=Path(path).name))

        def done(new):
            if isinstance(new, DataError):
                QMessageBox.warning(self.w, tr("Locate file"), new.user_message())
                return
            self.w.tree.set_layer(node, new, source=str(Path(path).resolve()))
            if node.style is None:
                from ecomap.core.default_styles import default_style_for

                self.w.tree.set_style(node, default_style_for(new, node.theme))
            self.w.project.mark_dirty()

        task.finished.connect(done)
        self.task = task.start()
        return task

    def repair_geometry(self, node=None) -> Task | None:
        """A copy of the layer with its invalid geometries made valid, made in a worker and added above it.

        The layer itself is never changed; the copy is an undoable addition named "<name> (repaired)".
        It keeps reading the original file: the project records it as a repaired copy, and
        reopening the project (or re-reading the file) repairs what the file holds again, so
        the copy never comes back unrepaired and follows corrections made to the original.
        """
        node = node or self._current()
        if node is None or node.is_missing or not node.is_vector:
            return None
        from ecomap.core.geometry_repair import repaired_copy

        name = tr("{name} (repaired)").format(name=node.name)
        task = Task(lambda _feedback, layer: repaired_copy(layer, name), node.layer,
                    description=tr("Repair geometry of {name}").format(name=node.name))

        def done(result):
            if result.repaired == 0:
                text = tr("{name} has no invalid geometry to repair.").format(name=node.name)
                if result.unreadable:
                    text += " " + tr("{n} features have geometry that cannot be read at all.").format(
                        n=result.unreadable)
                self.w.statusBar().showMessage(text, 15000)
                return
            from ecomap.core.layer_tree import make_layer_node
            from ecomap.core.tree_commands import AddNodesCommand

            copy = make_layer_node(result.layer, name=name, style=node.style, theme=node.theme,
                                   repair_geometry=True)
            parent = node.parent or self.w.tree.root
            self.w.undo.push(AddNodesCommand(self.w.tree, [copy], parent, parent.row_of(node),
                                             text=tr("Repair geometry of {name}").format(name=node.name)))
            text = tr("{n} features repaired in the new layer {copy}.").format(n=result.repaired, copy=name)
            if result.emptied:
                text += " " + tr("{n} of them had nothing valid left and have no geometry now.").format(
                    n=result.emptied)
            if result.unreadable:
                text += " " + tr("{n} features have geometry that cannot be read at all.").format(n=result.unreadable)
            self.w.statusBar().showMessage(text, 15000)

        task.finished.connect(done)
        task.failed.connect(lambda exc: QMessageBox.warning(
            self.w, tr("Repair geometry"), exc.user_message() if isinstance(exc, DataError) else str(exc)))
        self.task = task.start()
        return task


def _as_node_shows(layer, repair: bool, name: str):
    """``layer`` as read, or repaired again when the node it goes into is a repaired copy."""
    if not repair:
        return layer
    from ecomap.core.geometry_repair import repaired_copy

    return repaired_copy(layer, name).layer


def _reread_as_node(feedback, path, layer_name, encoding: str, repair: bool, name: str):
    """Worker: the layer read again with ``encoding`` for a node (see :func:`_as_node_shows`)."""
    return _as_node_shows(reread_shapefile(feedback, path, layer_name, encoding), repair, name)


def _read_for_node(feedback, path: str, source_layer: str | None, repair: bool, name: str):
    """Worker: the layer of a located file that a missing node stands for, or the DataError."""
    from ecomap.app.data_loader import read_files

    ((_path, layers),) = read_files(feedback, [path])
    if isinstance(layers, DataError):
        return layers
    match = [lyr for lyr in layers if source_layer in (None, lyr.name)] or layers
    return _as_node_shows(match[0], repair, name)
