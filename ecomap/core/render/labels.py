"""Labels: text from a field at each visible feature, with a halo, a CJK font and no overlaps.

Candidates are the visible features that are large enough to carry a label, biggest
first (at most ``MAX_LABELS``); each is placed at a point on its surface (shapely for
the app's layers, the box centre for flat sources) unless its text box overlaps one
already placed — greedy placement over a coarse grid of occupied boxes. Labels of all
layers share that grid and are drawn after every layer, as in QGIS.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import shapely
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QPainter,
    QPainterPath,
    QPen,
)

from ecomap.core.render.sources import layer_column, layer_crs, prepared
from ecomap.core.render.symbols import qcolor
from ecomap.errors import DataError

MAX_LABELS = 1500
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
                "Microsoft YaHei", "SimHei", "PingFang SC")


@lru_cache(maxsize=1)
def cjk_family() -> str | None:
    """The first installed CJK sans family (fontconfig decides on Linux)."""
    try:
        installed = set(QFontDatabase.families())
    except RuntimeError:  # no QGuiApplication: callers fall back to Qt's default
        return None
    for fam in CJK_FAMILIES:
        if fam in installed:
            return fam
    return None


def label_font(size_pt: float, dpi: float) -> QFont:
    font = QFont()
    fam = cjk_family()
    if fam:
        font.setFamilies([fam])
    # points → pixels at the output DPI so that exports keep the printed size
    font.setPixelSize(max(1, round(size_pt * dpi / 72.0)))
    return font


class LabelPlacer:
    """Greedy collision avoidance over a grid of occupied rectangles."""

    def __init__(self, width: int, height: int, cell: int = 64):
        self.cell = cell
        self.grid: dict[tuple[int, int], list[QRectF]] = {}
        self.bounds = QRectF(0, 0, width, height)

    def _cells(self, r: QRectF):
        c = self.cell
        for gx in range(int(r.left() // c), int(r.right() // c) + 1):
            for gy in range(int(r.top() // c), int(r.bottom() // c) + 1):
                yield gx, gy

    def try_place(self, r: QRectF) -> bool:
        if not self.bounds.contains(r):
            return False
        for key in self._cells(r):
            for other in self.grid.get(key, ()):
                if other.intersects(r):
                    return False
        for key in self._cells(r):
            self.grid.setdefault(key, []).append(r)
        return True


def draw_labels(painter: QPainter, layer, style, settings, placer: LabelPlacer, feedback=None) -> int:
    """Place and draw the labels of one layer; returns how many were drawn.

    Needs a QGuiApplication (fonts): without one this raises instead of letting Qt abort the process.
    """
    lab = style.labels
    if lab is None:
        return 0
    if not isinstance(QCoreApplication.instance(), QGuiApplication):
        raise RuntimeError("labels need a QGuiApplication: make one before rendering "
                           "(ecomap.core.render.job.ensure_gui_app)")
    prep = prepared(layer, settings.crs)
    bb = prep.bbox
    if len(bb) == 0:
        return 0
    minx, miny, maxx, maxy = settings.visible_extent
    p = settings.pixel_size
    with np.errstate(invalid="ignore"):
        vis = (bb[:, 0] <= maxx) & (bb[:, 2] >= minx) & (bb[:, 1] <= maxy) & (bb[:, 3] >= miny)
        size_px = np.maximum(bb[:, 2] - bb[:, 0], bb[:, 3] - bb[:, 1]) / p
    if prep.flat.kind == "polygon":
        vis &= size_px >= 12  # a label needs a feature about a word wide
    idx = np.flatnonzero(vis)
    if idx.size == 0:
        return 0
    idx = idx[np.argsort(-size_px[idx], kind="stable")][:MAX_LABELS]
    try:
        values = layer_column(layer, lab.field)[idx]
    except DataError:
        return 0  # the style names a field the layer lacks: no labels rather than no map
    xy = _anchor_points(layer, prep, idx, settings)
    font = label_font(lab.size, settings.dpi)
    fm = QFontMetricsF(font)
    color = qcolor(lab.color)
    halo = qcolor(lab.halo) if lab.halo else None
    halo_pen = QPen(halo, max(2.0, settings.mm_to_px(0.6))) if halo is not None else None
    if halo_pen is not None:
        halo_pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.save()
    try:  # the painter is the map's: leave it as found whatever happens
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        drawn = 0
        for (x, y), value in zip(xy, values):
            if feedback is not None and feedback.is_cancelled():
                break
            if value is None or (isinstance(value, float) and np.isnan(value)):
                continue
            text = str(value)
            px, py = (x - minx) / p, (maxy - y) / p
            tw, th = fm.horizontalAdvance(text), fm.height()
            rect = QRectF(px - tw / 2 - 2, py - th / 2 - 1, tw + 4, th + 2)
            if not placer.try_place(rect):
                continue
            path = QPainterPath()
            path.addText(QPointF(px - tw / 2, py + fm.ascent() - th / 2), font, text)
            if halo_pen is not None:
                painter.strokePath(path, halo_pen)
            painter.fillPath(path, color)
            drawn += 1
    finally:
        painter.restore()
    return drawn


def _anchor_points(layer, prep, idx, settings) -> np.ndarray:
    """A point inside each feature (polygons), on it (lines) or the point itself, in the map CRS."""
    geoms = getattr(layer, "geometry", None)
    bb = prep.bbox[idx]
    centres = np.column_stack([(bb[:, 0] + bb[:, 2]) / 2, (bb[:, 1] + bb[:, 3]) / 2])
    if geoms is None or prep.flat.kind == "point":
        if prep.flat.kind == "point":
            starts = prep.flat.ring_off[prep.flat.feat_off[idx]]
            return prep.flat.xy[starts]
        return centres
    pts = shapely.point_on_surface(np.asarray(geoms)[idx])
    xy = shapely.get_coordinates(pts)
    if len(xy) != len(idx):
        return centres
    src, dst = layer_crs(layer), settings.crs
    if src is not None and dst is not None and src != dst:
        from pyproj import Transformer

        x, y = Transformer.from_crs(src, dst, always_xy=True).transform(xy[:, 0], xy[:, 1])
        xy = np.column_stack([x, y])
    return xy
