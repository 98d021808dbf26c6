"""The window's exports run as tasks: nothing is drawn on the GUI thread, and Cancel leaves no file."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtWidgets import QFileDialog, QInputDialog, QStyleOptionGraphicsItem

from ecomap.core import tasks
from ecomap.core.atomic import TEMP_PREFIX
from ecomap.core.layout import briefing_layout
from ecomap.gui.layout_designer import LayoutDesigner
from ecomap.gui.layout_scene import PLACEHOLDER_FILL
from tests.core.layout_fixtures import context
from tests.gui.conftest import wait_loaded


@pytest.fixture
def exporting(window, qtbot, tmp_path):
    from tests.core.layout_fixtures import write_project

    write_project(tmp_path)
    window.loader.add_paths([str(tmp_path / "county.gpkg")])
    wait_loaded(qtbot, window)
    return window, window.export_controller


@pytest.fixture
def drawing_threads(monkeypatch):
    """The threads that draw map layers (a layout's frames, the clipboard's map), as they draw."""
    from ecomap.core.layout import page
    from ecomap.core.render import job

    threads = []

    def recorded(fn):
        def wrapper(*args, **kwargs):
            threads.append(threading.current_thread())
            return fn(*args, **kwargs)
        return wrapper
    monkeypatch.setattr(page, "draw_layers", recorded(page.draw_layers))
    monkeypatch.setattr(job, "render_image", recorded(job.render_image))
    return threads


def test_no_export_draws_on_the_gui_thread(exporting, drawing_threads, tmp_path, monkeypatch):
    window, controller = exporting
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(tmp_path / "out" / "map.png"), "PNG (*.png)")))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("150", True)))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("示范县自然资源局", True)))
    (tmp_path / "out").mkdir()
    towns = next(n for n in window.tree.layer_nodes() if n.name == "townships")
    started = [controller.export_image(), controller.copy_map_image(), controller.one_click_briefing(),
               controller.run_atlas(towns.id, "A4 portrait", tmp_path / "pages", "png")]
    for task in started:
        assert task.wait_delivered() and task.error is None
    assert len(drawing_threads) >= 4
    assert threading.main_thread() not in drawing_threads
    assert (tmp_path / "out" / "map.png").exists() and len(list((tmp_path / "pages").iterdir())) == 4


def test_the_export_tasks_are_announced_to_the_task_indicator(exporting, tmp_path):
    window, controller = exporting
    announced = []
    tasks.manager().task_started.connect(announced.append)
    try:
        task = controller.export_layout(controller.current_layout(), tmp_path / "map.pdf", 100)
    finally:
        tasks.manager().task_started.disconnect(announced.append)
    assert announced == [task] and "map.pdf" in task.description and task.visible
    assert task.wait_delivered()
    assert "map.pdf" in window.statusBar().currentMessage()


@pytest.fixture
def held_drawing(monkeypatch):
    """Map frames wait in their worker until ``release`` is set: (drawing, release) events."""
    from ecomap.core.layout import page

    drawing, release = threading.Event(), threading.Event()
    draw = page.draw_layers

    def held(*args, **kwargs):
        drawing.set()
        release.wait(30)
        return draw(*args, **kwargs)
    monkeypatch.setattr(page, "draw_layers", held)
    yield drawing, release
    release.set()


def test_cancel_during_an_export_leaves_no_file(exporting, held_drawing, tmp_path, qtbot):
    window, controller = exporting
    drawing, release = held_drawing
    task = controller.export_layout(controller.current_layout(), tmp_path / "map.pdf", 150)
    qtbot.waitUntil(drawing.is_set)  # the user clicks Cancel while the map is being drawn
    task.cancel()
    release.set()
    assert task.wait_delivered()
    assert task.result is None and not (tmp_path / "map.pdf").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)]
    qtbot.waitUntil(lambda: "cancelled" in window.statusBar().currentMessage())


def test_a_failed_export_names_the_file(exporting, tmp_path, message_boxes):
    _window, controller = exporting
    target = tmp_path / "no such folder" / "map.pdf"
    task = controller.export_layout(controller.current_layout(), target, 100)
    assert task.wait_delivered()
    assert any(kind == "warning" and str(target) in text for kind, text in message_boxes)


def test_copy_map_image_fills_the_clipboard_when_done(exporting, qtbot):
    window, controller = exporting
    QGuiApplication.clipboard().clear()
    task = controller.copy_map_image()
    assert task.wait_delivered()
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().image().width() == window.canvas.settings().width * 2)


# ---------------------------------------------------------------------- the designer's map frames

def paint(graphic) -> QImage:
    """What the graphic's paint() draws, at 2 px per mm."""
    w, h = graphic.item.w, graphic.item.h
    image = QImage(round(w * 2), round(h * 2), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.scale(2, 2)
    graphic.paint(painter, QStyleOptionGraphicsItem(), None)
    painter.end()
    return image


def share_of(image: QImage, colour: QColor) -> float:
    """The share of a grid of sample pixels inside the border that have ``colour``."""
    samples = [image.pixelColor(x, y) for x in range(5, image.width() - 5, 7) for y in range(5, image.height() - 5, 7)]
    return sum(c.rgb() == colour.rgb() for c in samples) / len(samples)


@pytest.fixture
def held_frames(monkeypatch):
    """Map-frame renders wait for ``release``; each render's feedback is kept in ``feedbacks``."""
    import ecomap.gui.layout_scene as scene_module

    release = threading.Event()
    feedbacks = []
    real = scene_module.render_item_image

    def held(item, *args, **kwargs):
        feedbacks.append(args[-1] if len(args) >= 7 else kwargs.get("feedback"))
        release.wait(30)
        return real(item, *args, **kwargs)
    monkeypatch.setattr(scene_module, "render_item_image", held)
    yield release, feedbacks
    release.set()


def test_a_map_frame_paints_a_placeholder_then_its_image(qtbot, held_frames):
    release, feedbacks = held_frames
    designer = LayoutDesigner(briefing_layout("A4", "landscape"), context())
    qtbot.addWidget(designer)
    frame = designer.scene.graphics[designer.layout_model.main_map.id]
    first = paint(frame)
    assert share_of(first, PLACEHOLDER_FILL) > 0.8  # grey, with "Drawing map…"
    release.set()
    qtbot.waitUntil(lambda: designer.scene.map_image_ready(frame.item.id), timeout=30000)
    drawn = paint(frame)
    assert share_of(drawn, PLACEHOLDER_FILL) < 0.2
    colours = {drawn.pixelColor(x, drawn.height() // 2).name() for x in range(0, drawn.width(), 5)}
    assert len(colours) > 3  # a map, not an empty box
    designer.close()


def test_a_newer_request_cancels_the_older_render(qtbot, held_frames):
    from ecomap.core.layout import InsetMap

    release, _feedbacks = held_frames
    designer = LayoutDesigner(briefing_layout("A4", "landscape"), context())
    qtbot.addWidget(designer)
    maps = [designer.layout_model.main_map.id] + [i.id for i in designer.layout_model.items_of(InsetMap)]
    assert len(maps) == 2
    older = [designer.scene.render_task(i) for i in maps]
    designer.scene.set_dpi(designer.scene.dpi + 20)  # a zoom: both are drawn again at the new size
    newer = [designer.scene.render_task(i) for i in maps]
    assert all(old is not new for old, new in zip(older, newer))
    assert all(old.is_cancelled() for old in older) and not any(new.is_cancelled() for new in newer)
    release.set()
    assert designer.scene.wait_for_maps()
    image = designer.scene.image_for(designer.scene.graphics[maps[0]])
    assert round(image.dotsPerMeterX() * 0.0254) == round(designer.scene.dpi)
    designer.close()


def test_closing_the_designer_does_not_stop_its_export(exporting, tmp_path, qtbot):
    from PySide6.QtCore import Qt

    window, controller = exporting
    designer = controller.open_designer()
    assert designer.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    task = designer.run_export(tmp_path / "closed.pdf", 100)
    designer.close()
    assert task.wait_delivered() and task.error is None
    assert (tmp_path / "closed.pdf").stat().st_size > 1000
    qtbot.waitUntil(lambda: "closed.pdf" in window.statusBar().currentMessage())


def test_the_screening_report_is_written_off_the_gui_thread(exporting, drawing_threads, tmp_path, qtbot,
                                                            monkeypatch):
    import shapely

    from ecomap.gui import analysis_common
    from ecomap.gui.analysis_menu import open_dialog
    from tests.core.layout_fixtures import CX, CY

    window, _controller = exporting
    dialog = open_dialog(window, "screening")
    dialog.set_drawn(shapely.box(CX - 500, CY - 500, CX + 500, CY + 500), window.map_view.crs)
    dialog.run()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20000)
    drawing_threads.clear()
    answers = iter([str(tmp_path / "报告.pdf"), str(tmp_path / "表.xlsx")])
    monkeypatch.setattr(analysis_common, "ask_save", lambda *a, **k: next(answers))
    messages = []
    window.statusBar().messageChanged.connect(messages.append)
    for task in (dialog.export_pdf(), dialog.export_tables()):
        assert task.wait_delivered() and task.error is None
    assert (tmp_path / "报告.pdf").read_bytes().startswith(b"%PDF") and (tmp_path / "表.xlsx").stat().st_size
    assert drawing_threads and threading.main_thread() not in drawing_threads  # the report's map
    # the two run side by side: either may end last, each says what it wrote
    qtbot.waitUntil(lambda: any("表.xlsx" in m for m in messages) and any("报告.pdf" in m for m in messages))
    dialog.close()
