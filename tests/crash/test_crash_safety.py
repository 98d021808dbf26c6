"""Nothing the user made is lost: a writer killed at any point leaves the whole old dataset or the whole new one.

The random trials run in a child process (:mod:`tests.crash.run` forks and kills its
own children; a pytest process with Qt loaded is no place to fork from). The long run
is ``.venv/bin/python -m tests.crash.run --trials 100``.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pyogrio
import pytest

from ecomap.errors import DataError
from ecomap.io.export import export_layer
from ecomap.io.registry import open_path
from tests.crash.kinds import OLD_COUNT, all_kinds, as_layer, polygons

ROOT = Path(__file__).resolve().parents[2]
NEW_COUNT = 300


def _harness(tmp_path, *args) -> dict:
    out = tmp_path / "tally.json"
    run = subprocess.run([sys.executable, "-m", "tests.crash.run", "--size", "tiny", "--seed", "20240601",
                          "--json", str(out), "--workdir", str(tmp_path), *args],
                         cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert out.exists(), run.stdout + run.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def _assert_clean(tally: dict) -> None:
    for kind in tally["kinds"]:
        assert kind["partial"] == 0, (kind["kind"], kind["problems"])
        assert kind["strays_after_next_write"] == 0, (kind["kind"], kind["problems"])
        assert kind["next_write_failed"] == 0, (kind["kind"], kind["problems"])


def test_writers_killed_at_random_or_at_every_step_leave_the_old_or_the_new_dataset(tmp_path):
    tally = _harness(tmp_path, "--trials", "5", "--sweep", "shp")
    kinds = {k["kind"]: k for k in tally["kinds"]}
    assert list(kinds) == [k.name for k in all_kinds()]
    assert all(k["trials"] == 5 for name, k in kinds.items() if name != "shp")
    assert tally["total"]["killed"] >= 60  # the kills did land mid-write (most trials are killed)
    shp = kinds["shp"]  # killed just before each of its file-system calls in turn
    assert shp["trials"] == shp["steps"] >= 20
    assert shp["outcomes"].get("old", 0) > 0 and shp["outcomes"].get("new", 0) > 0
    assert shp["swap_completed_on_read"] > 0  # some kills fell inside the swap itself
    _assert_clean(tally)


def _names(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def test_a_swap_cut_short_is_refused_by_other_readers_and_completed_by_ours(tmp_path, monkeypatch):
    old, new = as_layer(polygons(OLD_COUNT, "old", 1), tmp_path, "src_old"), \
        as_layer(polygons(NEW_COUNT, "new", 2), tmp_path, "src_new")
    out = tmp_path / "out"
    out.mkdir()
    export_layer(old, out / "图斑.shp")
    real_replace, calls = os.replace, []

    def replace_then_fail(src, dst):
        calls.append(Path(dst).name)
        if len(calls) == 4:  # the staged files are complete; the swap has begun: .shp and .cpg are in
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_then_fail)
    with pytest.raises(DataError, match="next opened or written"):
        export_layer(new, out / "图斑.shp")
    monkeypatch.setattr(os, "replace", real_replace)
    assert calls[1] == "图斑.shp"  # (after the manifest) the main file first, so readers look here
    assert "图斑.shx" not in _names(out) and any(n.startswith(".~ecomap-swap-") for n in _names(out))
    with pytest.raises(pyogrio.errors.DataSourceError):  # GDAL, QGIS, ArcGIS: no index, no read
        pyogrio.read_info(out / "图斑.shp")
    (layer,) = open_path(out / "图斑.shp")  # EcoMap's next read finishes the swap
    assert layer.feature_count == NEW_COUNT
    info = pyogrio.read_info(out / "图斑.shp")
    assert info["features"] == NEW_COUNT
    frame = pyogrio.read_dataframe(out / "图斑.shp")
    assert set(frame["gen"]) == {"new"} and frame.geometry.notna().all()
    assert _names(out) == ["图斑.cpg", "图斑.dbf", "图斑.prj", "图斑.shp", "图斑.shx"]


HOLD_EDIT = textwrap.dedent("""
    import sqlite3, sys, time
    con = sqlite3.connect(sys.argv[1], isolation_level=None)
    con.execute("PRAGMA cache_size=1")  # the changed pages reach the file before COMMIT
    con.execute("BEGIN IMMEDIATE")
    con.execute("DELETE FROM src_old WHERE ident % 2 = 0")
    print("IN-TRANSACTION", flush=True)
    time.sleep(120)
""")


def test_a_geopackage_exported_over_a_killed_edit_is_not_corrupted_by_its_journal(tmp_path):
    """The killed edit's journal belongs to the old file: left beside the new one, SQLite
    would "roll it back" into it on the next open."""
    old = tmp_path / "old.gpkg"
    polygons(2000, "old", 1).to_file(old, layer="src_old", engine="pyogrio")
    target = tmp_path / "图斑.gpkg"
    old.rename(target)
    proc = subprocess.Popen([sys.executable, "-c", HOLD_EDIT, str(target)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "IN-TRANSACTION"
    finally:
        proc.kill()
        proc.wait(timeout=30)
    assert Path(str(target) + "-journal").stat().st_size > 0  # a hot journal

    new = as_layer(polygons(NEW_COUNT, "new", 2), tmp_path, "src_new")
    export_layer(new, target, name="图斑")
    con = sqlite3.connect(target)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute('SELECT count(*), min(gen), max(gen) FROM "图斑"').fetchone() == (NEW_COUNT, "new", "new")
    finally:
        con.close()
    assert pyogrio.read_info(target, layer="图斑")["features"] == NEW_COUNT
    assert _names(tmp_path) == sorted(["src_new.gpkg", "图斑.gpkg"])


def test_a_geopackage_with_a_killed_edit_opens_as_before_it(tmp_path):
    path = tmp_path / "county.gpkg"
    polygons(2000, "old", 1).to_file(path, layer="src_old", engine="pyogrio")
    proc = subprocess.Popen([sys.executable, "-c", HOLD_EDIT, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "IN-TRANSACTION"
    finally:
        proc.kill()
        proc.wait(timeout=30)
    assert Path(str(path) + "-journal").exists()
    (layer,) = open_path(path)  # not "damaged": the journal is rolled back first
    assert layer.feature_count == 2000 and set(layer.features["gen"]) == {"old"}
    assert _names(tmp_path) == ["county.gpkg"]
