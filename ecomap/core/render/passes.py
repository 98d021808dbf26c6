"""Drawing a frame's path batches: the polygon fill pass, then outlines and hatching.

Shared by the engine (:mod:`ecomap.core.render.vector`) and the drawing worker process
(:mod:`ecomap.core.render.worker_pool`), which fills a big frame while the engine draws
its outlines: both draw the same passes, so the pictures agree.

Polygon fills are rasterized aliased at 2×2 (2×1 when dense) and box-filtered down —
the coverage of antialiased filling at a fraction of its cost — and outlines drawn over
them with cosmetic antialiased pens. A batch is anything with ``group`` (its symbol's
index), ``vertices`` and ``path`` (a QPainterPath).
"""

from __future__ import annotations

import itertools
import os

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter, QTransform

from ecomap.core.render.images import blank_image
from ecomap.core.render.qtpath import DrawingCaches, path_from_rings
from ecomap.core.render.symbols import brush_for, hatch_brush, pen_for

SUPERSAMPLE_MAX_PIXELS = 4_200_000  # up to 2048x2048-ish outputs fill supersampled
#: fills are rasterized aliased at this multiple of the output and box-filtered down; dense
#: views (over DENSE_VERTICES) use 2x1, which costs what 1x does (Qt's aliased fill pays per
#: scanline) and agrees with antialiased rendering as closely at such a density
SUPERSAMPLE = (2, 2)
SUPERSAMPLE_DENSE = tuple(int(v) for v in os.environ.get("ECOMAP_FILL_SUPERSAMPLE", "2x1").split("x"))
DENSE_VERTICES = 1_000_000
#: below this many vertices Qt's antialiased fill is the cheaper; from it on, the supersampled
#: aliased fill: its cost does not grow with the screen area covered as Qt's antialiasing
#: rasterizer does (500k land-use layer at zoom 16, 100,000 vertices on 888x889 pixels:
#: 133 ms antialiased, 55 ms supersampled; 0.03 % of pixels differ by more than 32/255)
LIGHT_VERTICES = 20_000
#: pens wider than this (device pixels) leave Qt's fast thin-line path for its stroker, which
#: runs inside one call that holds the GIL and grows faster than the path: a 20,000-vertex
#: path took up to 270 ms at 300 dpi. Stroked in pieces of ~WIDE_STROKE_VERTICES the GUI
#: thread gets the GIL between calls (a few ms each) and the whole stroke is 3x faster.
WIDE_PEN_PX = 1.5
WIDE_STROKE_VERTICES = 1000


def draw_batches(painter: QPainter, batches, symbols, kind: str, dpi: float, scale: float,
                 feedback, transform: QTransform | None = None, vertices: int | None = None,
                 mode: tuple | None = None, which: str | None = None) -> None:
    """Draw batches group by group on this thread: fills first, then outlines and hatching.

    Polygon fills are rasterized aliased at twice the resolution and averaged down: the
    same coverage as antialiased filling (4 samples a pixel) at a third of Qt's cost for
    dense layers. Outlines are thin cosmetic pens, drawn antialiased at full resolution.
    ``vertices`` (when known) picks the fill mode, ``mode`` fixes it, ``which``
    ("fill" / "outline") draws one pass only.
    """
    transform = transform or QTransform()
    caches = DrawingCaches()
    if kind == "polygon" and which != "outline":
        # batches may arrive from worker threads while the fill pass draws the first ones
        batches = _fill_pass(painter, batches, symbols, transform, feedback, vertices, mode, caches)
        if which == "fill":
            return
    else:
        batches = list(batches)
    painter.setTransform(transform)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    current = None
    hatch = None
    for i, b in enumerate(batches):
        if feedback is not None and (i & 7) == 0 and feedback.is_cancelled():
            break
        if b.group != current:
            current = b.group
            sym = symbols[current]
            painter.setPen(pen_for(sym, dpi))
            hatch = hatch_brush(sym, dpi, scale) if kind == "polygon" else None
            painter.setBrush(hatch if hatch is not None else Qt.BrushStyle.NoBrush)
            skip = painter.pen().style() == Qt.PenStyle.NoPen and hatch is None
            wide = painter.pen().style() != Qt.PenStyle.NoPen and painter.pen().widthF() > WIDE_PEN_PX
        if skip:
            pass
        elif wide and b.vertices > WIDE_STROKE_VERTICES:
            for piece in stroke_pieces(*b.data):
                if feedback is not None and feedback.is_cancelled():
                    break
                painter.drawPath(piece)
        else:
            painter.drawPath(b.path)
        caches.drawn(b)
    painter.resetTransform()


def stroke_pieces(u: np.ndarray, v: np.ndarray, ring_starts: np.ndarray, limit: int = WIDE_STROKE_VERTICES):
    """The rings of one batch as paths of about ``limit`` vertices, cut only before an
    exterior ring: each piece holds whole polygons with their holes, so it fills (hatching)
    and strokes (joins, caps) as the whole path does.

    A batch's rings are oriented (holes against their exterior, for the winding fill) and
    start with an exterior ring, so exteriors are the rings turning as the first one does.
    """
    n = len(u)
    starts = np.asarray(ring_starts, dtype=np.int64)
    if n <= limit or len(starts) < 2 or starts[0] != 0 or (np.diff(starts) <= 0).any():
        yield path_from_rings(u, v, starts)
        return
    x, y = u.astype(np.float64), v.astype(np.float64)
    following = np.arange(1, n + 1)
    following[np.append(starts[1:], n) - 1] = starts  # each ring's last vertex closes on its first
    turn = np.sign(np.add.reduceat(x * y[following] - x[following] * y, starts))
    outer = turn[np.flatnonzero(turn)[0]] if turn.any() else 0.0
    exteriors = starts[(turn == outer) | (turn == 0)]
    cuts = np.unique(exteriors[np.searchsorted(exteriors, np.arange(limit, n, limit), side="right") - 1])
    edges = [0, *[int(c) for c in cuts if 0 < c < n], n]
    for a, b in itertools.pairwise(edges):
        r0, r1 = np.searchsorted(starts, [a, b])
        yield path_from_rings(u[a:b], v[a:b], starts[r0:r1] - a)


def draw_pass(batches, symbols, dpi: float, scale: float, transform: QTransform, width: int, height: int,
              mode: tuple, which: str, feedback=None) -> QImage:
    """One pass of what :func:`draw_batches` draws for polygons — ``which`` is "fill" or
    "outline" — on a transparent image of its own.

    The drawing worker fills a frame while the engine draws its outlines; the outlines
    composited over the fills give the picture of a single pass (to a rounding step).
    """
    # outlines are composited over the fills: 16 bits a channel keep their faint antialiased
    # edges from rounding (8 bits: up to 10/255 off where many edges share a pixel)
    fmt = QImage.Format.Format_RGBA64_Premultiplied if which == "outline" else \
        QImage.Format.Format_ARGB32_Premultiplied
    img = blank_image(width, height, fmt)
    painter = QPainter(img)
    try:
        draw_batches(painter, batches, symbols, "polygon", dpi, scale, feedback, transform, mode=mode,
                     which=which)
    finally:
        painter.end()
    return img


def downsample(img: QImage, sx: int, sy: int) -> QImage:
    """Average sx × sy blocks of a premultiplied image (numpy: Qt's own scaler uses its
    thread pool and a box filter is what supersampling needs)."""
    w, h = img.width() // sx, img.height() // sy
    bpl = img.bytesPerLine()
    a = np.frombuffer(img.constBits(), np.uint8, count=bpl * img.height()).reshape(img.height(), bpl)
    a = a[: sy * h, : 4 * sx * w].reshape(h, sy, w, sx, 4)
    total = np.zeros((h, w, 4), np.uint16)
    for dy in range(sy):  # explicit adds: numpy's multi-axis sum on this view is 5x slower
        for dx in range(sx):
            total += a[:, dy, :, dx]
    n = sx * sy
    out = ((total + n // 2) // n).astype(np.uint8)
    return QImage(out.tobytes(), w, h, w * 4, QImage.Format.Format_ARGB32_Premultiplied).copy()


def fill_mode(vertices: int, w: int, h: int) -> tuple[int, int, bool]:
    """(sx, sy, antialias) of the fill pass for ``vertices`` drawn on a w × h image."""
    n = vertices
    # no aliased shortcut under outlines: a 0.3-px outline does not hide the steps (1.9 % of
    # pixels off by more than 32/255 at zoom 8), and the supersampled fill costs the same
    if n < LIGHT_VERTICES or w * h > SUPERSAMPLE_MAX_PIXELS:
        return 1, 1, True  # few vertices: Qt's antialiased fill is cheap, skip the big buffer
    sx, sy = SUPERSAMPLE_DENSE if n > DENSE_VERTICES else SUPERSAMPLE
    return sx, sy, True


def _fill_pass(painter: QPainter, batches, symbols, transform: QTransform, feedback,
               vertices: int | None = None, mode: tuple | None = None, caches=None) -> list:
    """Fill every batch (an iterable, consumed once); returns the batches as a list.

    ``caches`` (:class:`~ecomap.core.render.qtpath.DrawingCaches`) is told of each batch filled."""
    device = painter.device()
    w, h = device.width(), device.height()
    fills = [brush_for(s) for s in symbols]
    if not any(f.style() != Qt.BrushStyle.NoBrush for f in fills):
        return list(batches)
    if mode is None:
        if vertices is None:
            batches = list(batches)
            vertices = sum(b.vertices for b in batches)
        mode = fill_mode(vertices, w, h)
    sx, sy, antialias = mode
    if sx * sy == 1:
        target, p = None, painter
        p.setRenderHint(QPainter.RenderHint.Antialiasing, antialias)
    else:
        target = blank_image(w * sx, h * sy)
        p = QPainter(target)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    try:  # a painter left active on ``target`` when it is freed takes the process down
        p.setTransform(transform * QTransform.fromScale(sx, sy))
        p.setPen(Qt.PenStyle.NoPen)
        current = None
        seen = []
        for i, b in enumerate(batches):
            seen.append(b)
            if feedback is not None and (i & 7) == 0 and feedback.is_cancelled():
                break
            if b.group != current:
                current = b.group
                p.setBrush(fills[current])
            if fills[current].style() != Qt.BrushStyle.NoBrush:
                p.drawPath(b.path)
            if caches is not None:
                caches.drawn(b)
    finally:
        if target is not None:
            p.end()
    if target is not None:
        small = downsample(target, sx, sy)
        painter.resetTransform()
        painter.drawImage(0, 0, small)
    else:
        p.resetTransform()
    return seen
