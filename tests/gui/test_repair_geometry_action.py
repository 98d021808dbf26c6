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


def test_a_saved_repaired_copy_reopens_repaired(window, qtbot, tmp_path):
    window.loader.add_paths([str(_bowties(tmp_path))])
    wait_loaded(qtbot, window)
    window.layer_actions.repair_geometry(node_named(window, "zones"))
    qtbot.waitUntil(lambda: len(window.tree.layer_nodes()) == 2, timeout=20000)
    path = tmp_path / "县.ecomap"
    assert window.project.save_to(path)
    window.project.new_project(ask=False)
    window.project.open(path, ask=False)
    wait_loaded(qtbot, window)
    qtbot.waitUntil(lambda: len(window.tree.layer_nodes()) == 2, timeout=20000)
    copy, original = node_named(window, "zones (repaired)"), node_named(window, "zones")
    assert copy.layer.invalid_count == 0 and original.layer.invalid_count == 2
    assert shapely.is_valid(copy.layer.geometry).all()
    assert copy.source == original.source  # still read from the original file


def test_reading_a_repaired_copy_in_another_encoding_repairs_it_again(window, qtbot, tmp_path, monkeypatch):
    from ecomap.gui.encoding_dialog import EncodingDialog

    path = tmp_path / "zones.shp"
    gpd.read_file(_bowties(tmp_path)).to_file(path, encoding="GBK")
    window.loader.ask_encoding = lambda layer: None
    window.loader.add_paths([str(path)])
    wait_loaded(qtbot, window)
    window.layer_actions.repair_geometry(node_named(window, "zones"))
    qtbot.waitUntil(lambda: len(window.tree.layer_nodes()) == 2, timeout=20000)
    copy = node_named(window, "zones (repaired)")

    def choose(self):
        self.combo.setCurrentText("GB18030")
        return 1
    monkeypatch.setattr(EncodingDialog, "exec", choose)
    window.layer_actions.change_encoding(copy)
    qtbot.waitUntil(lambda: copy.layer.encoding.encoding == "GB18030", timeout=20000)
    assert copy.layer.invalid_count == 0 and shapely.is_valid(copy.layer.geometry).all()
    assert copy.layer.features["MC"].tolist() == ["甲", "乙", "丙"]
