"""The panels load their data off the GUI thread, and only when what they show changed."""

from __future__ import annotations

import threading

import pytest

from ecomap.domain import fields as fl
from ecomap.services import panel_data, project_snapshot
from tests.gui.panels.conftest import LOADERS, node_of, settled


@pytest.fixture
def disk_reads(monkeypatch):
    """The GeoPackage tables the loaders read from the file (table names)."""
    tables: list[str] = []
    real_table, real_measurements = project_snapshot.read_gpkg_table, panel_data.read_measurements

    def table(path, name):
        tables.append(name)
        return real_table(path, name)

    def measurements(path):
        tables.append("water_measurements")
        return real_measurements(path)

    def reference(path, default=None):
        tables.append("metadata")
        return real_reference(path, default)
    real_reference = fl.reference_date_of
    monkeypatch.setattr(project_snapshot, "read_gpkg_table", table)
    monkeypatch.setattr(panel_data, "read_measurements", measurements)
    monkeypatch.setattr(fl, "reference_date_of", reference)
    return tables


@pytest.fixture
def panels(hub, qtbot, loads):
    from ecomap.gui.panels import create_panels

    made = {key: widget for key, (widget, _title) in zip(LOADERS, create_panels(hub))}
    for widget in made.values():
        qtbot.addWidget(widget)
    settled(qtbot, *made.values())
    return made


def counts(loads) -> dict[str, int]:
    return {key: len(threads) for key, threads in loads.items()}


def test_each_panel_loads_once_and_on_a_worker_thread(panels, loads):
    assert counts(loads) == {"restoration": 1, "rectification": 1, "water": 1, "bans": 1}
    assert all(t is not threading.main_thread() for threads in loads.values() for t in threads)
    assert panels["restoration"].proxy.rowCount() == 15 and panels["bans"].farm_proxy.rowCount() == 7


def test_a_change_elsewhere_in_the_tree_reloads_no_panel(panels, loads, hub, qtbot):
    before = counts(loads)
    roads = node_of(hub, "roads")
    with qtbot.waitSignal(hub.layersChanged, timeout=5000):
        hub.tree.remove(roads)
    # a reload would have started in the signal's slots: none is running, none ran
    assert not any(p.loader.busy for p in panels.values())
    assert counts(loads) == before
    with qtbot.waitSignal(hub.layersChanged, timeout=5000):
        hub.tree.set_layer(node_of(hub, "townships"), node_of(hub, "townships").layer)
    assert not any(p.loader.busy for p in panels.values()) and counts(loads) == before


def test_new_data_of_a_layer_reloads_only_the_panels_showing_it(panels, loads, hub, qtbot):
    from dataclasses import replace

    before = counts(loads)
    farms = node_of(hub, "farms")
    with qtbot.waitSignal(hub.layersChanged, timeout=5000):
        hub.tree.set_layer(farms, replace(farms.layer, features=farms.layer.features.iloc[:3].copy()))
    assert panels["bans"].loader.busy
    settled(qtbot, *panels.values())
    assert counts(loads) == {**before, "bans": before["bans"] + 1}
    assert loads["bans"][-1] is not threading.main_thread()
    # the join ran on the new data: 3 farms left, of which these are in ban zones
    assert panels["bans"].farm_proxy.rowCount() == 3


def test_removing_a_panels_layer_reloads_it_into_its_hint(panels, loads, hub, qtbot):
    before = counts(loads)
    with qtbot.waitSignal(hub.layersChanged, timeout=5000):
        hub.tree.remove(node_of(hub, "rectification_items"))
    settled(qtbot, *panels.values())
    # the restoration panel shows the linked items, so it reloads too; water and ban zones do not
    assert counts(loads) == {**before, "rectification": before["rectification"] + 1,
                             "restoration": before["restoration"] + 1}
    ledger = panels["rectification"]
    assert not ledger.message.isHidden() and ledger.model is None and not ledger.table.isEnabled()


def test_an_edit_reloads_only_the_edited_panel(panels, loads, hub, qtbot):
    before = counts(loads)
    restoration = panels["restoration"]
    assert restoration.select_project("XF-610899-2022-010")
    dlg = restoration.open_editor()
    qtbot.addWidget(dlg)
    dlg.progress.setValue(60)
    dlg.save()
    assert restoration.loader.busy  # the reload runs in a task, the dialog returned at once
    settled(qtbot, *panels.values())
    assert counts(loads) == {**before, "restoration": before["restoration"] + 1}
    row = restoration.model.row_of("XF-610899-2022-010")
    assert restoration.model.table()["progress"].iat[row] == 60.0
    hub.undo_stack.undo()
    settled(qtbot, *panels.values())
    assert counts(loads) == {**before, "restoration": before["restoration"] + 2}
    assert restoration.model.table()["progress"].iat[row] == 45.0


def test_layers_in_the_tree_are_used_from_memory(hub, qtbot, loads, disk_reads):
    from ecomap.gui.panels import create_panels

    made = [w for w, _t in create_panels(hub)]
    for widget in made:
        qtbot.addWidget(widget)
    settled(qtbot, *made)
    # the hub's tree holds every table of the GeoPackage: nothing is read from the file again
    assert disk_reads == []
    assert made[0].model.history is not None and len(made[0].model.history) > 0


def test_companion_tables_not_in_the_tree_are_read_in_the_task(hub, qtbot, loads, disk_reads, monkeypatch):
    from ecomap.gui.panels.restoration_panel import RestorationPanel
    from ecomap.gui.panels.water_panel import WaterPanel

    for table in ("restoration_history", "water_measurements", "metadata"):
        hub.tree.remove(next(n for n in hub.tree.layer_nodes() if n.source_layer == table))
    threads = []
    real = project_snapshot.read_gpkg_table
    monkeypatch.setattr(project_snapshot, "read_gpkg_table",
                        lambda path, name: (threads.append(threading.current_thread()), real(path, name))[1])
    restoration, water = RestorationPanel(hub), WaterPanel(hub)
    qtbot.addWidget(restoration)
    qtbot.addWidget(water)
    settled(qtbot, restoration, water)
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert {"restoration_history", "water_measurements", "metadata"} <= set(disk_reads)
    assert len(restoration.model.history) > 0 and str(restoration.model.reference) == "2025-11-30"
    assert water.month == "2025-12"


def test_an_edit_of_the_projects_reads_the_stage_history_from_the_file(panels, hub, qtbot, disk_reads):
    # the edit writes a stage-history row to the GeoPackage, not to the tree's copy of the table
    restoration = panels["restoration"]
    code = "XF-610899-2022-010"
    n = len(restoration.model.history_of(code))
    restoration.select_project(code)
    dlg = restoration.open_editor()
    qtbot.addWidget(dlg)
    dlg.stage.setCurrentIndex(dlg.stage.findData("竣工"))
    dlg.progress.setValue(100)
    dlg.save()
    settled(qtbot, restoration)
    assert "restoration_history" in disk_reads
    assert len(restoration.model.history_of(code)) == n + 1


def test_a_newer_load_cancels_the_older(panels, qtbot):
    ledger = panels["rectification"]
    release = threading.Event()
    real = ledger.loader.load

    def slow(snapshot, feedback=None, **options):
        assert release.wait(20)  # neither load ends before the newer one is asked for
        return real(snapshot, feedback, **options)
    ledger.loader.load = slow
    shown = []
    ledger.loader.loaded.connect(shown.append)
    ledger.reload()
    first = ledger.loader.latest.task
    ledger.reload()
    second = ledger.loader.latest.task
    assert not first.done
    release.set()
    settled(qtbot, ledger)
    assert first.wait(20)
    assert first.is_cancelled() and not second.is_cancelled() and first is not second
    assert len(shown) == 1 and ledger.proxy.rowCount() == 24


def test_a_failed_load_is_a_message_in_the_panel(hub, qtbot, sample_gpkg):
    from ecomap.gui.panels.water_panel import WaterPanel

    # measurements neither in the tree nor in the file
    hub.tree.remove(next(n for n in hub.tree.layer_nodes() if n.source_layer == "water_measurements"))
    import sqlite3

    con = sqlite3.connect(sample_gpkg)
    con.execute("DROP TABLE water_measurements")
    con.execute("DELETE FROM gpkg_contents WHERE table_name='water_measurements'")
    con.commit()
    con.close()
    water = WaterPanel(hub)
    qtbot.addWidget(water)
    settled(qtbot, water)
    assert not water.message.isHidden() and "no water measurements table found" in water.message.text()
    assert str(sample_gpkg) in water.message.text() and not water.slider.isEnabled()
