"""The layer tree model: which layers the map has, in which groups and order, and how each is drawn.

The tree reads top to bottom as the legend does: the first child of the root is drawn
last (on top). It owns no widget; views (the layer-tree view, the canvas, the overview,
the legend) listen to its signals — ``structureChanged`` when nodes are added, removed
or moved, ``nodeChanged(node, what)`` for one node's field (``"visible"``, ``"opacity"``,
``"name"``, ``"style"``, ``"layer"``, ``"expanded"``), and ``renderChanged`` whenever
the picture would change. Every user edit goes through the undoable commands in
:mod:`ecomap.core.tree_commands`, which call the plain setters here.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ecomap.core.layers import LayerHolder


def _new_id() -> str:
    return uuid.uuid4().hex[:12]


@dataclass(eq=False)
class LayerNode(LayerHolder):
    """One map layer: the data (None while its file is missing) plus how it is shown."""

    layer: object | None
    name: str
    style: object | None = None  # ecomap.core.style.Style
    visible: bool = True
    opacity: float = 1.0
    source: str = ""  # absolute path of the data file
    source_layer: str | None = None  # layer inside a container (GPKG table)
    theme: str | None = None  # catalogue theme id
    id: str = field(default_factory=_new_id)
    parent: GroupNode | None = field(default=None, repr=False)
    #: the data is the source's with its invalid geometries made valid (a repaired copy),
    #: which every re-read of the source must do again
    repair_geometry: bool = False

    kind = "layer"

    @property
    def is_missing(self) -> bool:
        return self.layer is None


@dataclass(eq=False)
class GroupNode:
    name: str
    children: list = field(default_factory=list)
    visible: bool = True
    expanded: bool = True
    id: str = field(default_factory=_new_id)
    parent: GroupNode | None = field(default=None, repr=False)

    kind = "group"

    def row_of(self, node) -> int:
        for i, child in enumerate(self.children):
            if child is node:
                return i
        raise ValueError("not a child")


class LayerTreeModel(QObject):
    structureChanged = Signal()
    nodeChanged = Signal(object, str)
    renderChanged = Signal()
    #: a layer node was added to the tree (also on undo of a removal)
    layerAdded = Signal(object)
    #: a layer node left the tree (also on undo of an addition)
    layerRemoved = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.root = GroupNode("")

    # ------------------------------------------------------------------ queries

    def walk(self, node: GroupNode | None = None):
        """Every node below ``node`` (default root), depth-first, top of the legend first."""
        for child in (node or self.root).children:
            yield child
            if child.kind == "group":
                yield from self.walk(child)

    def layer_nodes(self) -> list[LayerNode]:
        """Layer nodes in legend order (top first)."""
        return [n for n in self.walk() if n.kind == "layer"]

    def groups(self) -> list[GroupNode]:
        return [n for n in self.walk() if n.kind == "group"]

    def find(self, node_id: str):
        for node in self.walk():
            if node.id == node_id:
                return node
        return None

    def find_layer(self, layer) -> LayerNode | None:
        for node in self.layer_nodes():
            if node.layer is layer:
                return node
        return None

    def contains(self, node) -> bool:
        while node is not None and node is not self.root:
            node = node.parent
        return node is self.root

    def is_shown(self, node) -> bool:
        """Visible itself and in every enclosing group."""
        while node is not None and node is not self.root:
            if not node.visible:
                return False
            node = node.parent
        return True

    def render_order(self) -> list[LayerNode]:
        """Layers to draw, bottom first: shown, and with data."""
        return [n for n in reversed(self.layer_nodes()) if self.is_shown(n) and not n.is_missing]

    def group_path(self, node) -> str | None:
        """'水环境/断面' for a node inside nested groups, None at the top level."""
        names = []
        parent = node.parent
        while parent is not None and parent is not self.root:
            names.append(parent.name)
            parent = parent.parent
        return "/".join(reversed(names)) or None

    def group_by_path(self, path: str | None, create: bool = False) -> GroupNode | None:
        if not path:
            return self.root
        group = self.root
        for name in path.split("/"):
            found = next((c for c in group.children if c.kind == "group" and c.name == name), None)
            if found is None:
                if not create:
                    return None
                found = GroupNode(name)
                self.insert(group, len(group.children), found)
            group = found
        return group

    def full_extent(self, to_crs=None):
        """Union of the layers' bounds, in ``to_crs`` when given (pyproj CRS)."""
        from ecomap.core.extent import layer_extent, union_extents

        return union_extents([layer_extent(n.layer, to_crs) for n in self.layer_nodes() if not n.is_missing])

    # ------------------------------------------------------------------ edits (used by commands)

    def insert(self, parent: GroupNode, row: int, node) -> None:
        row = max(0, min(row, len(parent.children)))
        node.parent = parent
        parent.children.insert(row, node)
        self.structureChanged.emit()
        for layer_node in ([node] if node.kind == "layer" else
                           [n for n in self.walk(node) if n.kind == "layer"]):
            self.layerAdded.emit(layer_node)
        self.renderChanged.emit()

    def remove(self, node) -> tuple[GroupNode, int]:
        parent = node.parent
        row = parent.row_of(node)
        del parent.children[row]
        node.parent = None
        self.structureChanged.emit()
        for layer_node in ([node] if node.kind == "layer" else
                           [n for n in self.walk(node) if n.kind == "layer"]):
            self.layerRemoved.emit(layer_node)
        self.renderChanged.emit()
        return parent, row

    def move(self, node, new_parent: GroupNode, row: int) -> None:
        """Move ``node`` so that it ends up at ``row`` of ``new_parent`` (row counted after removal)."""
        ancestor = new_parent
        while ancestor is not None:
            if ancestor is node:
                raise ValueError("cannot move a group into itself")
            ancestor = ancestor.parent
        old_parent = node.parent
        del old_parent.children[old_parent.row_of(node)]
        row = max(0, min(row, len(new_parent.children)))
        node.parent = new_parent
        new_parent.children.insert(row, node)
        self.structureChanged.emit()
        self.renderChanged.emit()

    def add_layer(self, layer, name: str | None = None, style=None, parent: GroupNode | None = None,
                  row: int = 0, **kw) -> LayerNode:
        """Convenience (not undoable): a new node at the top of ``parent``."""
        node = make_layer_node(layer, name=name, style=style, **kw)
        self.insert(parent or self.root, row, node)
        return node

    def set_visible(self, node, visible: bool) -> None:
        if node.visible != visible:
            node.visible = visible
            self.nodeChanged.emit(node, "visible")
            self.renderChanged.emit()

    def set_opacity(self, node: LayerNode, opacity: float) -> None:
        opacity = max(0.0, min(1.0, float(opacity)))
        if node.opacity != opacity:
            node.opacity = opacity
            self.nodeChanged.emit(node, "opacity")
            self.renderChanged.emit()

    def set_name(self, node, name: str) -> None:
        if node.name != name:
            node.name = name
            self.nodeChanged.emit(node, "name")
            if node.kind == "layer":
                self.renderChanged.emit()  # labels/legends may show it

    def set_style(self, node: LayerNode, style) -> None:
        node.style = style
        self.nodeChanged.emit(node, "style")
        self.renderChanged.emit()

    def set_layer(self, node: LayerNode, layer, source: str | None = None) -> None:
        """Replace the data (re-read with another encoding or CRS, or a located missing file)."""
        node.layer = layer
        if source is not None:
            node.source = source
        self.nodeChanged.emit(node, "layer")
        self.renderChanged.emit()

    def set_expanded(self, group: GroupNode, expanded: bool) -> None:
        if group.expanded != expanded:
            group.expanded = expanded
            self.nodeChanged.emit(group, "expanded")

    def clear(self) -> None:
        removed = self.layer_nodes()
        self.root.children.clear()
        self.structureChanged.emit()
        for node in removed:
            self.layerRemoved.emit(node)
        self.renderChanged.emit()


def make_layer_node(layer, name: str | None = None, style=None, **kw) -> LayerNode:
    """A node for ``layer`` with its source path filled in and a default style when none is given."""
    source = kw.pop("source", None)
    source_layer = kw.pop("source_layer", None)
    src = getattr(layer, "source", None)
    if source is None and src is not None:
        source = str(Path(src.path).resolve())
    if source_layer is None and src is not None:
        source_layer = src.layer
    if style is None and layer is not None:
        from ecomap.core.default_styles import default_style_for

        style = default_style_for(layer, kw.get("theme"))
    return LayerNode(layer=layer, name=name or getattr(layer, "name", "") or "", style=style,
                     source=source or "", source_layer=source_layer, **kw)
