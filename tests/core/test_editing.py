"""Edits as commands: one transaction with audit and history rows, undo, memory sync,
optimistic locking against a second connection, rollback on failure."""

import sqlite3

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from ecomap.domain.edit_rules import policy_for
from ecomap.io import gpkg_edit as g
from ecomap.io.registry import open_path
from ecomap.services import editing as ed
from tests.core.gpkg_helpers import dump

X0, Y0 = 36_460_000.0, 4_140_000.0


@pytest.fixture
def gpkg(tmp_path):
    """A GeoPackage written by GDAL (so it has the R-tree triggers) with 3 projects and a history."""
    path = tmp_path / "county.gpkg"
    gpd.GeoDataFrame({
        "XMBH": ["P1", "P2", "P3"], "XMMC": ["一期", "二期", "三期"],
        "JHTZ": [100.0, 200.0, 300.0], "LJWCTZ": [10.0, 20.0, 30.0],
        "SJKGRQ": ["2024-03-01", "2024-03-01", None], "SJWGRQ": [None, None, None],
        "WCJD": [10.0, 20.0, 0.0], "XMJD": ["在建", "在建", "前期"], "version": [1, 1, 1],
    }, geometry=[shapely.box(X0 + i * 100, Y0, X0 + i * 100 + 50, Y0 + 50) for i in range(3)],
        crs=4524).to_file(path, layer="restoration_projects")
    gpd.GeoDataFrame(pd.DataFrame({"XMBH": ["P1"], "RQ": ["2024-03-01"], "YJD": ["前期"], "XJD": ["在建"],
                                   "SM": ["开工"]})).to_file(path, layer="restoration_history")
    return path


@pytest.fixture
def setup(gpkg):
    layer = open_path(gpkg, layer="restoration_projects")[0]
    policy = policy_for("restoration_projects", layer.features.columns, gpkg)
    target = ed.bind(gpkg, "restoration_projects", layer, "XMBH", policy)
    session = ed.EditSession(user="tester")
    events = []
    session.listeners.append(events.append)
    return layer, target, session, events


def stored(path, fid, cols="XMJD, WCJD, SJWGRQ, version"):
    con = g.connect(path)
    try:
        return con.execute(f"SELECT {cols} FROM restoration_projects WHERE fid=?", (fid,)).fetchone()
    finally:
        con.close()


def history(path):
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT XMBH, YJD, XJD, SM FROM restoration_history ORDER BY fid").fetchall()
    finally:
        con.close()


def test_edit_writes_feature_history_and_audit_in_one_go(setup, gpkg):
    layer, target, session, events = setup
    cmd = session.edit(target, 1, {"XMJD": "竣工", "WCJD": 100, "SJWGRQ": "2025-11-20"}, note="完工")
    assert stored(gpkg, 2) == ("竣工", 100.0, "2025-11-20", 2)
    assert history(gpkg)[-1] == ("P2", "在建", "竣工", "完工")
    audit = g.read_audit(gpkg, cmd.id)
    assert [(a["field"], a["old_value"], a["new_value"]) for a in audit] == [
        ("XMJD", "在建", "竣工"), ("WCJD", "20.0", "100.0"), ("SJWGRQ", None, "2025-11-20")]
    assert {a["user"] for a in audit} == {"tester"} and {a["action"] for a in audit} == {"edit"}
    assert all(a["layer"] == "restoration_projects" and a["feature_fid"] == 2 and a["feature_key"] == "P2"
               for a in audit)
    assert audit[0]["time"][:4].isdigit() and "T" in audit[0]["time"]
    # the layer in memory follows, as a new frame object (render caches miss); rows are indexed by fid
    assert layer.features.loc[2, "XMJD"] == "竣工" and layer.features.loc[2, "version"] == 2
    assert events[-1].rows == (1,) and events[-1].action == "edit" and "XMJD" in events[-1].fields


def test_the_audit_table_is_a_registered_attribute_table(setup, gpkg):
    _layer, target, session, _events = setup
    session.edit(target, 0, {"WCJD": 15})
    con = sqlite3.connect(gpkg)
    kind = con.execute("SELECT data_type FROM gpkg_contents WHERE table_name='ecomap_audit'").fetchone()
    con.close()
    assert kind == ("attributes",)


def test_undo_and_redo_are_audited_edits(setup, gpkg):
    layer, target, session, events = setup
    frame_before = layer.features
    cmd = session.edit(target, 1, {"XMJD": "竣工", "WCJD": 100})
    cmd.undo()
    assert stored(gpkg, 2) == ("在建", 20.0, None, 3)
    assert layer.features.loc[2, "XMJD"] == "在建" and layer.features is not frame_before
    assert history(gpkg)[-1][1:3] == ("竣工", "在建") and history(gpkg)[-1][3].startswith("撤销")
    cmd.redo()
    assert stored(gpkg, 2) == ("竣工", 100.0, None, 4)
    actions = [a["action"] for a in g.read_audit(gpkg, cmd.id)]
    assert actions == ["edit", "edit", "undo", "undo", "redo", "redo"]
    assert [e.action for e in events] == ["edit", "undo", "redo"]


def test_a_commit_replaces_the_layers_frame_once_and_leaves_older_frames_alone(setup):
    layer, target, session, _events = setup
    snapshot = layer.features  # e.g. what a render job or the attribute table is reading
    heard = []
    layer.listeners.append(heard.append)
    session.edit(target, 1, {"XMJD": "竣工", "WCJD": 100})
    assert heard == [layer]
    assert layer.features.loc[2, "XMJD"] == "竣工" and layer.features.loc[2, "WCJD"] == 100.0
    assert snapshot.loc[2, "XMJD"] == "在建" and snapshot.loc[2, "WCJD"] == 20.0 and snapshot.loc[2, "version"] == 1


def test_invalid_edit_is_rejected_and_writes_nothing(setup, gpkg):
    layer, target, session, events = setup
    before = dump(gpkg)
    with pytest.raises(ed.EditRejected) as err:
        session.edit(target, 1, {"XMJD": "验收", "WCJD": 130})
    assert len(err.value.messages) == 2
    assert dump(gpkg) == before and events == []
    assert layer.features.loc[2, "XMJD"] == "在建"


def test_explicit_revert_is_allowed(setup, gpkg):
    _layer, target, session, _events = setup
    session.edit(target, 1, {"XMJD": "开工"}, revert=True, note="退回")
    assert stored(gpkg, 2)[0] == "开工"


def test_conflict_from_a_second_connection(setup, gpkg):
    layer, target, session, events = setup
    other = g.connect(gpkg)  # another user's EcoMap, or QGIS through GDAL
    other.execute("UPDATE restoration_projects SET WCJD=55, version=version+1 WHERE fid=2")
    other.close()
    before = dump(gpkg)
    with pytest.raises(ed.Conflict) as err:
        session.edit(target, 1, {"WCJD": 30})
    c = err.value
    assert c.theirs["WCJD"] == 55.0 and c.their_version == 2 and c.base_version == 1
    assert c.mine == {"WCJD": 30.0} and c.changed_fields() == ["WCJD"] and c.key == "P2"
    assert dump(gpkg) == before and events == []  # nothing written, not even an audit row
    assert layer.features.loc[2, "WCJD"] == 20.0


def test_conflict_then_overwrite(setup, gpkg):
    _layer, target, session, _events = setup
    other = g.connect(gpkg)
    other.execute("UPDATE restoration_projects SET WCJD=55, version=version+1 WHERE fid=2")
    other.close()
    cmd = ed.FeatureEdit(session, target, 1, {"WCJD": 30})
    with pytest.raises(ed.Conflict):
        cmd.apply()
    cmd.apply(force=True)
    assert stored(gpkg, 2) == ("在建", 30.0, None, 3)
    [audit] = g.read_audit(gpkg, cmd.id)
    assert audit["old_value"] == "55.0" and "overwrote" in audit["note"]  # what was really replaced


def test_conflict_then_take_theirs(setup, gpkg):
    layer, target, session, events = setup
    other = g.connect(gpkg)
    other.execute("UPDATE restoration_projects SET WCJD=55, XMJD='竣工', version=version+1 WHERE fid=2")
    other.close()
    with pytest.raises(ed.Conflict):
        session.edit(target, 1, {"WCJD": 30})
    session.reload(target, [2])
    assert layer.features.loc[2, "WCJD"] == 55.0 and layer.features.loc[2, "XMJD"] == "竣工"
    assert events[-1].action == "reload"
    # now based on their version, the next edit goes through
    session.edit(target, 1, {"WCJD": 60})
    assert stored(gpkg, 2)[1:] == (60.0, None, 3)


def test_a_writer_that_does_not_bump_the_version_is_still_caught(setup, gpkg):
    _layer, target, session, _events = setup
    other = g.connect(gpkg)
    other.execute("UPDATE restoration_projects SET WCJD=44 WHERE fid=2")  # e.g. an attribute table in QGIS
    other.close()
    with pytest.raises(ed.Conflict):
        session.edit(target, 1, {"WCJD": 30})


def test_undo_after_someone_else_changed_it_conflicts(setup, gpkg):
    _layer, target, session, _events = setup
    cmd = session.edit(target, 1, {"WCJD": 30})
    other = g.connect(gpkg)
    other.execute("UPDATE restoration_projects SET WCJD=31, version=version+1 WHERE fid=2")
    other.close()
    with pytest.raises(ed.Conflict):
        cmd.undo()
    assert cmd.state == "applied" and stored(gpkg, 2)[1] == 31.0


def test_deleted_feature_is_a_conflict(setup, gpkg):
    _layer, target, session, _events = setup
    other = g.connect(gpkg)
    other.execute("DELETE FROM restoration_projects WHERE fid=3")
    other.close()
    with pytest.raises(ed.Conflict) as err:
        session.edit(target, 2, {"WCJD": 5})
    assert err.value.deleted


def test_failure_after_the_first_statement_rolls_everything_back(setup, gpkg, monkeypatch):
    layer, target, session, events = setup
    before = dump(gpkg)
    real_insert = g.insert_row

    def failing_insert(con, table, values):
        if table == g.AUDIT_TABLE:  # the feature and history rows are written by now
            raise RuntimeError("disk full")
        return real_insert(con, table, values)

    monkeypatch.setattr(g, "insert_row", failing_insert)
    with pytest.raises(RuntimeError):
        session.edit(target, 1, {"XMJD": "竣工"})
    assert dump(gpkg) == before
    con = sqlite3.connect(gpkg)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
    assert layer.features.loc[2, "XMJD"] == "在建" and events == []


def test_unknown_or_bookkeeping_fields_cannot_be_edited(setup):
    _layer, target, session, _events = setup
    with pytest.raises(ed.DataError):
        session.edit(target, 0, {"NOPE": 1})
    with pytest.raises(ed.DataError):
        session.edit(target, 0, {"version": 9})


def test_rows_are_matched_by_key_when_the_order_differs(gpkg):
    layer = open_path(gpkg, layer="restoration_projects")[0]
    layer.set_features(layer.features.iloc[::-1].reset_index(drop=True))
    target = ed.bind(gpkg, "restoration_projects", layer, "XMBH")
    assert target.fids.tolist() == [3, 2, 1]


def test_a_stale_layer_refuses_to_bind(gpkg):
    layer = open_path(gpkg, layer="restoration_projects")[0]
    layer.set_features(layer.features.iloc[:2])
    con = g.connect(gpkg)
    con.execute("UPDATE restoration_projects SET XMBH='P1' WHERE fid=3")  # keys no longer unique
    con.close()
    with pytest.raises(ed.DataError):
        ed.bind(gpkg, "restoration_projects", layer, "XMBH")


def test_geometry_functions_for_the_rtree_triggers(gpkg):
    con = g.connect(gpkg)
    blob = con.execute("SELECT geom FROM restoration_projects WHERE fid=1").fetchone()[0]
    assert con.execute("SELECT ST_IsEmpty(?), ST_MinX(?), ST_MaxY(?)", (blob, blob, blob)).fetchone() == (
        0, X0, Y0 + 50)
    # moving a feature's geometry keeps the R-tree in step (the update triggers call these functions)
    moved = shapely.to_wkb(shapely.box(X0 + 1000, Y0, X0 + 1050, Y0 + 50))
    header = bytes(blob[:8])
    import struct
    env = struct.pack("<4d", X0 + 1000, X0 + 1050, Y0, Y0 + 50)
    con.execute("UPDATE restoration_projects SET geom=? WHERE fid=1", (header + env + moved,))
    assert con.execute("SELECT minx FROM rtree_restoration_projects_geom WHERE id=1").fetchone()[0] == \
        pytest.approx(X0 + 1000)
    con.close()


def test_sample_project_stage_change(tmp_path):
    from ecomap.resources import sample_path

    src = sample_path("county.gpkg")
    if not src.exists():
        pytest.skip("sample_data/county.gpkg missing")
    path = tmp_path / "county.gpkg"
    path.write_bytes(src.read_bytes())
    layer = open_path(path, layer="restoration_projects")[0]
    target = ed.bind(path, "restoration_projects", layer, "XMBH",
                     policy_for("restoration_projects", layer.features.columns, path))
    row = int(np.flatnonzero(layer.features["XMBH"] == "XF-610899-2022-010")[0])
    n_history = len(history(path))
    cmd = ed.EditSession().edit(target, row, {"XMJD": "竣工", "WCJD": 100.0, "SJWGRQ": "2025-11-28"})
    assert len(history(path)) == n_history + 1
    cmd.undo()
    assert len(history(path)) == n_history + 2
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
    # GDAL still reads the file, and sees the audit table as a layer
    import warnings

    import pyogrio
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # GDAL understands every column of the audit table
        assert "ecomap_audit" in pyogrio.list_layers(path)[:, 0]
        audit = pyogrio.read_dataframe(path, layer="ecomap_audit")
    assert len(audit) == 6
    assert pyogrio.read_dataframe(path, layer="restoration_projects")["XMJD"].iloc[row] == "在建"


def test_after_an_overwrite_memory_holds_the_whole_stored_row(setup, gpkg):
    layer, target, session, _events = setup
    other = g.connect(gpkg)
    other.execute("UPDATE restoration_projects SET WCJD=55, SJKGRQ='2024-04-01', version=version+1 WHERE fid=2")
    other.close()
    cmd = ed.FeatureEdit(session, target, 1, {"WCJD": 30})
    with pytest.raises(ed.Conflict):
        cmd.apply()
    cmd.apply(force=True)
    assert layer.features.loc[2, "WCJD"] == 30.0
    assert layer.features.loc[2, "SJKGRQ"] == "2024-04-01"  # their other change is not hidden
    assert layer.features.loc[2, "version"] == 3
