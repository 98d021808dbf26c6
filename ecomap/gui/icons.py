"""Toolbar icons drawn with QPainter, so the app ships without image files and stays crisp at any DPI."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QIcon,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
)

INK = QColor(45, 62, 80)
ACCENT = QColor(32, 128, 200)
RED = QColor(210, 50, 50)
GREEN = QColor(60, 150, 70)


def _centred_text(p: QPainter, rect: QRectF, pixel_size: int, text: str) -> None:
    f = QFont()
    f.setBold(True)
    f.setPixelSize(pixel_size)
    p.setFont(f)
    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def _pen(color=INK, width=2.0):
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _magnifier(p, sign: str | None):
    p.setPen(_pen(INK, 2.2))
    p.setBrush(QColor(255, 255, 255, 220))
    p.drawEllipse(QPointF(13, 13), 8, 8)
    p.setPen(_pen(INK, 3.2))
    p.drawLine(QPointF(19, 19), QPointF(27, 27))
    p.setPen(_pen(ACCENT, 2.2))
    if sign in ("+", "-"):
        p.drawLine(QPointF(9, 13), QPointF(17, 13))
    if sign == "+":
        p.drawLine(QPointF(13, 9), QPointF(13, 17))


def _draw(name: str, p: QPainter):
    if name == "zoom_in":
        _magnifier(p, "+")
    elif name == "zoom_out":
        _magnifier(p, "-")
    elif name == "pan":
        p.setPen(_pen(INK, 2.2))
        for a, b in (((16, 3), (16, 29)), ((3, 16), (29, 16))):
            p.drawLine(QPointF(*a), QPointF(*b))
        p.setBrush(INK)
        for tri in (((16, 2), (12, 7), (20, 7)), ((16, 30), (12, 25), (20, 25)),
                    ((2, 16), (7, 12), (7, 20)), ((30, 16), (25, 12), (25, 20))):
            p.drawPolygon(QPolygonF([QPointF(*t) for t in tri]))
    elif name == "full":
        p.setPen(_pen(INK, 2))
        p.setBrush(QColor(200, 225, 245))
        p.drawRect(QRectF(7, 7, 18, 18))
        p.setPen(_pen(ACCENT, 2.2))
        for (x, y), (dx, dy) in (((3, 3), (1, 1)), ((29, 3), (-1, 1)), ((3, 29), (1, -1)), ((29, 29), (-1, -1))):
            p.drawLine(QPointF(x, y), QPointF(x + 5 * dx, y))
            p.drawLine(QPointF(x, y), QPointF(x, y + 5 * dy))
    elif name in ("back", "forward"):
        p.setPen(_pen(INK, 2.6))
        s = -1 if name == "back" else 1
        c = 16
        p.drawLine(QPointF(c - 9 * s, 16), QPointF(c + 9 * s, 16))
        p.drawLine(QPointF(c + 9 * s, 16), QPointF(c + 3 * s, 10))
        p.drawLine(QPointF(c + 9 * s, 16), QPointF(c + 3 * s, 22))
    elif name == "identify":
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(ACCENT)
        p.drawEllipse(QPointF(16, 16), 13, 13)
        p.setPen(QColor(255, 255, 255))
        _centred_text(p, QRectF(0, 0, 32, 32), 18, "i")
    elif name == "select_rect":
        p.setPen(_pen(INK, 1.8))
        p.setBrush(QColor(255, 215, 0, 120))
        p.drawRect(QRectF(5, 8, 20, 15))
        p.setPen(QPen(INK, 1.5, Qt.PenStyle.DashLine))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(2, 4, 26, 24))
    elif name == "select_polygon":
        poly = QPolygonF([QPointF(4, 24), QPointF(9, 5), QPointF(20, 10), QPointF(28, 4), QPointF(27, 27)])
        p.setPen(_pen(INK, 1.8))
        p.setBrush(QColor(255, 215, 0, 120))
        p.drawPolygon(poly)
    elif name == "select_expression":
        p.setPen(_pen(INK, 1.8))
        p.setBrush(QColor(255, 215, 0, 120))
        p.drawRect(QRectF(3, 6, 26, 20))
        _centred_text(p, QRectF(3, 6, 26, 20), 13, "ε")
    elif name == "clear_selection":
        p.setPen(_pen(INK, 1.8))
        p.setBrush(QColor(255, 215, 0, 120))
        p.drawRect(QRectF(4, 6, 20, 16))
        p.setPen(_pen(RED, 3))
        p.drawLine(QPointF(17, 17), QPointF(28, 28))
        p.drawLine(QPointF(28, 17), QPointF(17, 28))
    elif name == "measure_line":
        p.setPen(_pen(INK, 1.6))
        p.setBrush(QColor(250, 220, 120))
        p.save()
        p.translate(16, 16)
        p.rotate(-35)
        p.drawRect(QRectF(-14, -5, 28, 10))
        for i in range(-11, 12, 4):
            p.drawLine(QPointF(i, -5), QPointF(i, -1 if i % 8 else 1))
        p.restore()
    elif name == "measure_area":
        poly = QPolygonF([QPointF(4, 26), QPointF(7, 7), QPointF(25, 4), QPointF(28, 22)])
        p.setPen(QPen(RED, 2, Qt.PenStyle.DashLine))
        p.setBrush(QColor(210, 50, 50, 50))
        p.drawPolygon(poly)
        p.setPen(INK)
        _centred_text(p, QRectF(0, 0, 32, 32), 11, "亩")
    elif name == "add_data":
        p.setPen(_pen(INK, 1.8))
        p.setBrush(QColor(210, 230, 245))
        path = QPainterPath()
        path.addRoundedRect(QRectF(3, 9, 20, 18), 2, 2)
        p.drawPath(path)
        p.setPen(_pen(GREEN, 3.2))
        p.drawLine(QPointF(24, 3), QPointF(24, 15))
        p.drawLine(QPointF(18, 9), QPointF(30, 9))
    elif name == "open":
        p.setPen(_pen(INK, 1.8))
        p.setBrush(QColor(245, 205, 100))
        p.drawPolygon(QPolygonF([QPointF(3, 8), QPointF(12, 8), QPointF(15, 11), QPointF(28, 11),
                                 QPointF(28, 26), QPointF(3, 26)]))
    elif name == "save":
        p.setPen(_pen(INK, 1.8))
        p.setBrush(QColor(90, 140, 200))
        p.drawRect(QRectF(4, 4, 24, 24))
        p.setBrush(QColor(255, 255, 255))
        p.drawRect(QRectF(9, 4, 14, 9))
        p.drawRect(QRectF(8, 18, 16, 10))
    elif name == "new":
        p.setPen(_pen(INK, 1.8))
        p.setBrush(QColor(255, 255, 255))
        p.drawPolygon(QPolygonF([QPointF(7, 3), QPointF(20, 3), QPointF(26, 9), QPointF(26, 29), QPointF(7, 29)]))
    elif name == "goto":
        p.setPen(_pen(RED, 2))
        p.setBrush(QBrush(QColor(230, 70, 70)))
        path = QPainterPath(QPointF(16, 30))
        path.cubicTo(QPointF(4, 16), QPointF(6, 3), QPointF(16, 3))
        path.cubicTo(QPointF(26, 3), QPointF(28, 16), QPointF(16, 30))
        p.drawPath(path)
        p.setBrush(QColor(255, 255, 255))
        p.drawEllipse(QPointF(16, 12), 4, 4)
    elif name == "bookmark":
        p.setPen(_pen(INK, 1.6))
        p.setBrush(QColor(240, 180, 40))
        p.drawPolygon(QPolygonF([QPointF(8, 3), QPointF(24, 3), QPointF(24, 29), QPointF(16, 22), QPointF(8, 29)]))
    elif name in ("undo", "redo"):
        s = 1 if name == "redo" else -1
        p.setPen(_pen(INK, 2.4))
        path = QPainterPath(QPointF(16 - 10 * s, 24))
        path.cubicTo(QPointF(16 - 10 * s, 8), QPointF(16 + 6 * s, 6), QPointF(16 + 10 * s, 13))
        p.drawPath(path)
        p.drawLine(QPointF(16 + 10 * s, 13), QPointF(16 + 10 * s, 5))
        p.drawLine(QPointF(16 + 10 * s, 13), QPointF(16 + 2 * s, 13))
    elif name == "table":
        p.setPen(_pen(INK, 1.4))
        p.setBrush(QColor(255, 255, 255))
        p.drawRect(QRectF(3, 5, 26, 22))
        p.fillRect(QRectF(3.7, 5.7, 24.6, 5), QColor(120, 160, 200))
        for y in (16, 21):
            p.drawLine(QPointF(3, y), QPointF(29, y))
        for x in (12, 20):
            p.drawLine(QPointF(x, 5), QPointF(x, 27))


@cache
def icon(name: str) -> QIcon:
    result = QIcon()
    for size in (32, 64):
        pm = QPixmap(size, size)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.scale(size / 32, size / 32)
        _draw(name, p)
        p.end()
        result.addPixmap(pm)
    return result
