"""What the thematic panels show, loaded from a layer-tree snapshot without a window."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from ecomap.core.feedback import Cancelled, Feedback
from ecomap.domain.themes import WATER_CLASS_FIELD
from ecomap.services import panel_data as pdata
from ecomap.services.project_snapshot import ProjectSnapshot, companion_table


@pytest.fixture
def tree(tmp_path):
    """Every vector layer and table of a copy of the sample GeoPackage, themes recognised."""
    import shutil

    from ecomap.core.default_styles import detect_theme
    from ecomap.core.layer_tree import LayerTreeModel
    from ecomap.io.registry import open_path
    from ecomap.resources import sample_path

    src = sample_path("county.gpkg")
    if not src.exists():
        pytest.skip("sample_data/county.gpkg is missing")
    path = tmp_path / "county.gpkg"
    shutil.copyfile(src, path)
    t = LayerTreeModel()
    for layer in open_path(path):
        if getattr(layer, "kind", None) == "vector":
            t.add_layer(layer, theme=detect_theme(layer)[0])
    return t


def node(tree, table):
    return next(n for n in tree.layer_nodes() if n.source_layer == table)


def test_the_signature_follows_only_the_layers_a_panel_shows(tree):
    needs = pdata.RECTIFICATION_NEEDS
    first = ProjectSnapshot.of(tree)
    assert needs.signature(first) == needs.signature(ProjectSnapshot.of(tree))
    tree.remove(node(tree, "roads"))
    assert needs.signature(ProjectSnapshot.of(tree)) == needs.signature(first)
    items = node(tree, "rectification_items")
    items.layer.features = items.layer.features.copy()  # an edit assigns a new frame
    assert needs.signature(ProjectSnapshot.of(tree)) != needs.signature(first)
    # the metadata table (the reference date) is an input too
    tree.remove(node(tree, "metadata"))
    assert needs.signature(ProjectSnapshot.of(tree)) != needs.signature(first)


def test_companion_tables_come_from_the_tree_unless_an_edit_wrote_to_the_file(tree):
    snap = ProjectSnapshot.of(tree)
    projects = snap.first("restoration_projects")
    held = companion_table(snap, projects.gpkg, "restoration_history")
    assert len(held) == len(node(tree, "restoration_history").layer.features) and "geometry" not in held
    import sqlite3

    con = sqlite3.connect(projects.gpkg)
    con.execute("DELETE FROM restoration_history")
    con.commit()
    con.close()
    assert len(companion_table(snap, projects.gpkg, "restoration_history")) == len(held)  # memory
    edited = ProjectSnapshot.of(tree, edited={(projects.gpkg, "restoration_history")})
    assert len(companion_table(edited, projects.gpkg, "restoration_history")) == 0  # the file
    assert len(companion_table(snap, projects.gpkg, "restoration_history", from_file=True)) == 0
    assert companion_table(snap, projects.gpkg, "no_such_table") is None


def test_restoration_after_a_project_edit_reads_the_history_from_the_file(tree):
    projects = node(tree, "restoration_projects")
    before = pdata.load_restoration(ProjectSnapshot.of(tree))
    import sqlite3

    con = sqlite3.connect(projects.source)
    con.execute("DELETE FROM restoration_history WHERE rowid > 1")
    con.commit()
    con.close()
    edited = ProjectSnapshot.of(tree, edited={(projects.source, "restoration_projects")})
    after = pdata.load_restoration(edited)
    assert len(before.model.history) > 1 and len(after.model.history) == 1
    assert before.model.reference == np.datetime64("2025-11-30") and before.choices["stage"]


def test_water_frame_is_the_panels_own_and_the_layer_keeps_its_columns(tree):
    sections = node(tree, "water_sections")
    sections.layer.features = sections.layer.features.drop(columns=[WATER_CLASS_FIELD])
    frame = sections.layer.features
    columns = list(frame.columns)
    data = pdata.load_water(ProjectSnapshot.of(tree))
    assert sections.layer.features is frame and list(frame.columns) == columns
    assert data.sections is not frame and WATER_CLASS_FIELD in data.sections and "geometry" not in data.sections
    assert len(data.classes) == len(frame) and data.months[-1] == "2025-12"
    january = data.sections_in("2024-01")
    assert dict(zip(january["DMMC"], january[WATER_CLASS_FIELD]))["石窑沟入河口"] == "劣Ⅴ"
    assert WATER_CLASS_FIELD not in frame  # still
    assert data.failing_per_month["2024-01"] == 1 and len(data.failing_per_month) == 36
    code = frame["DMBM"].iat[3]
    assert data.rows_of[str(code)] == [3]


def test_ban_zones_keep_the_chosen_day_while_the_reference_date_is_the_same(tree):
    snap = ProjectSnapshot.of(tree)
    first = pdata.load_ban_zones(snap)
    assert str(first.day) == "2025-11-30" and len(first.farms) == 7 and first.counts["复养"] == 1
    kept = pdata.load_ban_zones(snap, day="2025-05-01", previous_reference=first.reference)
    assert str(kept.day) == "2025-05-01" and int(kept.grazing["in_force"].sum()) == 8
    other = pdata.load_ban_zones(snap, day="2025-05-01", previous_reference=np.datetime64("2020-01-01"))
    assert str(other.day) == "2025-11-30"
    assert kept.grazing_on("2025-11-30")["in_force"].tolist() == first.grazing["in_force"].tolist()


def test_ban_zone_join_follows_the_farms_frame_of_the_snapshot(tree):
    farms = node(tree, "farms")
    snap = ProjectSnapshot.of(tree)
    tree.set_layer(farms, replace(farms.layer, features=farms.layer.features.iloc[:0].copy()))
    assert len(pdata.load_ban_zones(snap).farms) == 7  # the snapshot keeps the frame it was taken with
    assert len(pdata.load_ban_zones(ProjectSnapshot.of(tree)).farms) == 0


def test_without_the_layers_the_data_is_empty(tree):
    empty = ProjectSnapshot()
    assert pdata.load_restoration(empty).model is None and pdata.load_rectification(empty).model is None
    assert pdata.load_water(empty).dataset is None
    bans = pdata.load_ban_zones(empty)
    assert bans.farms is None and bans.grazing is None


def test_a_cancelled_load_stops():
    feedback = Feedback()
    feedback.cancel()
    snap = ProjectSnapshot()
    with pytest.raises(Cancelled):
        pdata.load_ban_zones(snap, feedback)


def test_the_reference_date_comes_from_the_metadata_in_the_tree(tree):
    metadata = node(tree, "metadata")
    metadata.layer.features = pd.DataFrame({"key": ["reference_date"], "value": ["2024-01-31"]})
    assert pdata.load_rectification(ProjectSnapshot.of(tree)).model.reference == np.datetime64("2024-01-31")
