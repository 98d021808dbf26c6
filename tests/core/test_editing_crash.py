"""A process killed in the middle of an edit's transaction leaves the GeoPackage as it was."""

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.core.gpkg_helpers import dump, two_project_gpkg

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent("""
    import sys, time
    from ecomap.services import editing as ed
    from ecomap.domain.edit_rules import policy_for
    from ecomap.io import gpkg_edit as g
    from ecomap.io.registry import open_path

    path = sys.argv[1]
    real_insert, real_connect = g.insert_row, g.connect

    def small_cache(*args, **kw):
        con = real_connect(*args, **kw)
        con.execute("PRAGMA cache_size=1")  # spill changed pages into the file before COMMIT
        return con

    g.connect = small_cache

    def stall(con, table, values):
        if table == g.AUDIT_TABLE:  # feature updated and history row inserted by now
            print("IN-TRANSACTION", flush=True)
            time.sleep(120)
        return real_insert(con, table, values)

    g.insert_row = stall
    layer = open_path(path, layer="restoration_projects")[0]
    target = ed.bind(path, "restoration_projects", layer, "XMBH",
                     policy_for("restoration_projects", layer.features.columns, path))
    ed.EditSession().edit(target, 0, {"XMJD": "竣工", "WCJD": 100.0})
    print("COMMITTED", flush=True)
""")


@pytest.fixture
def gpkg(tmp_path):
    path = tmp_path / "county.gpkg"
    return two_project_gpkg(path)


def test_killed_between_statements_leaves_the_file_unchanged(gpkg):
    before = dump(gpkg)
    raw_before = gpkg.read_bytes()
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(gpkg)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline().strip()
        assert line == "IN-TRANSACTION", proc.stderr.read()
        # the child holds the write lock, with changed pages already spilled into the file
        assert Path(str(gpkg) + "-journal").exists()
        assert gpkg.read_bytes() != raw_before
    finally:
        proc.kill()
        proc.wait(timeout=30)
    assert proc.returncode != 0
    after = dump(gpkg)  # opening the file rolls the hot journal back
    assert after == before
    con = sqlite3.connect(gpkg)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
    assert gpkg.read_bytes() == raw_before


def test_the_same_edit_commits_when_not_interrupted(gpkg):
    child = CHILD.replace("time.sleep(120)", "pass")
    out = subprocess.run([sys.executable, "-c", child, str(gpkg)], cwd=ROOT, capture_output=True, text=True,
                         timeout=120, check=False)
    assert "COMMITTED" in out.stdout, out.stderr
    con = sqlite3.connect(gpkg)
    assert con.execute("SELECT XMJD, version FROM restoration_projects WHERE fid=1").fetchone() == ("竣工", 2)
    assert con.execute("SELECT count(*) FROM ecomap_audit").fetchone() == (2,)
    con.close()
