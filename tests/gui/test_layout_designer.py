"""The layout designer and the Export menu."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from ecomap.core.layout import LegendItem, briefing_layout
from ecomap.gui.layout_designer import LayoutDesigner
from tests.core.layout_fixtures import context
from tests.gui.conftest import wait_loaded


@pytest.fixture
def designer(qtbot):
    saved = []
    d = LayoutDesigner(briefing_layout("A4", "landscape"), context(), on_save=saved.append)
    d.saved = saved
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def test_moving_an_item_edits_the_model_and_undoes(designer):
    legend = designer.layout_model.items_of(LegendItem)[0]
    x0 = legend.x
    designer.scene.geometryEdited.emit(legend.id, x0 - 20.0, 30.0, 50.0, 60.0)
    moved = designer.layout_model.item(legend.id)
    assert (moved.x, moved.y, moved.w, moved.h) == (x0 - 20.0, 30.0, 50.0, 60.0)
    graphic = designer.scene.graphics[legend.id]
    assert graphic.pos().x() == x0 - 20.0 and graphic.boundingRect().width() == 50.0
    designer.undo.undo()
    assert designer.layout_model.item(legend.id).x == x0
    assert designer.scene.graphics[legend.id].pos().x() == x0
    designer.undo.redo()
    assert designer.layout_model.item(legend.id).x == x0 - 20.0


def test_preview_images_are_drawn_by_the_export_code(designer):
    designer.scene.set_dpi(40)
    assert designer.scene.wait_for_maps()
    for graphic in designer.scene.graphics.values():
        image = designer.scene.image_for(graphic)
        assert not image.isNull()
    frame = designer.layout_model.main_map
    image = designer.scene.image_for(designer.scene.graphics[frame.id])
    colours = {image.pixelColor(x, image.height() // 2).name() for x in range(0, image.width(), 5)}
    assert len(colours) > 3  # a map, not an empty box


def test_add_delete_and_edit_label(designer):
    n = len(designer.layout_model.items)
    designer.add_item("label")
    assert len(designer.layout_model.items) == n + 1
    label = designer.layout_model.items[-1]
    designer.scene.select(label.id)
    designer._setter(label.id, "text", "t")("制图单位：{unit}")
    assert designer.layout_model.item(label.id).text == "制图单位：{unit}"
    designer.delete_selected()
    assert len(designer.layout_model.items) == n
    designer.undo.undo()
    assert designer.layout_model.item(label.id) is not None


def test_page_change_and_save_to_project(designer):
    designer._page_changed(designer.page_combo.findData("A3 portrait"))
    assert (designer.layout_model.page, designer.layout_model.orientation) == ("A3", "portrait")
    designer.save_to_project()
    assert designer.saved and designer.saved[0].page == "A3"


def test_export_from_the_designer(designer, tmp_path, qtbot):
    task = designer.run_export(tmp_path / "d.pdf")
    assert task.wait_delivered()
    assert task.result.path == tmp_path / "d.pdf" and (tmp_path / "d.pdf").stat().st_size > 1000
    qtbot.waitUntil(lambda: "d.pdf" in designer.status.text())


# ---------------------------------------------------------------------- the Export menu on the main window

@pytest.fixture
def exporting(window, qtbot, tmp_path):
    from ecomap.gui.export_actions import install_export_actions
    from tests.core.layout_fixtures import write_project
    write_project(tmp_path)
    window.loader.add_paths([str(tmp_path / "county.gpkg")])
    wait_loaded(qtbot, window)
    controller = getattr(window, "export_controller", None) or install_export_actions(window)
    return window, controller


def test_export_menu_entries(exporting):
    window, controller = exporting
    texts = [a.text() for a in controller.actions]
    assert len(texts) == 6 and any("PDF" in t for t in texts)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.count(controller.menu.title()) == 1
    assert titles.index(controller.menu.title()) < len(titles) - 1  # Help stays last


def test_one_click_briefing_writes_a_pdf(exporting, tmp_path, monkeypatch):
    _window, controller = exporting
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("示范县自然资源局", True)))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "b.pdf"), "")))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: None))
    task = controller.one_click_briefing()
    assert task.wait_delivered()
    assert task.result.path == tmp_path / "b.pdf" and (tmp_path / "b.pdf").stat().st_size > 1000
    layout = controller.current_layout()
    assert layout.variables["unit"] == "示范县自然资源局"  # remembered


def test_copy_map_image_puts_an_image_on_the_clipboard(exporting, qtbot):
    from PySide6.QtGui import QGuiApplication

    window, controller = exporting
    QGuiApplication.clipboard().clear()
    task = controller.copy_map_image()
    assert task.wait_delivered()
    assert task.result.width() == window.canvas.settings().width * 2
    qtbot.waitUntil(lambda: not QGuiApplication.clipboard().image().isNull())
    assert QGuiApplication.clipboard().image().width() == task.result.width()


def test_atlas_from_the_gui(exporting, tmp_path):
    window, controller = exporting
    towns = next(n for n in window.tree.layer_nodes() if n.name == "townships")
    task = controller.run_atlas(towns.id, "A4 portrait", tmp_path / "pages", "png")
    assert task.wait_delivered()
    assert len(task.result.paths) == 4
    assert sorted(p.name for p in (tmp_path / "pages").iterdir()) == sorted(p.name for p in task.result.paths)


def test_export_data_dialog(exporting, tmp_path, monkeypatch, qtbot):
    from ecomap.gui.export_data_dialog import ExportDataDialog
    from ecomap.io.registry import open_path

    window, _controller = exporting
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: None))
    nodes = window.tree.layer_nodes()
    towns = next(n for n in nodes if n.name == "townships")
    window.selection.select(towns.id, [0, 2])
    dialog = ExportDataDialog(nodes, window.selection.rows, "EPSG:4524", towns)
    dialog.format.setCurrentIndex(dialog.format.findData(".shp"))
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("GBK"))
    dialog.selected_only.setChecked(True)
    dialog.target.setText(str(tmp_path / "sel.shp"))
    dialog.run()
    assert dialog.task.wait_delivered()
    (back,) = open_path(tmp_path / "sel.shp")
    assert back.features["XZQMC"].tolist() == ["城关镇", "马家沟镇"]
    assert (tmp_path / "sel.cpg").read_text() == "936"
