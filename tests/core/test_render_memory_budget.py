"""Over its memory budget the renderer lets its optional caches go and still draws the same picture.

The budget is a process-wide size (:mod:`ecomap.core.render.memory`); here it is
switched by hand, so that the tests do not depend on the machine's memory.
"""

from __future__ import annotations

import time

import numpy as np
import pytest
import shapely
from pyproj import CRS

from ecomap.core.map_settings import MapSettings, RenderLayer
from ecomap.core.render import memory, sources, vector, worker_pool
from ecomap.core.render.job import layer_cache, render_image
from ecomap.core.style import default_vector_style
from tests.core.render_helpers import image_array, vector_layer

X0, Y0 = 36_436_000.0, 3_897_000.0


def _layer(n=50):
    """n × n round parcels of 40 vertices (100,000 vertices for n = 50)."""
    t = np.linspace(0, 2 * np.pi, 40, endpoint=False)
    geoms = [shapely.Polygon(np.c_[X0 + i * 10 + (3 + (i + j) % 4) * np.cos(t), Y0 + j * 10 + 4 * np.sin(t)])
             for j in range(n) for i in range(n)]
    return vector_layer(geoms)


def _settings(layer, zoom=1.0, size=(320, 240)):
    half = 260 / zoom
    return MapSettings(extent=(X0 + 250 - half, Y0 + 250 - half, X0 + 250 + half, Y0 + 250 + half), size=size,
                       crs=CRS.from_epsg(4524), layers=(RenderLayer(layer, default_vector_style()),))


def _levels(layer, settings):
    prep = sources.prepared(layer, settings.crs)
    return [lvl for key, lvl in prep.levels.items() if key[0] == "level"]


@pytest.fixture
def budget(monkeypatch):
    """Whether the process is over its budget, as the test says; small layers drawn from levels."""
    state = {"over": False}
    monkeypatch.setattr(memory, "over_budget", lambda extra=0: state["over"])
    monkeypatch.setattr(vector, "DIRECT_LIMIT", 2_000)
    monkeypatch.setattr(layer_cache, "enabled", False)
    yield state
    vector.stop_background()


def test_over_budget_the_picture_is_the_same_and_vertices_are_read_back(budget, monkeypatch):
    monkeypatch.setattr(worker_pool, "ENABLED", True)  # the vertices would be kept for the worker
    monkeypatch.setattr(worker_pool, "MIN_VERTICES", 10**9)  # ... which is not started for this layer
    roomy_layer = _layer()
    roomy = image_array(render_image(_settings(roomy_layer)))
    (kept,) = _levels(roomy_layer, _settings(roomy_layer))
    assert all(b._data is not None for b in kept.batches)

    budget["over"] = True
    lean_layer = _layer()
    lean = image_array(render_image(_settings(lean_layer)))
    np.testing.assert_array_equal(lean, roomy)
    (level,) = _levels(lean_layer, _settings(lean_layer))
    assert level.batches and all(b._data is None and b._path is not None for b in level.batches)
    for a, b in zip(kept.batches, level.batches, strict=True):  # read back from the paths, exactly
        for x, y in zip(a.data, b.data, strict=True):
            np.testing.assert_array_equal(x, y)
    # drawn again from the cached level, its paths without Qt's cache: the same picture
    np.testing.assert_array_equal(image_array(render_image(_settings(lean_layer))), roomy)


def test_over_budget_one_level_is_kept_and_none_prepared_ahead(budget):
    layer = _layer()
    for zoom in (1.0, 2.0, 4.0):
        render_image(_settings(layer, zoom))
        assert vector._prefetching  # the next finer level is being prepared
        vector.stop_background()  # (so that the next view builds its own level)
    assert len(_levels(layer, _settings(layer))) == 3

    budget["over"] = True
    layer = _layer()
    for zoom in (1.0, 2.0, 4.0):
        render_image(_settings(layer, zoom))
        assert not vector._prefetching
    assert len(_levels(layer, _settings(layer))) == 1


@pytest.fixture
def worker(budget, monkeypatch):
    monkeypatch.setattr(worker_pool, "ENABLED", True)
    monkeypatch.setattr(worker_pool, "MIN_VERTICES", 1000)
    if not worker_pool.wait_ready(120):
        pytest.fail("the drawing worker did not start")
    yield worker_pool
    worker_pool.shutdown()


def test_over_budget_the_worker_gets_the_vertices_from_the_paths(worker, budget, monkeypatch):
    budget["over"] = True
    layer = _layer()
    settings = _settings(layer)
    first = image_array(render_image(settings))  # a cold level: drawn here, then sent to the worker
    w = worker._worker
    end = time.monotonic() + 60
    while w.pending and not worker._preloaded(w) and time.monotonic() < end:
        time.sleep(0.02)
    assert not w.pending
    assert w.data_shm is None  # the worker has built its paths: the shared vertices went
    before = worker.stats["split"]
    second = image_array(render_image(settings))
    assert worker.stats["split"] == before + 1  # the worker filled this frame
    diff = np.abs(first.astype(int) - second.astype(int)).max(axis=-1)
    assert diff.max() <= 12  # outlines composited over the fills: rounding steps only
    assert (first[..., 3] > 0).mean() > 0.3
