"""Guard against PySide6 6.12.0's bug: every void call dropped a reference to None."""

import sys

from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage, QPainter, QPolygonF


def test_void_qpainter_calls_keep_none_refcount():
    img = QImage(20, 20, QImage.Format.Format_ARGB32_Premultiplied)
    poly = QPolygonF([QPointF(1, 1), QPointF(10, 1), QPointF(5, 8)])
    painter = QPainter(img)
    before = sys.getrefcount(None)
    for _ in range(1000):
        painter.drawPolygon(poly)
    after = sys.getrefcount(None)
    painter.end()
    assert after > before - 100, (before, after)
