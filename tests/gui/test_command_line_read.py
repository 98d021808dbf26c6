"""Data files named on the command line are read while the main window is being built, once."""

from __future__ import annotations

import pytest

from tests.gui.conftest import wait_loaded


@pytest.fixture
def reads(monkeypatch):
    """The paths each open_path call read, in order."""
    from ecomap.io import registry

    seen: list[str] = []
    real = registry.open_path

    def counting(path, *args, **kwargs):
        seen.append(str(path))
        return real(path, *args, **kwargs)
    monkeypatch.setattr(registry, "open_path", counting)
    return seen


def _window(qtbot):
    from ecomap.app.main_window import MainWindow

    window = MainWindow()
    window.resize(1100, 760)
    qtbot.addWidget(window)
    window.project.maybe_save = lambda: True
    return window


def test_the_read_started_before_the_window_is_taken_over(qtbot, gpkg, reads):
    from ecomap.app.data_loader import start_reading

    reading = start_reading([str(gpkg)])
    assert reading is not None
    reading.wait(30)  # even finished before the window exists, its result reaches the window
    window = _window(qtbot)
    window.show()
    window.open_paths([str(gpkg)], reading)
    wait_loaded(qtbot, window)
    assert {n.name for n in window.tree.layer_nodes()} >= {"parcels", "wells", "rivers"}
    assert reads == [str(gpkg)]
    window.project.shutdown()


def test_folders_archives_and_projects_are_not_read_early(tmp_path, gpkg):
    from ecomap.app.data_loader import start_reading

    assert start_reading([str(tmp_path)]) is None  # a folder: the user picks its datasets first
    assert start_reading([str(gpkg), str(tmp_path / "county.ecomap")]) is None
    assert start_reading([]) is None


def test_a_file_that_cannot_be_read_is_reported_once(qtbot, tmp_path, message_boxes):
    from ecomap.app.data_loader import start_reading

    bad = tmp_path / "坏文件.geojson"
    bad.write_text("{not json", encoding="utf-8")
    reading = start_reading([str(bad)])
    window = _window(qtbot)
    window.show()
    window.open_paths([str(bad)], reading)
    qtbot.waitUntil(lambda: reading.delivered and bool(message_boxes), timeout=20000)
    assert [kind for kind, _ in message_boxes] == ["exec"]
    assert not window.tree.layer_nodes()
    window.project.shutdown()
