"""“Repair geometry (new copy)” in the layer tree's menu: a repaired copy above the layer, undoable."""

from __future__ import annotations

import geopandas as gpd
import shapely

from tests.gui.conftest import X0, Y0, node_named, wait_loaded


def _bowties(tmp_path):
    path = tmp_path / "zones.gpkg"
    bowtie = shapely.Polygon([(X0, Y0), (X0 + 20, Y0 + 20), (X0 + 20, Y0), (X0, Y0 + 20)])
    gpd.GeoDataFrame({"MC": ["甲", "乙", "丙"]},
                     geometry=[shapely.box(X0, Y0, X0 + 10, Y0 + 10), bowtie, bowtie], crs=4527).to_file(
        path, layer="zones")
    return path


def test_repair_adds_a_valid_copy_above_the_layer_and_undo_removes_it(window, qtbot, tmp_path):
    window.loader.add_paths([str(_bowties(tmp_path))])
    wait_loaded(qtbot, window)
    node = node_named(window, "zones")
    texts = [a.text() for a in window.layer_view.build_context_menu(node).actions()]
    assert "Repair geometry (new copy)" in texts

    task = window.layer_actions.repair_geometry(node)
    qtbot.waitUntil(lambda: len(window.tree.layer_nodes()) == 2, timeout=20000)
    assert task.done
    copy = node_named(window, "zones (repaired)")
    siblings = node.parent.children
    assert siblings.index(copy) == siblings.index(node) - 1  # right above the original
    assert copy.layer.invalid_count == 0 and node.layer.invalid_count == 2
    assert copy.layer.feature_count == 3
    assert copy.layer.features["MC"].tolist() == ["甲", "乙", "丙"]
    assert "2 features repaired" in window.statusBar().currentMessage()

    window.undo.undo()
    assert [n.name for n in window.tree.layer_nodes()] == ["zones"]


def test_repair_of_a_valid_layer_adds_nothing(loaded, qtbot):
    node = node_named(loaded, "parcels")
    count = len(loaded.tree.layer_nodes())
    task = loaded.layer_actions.repair_geometry(node)
    qtbot.waitUntil(lambda: task.done and "no invalid geometry" in loaded.statusBar().currentMessage(),
                    timeout=20000)
    assert len(loaded.tree.layer_nodes()) == count
