"""Decode the bytes of a user's text file (parcel TXT, CSV) into text.

Chinese office files come as UTF-8 (with or without a BOM), GBK or GB18030, and
occasionally UTF-16 from Excel's "Unicode text" export. The order is the one that
cannot be silently wrong: a BOM names the encoding outright; otherwise strict UTF-8
(GBK text essentially never decodes as valid UTF-8); otherwise GBK, falling back to
GB18030, its superset, for the rare characters GBK lacks.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from ecomap.core.layers import EncodingInfo
from ecomap.errors import DataError
from ecomap.i18n import tr

# Longest first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF8, "UTF-8-SIG"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def decode_text(data: bytes, path: str | Path | None = None) -> tuple[str, EncodingInfo]:
    """Text and how it was decoded. The BOM, if any, is not part of the text.

    Raises DataError for binary content or bytes that no supported encoding accepts.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                # the utf-8-sig / utf-16 / utf-32 codecs consume the BOM themselves
                return data.decode(name.lower()), EncodingInfo(name, guessed=False, method="bom")
            except UnicodeDecodeError as exc:
                raise DataError(
                    path,
                    tr("the text is not valid {encoding} (byte {offset})").format(
                        encoding=name, offset=exc.start
                    ),
                ) from None
    if b"\x00" in data[:65536]:
        raise DataError(path, tr("this is a binary file, not text"))
    try:
        return data.decode("utf-8"), EncodingInfo("UTF-8", guessed=True, method="sample")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            # valid UTF-8 cut off inside the last character (a truncated copy)
            text = data.decode("utf-8", errors="replace")
            return text, EncodingInfo("UTF-8", guessed=True, method="sample")
    for name in ("gbk", "gb18030"):
        try:
            return data.decode(name), EncodingInfo(name.upper(), guessed=True, method="sample")
        except UnicodeDecodeError as exc:
            offset = exc.start
    raise DataError(
        path,
        tr("cannot decode the text as UTF-8, GBK or GB18030 (byte {offset})").format(offset=offset),
    )


def read_text(path: Path) -> tuple[str, EncodingInfo]:
    """Read and decode a whole text file (see :func:`decode_text`)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise DataError(
            path, tr("cannot read the file: {reason}").format(reason=exc.strerror or exc)
        ) from None
    return decode_text(data, path)
