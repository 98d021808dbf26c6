"""Blank images filled outside the GIL hold exactly the pixels Qt's own fill gives."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from ecomap.core.render.images import blank_image, fill

FORMATS = [QImage.Format.Format_ARGB32_Premultiplied, QImage.Format.Format_ARGB32, QImage.Format.Format_RGB32,
           QImage.Format.Format_RGBA64_Premultiplied, QImage.Format.Format_RGB888]
COLORS = [None, QColor(0, 0, 0, 0), QColor(255, 255, 255), QColor(12, 200, 77), QColor(200, 100, 50, 128),
          QColor(1, 2, 3, 7)]


def _bytes(img: QImage) -> bytes:
    return bytes(img.constBits())[: img.sizeInBytes()]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("color", COLORS)
def test_fill_matches_qt(fmt, color):
    ours = blank_image(8, 5, fmt, color)  # 8 wide: no padding bytes at the ends of rows
    qt = QImage(8, 5, fmt)
    qt.fill(color if color is not None else Qt.GlobalColor.transparent)
    assert ours.format() == fmt
    assert _bytes(ours) == _bytes(qt)


def test_dpi_is_set_and_refill_clears():
    img = blank_image(4, 3, dpi=300)
    assert img.dotsPerMeterX() == round(300 / 0.0254) == img.dotsPerMeterY()
    fill(img, QColor("red"))
    assert QColor(img.pixel(2, 1)) == QColor("red")
    fill(img)
    assert not np.frombuffer(img.constBits(), np.uint32).any()
