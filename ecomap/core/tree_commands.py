"""Undoable edits of the layer tree and of styles (QUndoCommand, QtGui).

Each command holds the node objects it acts on (nodes keep their identity when they
are removed and re-inserted), so undo after remove brings back the very same layer
with its style, and redo does the same edit again.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from ecomap.core.layer_tree import GroupNode, LayerTreeModel
from ecomap.i18n import tr

_OPACITY_ID = 1001


class SetVisibleCommand(QUndoCommand):
    def __init__(self, model: LayerTreeModel, node, visible: bool):
        super().__init__(tr("Show {name}").format(name=node.name) if visible
                         else tr("Hide {name}").format(name=node.name))
        self.model, self.node, self.new, self.old = model, node, visible, node.visible

    def redo(self):
        self.model.set_visible(self.node, self.new)

    def undo(self):
        self.model.set_visible(self.node, self.old)


class SetOpacityCommand(QUndoCommand):
    """Merges with the next opacity change of the same layer, so a slider drag is one step."""

    def __init__(self, model: LayerTreeModel, node, opacity: float):
        super().__init__(tr("Opacity of {name}").format(name=node.name))
        self.model, self.node, self.new, self.old = model, node, opacity, node.opacity

    def id(self) -> int:
        return _OPACITY_ID

    def mergeWith(self, other) -> bool:
        if not isinstance(other, SetOpacityCommand) or other.node is not self.node:
            return False
        self.new = other.new
        return True

    def redo(self):
        self.model.set_opacity(self.node, self.new)

    def undo(self):
        self.model.set_opacity(self.node, self.old)


class RenameCommand(QUndoCommand):
    def __init__(self, model: LayerTreeModel, node, name: str):
        super().__init__(tr("Rename {old} to {new}").format(old=node.name, new=name))
        self.model, self.node, self.new, self.old = model, node, name, node.name

    def redo(self):
        self.model.set_name(self.node, self.new)

    def undo(self):
        self.model.set_name(self.node, self.old)


class SetStyleCommand(QUndoCommand):
    def __init__(self, model: LayerTreeModel, node, style):
        super().__init__(tr("Style of {name}").format(name=node.name))
        self.model, self.node, self.new, self.old = model, node, style, node.style

    def redo(self):
        self.model.set_style(self.node, self.new)

    def undo(self):
        self.model.set_style(self.node, self.old)


class AddNodesCommand(QUndoCommand):
    """Insert nodes (layers or groups) at ``row`` of ``parent``, first node on top."""

    def __init__(self, model: LayerTreeModel, nodes: list, parent: GroupNode | None = None, row: int = 0,
                 text: str | None = None):
        names = ", ".join(n.name for n in nodes[:3]) + ("…" if len(nodes) > 3 else "")
        super().__init__(text or tr("Add {names}").format(names=names))
        self.model, self.nodes, self.parent, self.row = model, list(nodes), parent or model.root, row

    def redo(self):
        for i, node in enumerate(self.nodes):
            self.model.insert(self.parent, self.row + i, node)

    def undo(self):
        for node in self.nodes:
            if self.model.contains(node):
                self.model.remove(node)


class RemoveNodesCommand(QUndoCommand):
    def __init__(self, model: LayerTreeModel, nodes: list):
        # drop nodes whose ancestor is also removed: removing the group takes them along
        chosen = [n for n in nodes if not any(_is_ancestor(other, n) for other in nodes if other is not n)]
        names = ", ".join(n.name for n in chosen[:3]) + ("…" if len(chosen) > 3 else "")
        super().__init__(tr("Remove {names}").format(names=names))
        self.model, self.nodes = model, chosen
        self.places: list[tuple] = []

    def redo(self):
        self.places = []
        for node in self.nodes:
            parent, row = self.model.remove(node)
            self.places.append((node, parent, row))

    def undo(self):
        for node, parent, row in reversed(self.places):
            self.model.insert(parent, row, node)


class MoveNodeCommand(QUndoCommand):
    def __init__(self, model: LayerTreeModel, node, new_parent: GroupNode, row: int):
        super().__init__(tr("Move {name}").format(name=node.name))
        self.model, self.node, self.new_parent, self.new_row = model, node, new_parent, row
        self.old_parent, self.old_row = node.parent, node.parent.row_of(node)

    def redo(self):
        self.model.move(self.node, self.new_parent, self.new_row)

    def undo(self):
        self.model.move(self.node, self.old_parent, self.old_row)


class GroupNodesCommand(QUndoCommand):
    """Put ``nodes`` into a new group created where the first of them was."""

    def __init__(self, model: LayerTreeModel, nodes: list, name: str):
        super().__init__(tr("Group {name}").format(name=name))
        self.model, self.nodes = model, list(nodes)
        self.group = GroupNode(name)
        first = self.nodes[0]
        self.parent, self.row = first.parent, first.parent.row_of(first)
        self.origins = [(n, n.parent, n.parent.row_of(n)) for n in self.nodes]

    def redo(self):
        self.model.insert(self.parent, self.row, self.group)
        for i, node in enumerate(self.nodes):
            self.model.move(node, self.group, i)

    def undo(self):
        for node, parent, row in reversed(self.origins):
            self.model.move(node, parent, row)
        if self.model.contains(self.group):
            self.model.remove(self.group)


class ReplaceLayerCommand(QUndoCommand):
    """New data for a node (re-read with another encoding or CRS); the old data comes back on undo."""

    def __init__(self, model: LayerTreeModel, node, layer, text: str):
        super().__init__(text)
        self.model, self.node, self.new, self.old = model, node, layer, node.layer

    def redo(self):
        self.model.set_layer(self.node, self.new)

    def undo(self):
        self.model.set_layer(self.node, self.old)


def _is_ancestor(a, b) -> bool:
    p = b.parent
    while p is not None:
        if p is a:
            return True
        p = p.parent
    return False
