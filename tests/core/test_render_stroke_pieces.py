"""Wide outlines are stroked in pieces of whole rings, and look as they did in one path."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from ecomap.core.render.images import blank_image
from ecomap.core.render.passes import stroke_pieces
from ecomap.core.render.qtpath import path_from_rings, rings_of_path


def _rings(n_rings=300, k=12, seed=0):
    rng = np.random.default_rng(seed)
    t = np.linspace(0, 2 * np.pi, k, endpoint=False)
    cx, cy = rng.uniform(20, 480, n_rings), rng.uniform(20, 480, n_rings)
    r = rng.uniform(3, 15, n_rings)
    u = (cx[:, None] + r[:, None] * np.cos(t)).ravel().astype(np.float32)
    v = (cy[:, None] + r[:, None] * np.sin(t)).ravel().astype(np.float32)
    return u, v, np.arange(0, n_rings * k, k)


def test_pieces_hold_every_ring_once_and_stay_under_the_limit():
    u, v, starts = _rings()
    pieces = list(stroke_pieces(u, v, starts, limit=500))
    back = [rings_of_path(p) for p in pieces]
    assert len(pieces) == 8  # 3600 vertices in whole rings of 12, cut near every 500th
    assert all(len(x) <= 500 + 12 for x, _y, _s in back)
    assert np.array_equal(np.concatenate([x for x, _y, _s in back]), u)
    assert sum(len(s) for _x, _y, s in back) == len(starts)


def test_a_ring_longer_than_the_limit_stays_whole():
    u, v, starts = _rings(n_rings=3, k=400)
    pieces = list(stroke_pieces(u, v, starts, limit=100))
    assert [len(rings_of_path(p)[0]) for p in pieces] == [400, 400, 400]


def _stroke(paths) -> QImage:
    img = blank_image(500, 500)
    p = QPainter(img)
    try:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pen = QPen(QColor(30, 30, 30))
        pen.setWidthF(3.0)
        pen.setCosmetic(True)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        for path in paths:
            p.drawPath(path)
    finally:
        p.end()
    return img


def test_holes_stay_with_their_exterior():
    # squares with a hole each: exterior counter-clockwise, hole clockwise, 10 vertices a polygon
    ext = np.array([[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], float)
    hole = np.array([[1, 1], [1, 3], [3, 3], [3, 1], [1, 1]], float)
    polygon = np.vstack([ext, hole])
    xy = np.vstack([polygon + [6 * i, 0] for i in range(50)]).astype(np.float32)
    starts = np.arange(0, 500, 5)
    pieces = [rings_of_path(p) for p in stroke_pieces(xy[:, 0], xy[:, 1], starts, limit=33)]
    assert len(pieces) > 10
    for x, y, s in pieces:
        assert len(s) % 2 == 0 and len(x) % 10 == 0  # whole polygons only
        first = np.array([x[0], y[0]])
        assert np.allclose(first % [6, 100], [0, 0])  # each piece starts at an exterior ring


def test_stroked_in_pieces_looks_like_stroked_whole(gui_app):
    u, v, starts = _rings()
    whole = _stroke([path_from_rings(u, v, starts)])
    pieces = _stroke(stroke_pieces(u, v, starts, limit=500))
    a = np.frombuffer(whole.constBits(), np.uint8).reshape(500, 500, 4).astype(int)
    b = np.frombuffer(pieces.constBits(), np.uint8).reshape(500, 500, 4).astype(int)
    assert a[..., 3].sum() > 0
    differ = (np.abs(a - b).max(axis=2) > 8).mean()
    assert differ < 0.01  # overlapping rings meet a little differently where pieces overlap
