"""MapInfo tables: .tab (with .dat, .map, .id) and .mif (with .mid), through GDAL's MITAB driver.

Text: Chinese tables declare ``Charset "WindowsSimpChinese"``, which GDAL honours
itself (it recodes to UTF-8). A "Neutral" or missing Charset over GBK bytes is
guessed from the bytes like a Shapefile without .cpg, and read with that encoding
through pyogrio's non-Arrow reader, as pyogrio's Arrow reader decodes only UTF-8
for drivers other than Shapefile.

CRS: GDAL turns the CoordSys clause (e.g. ``Earth Projection 8, 104, "m", 117, 0, 1,
500000, 0``, Transverse Mercator on central meridian 117°) into a CRS, which is
decided on in :func:`ecomap.io.crs_detect.resolve_crs` like every other reader's. A
``NonEarth`` clause (plain drawing units, common in tables exported from CAD) says
nothing about the earth, so such a table counts as declaring none and its
coordinates are looked at instead.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pyogrio
from pyogrio.errors import DataLayerError, DataSourceError

from ecomap.core.layers import EncodingInfo, VectorLayer
from ecomap.i18n import tr
from ecomap.io.encoding import detect_mapinfo_encoding
from ecomap.io.location import FileLocation
from ecomap.io.ogr import make_layer, read_located

_HEADER_BYTES = 64 * 1024
_SAMPLE_BYTES = 256 * 1024
_GDAL_ERRORS = (DataSourceError, DataLayerError, OSError, RuntimeError, ValueError, UnicodeDecodeError)


def read(path: Path, encoding: str | None = None) -> list[VectorLayer]:
    return read_location(FileLocation(path), encoding)


def read_location(loc, encoding: str | None = None) -> list[VectorLayer]:
    """The table at ``loc`` (a file or a ZIP member) as one layer."""
    header = _header(loc)
    _check_table(loc, header)
    data_suffix = ".mid" if loc.suffix == ".mif" else ".dat"
    with loc.open_sibling(data_suffix) as fh:
        sample = fh.read(_SAMPLE_BYTES) if fh is not None else b""
    enc_info = (EncodingInfo(encoding, guessed=False, method="user") if encoding
                else detect_mapinfo_encoding(header, sample))
    # GDAL recodes a declared Charset itself; anything else is decoded here
    reader_encoding = None if enc_info.method == "charset" else enc_info.encoding
    try:
        name = str(pyogrio.list_layers(loc.gdal_path)[0][0])
    except _GDAL_ERRORS as exc:
        raise _error(loc, exc) from None
    if reader_encoding in (None, "UTF-8") and not _local_crs(loc.gdal_path, name):
        return [read_located(loc.gdal_path, name, loc.source(None), loc.stem, enc_info, reader_encoding,
                             loc.suffix, lambda exc: _error(loc, exc))]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            frame = pyogrio.read_dataframe(loc.gdal_path, layer=name, encoding=reader_encoding)
    except _GDAL_ERRORS as exc:
        raise _error(loc, exc) from None
    notes = []
    if frame.crs is not None and not (frame.crs.is_geographic or frame.crs.is_projected):
        frame = frame.set_crs(None, allow_override=True)
        notes.append(tr("the table's CoordSys is NonEarth (plain drawing units), which names no coordinate "
                        "system"))
    return [make_layer(frame, loc.source(None), name=loc.stem, encoding=enc_info, notes=notes)]


def _header(loc) -> bytes:
    """The .tab file, or the .mif header up to its Data line."""
    with loc.open() as fh:
        head = fh.read(_HEADER_BYTES)
    if loc.suffix == ".mif":
        lower = head.lower()
        end = lower.find(b"\ndata")
        return head[:end] if end >= 0 else head
    return head


def _check_table(loc, header: bytes) -> None:
    lower = header.lower()
    if loc.suffix == ".tab":
        if b"type raster" in lower or b"type \"raster\"" in lower:
            raise loc.error(tr("this .tab registers a raster image; open the image file itself"))
        if b"type native" in lower or b"type \"native\"" in lower:
            missing = [s for s in (".dat",) if not loc.has_sibling(s)]
            if missing:
                raise loc.error(tr("the MapInfo table's companion file {name} is missing; copy all files of the "
                                   "table (.tab, .dat, .map, .id) together").format(name=loc.stem + missing[0]))
    elif b"\ncolumns 0" not in lower and not loc.has_sibling(".mid"):
        raise loc.error(tr("the MapInfo table's companion file {name} is missing; copy the .mif and the .mid "
                           "together").format(name=loc.stem + ".mid"))


def _local_crs(gdal_path: str, name: str) -> bool:
    try:
        crs = pyogrio.read_info(gdal_path, layer=name)["crs"]
    except _GDAL_ERRORS:
        return False  # the GBK field names of a Neutral table: read with the guessed encoding below
    return bool(crs) and crs.upper().startswith("LOCAL_CS")


def _error(loc, exc: Exception):
    detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return loc.error(tr("GDAL cannot read this MapInfo table ({detail})").format(detail=detail))
