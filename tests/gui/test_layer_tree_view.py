"""The layer tree widget: check boxes, rename, drag to reorder, groups, legend rows, context menu."""

from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtGui import QUndoStack

from ecomap.core.layer_tree import LayerTreeModel
from ecomap.core.style import CategorizedStyle, Category, Symbol
from ecomap.gui.layer_tree_view import MIME, LayerTreeView
from ecomap.io.registry import open_path


def make_view(qtbot, gpkg):
    tree, undo = LayerTreeModel(), QUndoStack()
    for lyr in open_path(gpkg):
        tree.add_layer(lyr)
    view = LayerTreeView(tree, undo)
    qtbot.addWidget(view)
    view.show()
    return view, tree, undo


def names(tree):
    return [n.name for n in tree.layer_nodes()]


def test_rows_and_check_boxes(qtbot, gpkg):
    view, tree, undo = make_view(qtbot, gpkg)
    m = view.item_model
    assert m.rowCount() == 3
    top = m.index(0, 0)
    assert m.data(top) == tree.layer_nodes()[0].name
    assert m.data(top, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    m.setData(top, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert not tree.layer_nodes()[0].visible
    undo.undo()
    assert tree.layer_nodes()[0].visible


def test_rename_through_the_model_is_undoable(qtbot, gpkg):
    view, tree, undo = make_view(qtbot, gpkg)
    idx = view.item_model.index(1, 0)
    view.item_model.setData(idx, "生态红线", Qt.ItemDataRole.EditRole)
    assert tree.layer_nodes()[1].name == "生态红线"
    undo.undo()
    assert tree.layer_nodes()[1].name != "生态红线"


def test_drag_to_reorder(qtbot, gpkg):
    view, tree, undo = make_view(qtbot, gpkg)
    before = names(tree)
    mime = view.item_model.mimeData([view.item_model.index(0, 0)])
    assert mime.hasFormat(MIME)
    # drop the top layer below the last row
    assert view.item_model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex()) is False
    qtbot.waitUntil(lambda: names(tree) != before, timeout=20000)
    assert names(tree) == before[1:] + before[:1]
    undo.undo()
    assert names(tree) == before


def test_drop_onto_a_group_and_group_selected(qtbot, gpkg):
    view, tree, undo = make_view(qtbot, gpkg)
    first, second, third = tree.layer_nodes()
    view.selectionModel().select(view.item_model.index(0, 0), view.selectionModel().SelectionFlag.Select)
    view.selectionModel().select(view.item_model.index(1, 0), view.selectionModel().SelectionFlag.Select)
    group = view.group_selected("基础数据")
    assert group is not None and [c.name for c in group.children] == [first.name, second.name]
    gidx = view.item_model.index_of(group)
    mime = view.item_model.mimeData([view.item_model.index_of(third)])
    view.item_model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, gidx)
    qtbot.waitUntil(lambda: third.parent is group, timeout=20000)
    assert tree.group_path(third) == "基础数据"
    # the group stays expanded and selection survives the model reset
    assert view.isExpanded(view.item_model.index_of(group))
    undo.undo()
    undo.undo()
    assert tree.groups() == [] and names(tree) == [first.name, second.name, third.name]


def test_file_urls_dropped_on_the_tree_are_forwarded(qtbot, gpkg):
    from PySide6.QtCore import QUrl

    view, _tree, _undo = make_view(qtbot, gpkg)
    got = []
    view.item_model.filesDropped.connect(got.extend)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(gpkg))])
    view.item_model.dropMimeData(mime, Qt.DropAction.CopyAction, 0, 0, QModelIndex())
    assert got == [str(gpkg)]


def test_legend_rows_per_category(qtbot, gpkg):
    view, tree, _undo = make_view(qtbot, gpkg)
    node = next(n for n in tree.layer_nodes() if n.name == "parcels")
    tree.set_style(node, CategorizedStyle(field="ZT", categories=(
        Category("未治理", "未治理", Symbol(fill="#ff0000ff")), Category("已治理", "已治理", Symbol(fill="#00ff00ff"))),
        default=Symbol()))
    idx = view.item_model.index_of(node)
    assert view.item_model.rowCount(idx) == 3
    labels = [view.item_model.data(view.item_model.index(r, 0, idx)) for r in range(3)]
    assert labels[:2] == ["未治理", "已治理"]
    icon = view.item_model.data(view.item_model.index(0, 0, idx), Qt.ItemDataRole.DecorationRole)
    img = icon.pixmap(16, 16).toImage()
    assert img.pixelColor(8, 8).red() > 200 and img.pixelColor(8, 8).green() < 60


def test_context_menu_and_delete_key(qtbot, gpkg):
    view, tree, undo = make_view(qtbot, gpkg)
    node = tree.layer_nodes()[0]
    texts = [a.text() for a in view.build_context_menu(node).actions() if a.text()]
    assert "Zoom to layer" in texts and "Style…" in texts and "Remove" in texts
    zoomed = []
    view.zoomToLayerRequested.connect(zoomed.append)
    next(a for a in view.build_context_menu(node).actions() if a.text() == "Zoom to layer").trigger()
    assert zoomed == [node]
    view.setCurrentIndex(view.item_model.index_of(node))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert node not in tree.layer_nodes()
    undo.undo()
    assert tree.layer_nodes()[0] is node


def test_missing_layer_is_shown_and_offers_locate(qtbot):
    tree, undo = LayerTreeModel(), QUndoStack()
    node = tree.add_layer(None, name="丢失", source="/nowhere/x.shp")
    view = LayerTreeView(tree, undo)
    qtbot.addWidget(view)
    idx = view.item_model.index_of(node)
    assert "not found" in view.item_model.data(idx, Qt.ItemDataRole.ToolTipRole)
    assert view.item_model.data(idx, Qt.ItemDataRole.FontRole).italic()
    texts = [a.text() for a in view.build_context_menu(node).actions()]
    assert "Locate file…" in texts


def test_scale_range_greys_out(qtbot, gpkg):
    from dataclasses import replace

    view, tree, _undo = make_view(qtbot, gpkg)
    node = tree.layer_nodes()[0]
    tree.set_style(node, replace(node.style, min_scale=10000))
    view.item_model.set_scale(50000)
    brush = view.item_model.data(view.item_model.index_of(node), Qt.ItemDataRole.ForegroundRole)
    assert brush is not None and brush.color().red() == 150
