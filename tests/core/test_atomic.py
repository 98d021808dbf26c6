"""ecomap.core.atomic: all-or-nothing writes, no temporary files left, sensible permissions."""

from __future__ import annotations

import os

import pytest

from ecomap.core.atomic import atomic_target, atomic_write_bytes, atomic_write_text, new_file_mode
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
