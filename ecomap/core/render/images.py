"""Blank images for drawing into, made without holding the GIL.

``QImage.fill`` runs inside the binding with the GIL held: a page-sized image at
300 dpi (5000 × 3500 pixels) keeps every other Python thread, the GUI's included,
waiting ~30 ms per fill, and a render fills one image per layer. numpy's fill of the
same memory releases the GIL, so a render or export in a worker no longer freezes the
window while it clears its canvases.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

_ARGB32 = (QImage.Format.Format_ARGB32_Premultiplied, QImage.Format.Format_ARGB32, QImage.Format.Format_RGB32)


def blank_image(width: int, height: int, fmt: QImage.Format = QImage.Format.Format_ARGB32_Premultiplied,
                color: QColor | None = None, dpi: float | None = None) -> QImage:
    """A ``width`` × ``height`` image filled with ``color`` (None: transparent)."""
    img = QImage(width, height, fmt)
    if dpi is not None:
        img.setDotsPerMeterX(round(dpi / 0.0254))
        img.setDotsPerMeterY(round(dpi / 0.0254))
    fill(img, color)
    return img


def fill(img: QImage, color: QColor | None = None) -> None:
    """Fill ``img`` with ``color`` (None: transparent) outside the GIL where the format allows."""
    if img.isNull():
        return
    value = _pixel_value(img.format(), color)
    if value is None:
        img.fill(color if color is not None else Qt.GlobalColor.transparent)
        return
    dtype = np.uint64 if img.format() == QImage.Format.Format_RGBA64_Premultiplied else np.uint32
    np.frombuffer(img.bits(), dtype).fill(value)


def _pixel_value(fmt: QImage.Format, color: QColor | None) -> int | None:
    """The stored pixel of ``color`` in ``fmt``, or None when only Qt knows it."""
    if color is None or color.alpha() == 0:
        if fmt in (QImage.Format.Format_ARGB32_Premultiplied, QImage.Format.Format_ARGB32,
                   QImage.Format.Format_RGBA64_Premultiplied):
            return 0
        return None
    if fmt not in _ARGB32:
        return None
    a, r, g, b = color.alpha(), color.red(), color.green(), color.blue()
    if fmt == QImage.Format.Format_RGB32:
        a = 255
    elif fmt == QImage.Format.Format_ARGB32_Premultiplied:
        r, g, b = ((c * a + 127) // 255 for c in (r, g, b))
    return (a << 24) | (r << 16) | (g << 8) | b
