"""numpy vertices → QPainterPath in bulk, through QPainterPath's QDataStream format.

PySide6 has no pointer access to a QPainterPath, and building one with ``moveTo`` /
``lineTo`` costs a Python call per vertex. Its serialised form is simple — an int32
element count, then (int32 type, float64 x, float64 y) per element, then the start of
the last subpath and the fill rule — so numpy writes the whole thing and Qt reads it
back in C++ at tens of millions of elements a second. The same form read the other way
gives a path's vertices back (:func:`rings_of_path`); :class:`DrawingCaches` lets go of
what Qt keeps inside a path once it has drawn it, when memory is short.
"""

from __future__ import annotations

import itertools

import numpy as np
from PySide6.QtCore import QByteArray, QDataStream, QIODevice, Qt
from PySide6.QtGui import QPainterPath

from ecomap.core.render import memory

_ELEMENT = np.dtype([("t", "<i4"), ("x", "<f8"), ("y", "<f8")])  # packed: 20 bytes, as Qt streams
MOVE, LINE = 0, 1


def path_from_rings(x: np.ndarray, y: np.ndarray, ring_starts: np.ndarray,
                    odd_even: bool = False) -> QPainterPath:
    """One QPainterPath with a subpath per ring; ``ring_starts`` index into x/y (first must be 0)."""
    n = len(x)
    path = QPainterPath()
    if n == 0:
        return path
    # the stream written in place into one buffer Qt reads without a copy of its own: joining
    # bytes objects cost as much as Qt's parsing (500,000 polygons: a quarter of a second)
    size = _ELEMENT.itemsize
    buf = bytearray(4 + size * n + 8)
    head = np.frombuffer(buf, "<i4", count=1)
    head[0] = n
    elems = np.ndarray(n, _ELEMENT, buffer=buf, offset=4)
    elems["t"] = LINE
    elems["t"][ring_starts] = MOVE
    elems["x"] = x
    elems["y"] = y
    tail = np.frombuffer(buf, "<i4", count=2, offset=4 + size * n)
    tail[0] = int(ring_starts[-1])
    tail[1] = int(Qt.FillRule.OddEvenFill.value if odd_even else Qt.FillRule.WindingFill.value)
    data = QByteArray(buf)
    stream = QDataStream(data)
    stream.setByteOrder(QDataStream.ByteOrder.LittleEndian)
    stream >> path
    return path


def rings_of_path(path: QPainterPath) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(x, y, ring starts) of a path :func:`path_from_rings` made from float32 vertices, read
    back from its serialised form: exactly what it was made of (about 40 ms a million vertices)."""
    data = QByteArray()
    stream = QDataStream(data, QIODevice.OpenModeFlag.WriteOnly)
    stream.setByteOrder(QDataStream.ByteOrder.LittleEndian)
    stream << path
    raw = data.data()
    n = int(np.frombuffer(raw, "<i4", count=1)[0]) if len(raw) >= 4 else 0
    elems = np.frombuffer(raw, _ELEMENT, count=n, offset=4)
    return elems["x"].astype(np.float32), elems["y"].astype(np.float32), np.flatnonzero(elems["t"] == MOVE)


def split_batches(ring_off: np.ndarray, max_vertices: int) -> list[tuple[int, int]]:
    """Cut rings ``ring_off`` (R + 1 vertex offsets) into runs of at most ~max_vertices vertices.

    Returns (first ring, end ring) pairs; a ring longer than the limit gets a run of its own.
    """
    r = len(ring_off) - 1
    if r <= 0:
        return []
    targets = np.arange(max_vertices, int(ring_off[-1]), max_vertices)
    cuts = np.unique(np.clip(np.searchsorted(ring_off, targets, side="right") - 1, 1, r - 1)) if r > 1 else []
    edges = [0, *[int(c) for c in cuts], r]
    return [(a, b) for a, b in itertools.pairwise(edges) if b > a]


class DrawingCaches:
    """Lets go of Qt's drawing cache inside each path drawn while the process is over its
    memory budget (:mod:`ecomap.core.render.memory`).

    Qt keeps, inside a QPainterPath it has drawn, the converted form it drew (about 21
    bytes a vertex, nearly as much as the path itself) to draw it faster the next time;
    the cached level of a 2,000,000-polygon layer at full extent has 12 M vertices.
    Changing a path drops that cache, so setting its fill rule to the other and back
    does. The budget is looked at every 16 paths.
    """

    def __init__(self):
        self.lean = memory.over_budget()
        self.count = 0

    def drawn(self, batch) -> None:
        """``batch`` has been drawn (filled, or outlined: over budget, drawing the outline
        converts it once more rather than keep every fill's conversion until then)."""
        self.count += 1
        if self.count % 16 == 0:
            self.lean = memory.over_budget()
        if not self.lean:
            return
        path = batch._path if hasattr(batch, "_path") else batch.path  # a path built, never building one
        if path is not None:
            rule = path.fillRule()
            path.setFillRule(Qt.FillRule.OddEvenFill if rule == Qt.FillRule.WindingFill
                             else Qt.FillRule.WindingFill)
            path.setFillRule(rule)
