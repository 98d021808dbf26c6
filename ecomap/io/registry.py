"""Opening any data file the user drops on EcoMap.

One extension → reader table; the generic checks every format needs (missing path,
empty file, no permission, empty folder, unknown type) happen here once, so each
reader module only deals with its own format's content.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from pathlib import Path

from ecomap.errors import DataError
from ecomap.i18n import tr


@dataclass(frozen=True)
class Format:
    name: str
    kind: str  # "vector" | "raster"
    module: str  # ecomap.io.<module> with read(path) -> list[layer]


_OGR = "ogr"
FORMATS: dict[str, Format] = {
    ".gpkg": Format("GeoPackage", "vector", _OGR),
    ".shp": Format("ESRI Shapefile", "vector", _OGR),
    ".geojson": Format("GeoJSON", "vector", _OGR),
    ".json": Format("GeoJSON", "vector", _OGR),
    ".gdb": Format("Esri File Geodatabase", "vector", _OGR),
    ".sqlite": Format("SQLite/SpatiaLite", "vector", _OGR),
    ".gml": Format("GML", "vector", _OGR),
    ".kml": Format("KML", "vector", "kml"),
    ".kmz": Format("KMZ", "vector", "kml"),
    ".csv": Format("CSV", "vector", "csv_points"),
    ".txt": Format("国土资源部界址点坐标 TXT", "vector", "parcel_txt"),
    ".dxf": Format("AutoCAD DXF", "vector", "dxf"),
    ".tif": Format("GeoTIFF", "raster", "raster"),
    ".tiff": Format("GeoTIFF", "raster", "raster"),
    ".img": Format("Erdas Imagine", "raster", "raster"),
    ".vrt": Format("GDAL VRT", "raster", "raster"),
    ".asc": Format("ASCII Grid", "raster", "raster"),
    ".jp2": Format("JPEG 2000", "raster", "raster"),
    ".png": Format("PNG", "raster", "raster"),
    ".jpg": Format("JPEG", "raster", "raster"),
    ".jpeg": Format("JPEG", "raster", "raster"),
    ".nc": Format("NetCDF", "raster", "raster"),
    ".hgt": Format("SRTM HGT", "raster", "raster"),
}
# Files that belong to another file and are never opened on their own.
_COMPANIONS = {".shx", ".dbf", ".prj", ".cpg", ".qmd", ".sbn", ".sbx", ".xml", ".aux", ".ovr",
               ".tfw", ".pgw", ".jgw", ".wld", ".lock"}


def format_of(path: Path) -> Format | None:
    return FORMATS.get(path.suffix.lower())


def supported_extensions() -> list[str]:
    return sorted(FORMATS)


def file_filter() -> str:
    """A Qt file-dialog filter naming every format."""
    patterns = " ".join(f"*{ext}" for ext in supported_extensions() if ext != ".gdb")
    return tr("All supported data") + f" ({patterns})"


def check_readable(path: Path) -> None:
    """The checks every file needs before a reader sees it."""
    try:
        if not path.exists():
            raise DataError(path, tr("no such file or folder"))
        if path.is_dir():
            return
        size = path.stat().st_size
        with path.open("rb") as fh:
            fh.read(1)
    except PermissionError:
        raise DataError(path, tr("no permission to read this file")) from None
    except OSError as exc:
        raise DataError(path, tr("cannot read this file ({detail})").format(detail=exc.strerror)) from None
    if size == 0:
        raise DataError(path, tr("the file is empty (0 bytes)"))


def open_path(path: str | os.PathLike, layer: str | None = None) -> list:
    """Every layer in ``path`` (a file, a .gdb folder or a folder of data files)."""
    path = Path(path).expanduser()
    check_readable(path)
    if path.is_dir() and path.suffix.lower() != ".gdb":
        return _open_folder(path)
    fmt = format_of(path)
    if fmt is None:
        raise DataError(path, tr("unknown file type '{ext}'; EcoMap reads {formats}").format(
            ext=path.suffix or tr("(no extension)"), formats=", ".join(supported_extensions())))
    module = importlib.import_module(f"ecomap.io.{fmt.module}")
    if layer is not None and fmt.module == _OGR:
        return module.read(path, layer=layer)
    layers = module.read(path)
    if layer is not None:
        layers = [lyr for lyr in layers if lyr.name == layer]
        if not layers:
            raise DataError(path, tr("no layer named '{name}'").format(name=layer))
    return layers


def _open_folder(folder: Path) -> list:
    try:
        entries = sorted(folder.iterdir())
    except PermissionError:
        raise DataError(folder, tr("no permission to read this folder")) from None
    data = [p for p in entries if (p.suffix.lower() in FORMATS and (p.is_file() or p.suffix.lower() == ".gdb"))
            and p.suffix.lower() not in _COMPANIONS]
    if not data:
        raise DataError(folder, tr("the folder contains no data files EcoMap can read"))
    layers = []
    for p in data:
        layers.extend(open_path(p))
    return layers
