"""Projects in the app: save/open round trip, missing files, recent list, autosave and crash recovery."""

import json
import shutil

import pytest

from ecomap.app import app_settings
from ecomap.app.autosave import Autosaver
from tests.gui.conftest import node_named, wait_loaded


def state(w):
    return ([(n.name, w.tree.group_path(n), n.visible, round(n.opacity, 3), n.style.to_dict())
             for n in w.tree.layer_nodes()], [b.name for b in w.bookmarks.items()],
            w.map_view.crs.to_epsg() if w.map_view.crs else None)


def edit(w):
    from ecomap.core.tree_commands import (
        GroupNodesCommand,
        RenameCommand,
        SetOpacityCommand,
        SetVisibleCommand,
    )

    parcels, rivers = node_named(w, "parcels"), node_named(w, "rivers")
    w.undo.push(RenameCommand(w.tree, parcels, "地块"))
    w.undo.push(SetOpacityCommand(w.tree, parcels, 0.6))
    w.undo.push(SetVisibleCommand(w.tree, rivers, False))
    w.undo.push(GroupNodesCommand(w.tree, [rivers], "水系"))
    w.bookmarks.add("东北角", (39_500_000, 4_400_000, 39_501_000, 4_401_000), "EPSG:4527")


def test_save_and_reopen(loaded, qtbot, tmp_path):
    w = loaded
    edit(w)
    assert w.project.dirty and w.windowTitle().startswith("Untitled project*")
    path = tmp_path / "县.ecomap"
    assert w.project.save_to(path)
    assert not w.project.dirty and "县" in w.windowTitle()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert all(not e["source"].startswith("/") for e in data["layers"])  # relative to the project
    before, extent = state(w), w.canvas.extent()
    assert app_settings.recent_projects()[0] == str(path.resolve())
    w.project.new_project(ask=False)
    assert w.tree.layer_nodes() == [] and len(w.bookmarks) == 0
    w.project.open(path, ask=False)
    wait_loaded(qtbot, w)
    assert state(w) == before
    assert w.canvas.extent() == pytest.approx(extent, rel=1e-6)
    assert not w.project.dirty and not w.undo.canUndo()


def test_moved_project_folder_still_opens(loaded, qtbot, tmp_path):
    w = loaded
    src = tmp_path / "proj"
    src.mkdir()
    shutil.copy(node_named(w, "parcels").source, src / "county.gpkg")
    w.project.new_project(ask=False)
    w.loader.add_paths([str(src / "county.gpkg")])
    wait_loaded(qtbot, w)
    assert w.project.save_to(src / "p.ecomap")
    moved = shutil.copytree(src, tmp_path / "elsewhere")
    shutil.rmtree(src)
    w.project.open(moved / "p.ecomap", ask=False)
    wait_loaded(qtbot, w)
    assert all(not n.is_missing for n in w.tree.layer_nodes())


def test_missing_file_asks_to_locate(loaded, qtbot, tmp_path):
    w = loaded
    gpkg = node_named(w, "parcels").source
    path = tmp_path / "p.ecomap"
    w.project.save_to(path)
    hidden = tmp_path / "hidden" / "county.gpkg"
    hidden.parent.mkdir()
    shutil.move(gpkg, hidden)
    asked = []
    w.project.ask_locate = lambda name, source: (asked.append(source.name), str(hidden))[1]
    w.project.open(path, ask=False)
    wait_loaded(qtbot, w)
    assert asked == ["county.gpkg"]  # once per file, not per layer
    assert len(w.tree.layer_nodes()) == 3 and all(not n.is_missing for n in w.tree.layer_nodes())
    assert w.project.dirty  # the new place must be saved


def test_skipped_missing_file_keeps_a_placeholder_that_can_be_located(loaded, qtbot, tmp_path):
    w = loaded
    gpkg = node_named(w, "parcels").source
    path = tmp_path / "p.ecomap"
    w.project.save_to(path)
    hidden = tmp_path / "hidden.gpkg"
    shutil.move(gpkg, hidden)
    w.project.ask_locate = lambda name, source: None
    w.project.open(path, ask=False)
    wait_loaded(qtbot, w)
    nodes = w.tree.layer_nodes()
    assert len(nodes) == 3 and all(n.is_missing for n in nodes)
    task = w.layer_actions.locate(nodes[0], str(hidden))
    qtbot.waitUntil(lambda: task.done and not nodes[0].is_missing, timeout=30000)
    assert nodes[0].source == str(hidden.resolve())


def test_autosave_and_recovery(loaded, qtbot, tmp_path):
    w = loaded
    edit(w)
    saved = w.project.autosave()
    assert saved is not None and saved.exists()
    # pretend the session crashed: its autosave now belongs to a dead process
    dead = Autosaver(saved.parent, pid=999_999_999)
    shutil.copy(saved, dead.path)
    meta = json.loads(saved.with_suffix(".json").read_text())
    meta["pid"] = 999_999_999
    dead.path.with_suffix(".json").write_text(json.dumps(meta))
    w.project.shutdown()
    assert not saved.exists()  # a clean exit removes its own autosave
    assert [r.pid for r in w.project.autosaver.leftovers()] == [999_999_999]
    w.project.new_project(ask=False)
    w.project.ask_recover = lambda what, when: True
    assert w.project.offer_recovery()
    wait_loaded(qtbot, w)
    assert {n.name for n in w.tree.layer_nodes()} == {"地块", "wells", "rivers"}
    assert w.project.dirty and len(w.bookmarks) == 1
    assert w.project.autosaver.leftovers() == []


def test_bad_project_file_is_reported(window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    bad = tmp_path / "bad.ecomap"
    bad.write_text("{ not json", encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    assert window.project.open(bad, ask=False) is None
    assert shown and "damaged" in shown[0]


def test_open_path_routes_projects_and_data(window, qtbot, gpkg, tmp_path):
    window.open_path(str(gpkg))
    wait_loaded(qtbot, window)
    assert len(window.tree.layer_nodes()) == 3
    window.project.save_to(tmp_path / "x.ecomap")
    window.project.new_project(ask=False)
    window.open_path(str(tmp_path / "x.ecomap"))
    wait_loaded(qtbot, window)
    assert len(window.tree.layer_nodes()) == 3
    assert window.recent_menu.actions()[0].text() == "x.ecomap"


def test_screenshot_after_first_render(loaded, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QApplication

    quits = []
    monkeypatch.setattr(QApplication.instance(), "quit", lambda: quits.append(1))
    out = tmp_path / "shot.png"
    loaded.schedule_screenshot(str(out))
    loaded.canvas.refresh()
    qtbot.waitUntil(out.exists, timeout=20000)
    from PySide6.QtGui import QImage

    assert QImage(str(out)).width() == loaded.width()
