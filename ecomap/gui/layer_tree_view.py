"""The layer tree as the user sees it: check boxes, drag to reorder, groups, legend rows, context menu.

:class:`LayerTreeItemModel` adapts :class:`ecomap.core.layer_tree.LayerTreeModel` to Qt's
item-model interface. Every edit the user makes here (check box, rename, drag, opacity)
becomes an undoable command on the shared QUndoStack; the core model's signals then
update the rows. Actions that need the rest of the application (zoom, style dialog,
attribute table) are emitted as requests for the main window.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QSlider,
    QTreeView,
    QWidget,
    QWidgetAction,
)

from ecomap.core.layer_tree import GroupNode, LayerTreeModel
from ecomap.core.tree_commands import (
    AddNodesCommand,
    GroupNodesCommand,
    MoveNodeCommand,
    RemoveNodesCommand,
    RenameCommand,
    SetOpacityCommand,
    SetVisibleCommand,
)
from ecomap.gui.legend import layer_icon, legend_entries
from ecomap.i18n import tr

MIME = "application/x-ecomap-layer-nodes"


_NO_PARENT = QModelIndex()  # Qt's "no parent" index, shared as the default argument

class LegendRow:
    """One class of a layer's style, shown as a child row under the layer."""

    kind = "legend"

    def __init__(self, node, row: int, label: str, icon):
        self.parent, self.row, self.label, self.icon = node, row, label, icon


class LayerTreeItemModel(QAbstractItemModel):
    filesDropped = Signal(list)

    def __init__(self, tree: LayerTreeModel, undo: QUndoStack, parent=None):
        super().__init__(parent)
        self.tree, self.undo = tree, undo
        self._legend: dict[str, list[LegendRow]] = {}
        self.scale: float | None = None  # current map scale, to grey out layers hidden by scale range
        tree.structureChanged.connect(self._reset)
        tree.nodeChanged.connect(self._node_changed)

    # ------------------------------------------------------------------ structure

    def _reset(self):
        self.beginResetModel()
        self._legend.clear()
        self.endResetModel()

    def legend_rows(self, node) -> list[LegendRow]:
        if node.kind != "layer" or node.layer is None:
            return []
        rows = self._legend.get(node.id)
        if rows is None:
            rows = [LegendRow(node, i, label, icon) for i, (label, icon)
                    in enumerate(legend_entries(node.style, getattr(node.layer, "geometry_type", None)))]
            self._legend[node.id] = rows
        return rows

    def _children(self, item) -> list:
        if item is None:
            return self.tree.root.children
        if item.kind == "group":
            return item.children
        if item.kind == "layer":
            return self.legend_rows(item)
        return []

    def node(self, index: QModelIndex):
        return index.internalPointer() if index.isValid() else None

    def index_of(self, item) -> QModelIndex:
        if item is None or item is self.tree.root:
            return QModelIndex()
        if item.kind == "legend":
            return self.createIndex(item.row, 0, item)
        parent = item.parent
        try:
            row = parent.row_of(item)
        except (ValueError, AttributeError):
            return QModelIndex()
        return self.createIndex(row, 0, item)

    def index(self, row, column, parent=_NO_PARENT):
        children = self._children(self.node(parent))
        if column != 0 or not 0 <= row < len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

    def parent(self, index=_NO_PARENT):
        item = self.node(index)
        if item is None:
            return QModelIndex()
        parent = item.parent
        if parent is None or parent is self.tree.root:
            return QModelIndex()
        return self.index_of(parent)

    def rowCount(self, parent=_NO_PARENT):
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(self.node(parent)))

    def columnCount(self, parent=_NO_PARENT):
        return 1

    # ------------------------------------------------------------------ data

    def _node_changed(self, node, what):
        if what == "style":
            self._reset()  # the number of legend rows may change
            return
        idx = self.index_of(node)
        if idx.isValid():
            self.dataChanged.emit(idx, idx)

    def set_scale(self, scale: float | None):
        self.scale = scale
        if self.tree.root.children:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        item = self.node(index)
        if item is None:
            return None
        if item.kind == "legend":
            if role == Qt.ItemDataRole.DisplayRole:
                return item.label
            if role == Qt.ItemDataRole.DecorationRole:
                return item.icon
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return item.name
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if item.visible else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DecorationRole and item.kind == "layer":
            return layer_icon(item)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            if item.kind == "group":
                font.setBold(True)
            if item.kind == "layer" and item.is_missing:
                font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and item.kind == "layer":
            if item.is_missing:
                return QBrush(QColor(190, 30, 30))
            if not self._in_scale(item):
                return QBrush(QColor(150, 150, 150))
        if role == Qt.ItemDataRole.ToolTipRole and item.kind == "layer":
            if item.is_missing:
                return tr("File not found: {path}").format(path=item.source) + "\n" + tr("Right-click → Locate file…")
            crs = item.layer.crs_info.name if getattr(item.layer, "crs_info", None) else ""
            tip = f"{item.source}\n{crs}"
            if not self._in_scale(item):
                tip += "\n" + tr("Not shown at this scale")
            return tip
        return None

    def _in_scale(self, node) -> bool:
        style = node.style
        return self.scale is None or style is None or not hasattr(style, "visible_at") or style.visible_at(self.scale)

    def flags(self, index):
        item = self.node(index)
        if item is None:
            return Qt.ItemFlag.ItemIsDropEnabled
        if item.kind == "legend":
            return Qt.ItemFlag.ItemIsEnabled
        flags = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
                 | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled)
        if item.kind == "group":
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        item = self.node(index)
        if item is None or item.kind == "legend":
            return False
        if role == Qt.ItemDataRole.CheckStateRole:
            visible = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            if visible != item.visible:
                self.undo.push(SetVisibleCommand(self.tree, item, visible))
            return True
        if role == Qt.ItemDataRole.EditRole:
            name = str(value).strip()
            if name and name != item.name:
                self.undo.push(RenameCommand(self.tree, item, name))
            return True
        return False

    # ------------------------------------------------------------------ drag and drop

    def supportedDropActions(self):
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self):
        return [MIME, "text/uri-list"]

    def mimeData(self, indexes):
        ids = []
        for idx in indexes:
            item = self.node(idx)
            if item is not None and item.kind != "legend" and item.id not in ids:
                ids.append(item.id)
        data = QMimeData()
        data.setData(MIME, "\n".join(ids).encode())
        return data

    def canDropMimeData(self, data, action, row, column, parent):
        return data.hasFormat(MIME) or data.hasUrls()

    def dropMimeData(self, data, action, row, column, parent):
        if data.hasUrls() and not data.hasFormat(MIME):
            paths = [u.toLocalFile() for u in data.urls() if u.isLocalFile()]
            if paths:
                self.filesDropped.emit(paths)
            return False
        if not data.hasFormat(MIME):
            return False
        target = self.node(parent)
        if target is not None and target.kind == "layer":  # dropped onto a layer: insert above it
            row, target = target.parent.row_of(target), target.parent
        if target is None or target.kind != "group":
            target = self.tree.root
        if row < 0:
            row = 0 if target is not self.tree.root else len(target.children)
        ids = bytes(data.data(MIME)).decode().split("\n")
        nodes = [n for n in (self.tree.find(i) for i in ids) if n is not None]
        # defer: the view is still inside its drop handler; False keeps it from deleting rows itself
        QTimer.singleShot(0, lambda: self.move_nodes(nodes, target, row))
        return False

    def move_nodes(self, nodes, target: GroupNode, row: int) -> None:
        """Move ``nodes`` (in order) to ``row`` of ``target`` as one undo step."""
        nodes = [n for n in nodes if self.tree.contains(n) and not _inside(target, n)]
        if not nodes:
            return
        self.undo.beginMacro(tr("Move layers"))
        for node in nodes:
            if node.parent is target and target.row_of(node) < row:
                row -= 1
            self.undo.push(MoveNodeCommand(self.tree, node, target, row))
            row += 1
        self.undo.endMacro()


def _inside(group, node) -> bool:
    """Is ``group`` the node itself or below it (a group cannot go into itself)?"""
    while group is not None:
        if group is node:
            return True
        group = group.parent
    return False


class LayerTreeView(QTreeView):
    """The tree widget with its context menu; requests go to the main window through signals."""

    zoomToLayerRequested = Signal(object)
    styleRequested = Signal(object)
    propertiesRequested = Signal(object)
    attributeTableRequested = Signal(object)
    locateRequested = Signal(object)
    repairGeometryRequested = Signal(object)
    currentLayerChanged = Signal(object)

    def __init__(self, tree: LayerTreeModel, undo: QUndoStack, parent=None):
        super().__init__(parent)
        self.tree, self.undo = tree, undo
        self.item_model = LayerTreeItemModel(tree, undo, self)
        self.setModel(self.item_model)
        self.setHeaderHidden(True)
        self.setExpandsOnDoubleClick(False)  # double-click opens the style dialog
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.SelectedClicked)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.doubleClicked.connect(self._double_clicked)
        self._collapsed_layers: set[str] = set()  # legends the user folded away
        self._seen: set[str] = set()
        self._selected_ids: list[str] = []
        self._current_id: str | None = None
        self.item_model.modelAboutToBeReset.connect(self._remember)
        self.item_model.modelReset.connect(self._restore)
        self.expanded.connect(lambda idx: self._on_expand(idx, True))
        self.collapsed.connect(lambda idx: self._on_expand(idx, False))
        self.selectionModel().currentChanged.connect(self._current_changed)
        self._restore()

    # ------------------------------------------------------------------ state kept across resets

    def _remember(self):
        self._selected_ids = [n.id for n in self.selected_nodes()]
        cur = self.current_node()
        self._current_id = cur.id if cur is not None else None

    def _restore(self):
        for node in self.tree.walk():
            idx = self.item_model.index_of(node)
            if node.kind == "group":
                self.setExpanded(idx, node.expanded)
            elif node.kind == "layer":
                if node.id not in self._seen:  # first sight: hidden layers keep their legend folded
                    self._seen.add(node.id)
                    if not node.visible:
                        self._collapsed_layers.add(node.id)
                self.setExpanded(idx, node.id not in self._collapsed_layers)
        sel = self.selectionModel()
        for nid in self._selected_ids:
            node = self.tree.find(nid)
            if node is not None:
                sel.select(self.item_model.index_of(node), sel.SelectionFlag.Select)
        cur = self.tree.find(self._current_id or "")
        if cur is not None:
            sel.setCurrentIndex(self.item_model.index_of(cur), sel.SelectionFlag.NoUpdate)

    def _on_expand(self, idx, expanded: bool):
        node = self.item_model.node(idx)
        if node is None:
            return
        if node.kind == "group":
            self.tree.set_expanded(node, expanded)
        elif node.kind == "layer":
            (self._collapsed_layers.discard if expanded else self._collapsed_layers.add)(node.id)

    # ------------------------------------------------------------------ selection

    def selected_nodes(self) -> list:
        nodes = [self.item_model.node(i) for i in self.selectionModel().selectedRows()]
        return [n for n in nodes if n is not None and n.kind != "legend"]

    def current_node(self):
        node = self.item_model.node(self.currentIndex())
        if node is not None and node.kind == "legend":
            return node.parent
        return node

    def current_layer_node(self):
        node = self.current_node()
        return node if node is not None and node.kind == "layer" else None

    def set_current(self, node):
        idx = self.item_model.index_of(node)
        if idx.isValid():
            self.setCurrentIndex(idx)

    def _current_changed(self, current, previous):
        self.currentLayerChanged.emit(self.current_layer_node())

    def _double_clicked(self, idx):
        node = self.item_model.node(idx)
        if node is not None and node.kind in ("layer", "legend"):
            layer_node = node if node.kind == "layer" else node.parent
            (self.locateRequested if layer_node.is_missing else self.styleRequested).emit(layer_node)

    # ------------------------------------------------------------------ actions

    def remove_selected(self):
        nodes = self.selected_nodes()
        if nodes:
            self.undo.push(RemoveNodesCommand(self.tree, nodes))

    def add_group(self, name: str | None = None):
        if name is None:
            name, ok = QInputDialog.getText(self, tr("New group"), tr("Group name:"), text=tr("New group"))
            if not ok or not name.strip():
                return None
        group = GroupNode(name.strip())
        self.undo.push(AddNodesCommand(self.tree, [group], self.tree.root, 0, text=tr("Add group {name}").format(name=name)))
        return group

    def group_selected(self, name: str | None = None):
        nodes = self.selected_nodes()
        if not nodes:
            return None
        if name is None:
            name, ok = QInputDialog.getText(self, tr("Group layers"), tr("Group name:"), text=tr("New group"))
            if not ok or not name.strip():
                return None
        parent = nodes[0].parent
        nodes = [n for n in nodes if n.parent is parent]  # one level at a time
        cmd = GroupNodesCommand(self.tree, sorted(nodes, key=parent.row_of), name.strip())
        self.undo.push(cmd)
        return cmd.group

    def _opacity_action(self, menu: QMenu, node) -> QWidgetAction:
        box = QWidget(menu)
        lay = QHBoxLayout(box)
        lay.setContentsMargins(24, 2, 8, 2)
        lay.addWidget(QLabel(tr("Opacity")))
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setRange(0, 100)
        slider.setValue(round(node.opacity * 100))
        value = QLabel(f"{slider.value()}%")
        slider.valueChanged.connect(lambda v: (value.setText(f"{v}%"),
                                               self.undo.push(SetOpacityCommand(self.tree, node, v / 100))))
        lay.addWidget(slider)
        lay.addWidget(value)
        action = QWidgetAction(menu)
        action.setDefaultWidget(box)
        return action

    def build_context_menu(self, node) -> QMenu:
        menu = QMenu(self)
        if node is not None and node.kind == "layer":
            if node.is_missing:
                menu.addAction(tr("Locate file…"), lambda: self.locateRequested.emit(node))
            else:
                menu.addAction(tr("Zoom to layer"), lambda: self.zoomToLayerRequested.emit(node))
                if node.is_vector:
                    menu.addAction(tr("Open attribute table"), lambda: self.attributeTableRequested.emit(node))
                    menu.addAction(tr("Repair geometry (new copy)"), lambda: self.repairGeometryRequested.emit(node))
                menu.addAction(tr("Style…"), lambda: self.styleRequested.emit(node))
                menu.addAction(self._opacity_action(menu, node))
            menu.addSeparator()
            menu.addAction(tr("Rename"), lambda: self.edit(self.item_model.index_of(node)))
            menu.addAction(tr("Group selected layers…"), self.group_selected)
            menu.addAction(tr("Remove"), self.remove_selected)
            if not node.is_missing:
                menu.addSeparator()
                menu.addAction(tr("Properties…"), lambda: self.propertiesRequested.emit(node))
        elif node is not None and node.kind == "group":
            menu.addAction(tr("Zoom to group"), lambda: self.zoomToLayerRequested.emit(node))
            menu.addAction(tr("Rename"), lambda: self.edit(self.item_model.index_of(node)))
            menu.addAction(tr("Remove group"), self.remove_selected)
            menu.addSeparator()
            menu.addAction(tr("Add group…"), self.add_group)
        else:
            menu.addAction(tr("Add group…"), self.add_group)
        return menu

    def _context_menu(self, pos):
        idx = self.indexAt(pos)
        node = self.item_model.node(idx)
        if node is not None and node.kind == "legend":
            node = node.parent
        if node is not None and node not in self.selected_nodes():
            self.setCurrentIndex(self.item_model.index_of(node))
        self.build_context_menu(node).exec(self.viewport().mapToGlobal(pos))

    def keyPressEvent(self, event):
        if event.key() == Qt.Key.Key_Delete and self.state() != QAbstractItemView.State.EditingState:
            self.remove_selected()
            return
        super().keyPressEvent(event)
