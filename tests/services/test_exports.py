"""Exports run as tasks: they deliver their file and progress; a cancel leaves no file and no temporary one."""

from __future__ import annotations

import threading

import pytest
import shapely
from PySide6.QtGui import QImage

from ecomap.core.atomic import TEMP_PREFIX
from ecomap.core.feedback import Cancelled, Feedback, SubFeedback
from ecomap.core.layout import briefing_layout
from ecomap.core.layout.templates import atlas_layout
from ecomap.core.tasks import Task
from ecomap.services import exports
from tests.core.layout_fixtures import CX, CY, context


def leftovers(folder):
    """Temporary files an export left beside its target."""
    return [p.name for p in folder.rglob("*") if p.name.startswith(TEMP_PREFIX)]


def cancelling_at(fraction: float) -> Feedback:
    """A feedback that cancels itself once progress passes ``fraction`` (mid-export)."""
    seen = []

    def on_progress(value, text):
        seen.append((value, text))
        if value >= fraction:
            feedback.cancel()
    feedback = Feedback(on_progress=on_progress)
    feedback.seen = seen
    return feedback


def test_a_layout_export_task_delivers_its_file_and_progress(gui_app, tmp_path):
    layout, ctx = exports.layout_snapshot(briefing_layout("A4", "landscape"), context())
    target = tmp_path / "map.png"
    progress, finished = [], []

    class Recorded(SubFeedback):  # what the export reports, before the task coalesces it
        def set_progress(self, fraction, text=None):
            super().set_progress(fraction, text)
            progress.append((fraction, self.parent.text))

    task = Task(lambda feedback: exports.export_layout(layout, ctx, target, 60, feedback=Recorded(feedback, 0, 1)),
                description="export")
    task.finished.connect(finished.append)
    task.start()
    assert task.wait_delivered()
    assert finished and finished[0].paths == [target]
    assert QImage(str(target)).width() == round(297 / 25.4 * 60)
    fractions = [f for f, _ in progress]
    assert len(fractions) > 5 and fractions == sorted(fractions) and fractions[-1] == 1.0
    assert any("map.png" in text for _, text in progress)  # says what it is writing
    assert not leftovers(tmp_path)


@pytest.mark.parametrize("name", ["map.pdf", "map.png", "map.svg"])
def test_a_cancel_mid_export_leaves_no_file_and_no_temporary_one(gui_app, tmp_path, name):
    layout, ctx = exports.layout_snapshot(briefing_layout("A4", "landscape"), context())
    feedback = cancelling_at(0.3)
    with pytest.raises(Cancelled):
        exports.export_layout(layout, ctx, tmp_path / name, 60, feedback=feedback)
    assert any(0.3 <= f < 1.0 for f, _ in feedback.seen)  # it was cancelled part-way, not before it began
    assert list(tmp_path.iterdir()) == []


def test_a_cancelled_export_keeps_the_previous_file(gui_app, tmp_path):
    target = tmp_path / "map.pdf"
    target.write_bytes(b"the last good one")
    layout, ctx = exports.layout_snapshot(briefing_layout("A4", "landscape"), context())
    with pytest.raises(Cancelled):
        exports.export_layout(layout, ctx, target, 60, feedback=cancelling_at(0.5))
    assert target.read_bytes() == b"the last good one" and not leftovers(tmp_path)


def test_cancelling_the_task_reports_cancelled_and_writes_nothing(gui_app, tmp_path):
    layout, ctx = exports.layout_snapshot(briefing_layout("A4", "landscape"), context())
    target = tmp_path / "map.pdf"
    halfway, go_on = threading.Event(), threading.Event()

    class Pausing(SubFeedback):  # stops once past a fifth, until the test has cancelled
        def set_progress(self, fraction, text=None):
            super().set_progress(fraction, text)
            if fraction > 0.2 and not halfway.is_set():
                halfway.set()
                go_on.wait(30)

    task = Task(lambda feedback: exports.export_layout(layout, ctx, target, 60, feedback=Pausing(feedback, 0, 1)))
    outcome = []
    task.finished.connect(lambda result: outcome.append("finished"))
    task.cancelled.connect(lambda: outcome.append("cancelled"))
    task.start()
    assert halfway.wait(30)
    task.cancel()
    go_on.set()
    assert task.wait_delivered()
    assert outcome == ["cancelled"] and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("out, image_format", [("atlas.pdf", "pdf"), ("pages", "png"), ("pages", "pdf")])
def test_a_cancelled_atlas_leaves_no_page(gui_app, tmp_path, out, image_format):
    layout, ctx = exports.layout_snapshot(atlas_layout("A4", "portrait", coverage="towns"), context())
    feedback = cancelling_at(0.6)  # after two of the four pages
    with pytest.raises(Cancelled):
        exports.export_atlas(layout, ctx, tmp_path / out, dpi=30, image_format=image_format, feedback=feedback)
    assert any("Page 3 of 4" in text for _, text in feedback.seen)
    assert list(tmp_path.iterdir()) == []  # not even the folder it made


def test_an_atlas_folder_reports_each_page(gui_app, tmp_path):
    layout, ctx = exports.layout_snapshot(atlas_layout("A4", "portrait", coverage="towns"), context())
    seen = []
    done = exports.export_atlas(layout, ctx, tmp_path / "pages", dpi=30, image_format="png",
                                feedback=Feedback(on_progress=lambda f, t: seen.append(t)))
    assert [p.name for p in done.paths] == sorted(p.name for p in (tmp_path / "pages").iterdir())
    assert len(done.paths) == 4 and [f"Page {i} of 4" in " ".join(seen) for i in (1, 2, 3, 4)] == [True] * 4


def test_the_map_image_for_the_clipboard_is_twice_the_view(gui_app):
    from ecomap.core.layout.mapdraw import map_settings
    from ecomap.core.layout.mapview import MapView

    ctx = context()
    view = MapView((CX - 16000, CY - 13000, CX + 16000, CY + 13000), "EPSG:4524", 320, 260)
    settings = map_settings(view, ctx.layers, (320, 260), 96)
    image = exports.render_map_image(settings)
    assert (image.width(), image.height()) == (640, 520)
    assert round(image.dotsPerMeterX() * 0.0254) == 192
    with pytest.raises(Cancelled):
        exports.render_map_image(settings, feedback=cancelling_at(0.0))


def test_a_data_export_stops_between_layers(gui_app, tmp_path):
    from ecomap.io.export import ExportItem

    ctx = context()
    items = [ExportItem(ml.layer, ml.style, ml.name, crs_confirmed=True) for ml in ctx.layers]
    feedback = Feedback()
    feedback.on_progress = lambda fraction, text: fraction > 0.4 and feedback.cancel()
    with pytest.raises(Cancelled):
        exports.export_data(items, tmp_path / "layers", ".geojson", feedback=feedback)
    written = sorted(p.name for p in (tmp_path / "layers").iterdir())
    assert written == sorted(["乡镇.geojson", "河流.geojson"]) and not leftovers(tmp_path)  # the third not begun
    done = exports.export_data(items, tmp_path / "layers", ".geojson")
    assert sorted(p.name for p in done.paths) == sorted(["乡镇.geojson", "河流.geojson", "矿山.geojson"])
    assert done.count == 4 + 1 + 2


def test_the_screening_report_is_written_through_a_task(gui_app, tmp_path):
    from ecomap.analysis import footprint, screening
    from ecomap.core.workspace import describe_layer

    layers = [describe_layer(ml.layer, name=ml.layer.name, theme_id=ml.theme, title=ml.name) for ml in context().layers]
    fp = footprint.from_wkt(shapely.box(CX - 1000, CY - 1000, CX + 1000, CY + 1000).wkt)
    result = screening.run(fp, layers)
    target = tmp_path / "选址分析报告.pdf"
    task = Task(lambda feedback: exports.write_screening_pdf(result, target, layers, feedback=feedback))
    task.start()
    assert task.wait_delivered() and task.error is None
    assert task.result.paths == [target] and target.read_bytes().startswith(b"%PDF")
    tables = tmp_path / "选址分析.xlsx"
    task = Task(lambda feedback: exports.write_screening_tables(result, tables, feedback=feedback)).start()
    assert task.wait_delivered() and task.error is None and tables.stat().st_size > 0
