"""The layer-tree model and its undoable commands (QtCore/QtGui only, no widgets)."""

import geopandas as gpd
import pytest
import shapely
from PySide6.QtGui import QUndoStack

from ecomap.core.crs import CrsInfo
from ecomap.core.layer_tree import GroupNode, LayerTreeModel, make_layer_node
from ecomap.core.layers import DataSource, VectorLayer
from ecomap.core.style import SingleStyle, Symbol
from ecomap.core.tree_commands import (
    AddNodesCommand,
    GroupNodesCommand,
    MoveNodeCommand,
    RemoveNodesCommand,
    RenameCommand,
    SetOpacityCommand,
    SetStyleCommand,
    SetVisibleCommand,
)


def layer(name):
    frame = gpd.GeoDataFrame({"a": [1]}, geometry=[shapely.box(39_500_000, 4_400_000, 39_500_100, 4_400_100)], crs=4527)
    return VectorLayer(name=name, features=frame, source=DataSource(f"/tmp/{name}.gpkg", name),
                       crs_info=CrsInfo(declared_epsg=4527))


@pytest.fixture
def tree():
    t = LayerTreeModel()
    for n in ("bottom", "middle", "top"):
        t.add_layer(layer(n))
    return t


def names(tree):
    return [n.name for n in tree.layer_nodes()]


def test_new_layers_go_on_top_and_render_bottom_first(tree):
    assert names(tree) == ["top", "middle", "bottom"]
    assert [n.name for n in tree.render_order()] == ["bottom", "middle", "top"]


def test_default_style_and_source(tree):
    node = tree.layer_nodes()[0]
    assert isinstance(node.style, SingleStyle)
    assert node.source.endswith("top.gpkg") and node.source_layer == "top"


def test_visibility_undo_redo_and_signals(tree):
    undo = QUndoStack()
    seen = []
    tree.renderChanged.connect(lambda: seen.append("render"))
    node = tree.layer_nodes()[0]
    undo.push(SetVisibleCommand(tree, node, False))
    assert not node.visible and "render" in seen
    assert [n.name for n in tree.render_order()] == ["bottom", "middle"]
    undo.undo()
    assert node.visible
    undo.redo()
    assert not node.visible


def test_hidden_group_hides_its_layers(tree):
    undo = QUndoStack()
    nodes = tree.layer_nodes()[:2]
    cmd = GroupNodesCommand(tree, nodes, "组")
    undo.push(cmd)
    assert tree.group_path(nodes[0]) == "组"
    undo.push(SetVisibleCommand(tree, cmd.group, False))
    assert [n.name for n in tree.render_order()] == ["bottom"]
    undo.undo()
    undo.undo()
    assert tree.groups() == [] and names(tree) == ["top", "middle", "bottom"]


def test_opacity_merges_into_one_step(tree):
    undo = QUndoStack()
    node = tree.layer_nodes()[0]
    for v in (0.9, 0.7, 0.5):
        undo.push(SetOpacityCommand(tree, node, v))
    assert undo.count() == 1 and node.opacity == 0.5
    undo.undo()
    assert node.opacity == 1.0


def test_rename_style_remove_move(tree):
    undo = QUndoStack()
    top, middle, bottom = tree.layer_nodes()
    undo.push(RenameCommand(tree, top, "红线"))
    new_style = SingleStyle(symbol=Symbol(fill="#ff0000ff"))
    undo.push(SetStyleCommand(tree, middle, new_style))
    undo.push(MoveNodeCommand(tree, bottom, tree.root, 0))
    assert names(tree) == ["bottom", "红线", "middle"] and middle.style is new_style
    removed = []
    tree.layerRemoved.connect(removed.append)
    undo.push(RemoveNodesCommand(tree, [top, middle]))
    assert names(tree) == ["bottom"] and removed == [top, middle]
    for _ in range(4):
        undo.undo()
    assert names(tree) == ["top", "middle", "bottom"] and middle.style is not new_style


def test_add_nodes_command_and_group_by_path(tree):
    undo = QUndoStack()
    group = GroupNode("水环境")
    undo.push(AddNodesCommand(tree, [group], tree.root, 1))
    node = make_layer_node(layer("断面"))
    undo.push(AddNodesCommand(tree, [node], group, 0))
    assert tree.group_by_path("水环境") is group and tree.group_path(node) == "水环境"
    nested = tree.group_by_path("水环境/断面组", create=True)
    assert nested.parent is group
    undo.undo()
    assert not tree.contains(node)


def test_cannot_move_group_into_itself(tree):
    g = tree.group_by_path("a/b", create=True)
    with pytest.raises(ValueError):
        tree.move(g.parent, g, 0)


def test_full_extent_reprojects():
    t = LayerTreeModel()
    t.add_layer(layer("x"))
    ext = t.full_extent("EPSG:4490")
    assert ext is not None and 116.9 < ext[0] < ext[2] < 117.1 and 39 < ext[1] < 40
