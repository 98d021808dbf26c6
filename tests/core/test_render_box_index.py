"""The box index finds exactly the features a brute-force test of every box finds."""

from __future__ import annotations

import numpy as np
import pytest

from ecomap.core.render.box_index import BoxIndex


def _boxes(n, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.uniform(0, 10_000, n)
    y = rng.uniform(0, 10_000, n)
    w = rng.exponential(30, n)
    h = rng.exponential(30, n)
    boxes = np.column_stack([x, y, x + w, y + h])
    boxes[rng.choice(n, 20, replace=False)] = [100, 100, 9_900, 9_900]  # outlines spanning the layer
    boxes[rng.choice(n, 10, replace=False)] = np.nan  # missing geometries
    return boxes


def _brute(boxes, rect):
    minx, miny, maxx, maxy = rect
    with np.errstate(invalid="ignore"):
        return np.flatnonzero((boxes[:, 0] <= maxx) & (boxes[:, 2] >= minx) & (boxes[:, 1] <= maxy)
                              & (boxes[:, 3] >= miny))


@pytest.mark.parametrize("n", [1, 7, 5_000])
def test_small_views_match_testing_every_box(n):
    boxes = _boxes(n) if n > 40 else np.array([[0, 0, 10, 10]] * n, float)
    index = BoxIndex(boxes)
    rng = np.random.default_rng(1)
    for _ in range(300):
        cx, cy = rng.uniform(-500, 10_500, 2)
        size = rng.uniform(0.5, 900)
        rect = (cx - size, cy - size, cx + size, cy + size)
        candidates = index.candidates(*rect)
        if candidates is None:
            continue
        assert np.all(np.diff(candidates) > 0)
        b = boxes[candidates]
        with np.errstate(invalid="ignore"):
            hit = candidates[(b[:, 0] <= rect[2]) & (b[:, 2] >= rect[0]) & (b[:, 1] <= rect[3]) & (b[:, 3] >= rect[1])]
        assert np.array_equal(hit, _brute(boxes, rect))


def test_a_wide_view_tests_every_box_and_an_empty_layer_has_nothing():
    index = BoxIndex(_boxes(5_000))
    assert index.candidates(-1, -1, 20_000, 20_000) is None
    assert BoxIndex(np.full((3, 4), np.nan)).candidates(0, 0, 1, 1).size == 0
    assert BoxIndex(np.zeros((0, 4))).candidates(0, 0, 1, 1).size == 0


def test_the_renderer_selects_the_same_features_in_drawing_order():
    from ecomap.core.render.vector import Grouping, _box_index, _visible_in_order

    class FakePrep:
        def __init__(self, boxes):
            from types import SimpleNamespace

            self.bbox = boxes
            ok = ~np.isnan(boxes[:, 0])
            b = boxes[ok]
            self.flat = SimpleNamespace(total_bounds=(b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max()),
                                        feature_count=len(boxes))
            self.levels = {}
            import threading

            self.lock = threading.Lock()

    boxes = _boxes(20_000, seed=3)
    prep = FakePrep(boxes)
    sym = np.random.default_rng(4).integers(-1, 5, len(boxes))  # -1: a value the style does not draw
    grouping = Grouping(sym)
    rects = [(5_000, 5_000, 5_300, 5_200), (0, 0, 10_000, 10_000), (9_990, 9_990, 12_000, 12_000)]
    for indexed in (False, True):  # a big layer's index comes in the background: before, every box is tested
        if indexed:
            assert _box_index(prep, build=False) is None
            _box_index(prep)
        for rect in rects:
            hit = np.zeros(len(boxes), bool)
            hit[_brute(boxes, rect)] = True
            want = grouping.order[hit[grouping.order]]
            assert np.array_equal(_visible_in_order(prep, grouping, rect), want)
