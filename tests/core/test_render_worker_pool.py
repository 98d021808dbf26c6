"""The drawing worker process: same picture as drawing alone, cancel stops it, clean exit."""

from __future__ import annotations

import threading

import numpy as np
import pytest
import shapely

from ecomap.core.feedback import Cancelled, Feedback
from ecomap.core.map_settings import MapSettings, RenderLayer
from ecomap.core.render import passes, vector, worker_pool
from ecomap.core.render.job import layer_cache, render_image
from ecomap.core.style import style_from_dict
from tests.core.render_helpers import image_array, vector_layer

X0, Y0 = 36_436_000.0, 3_897_000.0
SYM = {"fill": "#4caf50a0", "stroke": "#282828ff", "stroke_width": 0.1, "stroke_unit": "mm", "dash": None,
       "hatch": None, "hatch_color": "#000000ff", "marker": None, "size": 2.5, "opacity": 1.0}


def _layer(n=60):
    """n × n round parcels of 40 vertices (144,000 vertices for n = 60), two land classes."""
    t = np.linspace(0, 2 * np.pi, 40, endpoint=False)
    geoms = []
    for j in range(n):
        for i in range(n):
            r = 4.0 + (i * 7 + j * 3) % 5
            geoms.append(shapely.Polygon(np.c_[X0 + i * 10 + r * np.cos(t), Y0 + j * 10 + r * np.sin(t)]))
    return vector_layer(geoms, DLBM=["0101", "0301"] * (n * n // 2))


def _settings(layer, style, size=(300, 300)):
    from pyproj import CRS

    return MapSettings(extent=(X0 - 10, Y0 - 10, X0 + 600, Y0 + 600), size=size, crs=CRS.from_epsg(4524),
                       layers=(RenderLayer(layer, style),))


@pytest.fixture
def worker(monkeypatch):
    monkeypatch.setattr(worker_pool, "ENABLED", True)
    monkeypatch.setattr(worker_pool, "MIN_VERTICES", 1000)  # the threshold, lowered for a small layer
    monkeypatch.setattr(layer_cache, "enabled", False)
    if not worker_pool.wait_ready(120):
        pytest.fail("the drawing worker did not start")
    yield worker_pool
    proc = worker_pool._worker.proc
    worker_pool.shutdown()
    assert proc.poll() is not None  # stopped and reaped: no zombie


@pytest.mark.parametrize("kind", ["single", "categorized"])
def test_worker_draws_the_same_picture(worker, monkeypatch, kind):
    if kind == "single":
        style = style_from_dict({"type": "single", "symbol": SYM})
    else:
        style = style_from_dict({"type": "categorized", "field": "DLBM", "categories": [
            {"value": "0101", "label": "水田", "symbol": SYM},
            {"value": "0301", "label": "乔木林地", "symbol": {**SYM, "fill": "#2e7d32c0"}}]})
    settings = _settings(_layer(), style)
    before = worker.stats["split"]
    with_worker = image_array(render_image(settings))
    assert worker.stats["split"] == before + 1  # the worker filled this frame
    monkeypatch.setattr(worker_pool, "ENABLED", False)
    alone = image_array(render_image(settings))
    assert worker.stats["split"] == before + 1
    diff = np.abs(with_worker.astype(int) - alone.astype(int)).max(axis=-1)
    # outlines composited over the fills instead of blended into them: rounding steps only
    assert diff.max() <= 12, diff.max()
    assert (diff > 4).mean() < 0.01
    assert (alone[..., 3] > 0).mean() > 0.3  # the frame is not empty


def test_cancel_stops_the_worker(worker, monkeypatch):
    monkeypatch.setattr(vector, "BATCH", 200)  # many batches: the worker checks between them
    monkeypatch.setattr(worker_pool, "DEBUG_BATCH_DELAY", 0.05)
    style = style_from_dict({"type": "single", "symbol": SYM})
    settings = _settings(_layer(), style)
    feedback = Feedback()
    timers = []
    wait_reply = worker_pool._wait_reply

    def cancel_soon(*args):  # once the worker has its request: cancel while it fills
        timers.append(threading.Timer(0.3, feedback.cancel))
        timers[-1].start()
        return wait_reply(*args)

    monkeypatch.setattr(worker_pool, "_wait_reply", cancel_soon)
    try:
        render_image(settings, feedback)
    finally:
        for t in timers:
            t.cancel()
    monkeypatch.setattr(worker_pool, "_wait_reply", wait_reply)
    assert timers
    assert worker.stats["cancelled"] >= 1
    assert worker.stats["last_drawn"] < worker.stats["last_total"]
    # the worker is still usable for the next frame
    monkeypatch.setattr(worker_pool, "DEBUG_BATCH_DELAY", 0.0)
    before = worker.stats["split"]
    render_image(settings)
    assert worker.stats["split"] == before + 1


def test_switched_off_draws_alone(monkeypatch):
    monkeypatch.setattr(worker_pool, "ENABLED", False)
    monkeypatch.setattr(worker_pool, "MIN_VERTICES", 1000)
    monkeypatch.setattr(layer_cache, "enabled", False)
    before = worker_pool.stats["split"]
    img = image_array(render_image(_settings(_layer(20), style_from_dict({"type": "single", "symbol": SYM}))))
    assert worker_pool.stats["split"] == before
    assert (img[..., 3] > 0).any()


def test_a_worker_that_dies_is_replaced(worker, monkeypatch):
    # two deaths, each followed by a good frame: under the old count (deaths in a session,
    # not in a row) the second restart switched the worker off for good
    monkeypatch.setattr(worker_pool, "MAX_FAILURES", 2)
    style = style_from_dict({"type": "single", "symbol": SYM})
    settings = _settings(_layer(), style)
    monkeypatch.setattr(worker_pool, "ENABLED", False)
    alone = image_array(render_image(settings))
    monkeypatch.setattr(worker_pool, "ENABLED", True)
    for _ in range(2):
        dying = worker_pool._worker
        dying.proc.kill()
        dying.proc.wait(10)
        errors = []
        drawn = image_array(render_image(settings, errors=errors))  # falls back: this process fills
        assert errors == []
        assert np.abs(drawn.astype(int) - alone.astype(int)).max() <= 12
        assert worker.wait_ready(120) and worker_pool._worker is not dying
        before = worker.stats["split"]
        render_image(settings)
        assert worker.stats["split"] == before + 1  # the new worker fills the next frame
    assert worker_pool.ENABLED


def test_an_error_drawing_the_outlines_reports_the_layer_and_frees_the_worker(worker, monkeypatch):
    style = style_from_dict({"type": "single", "symbol": SYM})
    settings = _settings(_layer(), style)
    draw_pass = passes.draw_pass

    def failing(*args, **kwargs):
        if "outline" in args or kwargs.get("which") == "outline":
            raise RuntimeError("outline pass failed")
        return draw_pass(*args, **kwargs)

    monkeypatch.setattr(passes, "draw_pass", failing)
    before = worker.stats["split"]
    errors = []
    render_image(settings, errors=errors)
    assert [e.message for e in errors] == ["RuntimeError: outline pass failed"]
    assert worker.stats["split"] == before
    monkeypatch.setattr(passes, "draw_pass", draw_pass)
    w = worker_pool._worker
    render_image(settings)
    assert worker.stats["split"] == before + 1 and worker_pool._worker is w and not w.dead


def test_the_workers_feedback_is_cancelled_by_the_shared_generation():
    shared = np.zeros(1, np.int64)
    feedback = worker_pool.GenerationFeedback(shared, gen=3)
    assert isinstance(feedback, Feedback) and not feedback.is_cancelled()
    shared[0] = 2  # an older request cancelled: not this one
    assert not feedback.is_cancelled()
    feedback.check()
    shared[0] = 3
    assert feedback.is_cancelled()
    with pytest.raises(Cancelled):
        feedback.check()
    assert worker_pool.GenerationFeedback(shared, gen=4).sub(0.0, 0.5).is_cancelled() is False


def test_background_levels_are_built_with_a_feedback_that_stop_background_cancels():
    before = vector._background
    assert isinstance(before, Feedback) and not before.is_cancelled()
    vector.stop_background()
    assert before.is_cancelled()
    assert isinstance(vector._background, Feedback) and not vector._background.is_cancelled()
