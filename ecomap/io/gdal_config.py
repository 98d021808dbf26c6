"""GDAL reads local files only: its process-wide options, and the check on every path it is given.

EcoMap never fetches anything: a data file, a project or a VRT that names a URL, a
cloud bucket or a GDAL virtual file system is refused by :func:`refuse_remote` before
GDAL sees the name. In case a name reaches GDAL some other way (a source inside a
file that GDAL follows on its own), GDAL is configured so that it cannot fetch either:

- ``/vsicurl/`` and the cloud file systems built on it (``/vsis3/``, ``/vsigs/``,
  ``/vsiaz/``, ``/vsiadls/``, ``/vsioss/``, ``/vsiswift/``, ``/vsiwebhdfs/``) may open
  only one file name, which nothing has, and no extension that any file has;
- GDAL's own HTTP client (the HTTP and WMS drivers, GeoJSON CRS links, GML schemas)
  is sent through a proxy of a scheme curl does not know, so curl gives up before it
  opens a socket; curl honours ``no_proxy`` even then, so those exemptions are dropped
  from the environment (EcoMap itself opens no connection that they could serve);
- pyogrio's GDAL, which opens whatever a file's content says it is, registers no driver
  whose only purpose is a network service, no OGR VRT (its sources may name any file;
  EcoMap opens raster VRTs only, after checking them), no PDS4 (its labels may name any
  file as their data) and no GPSBabel (it runs a program). rasterio's GDAL needs no such
  list: EcoMap opens each raster with the drivers its extension allows;
- VRT pixel functions in Python and raw VRT bands are off, standard input is no
  data source, GML xlinks are never resolved, PROJ downloads no grids.

The options are environment variables, which every GDAL in the process reads when it
looks an option up: pyogrio and rasterio each bundle their own GDAL, and both see
them. :func:`apply` runs when ``ecomap.io`` is first imported, before any reader
imports pyogrio, and imports pyogrio itself with those drivers skipped (pyogrio
registers its drivers once, on import); the entry points call it again, which costs
nothing.
"""

from __future__ import annotations

import os
import re
import sys

from ecomap.errors import DataError
from ecomap.i18n import tr

_NOWHERE = "ecomap-reads-local-files-only"
_CLOSED_PROXY = "ecomap-no-network://0.0.0.0:0"

#: drivers pyogrio's GDAL leaves out (GDAL warns about a name it does not have, so only names it has)
SKIPPED_DRIVERS = (
    "OGR_VRT", "PDS4", "GPSBabel",
    "HTTP", "WMS", "WMTS", "WCS", "WFS", "OAPIF", "OGCAPI", "CSW", "PLSCENES", "PLMOSAIC", "EEDA",
    "EEDAI", "DAAS", "NGW", "Carto", "Elasticsearch", "AmigoCloud", "STACTA", "STACIT",
)

OPTIONS = {
    "CPL_VSIL_CURL_ALLOWED_FILENAME": f"/vsicurl/{_NOWHERE}",
    "CPL_VSIL_CURL_ALLOWED_EXTENSIONS": f".{_NOWHERE}",
    "GDAL_HTTP_PROXY": _CLOSED_PROXY,
    "GDAL_HTTPS_PROXY": _CLOSED_PROXY,
    "GDAL_HTTP_MAX_RETRY": "0",
    "GDAL_HTTP_TIMEOUT": "1",
    "GDAL_HTTP_CONNECTTIMEOUT": "1",
    "GDAL_HTTP_NETRC": "NO",
    "GML_DOWNLOAD_WFS_SCHEMA": "NO",
    "GML_SKIP_RESOLVE_ELEMS": "ALL",
    "GDAL_VRT_ENABLE_PYTHON": "NO",
    "GDAL_VRT_ENABLE_RAWRASTERBAND": "NO",
    "CPL_ALLOW_VSISTDIN": "NO",
    "PROJ_NETWORK": "OFF",
}

_PROXY_EXEMPTIONS = ("no_proxy", "NO_PROXY")

# "/vsicurl/…", "\vsis3\…"; "http://…", "s3://…", "file:…"; GDAL connection strings such as
# "PG:…", "WMS:…", "NETCDF:…", "CSV:…" (two letters at least: "C:\…" is a Windows drive)
_REMOTE = re.compile(r"^\s*(?:[/\\]vsi|[A-Za-z][A-Za-z0-9+._-]+:)", re.IGNORECASE)


def apply() -> None:
    """Set GDAL's options for this process (see the module docstring); safe to call again."""
    os.environ.update(OPTIONS)
    for name in _PROXY_EXEMPTIONS:
        os.environ.pop(name, None)
    if "pyogrio" not in sys.modules:
        _import_pyogrio_without(SKIPPED_DRIVERS)


def _import_pyogrio_without(drivers: tuple[str, ...]) -> None:
    previous = os.environ.get("GDAL_SKIP")
    os.environ["GDAL_SKIP"] = " ".join([*(previous.replace(",", " ").split() if previous else []), *drivers])
    try:
        import pyogrio  # noqa: F401  (registers its drivers now, reading GDAL_SKIP)
    finally:
        if previous is None:
            os.environ.pop("GDAL_SKIP", None)
        else:
            os.environ["GDAL_SKIP"] = previous


def is_remote(source: str | os.PathLike) -> bool:
    """True for a name GDAL would not read as a local file: a URL, a /vsi… path, a connection string."""
    return _REMOTE.match(os.fspath(source)) is not None


def refuse_remote(source: str | os.PathLike) -> None:
    """Raise DataError for a source that is not a plain local path (see :func:`is_remote`)."""
    if is_remote(source):
        raise DataError(os.fspath(source), tr("not a local file; EcoMap never reads from the network or "
                                              "from GDAL virtual file systems"))
