"""Adding a folder or ZIP archive with several datasets: the checklist, and only the ticked ones added."""

from __future__ import annotations

import zipfile

import pyogrio
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ecomap.gui.dataset_chooser import DatasetChooser
from ecomap.io.registry import list_datasets
from tests.gui.conftest import wait_loaded
from tests.io.fixtures import gbk_shapefile_without_cpg


def _archive(tmp_path, gpkg):
    shp = gbk_shapefile_without_cpg(tmp_path)
    path = tmp_path / "交付.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for part in sorted(p for p in tmp_path.iterdir() if p.stem == shp.stem):
            z.write(part, f"红线/{part.name}")
        z.write(gpkg, "库/county.gpkg")
    return path


def test_checklist_starts_all_ticked_and_gives_the_ticked(qtbot, tmp_path, gpkg):
    datasets = list_datasets(_archive(tmp_path, gpkg))
    dlg = DatasetChooser("交付.zip", datasets)
    qtbot.addWidget(dlg)
    assert dlg.list.count() == 2 and dlg.selected() == datasets
    dlg.list.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert dlg.selected() == datasets[1:]
    dlg.set_all(Qt.CheckState.Unchecked)
    assert dlg.selected() == []
    assert not dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_adding_an_archive_asks_and_adds_only_the_chosen(window, qtbot, tmp_path, gpkg):
    path = _archive(tmp_path, gpkg)
    asked = []

    def choose(source, datasets):
        asked.append((source, [d.label for d in datasets]))
        return [d for d in datasets if d.label.endswith(".gpkg")]

    window.loader.ask_datasets = choose
    window.loader.ask_crs = lambda layer: None
    window.loader.add_paths([str(path)])
    wait_loaded(qtbot, window)
    assert asked == [(str(path), ["库/county.gpkg", "红线/红线.shp"])]
    names = {str(n) for n, _ in pyogrio.list_layers(gpkg)}
    nodes = window.tree.layer_nodes()
    assert {n.name for n in nodes} == names
    assert all(n.source == str(path.resolve()) and n.source_layer.startswith("库/county.gpkg|") for n in nodes)


def test_a_folder_with_several_datasets_asks_too(window, qtbot, tmp_path, gpkg):
    folder = tmp_path / "folder"
    folder.mkdir()
    gbk_shapefile_without_cpg(folder)
    (folder / "county.gpkg").write_bytes(gpkg.read_bytes())
    asked = []
    window.loader.ask_datasets = lambda source, datasets: asked.append(len(datasets)) or datasets[:1]
    window.loader.add_paths([str(folder)])
    wait_loaded(qtbot, window)
    assert asked == [2]
    assert {n.name for n in window.tree.layer_nodes()} == {str(n) for n, _ in pyogrio.list_layers(gpkg)}


def test_cancelling_the_checklist_adds_nothing(window, qtbot, tmp_path, gpkg, message_boxes):
    window.loader.ask_datasets = lambda source, datasets: []
    window.loader.add_paths([str(_archive(tmp_path, gpkg))])
    wait_loaded(qtbot, window)
    assert window.tree.layer_nodes() == [] and message_boxes == []


def test_an_archive_with_one_dataset_is_added_without_asking(window, qtbot, tmp_path, gpkg):
    path = tmp_path / "one.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.write(gpkg, "x/county.gpkg")
    window.loader.ask_datasets = lambda source, datasets: (_ for _ in ()).throw(AssertionError("asked"))
    window.loader.add_paths([str(path)])
    wait_loaded(qtbot, window)
    assert len(window.tree.layer_nodes()) == len(pyogrio.list_layers(gpkg))


def test_zipped_shapefile_with_guessed_encoding_gets_the_question_and_the_reread(window, qtbot, tmp_path):
    from ecomap.gui.encoding_dialog import preview_rows
    from ecomap.io.registry import gdal_location

    shp = gbk_shapefile_without_cpg(tmp_path)
    path = tmp_path / "hx.zip"
    with zipfile.ZipFile(path, "w") as z:
        for part in sorted(p for p in tmp_path.iterdir() if p.stem == shp.stem):
            z.write(part, f"成果/{part.name}")
    asked = []

    def ask(layer):
        gdal_path, name = gdal_location(layer.source)
        columns, rows = preview_rows(gdal_path, "GBK", name)  # what the dialog would show
        asked.append(rows[0][columns.index("HXMC")])
        return "GB18030"

    window.loader.ask_encoding = ask
    window.loader.ask_crs = lambda layer: None
    window.loader.add_paths([str(path)])
    wait_loaded(qtbot, window)
    expected = pyogrio.read_dataframe(shp, encoding="GBK")["HXMC"].tolist()
    assert asked == [expected[0]]
    (node,) = window.tree.layer_nodes()
    assert node.layer.encoding.encoding == "GB18030" and node.layer.encoding.method == "user"
    assert node.layer.features["HXMC"].tolist() == expected
