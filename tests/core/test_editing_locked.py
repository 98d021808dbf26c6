"""An edit of a GeoPackage another program holds locked: a clear DatabaseLocked, nothing written, retry works."""

from __future__ import annotations

import sqlite3

import pytest

from ecomap.domain.edit_rules import policy_for
from ecomap.errors import DataError
from ecomap.io import gpkg_edit as g
from ecomap.io.registry import open_path
from ecomap.services import editing as ed
from tests.core.gpkg_helpers import dump, two_project_gpkg


@pytest.fixture
def gpkg(tmp_path, monkeypatch):
    monkeypatch.setattr(g, "BUSY_TIMEOUT_S", 0.05)
    path = tmp_path / "county.gpkg"
    return two_project_gpkg(path)


def _target(path):
    layer = open_path(path, layer="restoration_projects")[0]
    return ed.bind(path, "restoration_projects", layer, "XMBH",
                   policy_for("restoration_projects", layer.features.columns, path))


def _hold(path) -> sqlite3.Connection:
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("BEGIN EXCLUSIVE")
    return con


def test_a_locked_file_refuses_the_edit_cleanly_and_the_same_command_succeeds_later(gpkg):
    target = _target(gpkg)
    session = ed.EditSession()
    heard = []
    session.listeners.append(heard.append)
    before = dump(gpkg)
    command = ed.FeatureEdit(session, target, 0, {"XMJD": "竣工", "WCJD": 100.0})
    other = _hold(gpkg)
    try:
        with pytest.raises(ed.DatabaseLocked) as refused:
            command.apply()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert isinstance(refused.value, DataError) and refused.value.path == str(gpkg)
    assert "holds it locked" in refused.value.message and "not saved" in refused.value.message
    assert command.state == "new" and heard == []
    assert target.layer.features["XMJD"].tolist() == ["在建", "在建"]
    assert dump(gpkg) == before
    command.apply()  # retried once the other program let go
    assert command.state == "applied" and [e.action for e in heard] == ["edit"]
    con = sqlite3.connect(gpkg)
    assert con.execute("SELECT XMJD, version FROM restoration_projects WHERE fid=1").fetchone() == ("竣工", 2)
    con.close()


def test_binding_a_locked_file_is_the_same_clear_error(gpkg):
    other = _hold(gpkg)
    try:
        with pytest.raises(ed.DatabaseLocked):
            ed.bind(gpkg, "restoration_projects")
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_other_sqlite_failures_are_data_errors_naming_the_file(gpkg):
    error = g.sql_error(gpkg, sqlite3.DatabaseError("database disk image is malformed"))
    assert type(error) is DataError and error.path == str(gpkg) and "malformed" in error.message
