"""Writing a layout: PDF (vector, text as text, fonts embedded), PNG/JPEG/TIFF, SVG, page images.

Every file is written beside its target under a temporary name and moved into place
when complete, so an export that fails or is cancelled never leaves a truncated PDF
where the last good one was. Each writer takes a :class:`~ecomap.core.feedback.Feedback`:
it reports progress, and a cancel raises :class:`~ecomap.core.feedback.Cancelled`
before the temporary file would have been moved into place. The ``write_*_into``
functions write into a temporary file the caller holds (the atlas moves all its pages
into place together). Fonts: Qt's PDF engine embeds a subset of each font used, with
a ToUnicode map, so Chinese text stays text that can be searched and copied (checked
by the tests with ``pdftotext``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from ecomap.core.atomic import atomic_target
from ecomap.core.feedback import ensure
from ecomap.core.layout.context import LayoutContext
from ecomap.core.layout.model import Layout
from ecomap.core.layout.page import render_page
from ecomap.core.render.images import blank_image
from ecomap.errors import DataError
from ecomap.i18n import tr

IMAGE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".tif": "TIFF", ".tiff": "TIFF"}
VECTOR_FORMATS = {".pdf": "PDF", ".svg": "SVG"}
DPI_CHOICES = (150, 300, 600)
MAX_PIXELS = 400_000_000  # an A1 page at 600 dpi is 19 866 × 14 043 = 279 M pixels


def ensure_app() -> None:
    from ecomap.core.render.job import ensure_gui_app

    ensure_gui_app()


def page_pixels(layout: Layout, dpi: float) -> tuple[int, int]:
    w, h = layout.size_mm
    return round(w / 25.4 * dpi), round(h / 25.4 * dpi)


def _page_layout(layout: Layout) -> QPageLayout:
    w, h = layout.size_mm
    size = QPageSize(QSizeF(min(w, h), max(w, h)), QPageSize.Unit.Millimeter, layout.page,
                     QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = (QPageLayout.Orientation.Landscape if layout.orientation == "landscape"
                   else QPageLayout.Orientation.Portrait)
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def new_pdf_writer(path: Path, layout: Layout, dpi: float, title: str = "") -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setResolution(int(dpi))
    writer.setPageLayout(_page_layout(layout))
    writer.setCreator("EcoMap")
    if title:
        writer.setTitle(title)
    return writer


def write_pdf_pages(path: Path, pages, dpi: float = 300, title: str = "", feedback=None,
                    count: int = 0) -> Path:
    """Write (layout, context) pairs as the pages of one PDF (``count``: how many, for progress)."""
    path = Path(path)
    with atomic_target(path) as tmp:
        write_pdf_pages_into(tmp, path, pages, dpi, title, feedback, count)
    return path


def write_pdf_pages_into(tmp: Path, path: Path, pages, dpi: float = 300, title: str = "", feedback=None,
                         count: int = 0) -> None:
    """:func:`write_pdf_pages` into the temporary file ``tmp`` of target ``path`` (errors name ``path``)."""
    ensure_app()
    feedback = ensure(feedback)
    writer = None
    painter = QPainter()
    try:
        for i, (layout, ctx) in enumerate(pages):
            feedback.check()
            if writer is None:
                writer = new_pdf_writer(tmp, layout, dpi, title)
                if not painter.begin(writer):
                    raise DataError(path, tr("cannot write the file ({detail})").format(detail="QPdfWriter"))
            else:
                writer.setPageLayout(_page_layout(layout))
                writer.newPage()
            page_feedback = feedback.sub(i / count, (i + 1) / count) if count else feedback
            render_page(layout, ctx, painter, dpi, vector=True, feedback=page_feedback)
    finally:
        if painter.isActive():
            painter.end()  # closes the file, so a cancelled one can be removed
    feedback.check()
    if writer is None:
        raise DataError(path, tr("there are no pages to write"))
    del writer
    fix_cjk_text_map(tmp)


_CMAP = re.compile(rb"begincmap.*?endcmap", re.DOTALL)
_HEX4 = re.compile(rb"<(2[EF][0-9A-Fa-f]{2})>")


@lru_cache(maxsize=4)
def radical_table(family: str = "") -> dict[int, int]:
    """Radical code point → the unified ideograph drawn with the same glyph in ``family``.

    The CJK Radicals Supplement (⻚ U+2EDA) has no Unicode decomposition, but a CJK
    font draws it with the glyph of its ideograph (页 U+9875): the font itself is the
    table. Kangxi radicals also fold by NFKC. Needs a QGuiApplication.
    """
    from PySide6.QtGui import QFont, QRawFont

    from ecomap.core.layout.text import pick_family

    raw = QRawFont.fromFont(QFont(family or pick_family("")))
    table: dict[int, int] = {}
    if raw.isValid():
        ideographs = range(0x4E00, 0xA000)
        by_glyph: dict[int, int] = {}
        for code, glyph in zip(ideographs, raw.glyphIndexesForString("".join(map(chr, ideographs)))):
            if glyph:
                by_glyph.setdefault(glyph, code)
        radicals = range(0x2E80, 0x2FE0)
        for code, glyph in zip(radicals, raw.glyphIndexesForString("".join(map(chr, radicals)))):
            if glyph and glyph in by_glyph:
                table[code] = by_glyph[glyph]
    for code in range(0x2E80, 0x2FE0):
        folded = unicodedata.normalize("NFKC", chr(code))
        if code not in table and len(folded) == 1 and folded != chr(code) and ord(folded) <= 0xFFFF:
            table[code] = ord(folded)
    return table


def fix_cjk_text_map(path: Path) -> int:
    """Make Chinese text in a Qt-written PDF extract and search as the characters it shows.

    CJK fonts (Noto CJK, Microsoft YaHei …) map a radical and the unified ideograph it
    looks like (⽰ U+2F70 / 示 U+793A, ⻚ U+2EDA / 页 U+9875) to one glyph; Qt's PDF
    engine writes the lowest code point of a glyph into the ToUnicode map, so "示范县"
    would copy and search as "⽰范县". The radicals are rewritten to their ideographs
    (:func:`radical_table`) in place — same byte length, so the file's offsets stay
    valid. Returns the number of bytes changed.
    """
    data = Path(path).read_bytes()
    count = 0
    table = radical_table()

    def unified(match: re.Match) -> bytes:
        code = int(match.group(1), 16)
        return b"<%04X>" % table[code] if code in table else match.group(0)

    def fix(match: re.Match) -> bytes:
        nonlocal count
        new = _HEX4.sub(unified, match.group(0))
        count += sum(a != b for a, b in zip(new, match.group(0)))
        return new

    fixed = _CMAP.sub(fix, data)
    if fixed != data:
        Path(path).write_bytes(fixed)
    return count


def export_pdf(layout: Layout, ctx: LayoutContext, path, dpi: float = 300, feedback=None) -> Path:
    return write_pdf_pages(Path(path), [(layout, ctx)], dpi, title=ctx.title, feedback=feedback)


def render_page_image(layout: Layout, ctx: LayoutContext, dpi: float = 150, feedback=None,
                      background=Qt.GlobalColor.white) -> QImage:
    """The whole page as an image at ``dpi`` (white paper)."""
    ensure_app()
    w, h = page_pixels(layout, dpi)
    if w * h > MAX_PIXELS:
        raise DataError(None, tr("{w} × {h} pixels is too large an image; choose a lower resolution")
                        .format(w=w, h=h))
    image = blank_image(w, h, dpi=dpi, color=QColor(background))
    painter = QPainter(image)
    try:
        render_page(layout, ctx, painter, dpi, vector=False, feedback=feedback)
    finally:
        painter.end()
    return image


def export_image(layout: Layout, ctx: LayoutContext, path, dpi: float = 300, quality: int = 92,
                 feedback=None) -> Path:
    path = Path(path)
    with atomic_target(path) as tmp:
        write_image_into(tmp, path, layout, ctx, dpi, quality, feedback)
    return path


def write_image_into(tmp: Path, path: Path, layout: Layout, ctx: LayoutContext, dpi: float = 300,
                     quality: int = 92, feedback=None) -> None:
    """The page as an image file of ``path``'s type, written into the temporary file ``tmp``."""
    feedback = ensure(feedback)
    if IMAGE_FORMATS.get(path.suffix.lower()) is None:
        raise DataError(path, tr("unknown image type '{ext}' (use .png, .jpg or .tif)").format(ext=path.suffix))
    image = render_page_image(layout, ctx, dpi, feedback.sub(0.0, 0.85))
    feedback.set_progress(0.85, tr("Writing {name}…").format(name=path.name))
    write_image_file(image, tmp, path, quality)
    feedback.check()


def save_image(image: QImage, path: Path, quality: int = 92) -> Path:
    path = Path(path)
    with atomic_target(path) as tmp:
        write_image_file(image, tmp, path, quality)
    return path


def write_image_file(image: QImage, tmp: Path, path: Path, quality: int = 92) -> None:
    """``image`` into ``tmp`` in the format ``path``'s extension names (PNG when unknown)."""
    from PySide6.QtGui import QImageWriter

    fmt = IMAGE_FORMATS.get(Path(path).suffix.lower(), "PNG")
    if fmt == "JPEG":
        image = image.convertToFormat(QImage.Format.Format_RGB888)
    writer = QImageWriter(str(tmp), fmt.lower().encode())
    if fmt == "JPEG":
        writer.setQuality(quality)
    if fmt == "TIFF":
        writer.setCompression(1)  # LZW
        image = image.convertToFormat(QImage.Format.Format_RGB888)
    if not writer.write(image):
        raise DataError(path, tr("cannot write the file ({detail})").format(detail=writer.errorString()))


def export_svg(layout: Layout, ctx: LayoutContext, path, dpi: float = 96, feedback=None) -> Path:
    path = Path(path)
    with atomic_target(path) as tmp:
        write_svg_into(tmp, path, layout, ctx, dpi, feedback)
    return path


def write_svg_into(tmp: Path, path: Path, layout: Layout, ctx: LayoutContext, dpi: float = 96,
                   feedback=None) -> None:
    """SVG through QtSvg's QSvgGenerator (geometry vector, text as text), into ``tmp``."""
    from PySide6.QtCore import QRect, QSize
    from PySide6.QtSvg import QSvgGenerator

    ensure_app()
    feedback = ensure(feedback)
    w, h = page_pixels(layout, dpi)
    gen = QSvgGenerator()
    gen.setFileName(str(tmp))
    gen.setResolution(int(dpi))
    gen.setSize(QSize(w, h))
    gen.setViewBox(QRect(0, 0, w, h))
    gen.setTitle(ctx.title or layout.name)
    gen.setDescription("EcoMap")
    painter = QPainter()
    if not painter.begin(gen):
        raise DataError(path, tr("cannot write the file ({detail})").format(detail="QSvgGenerator"))
    try:
        render_page(layout, ctx, painter, dpi, vector=True, feedback=feedback)
    finally:
        painter.end()
    feedback.check()


def write_page_into(tmp: Path, path: Path, layout: Layout, ctx: LayoutContext, dpi: float = 300,
                    feedback=None) -> None:
    """One page in the format ``path``'s extension names, written into ``tmp``."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        write_pdf_pages_into(tmp, path, [(layout, ctx)], dpi, ctx.title, feedback)
    elif suffix == ".svg":
        write_svg_into(tmp, path, layout, ctx, feedback=feedback)
    elif suffix in IMAGE_FORMATS:
        write_image_into(tmp, path, layout, ctx, dpi, feedback=feedback)
    else:
        raise DataError(path, tr("unknown output type '{ext}' (use .pdf, .svg, .png, .jpg or .tif)")
                        .format(ext=path.suffix or tr("(no extension)")))


def export_layout(layout: Layout, ctx: LayoutContext, path, dpi: float = 300, feedback=None) -> Path:
    """Write ``layout`` to ``path``; the format follows the extension (.pdf .svg .png .jpg .tif).

    A cancel through ``feedback`` raises ``Cancelled`` and leaves neither ``path`` nor a temporary file.
    """
    path = Path(path)
    if path.suffix.lower() not in VECTOR_FORMATS and path.suffix.lower() not in IMAGE_FORMATS:
        raise DataError(path, tr("unknown output type '{ext}' (use .pdf, .svg, .png, .jpg or .tif)")
                        .format(ext=path.suffix or tr("(no extension)")))
    with atomic_target(path) as tmp:
        write_page_into(tmp, path, layout, ctx, dpi, feedback)
    return path
