"""A repaired copy stays repaired through save and reopen, while the original stays as its file is."""

from __future__ import annotations

import json

import geopandas as gpd
import pyogrio
import shapely

from ecomap.core.geometry_repair import repaired_copy
from ecomap.core.layer_tree import LayerTreeModel, make_layer_node
from ecomap.core.project import load_project, save_project
from ecomap.core.project_bridge import populate_tree, tree_to_project
from ecomap.io.registry import open_path
from ecomap.services.project_open import open_project_entries

X0, Y0 = 39_500_000.0, 4_400_000.0
BOWTIE = shapely.Polygon([(X0, Y0), (X0 + 20, Y0 + 20), (X0 + 20, Y0), (X0, Y0 + 20)])


def _zones(folder):
    path = folder / "zones.gpkg"
    gpd.GeoDataFrame({"MC": ["甲", "乙"]}, geometry=[shapely.box(X0, Y0, X0 + 10, Y0 + 10), BOWTIE],
                     crs=4527).to_file(path, layer="zones")
    return path


def _saved(tmp_path):
    (layer,) = open_path(_zones(tmp_path))
    tree = LayerTreeModel()
    tree.add_layer(layer)
    copy = repaired_copy(layer, "zones (repaired)").layer
    tree.insert(tree.root, 0, make_layer_node(copy, name="zones (repaired)", repair_geometry=True))
    return save_project(tree_to_project(tree), tmp_path / "p.ecomap")


def test_the_project_records_which_layer_is_a_repaired_copy(tmp_path):
    saved = _saved(tmp_path)
    entries = {e["name"]: e for e in json.loads(saved.read_text(encoding="utf-8"))["layers"]}
    assert entries["zones (repaired)"]["repair_geometry"] is True
    assert "repair_geometry" not in entries["zones"]  # an ordinary layer's entry is as before
    assert entries["zones (repaired)"]["source"] == entries["zones"]["source"] == "zones.gpkg"


def test_reopening_repairs_the_copy_again_and_leaves_the_original_as_read(tmp_path):
    saved = _saved(tmp_path)
    in_file = pyogrio.read_dataframe(saved.parent / "zones.gpkg").geometry.array
    assert shapely.is_valid(in_file).tolist() == [True, False]  # the file itself is not changed
    project = load_project(saved)
    opened = open_project_entries(project)
    assert all(error is None for _e, _l, error in opened)
    tree = LayerTreeModel()
    populate_tree(tree, project, opened)
    nodes = {n.name: n for n in tree.layer_nodes()}
    copy, original = nodes["zones (repaired)"], nodes["zones"]
    assert copy.repair_geometry and not original.repair_geometry
    assert shapely.is_valid(copy.layer.geometry).all()
    assert shapely.is_valid(original.layer.geometry).tolist() == [True, False]
    assert copy.layer is not original.layer
    # the bow-tie becomes its two triangles, 100 m² each, as shapely's make_valid gives
    assert shapely.area(copy.layer.geometry[1]) == shapely.area(shapely.make_valid(BOWTIE)) == 200.0
    assert copy.layer.features["MC"].tolist() == ["甲", "乙"]
    # saved again, it is still recorded as a repaired copy
    again = save_project(tree_to_project(tree), tmp_path / "p2.ecomap")
    assert [e.get("repair_geometry", False) for e in json.loads(again.read_text(encoding="utf-8"))["layers"]] \
        == [False, True]
