"""Tree ↔ project file round trip: order, groups, group states, styles, opacity, bookmarks, missing files."""

import geopandas as gpd
import pytest
import shapely

from ecomap.core.feedback import Cancelled, Feedback
from ecomap.core.layer_tree import LayerTreeModel
from ecomap.core.project import Bookmark, load_project, save_project
from ecomap.core.project_bridge import populate_tree, tree_to_project
from ecomap.core.style import CategorizedStyle, Category, Symbol
from ecomap.io.registry import open_path
from ecomap.services.project_open import open_project_entries


def write_data(folder):
    path = folder / "data" / "d.gpkg"
    path.parent.mkdir()
    for name in ("a", "b", "c"):
        gpd.GeoDataFrame({"k": ["x", "y"]}, geometry=[shapely.box(0, 0, 1, 1), shapely.box(1, 1, 2, 2)],
                         crs=4527).to_file(path, layer=name)
    return path


def build_tree(path):
    tree = LayerTreeModel()
    layers = {lyr.name: lyr for lyr in open_path(path)}
    a = tree.add_layer(layers["a"])
    group = tree.group_by_path("组/子组", create=True)
    tree.add_layer(layers["b"], parent=group)
    c = tree.add_layer(layers["c"], name="丙")
    tree.set_opacity(a, 0.4)
    tree.set_visible(group.parent, False)
    tree.set_expanded(group, False)
    tree.set_style(c, CategorizedStyle(field="k", categories=(Category("x", "甲", Symbol(fill="#ff0000ff")),)))
    return tree


def snapshot(tree):
    return [(n.name, tree.group_path(n), n.visible, n.opacity, n.style.to_dict(), n.source_layer)
            for n in tree.layer_nodes()], [(g.name, g.visible, g.expanded) for g in tree.groups()]


def test_round_trip_through_file(tmp_path):
    data = write_data(tmp_path)
    tree = build_tree(data)
    project = tree_to_project(tree, title="县", crs="EPSG:4527", extent=(0, 0, 2, 2),
                              bookmarks=[Bookmark("书签", (0, 0, 1, 1), "EPSG:4527")])
    saved = save_project(project, tmp_path / "p.ecomap")
    text = saved.read_text(encoding="utf-8")
    assert "data/d.gpkg" in text and str(tmp_path) not in text  # relative paths
    loaded = load_project(saved)
    opened = open_project_entries(loaded)
    assert all(err is None for _e, _l, err in opened)
    tree2 = LayerTreeModel()
    populate_tree(tree2, loaded, opened)
    assert snapshot(tree2) == snapshot(tree)
    assert loaded.bookmarks[0].name == "书签" and loaded.extent == (0, 0, 2, 2)


def test_missing_file_stays_as_placeholder(tmp_path):
    data = write_data(tmp_path)
    tree = build_tree(data)
    saved = save_project(tree_to_project(tree), tmp_path / "p.ecomap")
    data.rename(tmp_path / "moved.gpkg")
    loaded = load_project(saved)
    opened = open_project_entries(loaded)
    assert all(layer is None and "d.gpkg" in err for _e, layer, err in opened)
    tree2 = LayerTreeModel()
    nodes = populate_tree(tree2, loaded, opened)
    assert all(n.is_missing for n in nodes) and len(nodes) == 3
    assert tree2.render_order() == []
    # styles are kept for the day the file is found again
    assert [n.style.type for n in tree2.layer_nodes()] == ["categorized", "single", "single"]
    # and saving again keeps the entries
    again = tree_to_project(tree2)
    assert len(again.layers) == 3


def test_cancelled_open_stops(tmp_path):
    data = write_data(tmp_path)
    saved = save_project(tree_to_project(build_tree(data)), tmp_path / "p.ecomap")
    feedback = Feedback()
    feedback.cancel()
    with pytest.raises(Cancelled):
        open_project_entries(load_project(saved), feedback)


def test_open_reports_one_step_per_layer(tmp_path):
    data = write_data(tmp_path)
    saved = save_project(tree_to_project(build_tree(data)), tmp_path / "p.ecomap")
    steps = []
    open_project_entries(load_project(saved), Feedback(on_progress=lambda f, text: steps.append((f, text))))
    assert steps == [(0.0, "b"), (1 / 3, "a"), (2 / 3, "丙"), (1.0, "")]  # bottom first


def test_a_tree_without_a_map_crs_records_its_first_layers(tmp_path):
    tree = build_tree(write_data(tmp_path))
    assert tree_to_project(tree).crs == "EPSG:4527"
    assert tree_to_project(tree, crs="EPSG:4490").crs == "EPSG:4490"
    assert tree_to_project(LayerTreeModel()).crs is None  # an empty project has none


def test_theme_aliases_are_applied(tmp_path):
    from ecomap.core.default_styles import apply_theme_aliases
    from ecomap.core.layers import DataSource, VectorLayer

    frame = gpd.GeoDataFrame({"HXBM": ["a"], "own": [1]}, geometry=[shapely.box(0, 0, 1, 1)], crs=4527)
    layer = VectorLayer("r", frame, DataSource(tmp_path / "r.gpkg"), field_aliases={"own": "自己的"})
    apply_theme_aliases(layer, "redlines")
    assert layer.field_aliases["HXBM"] == "红线编码" and layer.field_aliases["own"] == "自己的"
    apply_theme_aliases(layer, "no-such-theme")  # unknown themes are ignored
