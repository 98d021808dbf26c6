"""Between the project file (:mod:`ecomap.core.project`) and the live layer tree.

``tree_to_project`` records the tree (order, groups, styles, visibility, opacity, group
states) plus the view and bookmarks; ``populate_tree`` rebuilds the tree from the layers
:func:`ecomap.services.project_open.open_project_entries` opened, keeping missing ones as
placeholders the user can locate later.
"""

from __future__ import annotations

from pathlib import Path

from ecomap.core.layer_tree import GroupNode, LayerNode, LayerTreeModel
from ecomap.core.project import LayerEntry, Project, crs_of_layers
from ecomap.errors import DataError


def style_to_dict(style) -> dict | None:
    return style.to_dict() if style is not None and hasattr(style, "to_dict") else None


def style_from_entry(entry: LayerEntry, layer):
    """The entry's saved style, or the default one when none was saved or it cannot be read."""
    from ecomap.core.default_styles import default_style_for
    from ecomap.core.style import style_from_dict

    if entry.style:
        try:
            return style_from_dict(entry.style)
        except (DataError, KeyError, TypeError, ValueError):
            pass
    return default_style_for(layer, entry.theme) if layer is not None else None


def tree_to_project(tree: LayerTreeModel, *, title: str = "", crs: str | None = None, extent=None,
                    bookmarks=(), layouts=(), path: Path | None = None) -> Project:
    """A Project describing the tree; layers listed bottom first (the project's drawing order).

    Without ``crs`` (no map CRS chosen yet) the project takes its first layer's, or none.
    """
    entries = []
    nodes = list(reversed(tree.layer_nodes()))
    if not crs:
        crs = crs_of_layers(n.layer for n in nodes if n.layer is not None)
    for node in nodes:
        entries.append(LayerEntry(
            source=node.source, layer=node.source_layer, name=node.name, style=style_to_dict(node.style),
            visible=node.visible, opacity=node.opacity, group=tree.group_path(node), theme=node.theme, id=node.id,
            repair_geometry=node.repair_geometry))
    groups, state = [], {}
    for group in tree.groups():
        gpath = "/".join(filter(None, [tree.group_path(group), group.name]))
        groups.append(gpath)
        if not group.visible or not group.expanded:
            state[gpath] = {"visible": group.visible, "expanded": group.expanded}
    return Project(title=title, crs=crs, extent=tuple(extent) if extent else None, layers=entries, groups=groups,
                   bookmarks=list(bookmarks), layouts=list(layouts), group_state=state, path=path)


def populate_tree(tree: LayerTreeModel, project: Project, opened) -> list[LayerNode]:
    """Fill the (empty) tree from ``opened`` = (entry, layer or None, error) triples; returns the nodes.

    Walking the layers from the top of the legend and creating each group where its
    first layer is met reproduces the saved order (groups are contiguous in the file);
    groups without layers come last in their parent.
    """
    from ecomap.core.default_styles import apply_theme_aliases

    nodes = []
    for entry, layer, _error in reversed(list(opened)):
        apply_theme_aliases(layer, entry.theme)
        source = project.resolve(entry)
        node = LayerNode(layer=layer, name=entry.name or getattr(layer, "name", "") or Path(entry.source).stem,
                         style=style_from_entry(entry, layer), visible=entry.visible, opacity=entry.opacity,
                         source=str(source.resolve()) if source.exists() else str(source),
                         source_layer=entry.layer, theme=entry.theme, id=entry.id,
                         repair_geometry=entry.repair_geometry)
        parent = _group(tree, entry.group)
        node.parent = parent
        parent.children.append(node)
        nodes.append(node)
    for gpath in project.groups:
        group = _group(tree, gpath)
        state = project.group_state.get(gpath, {})
        group.visible = bool(state.get("visible", True))
        group.expanded = bool(state.get("expanded", True))
    tree.structureChanged.emit()
    for node in nodes:
        tree.layerAdded.emit(node)
    tree.renderChanged.emit()
    return nodes


def _group(tree: LayerTreeModel, path: str | None) -> GroupNode:
    """The group at ``path``, created (appended, without signals) when missing."""
    group = tree.root
    for name in (path or "").split("/"):
        if not name:
            continue
        found = next((c for c in group.children if c.kind == "group" and c.name == name), None)
        if found is None:
            found = GroupNode(name, parent=group)
            group.children.append(found)
        group = found
    return group
