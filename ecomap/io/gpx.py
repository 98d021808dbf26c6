"""GPX from GPS receivers and phone apps (两步路, 六只脚, 奥维 exports): waypoints, routes and
tracks, one layer each, through GDAL's GPX driver.

GDAL offers five layers; the points of routes and tracks ("route_points",
"track_points") repeat the routes and tracks vertex by vertex, so only waypoints,
routes and tracks that hold anything are offered, each named "<file> — 航点/航线/航迹".
A project that saved one of the point layers still reopens it by name. GPX
coordinates are WGS 84 longitude/latitude by definition (EPSG:4326). Columns that
no feature fills (GPX defines some twenty optional elements) are left out.

Chinese phone apps sometimes write GPX declared as GB2312 or GBK, encodings GDAL's
XML parser does not know: such a file is decoded here, and GDAL reads a UTF-8 copy
of it in a temporary folder (the layer still records the user's file).
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pyogrio
from pyogrio.errors import DataLayerError, DataSourceError

from ecomap.core.layers import EncodingInfo, VectorLayer
from ecomap.i18n import tr
from ecomap.io.location import FileLocation
from ecomap.io.ogr import read_located
from ecomap.io.text_encoding import decode_text

DEFAULT_LAYERS = ("waypoints", "routes", "tracks")
#: what GDAL's XML parser (expat) decodes by itself
_EXPAT_ENCODINGS = {"UTF-8", "UTF8", "UTF-16", "US-ASCII", "ASCII", "ISO-8859-1", "LATIN1", "WINDOWS-1252",
                    "ISO-8859-15"}
_DECLARATION = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_DECLARATION_TEXT = re.compile(r"^(\s*<\?xml[^>]*?encoding\s*=\s*[\"'])([A-Za-z0-9._-]+)([\"'])")
MAX_GPX_BYTES = 512 * 1024 * 1024
_GDAL_ERRORS = (DataSourceError, DataLayerError, OSError, RuntimeError, ValueError)


def layer_title(stem: str, name: str) -> str:
    """How a GPX layer is shown: the file's name and what the layer holds."""
    labels = {"waypoints": tr("Waypoints"), "routes": tr("Routes"), "tracks": tr("Tracks"),
              "route_points": tr("Route points"), "track_points": tr("Track points")}
    return f"{stem} — {labels.get(name, name)}"


def read(path: Path, layer: str | None = None) -> list[VectorLayer]:
    return read_location(FileLocation(path), layer)


def read_location(loc, layer: str | None = None) -> list[VectorLayer]:
    """The non-empty waypoints, routes and tracks at ``loc`` (or the one GDAL layer named)."""
    with loc.open() as fh:
        head = fh.read(512)
    declared = _DECLARATION.match(head)
    if declared and declared.group(1).decode("ascii").upper().replace("_", "-") not in _EXPAT_ENCODINGS:
        return _read_recoded(loc, layer)
    return _read(loc, loc.gdal_path, layer, EncodingInfo("UTF-8", guessed=False, method="format"))


def _read(loc, gdal_path: str, layer: str | None, encoding: EncodingInfo) -> list[VectorLayer]:
    try:
        names = [str(n) for n, _ in pyogrio.list_layers(gdal_path)]
        if layer is not None:
            if layer not in names:
                raise loc.error(tr("no layer named '{name}'").format(name=layer))
            wanted = [layer]
        else:
            wanted = [n for n in DEFAULT_LAYERS if n in names and _count(gdal_path, n)]
    except _GDAL_ERRORS as exc:
        raise _error(loc, exc) from None
    if not wanted:
        raise loc.error(tr("the GPX file holds no waypoints, routes or tracks"))
    layers = []
    for name in wanted:
        lyr = read_located(gdal_path, name, loc.source(name), layer_title(loc.stem, name), encoding, None,
                           ".gpx", lambda exc: _error(loc, exc))
        frame = lyr.features
        empty = [c for c in frame.columns if c != frame.geometry.name and frame[c].isna().all()]
        if empty:
            lyr.set_features(frame.drop(columns=empty))
        layers.append(lyr)
    return layers


def _read_recoded(loc, layer: str | None) -> list[VectorLayer]:
    with loc.open() as fh:
        data = fh.read(MAX_GPX_BYTES + 1)
    if len(data) > MAX_GPX_BYTES:
        raise loc.error(tr("the GPX file is larger than {limit} MB; EcoMap refuses it")
                        .format(limit=MAX_GPX_BYTES // 1024 ** 2))
    text, encoding = decode_text(data, loc.label)
    text = _DECLARATION_TEXT.sub(r"\1UTF-8\3", text, count=1)
    with tempfile.TemporaryDirectory(prefix="ecomap-gpx-") as folder:
        copy = Path(folder) / "recoded.gpx"
        copy.write_text(text, encoding="utf-8")
        return _read(loc, str(copy), layer, encoding)


def _count(gdal_path: str, name: str) -> int:
    return int(pyogrio.read_info(gdal_path, layer=name, force_feature_count=True)["features"])


def _error(loc, exc: Exception):
    detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return loc.error(tr("not a GPX file GDAL can read ({detail})").format(detail=detail))
