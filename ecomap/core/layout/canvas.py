"""Drawing on a page: millimetres to device pixels, fonts in points, frames and text boxes.

Every item is drawn in device pixels of the output (a QImage at 300 dpi, a
QPdfWriter at its resolution, an SVG generator, the designer's preview image), with
one :class:`Canvas` doing the unit conversion, so the same code draws every output.
Font sizes are given in points and converted with the device's logical DPI, which
keeps text the same physical size on paper whatever the output.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from ecomap.core.layout.text import pick_family
from ecomap.core.style import parse_color


def qcolor(text: str | None, opacity: float = 1.0) -> QColor | None:
    rgba = parse_color(text) if text else None
    if rgba is None:
        return None
    r, g, b, a = rgba
    return QColor(r, g, b, round(a * opacity))


class Canvas:
    """A painter on a page drawn at ``dpi`` pixels per inch (page origin at device (0, 0))."""

    def __init__(self, painter: QPainter, dpi: float, vector: bool = False):
        self.painter = painter
        self.dpi = float(dpi)
        #: True for PDF and SVG: geometry stays vector, dense layers become images
        self.vector = vector
        device = painter.device()
        logical = device.logicalDpiY() if device is not None else 0
        self._pt_factor = self.dpi / logical if logical > 0 else 1.0

    @property
    def px_per_mm(self) -> float:
        return self.dpi / 25.4

    def mm(self, value: float) -> float:
        return value * self.px_per_mm

    def rect(self, x: float, y: float, w: float, h: float) -> QRectF:
        k = self.px_per_mm
        return QRectF(x * k, y * k, w * k, h * k)

    def item_rect(self, item) -> QRectF:
        return self.rect(item.x, item.y, item.w, item.h)

    def font(self, family: str = "", size_pt: float = 10.0, bold: bool = False, serif: bool = False) -> QFont:
        font = QFont(pick_family(family, serif))
        font.setPointSizeF(max(size_pt, 0.5) * self._pt_factor)
        font.setBold(bold)
        font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        # Noto CJK's Latin 'locl' swaps digits for glyphs outside its cmap; Qt's PDF engine
        # then writes no ToUnicode entry for them and "2000" cannot be copied or searched
        font.setFeature(QFont.Tag("locl"), 0)
        return font

    def pen(self, color: str | QColor | None, width_mm: float) -> QPen:
        if color is None or width_mm <= 0:
            return QPen(Qt.PenStyle.NoPen)
        pen = QPen(color if isinstance(color, QColor) else qcolor(color))
        pen.setWidthF(self.mm(width_mm))
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        return pen

    def frame(self, rect: QRectF, border_mm: float, border_color: str = "#000000ff",
              background: str | None = None) -> None:
        """Background fill and border of an item, the border drawn inside the rectangle."""
        p = self.painter
        p.save()
        if background:
            p.fillRect(rect, qcolor(background))
        if border_mm > 0:
            half = self.mm(border_mm) / 2
            p.setPen(self.pen(border_color, border_mm))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(rect.adjusted(half, half, -half, -half))
        p.restore()

    def text_width(self, font: QFont, text: str) -> float:
        return QFontMetricsF(font, self.painter.device()).horizontalAdvance(text)

    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.painter.device())

    def draw_text(self, rect: QRectF, text: str, font: QFont, color: str | QColor = "#000000ff",
                  align: str = "left", valign: str = "middle", fit: bool = True, wrap: bool = True) -> None:
        """Text in ``rect``: wrapped at spaces or CJK characters, shrunk until it fits when ``fit``."""
        p = self.painter
        flags = {"left": Qt.AlignmentFlag.AlignLeft, "center": Qt.AlignmentFlag.AlignHCenter,
                 "right": Qt.AlignmentFlag.AlignRight}.get(align, Qt.AlignmentFlag.AlignLeft)
        flags |= {"top": Qt.AlignmentFlag.AlignTop, "middle": Qt.AlignmentFlag.AlignVCenter,
                  "bottom": Qt.AlignmentFlag.AlignBottom}.get(valign, Qt.AlignmentFlag.AlignVCenter)
        if wrap:
            flags |= Qt.TextFlag.TextWordWrap
        font = QFont(font)
        if fit:
            for _ in range(30):
                box = self.metrics(font).boundingRect(rect, int(flags), text)
                if box.width() <= rect.width() + 0.5 and box.height() <= rect.height() + 0.5:
                    break
                if font.pointSizeF() <= 1.0:
                    break
                font.setPointSizeF(font.pointSizeF() * 0.92)
        p.save()
        p.setFont(font)
        p.setPen(color if isinstance(color, QColor) else qcolor(color))
        p.drawText(rect, int(flags), text)
        p.restore()

    def point(self, x_mm: float, y_mm: float) -> QPointF:
        return QPointF(self.mm(x_mm), self.mm(y_mm))
