"""ecomap.core.atomic: all-or-nothing writes of files and file sets, no temporary files left, sensible permissions."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from ecomap.core.atomic import (
    SWAP_GRACE_S,
    atomic_file_set,
    atomic_target,
    atomic_write_bytes,
    atomic_write_text,
    finish_interrupted_swap,
    is_temporary_name,
    new_file_mode,
)
from ecomap.errors import DataError


def test_success_replaces_the_file_and_keeps_its_mode(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("old")
    os.chmod(path, 0o640)
    atomic_write_text(path, "新内容")
    assert path.read_text(encoding="utf-8") == "新内容"
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_new_file_is_not_private(tmp_path):
    path = tmp_path / "b.bin"
    atomic_write_bytes(path, b"\x00\x01")
    assert path.read_bytes() == b"\x00\x01"
    assert path.stat().st_mode & 0o777 == new_file_mode(tmp_path / "missing")


def test_failure_in_the_block_leaves_the_old_file_and_no_temp(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text("old")
    with pytest.raises(RuntimeError), atomic_target(path, suffix=".csv") as tmp:
        assert tmp.parent == tmp_path and tmp.name.endswith(".csv") and tmp.exists()
        tmp.write_text("half")
        raise RuntimeError("boom")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["c.txt"]


def test_os_errors_become_data_errors_unless_asked_not_to(tmp_path, monkeypatch):
    path = tmp_path / "d.txt"
    path.write_text("old")

    def boom(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(DataError, match="disk full"):
        atomic_write_text(path, "new")
    with pytest.raises(OSError, match="disk full"):
        atomic_write_text(path, "new", data_error=False)
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["d.txt"]


def test_missing_folder_is_a_data_error(tmp_path):
    with pytest.raises(DataError, match="folder does not exist"):
        atomic_write_text(tmp_path / "nope" / "e.txt", "x")


# ----------------------------------------------------------------------------- temporary names

def _dead_pid() -> int:
    """The id of a process that has exited (and been reaped)."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True)
    return int(done.stdout)


def test_temporary_names_are_recognisable_and_name_their_target(tmp_path):
    with atomic_target(tmp_path / "县界.geojson", suffix=".geojson") as tmp:
        assert tmp.name.startswith(f".~ecomap-{os.getpid()}-") and tmp.name.endswith("-县界.geojson")
        assert is_temporary_name(tmp.name)
        tmp.write_text("{}")
    assert os.listdir(tmp_path) == ["县界.geojson"]


def test_the_next_write_removes_what_a_killed_write_left_and_nothing_else(tmp_path):
    dead, alive = _dead_pid(), os.getppid()
    left = [f".~ecomap-{dead}-0123abcd-a.txt.tmp", f".~ecomap-{dead}-0123abcd-a.txt.tmp-journal"]
    for name in left:
        (tmp_path / name).write_text("half")
    (tmp_path / f".~ecomap-{dead}-89abcdef-a.txt").mkdir()  # a staging folder
    (tmp_path / f".~ecomap-{dead}-89abcdef-a.txt" / "a.txt").write_text("half")
    kept = [f".~ecomap-{alive}-fedcba98-a.txt.tmp",  # a write still in progress in another process
            f".~ecomap-{dead}-0123abcd-b.txt.tmp",  # another target's
            ".a.txt.0123abcd.tmp"]  # not ours
    for name in kept:
        (tmp_path / name).write_text("x")
    atomic_write_text(tmp_path / "a.txt", "new")
    assert sorted(os.listdir(tmp_path)) == sorted(["a.txt", *kept])


# ----------------------------------------------------------------------------- file sets

def _set(folder, stem, contents: dict) -> None:
    for suffix, text in contents.items():
        (folder / f"{stem}{suffix}").write_text(text)


def test_a_file_set_is_swapped_whole_and_loses_the_old_sidecars_it_does_not_rewrite(tmp_path):
    _set(tmp_path, "x", {".a": "old a", ".b": "old b", ".idx": "old index"})
    (tmp_path / "y.a").write_text("another dataset")
    with atomic_file_set(tmp_path / "x.a", (".a", ".b", ".idx"), key=".b") as staged:
        assert is_temporary_name(staged.folder.name) and staged.folder.parent == tmp_path
        _set(staged.folder, "x", {".a": "new a", ".b": "new b"})
    assert [p.name for p in staged.installed] == ["x.a", "x.b"]  # the main file first, the key last
    assert sorted(os.listdir(tmp_path)) == ["x.a", "x.b", "y.a"]
    assert (tmp_path / "x.a").read_text() == "new a" and (tmp_path / "x.b").read_text() == "new b"


def test_a_file_set_whose_writer_fails_leaves_the_old_set_and_no_temporary_folder(tmp_path):
    _set(tmp_path, "x", {".a": "old a", ".b": "old b"})
    with pytest.raises(RuntimeError), atomic_file_set(tmp_path / "x.a", (".a", ".b"), key=".b") as staged:
        _set(staged.folder, "x", {".a": "new a"})
        raise RuntimeError("GDAL said no")
    assert sorted(os.listdir(tmp_path)) == ["x.a", "x.b"] and (tmp_path / "x.a").read_text() == "old a"


def _interrupted_swap(folder, pid: int) -> None:
    """What a process killed after moving the main file in leaves behind."""
    staging = folder / f".~ecomap-{pid}-0123abcd-x.a"
    staging.mkdir()
    _set(staging, "x", {".b": "new b"})
    _set(folder, "x", {".a": "new a", ".b": "old b", ".idx": "old index"})
    (folder / ".~ecomap-swap-x.a").write_text(json.dumps({
        "format": "ecomap-file-set-swap", "pid": pid, "target": "x.a", "staging": staging.name, "key": "x.b",
        "remove": ["x.idx"], "install": ["x.a", "x.b"]}))


def test_an_interrupted_swap_is_completed_by_the_next_look_at_the_set(tmp_path):
    _interrupted_swap(tmp_path, _dead_pid())
    assert finish_interrupted_swap(tmp_path / "x.a")
    assert sorted(os.listdir(tmp_path)) == ["x.a", "x.b"]
    assert (tmp_path / "x.b").read_text() == "new b"
    assert not finish_interrupted_swap(tmp_path / "x.a")  # nothing left to do


def test_a_manifest_of_a_reused_process_id_is_completed_once_it_is_old(tmp_path):
    _interrupted_swap(tmp_path, os.getppid())  # alive, but no swap takes a minute
    manifest = tmp_path / ".~ecomap-swap-x.a"
    past = time.time() - SWAP_GRACE_S - 5
    os.utime(manifest, (past, past))
    assert finish_interrupted_swap(tmp_path / "x.a")
    assert (tmp_path / "x.b").read_text() == "new b" and not manifest.exists()


def test_a_manifest_naming_files_outside_its_folder_is_discarded_unused(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (tmp_path / "precious.txt").write_text("keep")
    (folder / "x.a").write_text("old a")
    (folder / ".~ecomap-swap-x.a").write_text(json.dumps({
        "format": "ecomap-file-set-swap", "pid": _dead_pid(), "target": "x.a", "staging": "..", "key": None,
        "remove": ["../precious.txt"], "install": ["x.a"]}))
    assert not finish_interrupted_swap(folder / "x.a")
    assert os.listdir(folder) == ["x.a"] and (tmp_path / "precious.txt").read_text() == "keep"
