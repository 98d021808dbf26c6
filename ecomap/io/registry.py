"""Opening any data file the user drops on EcoMap.

One extension → reader table; the generic checks every format needs (missing path,
empty file, no permission, empty folder, unknown type) happen here once, so each
reader module only deals with its own format's content.

A folder or a ZIP archive holds several datasets: :func:`list_datasets` names them
without reading them (the GUI lets the user pick), and :func:`open_path` opens
them all; one that cannot be read becomes a note on the others instead of hiding them.

Everything that reads data files goes through :func:`open_path`: the app's File → Open,
projects, ``ecomap render`` and the benchmarks. A layer that is only drawn is opened
with ``for_drawing=True`` and comes back in the renderer's own form where its reader
offers one (GDAL formats: :func:`ecomap.io.ogr.read_for_drawing`).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ecomap.core.atomic import is_temporary_name
from ecomap.errors import DataError
from ecomap.i18n import tr
from ecomap.io.gdal_config import refuse_remote


@dataclass(frozen=True)
class Format:
    name: str
    kind: str  # "vector" | "raster"
    #: ecomap.io.<module> with read(path) -> list[layer], and optionally read_for_drawing(path) (the
    #: layers as the renderer keeps them, for layers that are only drawn), taking the same options
    module: str
    #: holds several layers, so each layer's source records its name
    container: bool = False
    #: the module's read() takes ``layer=`` and reads only that one
    layered: bool = False
    #: the module's read() takes ``encoding=`` (the user's choice of text encoding)
    recodable: bool = False
    #: the one GDAL driver that may open it (rasters): GDAL otherwise goes by the content, so a
    #: ".tif" holding a VRT or a web map service description would open as one
    driver: str | None = None


_OGR = "ogr"
FORMATS: dict[str, Format] = {
    ".gpkg": Format("GeoPackage", "vector", _OGR, container=True, layered=True),
    ".shp": Format("ESRI Shapefile", "vector", _OGR, layered=True, recodable=True),
    ".geojson": Format("GeoJSON", "vector", _OGR, layered=True),
    ".json": Format("GeoJSON", "vector", _OGR, layered=True),
    ".gdb": Format("Esri File Geodatabase", "vector", _OGR, container=True, layered=True),
    ".sqlite": Format("SQLite/SpatiaLite", "vector", _OGR, container=True, layered=True),
    ".gml": Format("GML", "vector", _OGR, container=True, layered=True),
    ".tab": Format("MapInfo TAB", "vector", "mapinfo", recodable=True),
    ".mif": Format("MapInfo MIF/MID", "vector", "mapinfo", recodable=True),
    ".gpx": Format("GPX", "vector", "gpx", container=True, layered=True),
    ".zip": Format("ZIP", "vector", "zipped", container=True, layered=True, recodable=True),
    ".kml": Format("KML", "vector", "kml", container=True),
    ".kmz": Format("KMZ", "vector", "kml", container=True),
    ".csv": Format("CSV", "vector", "csv_points"),
    ".txt": Format("国土资源部界址点坐标 TXT", "vector", "parcel_txt"),
    ".dxf": Format("AutoCAD DXF", "vector", "dxf", container=True),
    ".tif": Format("GeoTIFF", "raster", "raster", driver="GTiff"),
    ".tiff": Format("GeoTIFF", "raster", "raster", driver="GTiff"),
    ".img": Format("Erdas Imagine", "raster", "raster", driver="HFA"),
    ".vrt": Format("GDAL VRT", "raster", "raster", driver="VRT"),
    ".asc": Format("ASCII Grid", "raster", "raster", driver="AAIGrid"),
    ".jp2": Format("JPEG 2000", "raster", "raster", driver="JP2OpenJPEG"),
    ".png": Format("PNG", "raster", "raster", driver="PNG"),
    ".jpg": Format("JPEG", "raster", "raster", driver="JPEG"),
    ".jpeg": Format("JPEG", "raster", "raster", driver="JPEG"),
    ".nc": Format("NetCDF", "raster", "raster", driver="netCDF"),
    ".hgt": Format("SRTM HGT", "raster", "raster", driver="SRTMHGT"),
}
# Files that belong to another file and are never opened on their own.
COMPANIONS = {".shx", ".dbf", ".prj", ".cpg", ".qmd", ".sbn", ".sbx", ".xml", ".aux", ".ovr",
               ".tfw", ".pgw", ".jgw", ".wld", ".lock", ".mid", ".dat", ".map", ".id", ".ind",
               ".gfs", ".xsd"}


@dataclass(frozen=True)
class Dataset:
    """One dataset of a folder or an archive, not yet read: ``open_path(path, layer=layer)`` opens it."""

    path: Path
    layer: str | None  # the member inside an archive, or None for a whole file
    label: str  # what the user is shown ("数据/图斑.shp")
    kind: str  # "vector" | "raster"
    size: int  # bytes (uncompressed)


def format_of(path: Path) -> Format | None:
    return FORMATS.get(path.suffix.lower())


def supported_extensions() -> list[str]:
    return sorted(FORMATS)


def file_filter() -> str:
    """Qt file-dialog filters: every format at once, then the multi-file ones by name."""
    patterns = " ".join(f"*{ext}" for ext in supported_extensions() if ext != ".gdb")
    return ";;".join([
        tr("All supported data") + f" ({patterns})",
        tr("ZIP archives of data") + " (*.zip)",
        tr("MapInfo tables") + " (*.tab *.mif)",
        tr("GPS tracks") + " (*.gpx)",
        "GML (*.gml)",
    ])


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


def holds_several(path: str | os.PathLike) -> bool:
    """True for a folder (not a File Geodatabase) or a ZIP archive: things that hold datasets."""
    path = Path(path)
    if path.is_dir():
        return path.suffix.lower() != ".gdb"
    return path.suffix.lower() == ".zip"


def open_path(path: str | os.PathLike, layer: str | None = None, encoding: str | None = None,
              for_drawing: bool = False) -> list:
    """Every layer in ``path`` (a file, a .gdb folder, a folder of data files or a ZIP archive).

    ``layer`` names one layer of a container (inside a ZIP: the member, or
    "member|layer"); ``encoding`` overrides a Shapefile's or MapInfo table's guessed one.
    A URL or GDAL virtual path is refused, and so is a file naming other files outside
    its folder (:mod:`ecomap.io.linked_sources`).

    ``for_drawing``: the layers are only drawn (``ecomap render``, benchmarks), never
    edited or analysed. GDAL formats then come back as
    :class:`~ecomap.core.render.sources.FlatVectorSource` — flat coordinates and Arrow
    attributes, no shapely objects: 2.5 times faster and a third of the memory — after
    the same checks and with the same coordinate system; tables without geometry are
    left out. Other formats come back as usual.
    """
    refuse_remote(path)
    path = Path(path).expanduser()
    check_readable(path)
    if path.is_dir() and path.suffix.lower() != ".gdb":
        return _open_folder(path, for_drawing)
    fmt = format_of(path)
    if fmt is None:
        raise DataError(path, tr("unknown file type '{ext}'; EcoMap reads {formats}").format(
            ext=path.suffix or tr("(no extension)"), formats=", ".join(supported_extensions())))
    from ecomap.io import linked_sources

    linked_sources.check(path)
    module = importlib.import_module(f"ecomap.io.{fmt.module}")
    options = {"encoding": encoding} if encoding is not None and fmt.recodable else {}
    read = getattr(module, "read_for_drawing", module.read) if for_drawing else module.read
    if layer is not None and fmt.layered:
        return _with_feature_ids(read(path, layer=layer, **options))
    layers = read(path, **options)
    if layer is not None:
        layers = [lyr for lyr in layers if lyr.name == layer]
        if not layers:
            raise DataError(path, tr("no layer named '{name}'").format(name=layer))
    return _with_feature_ids(layers)


def _with_feature_ids(layers: list) -> list:
    """Every vector layer indexed by the IDs the user sees: the GDAL readers index theirs by the
    source's own (fid, record number); the others (KML, CSV, DXF, parcel TXT) store none, so
    theirs are the positions in the file from 1 — in the attribute table and in reports alike."""
    from ecomap.core.layers import VectorLayer
    from ecomap.io.ogr_attributes import index_by_source_ids

    for lyr in layers:  # a layer opened for drawing only has no IDs to show
        if isinstance(lyr, VectorLayer) and lyr.source_ids is None:
            index_by_source_ids(lyr, None)
    return layers


def gdal_location(source) -> tuple[str, str | None]:
    """The path and layer name GDAL opens for a layer's recorded ``source`` (a ZIP member's /vsizip/ path)."""
    if source.path.suffix.lower() == ".zip" and source.layer:
        from ecomap.io.zipped import gdal_location as member_location

        return member_location(source.path, source.layer)
    return str(source.path), source.layer


def is_shapefile(layer) -> bool:
    """Read from a .shp, on disk or inside a ZIP archive (recorded as the archive and the member)."""
    source = layer.source
    if source.path.suffix.lower() == ".zip":
        return (source.layer or "").lower().endswith(".shp")
    return source.path.suffix.lower() == ".shp"


def list_datasets(path: str | os.PathLike) -> list[Dataset]:
    """The datasets a folder or a ZIP archive holds (a folder's archives are looked into); a file is one."""
    refuse_remote(path)
    path = Path(path).expanduser()
    check_readable(path)
    if path.suffix.lower() == ".zip" and path.is_file():
        from ecomap.io.zipped import list_datasets as zip_datasets

        return zip_datasets(path)
    if not path.is_dir() or path.suffix.lower() == ".gdb":
        fmt = format_of(path)
        return [Dataset(path, None, path.name, fmt.kind if fmt else "vector", _size(path))]
    try:
        entries = sorted(path.iterdir())
    except PermissionError:
        raise DataError(path, tr("no permission to read this folder")) from None
    out = []
    for p in entries:
        suffix = p.suffix.lower()
        if suffix not in FORMATS or suffix in COMPANIONS or not (p.is_file() or suffix == ".gdb"):
            continue
        if is_temporary_name(p.name):  # a write in progress, or one a killed run left (the next write removes it)
            continue
        if suffix == ".zip":
            try:
                out.extend(list_datasets(p))
                continue
            except DataError:
                pass  # offered whole: opening it tells the user what is wrong
        out.append(Dataset(p, None, p.name, FORMATS[suffix].kind, _size(p)))
    return out


def gather(path: Path, readers: Iterable[tuple[str, Callable[[], list]]]) -> list:
    """The layers of every dataset of a folder or archive (``readers`` = (label, read) pairs).

    A dataset that cannot be read is told about in a note on the first layer read,
    so one stray file does not hide the rest; when none can be read, that is the error.
    """
    layers, failed = [], []
    for label, read in readers:
        try:
            layers.extend(read())
        except DataError as exc:
            failed.append((label, exc))
    if not layers:
        if len(failed) == 1:
            raise failed[0][1]
        raise DataError(path, tr("none of its {n} datasets could be read; the first: {error}")
                        .format(n=len(failed), error=failed[0][1].message))
    layers[0].notes.extend(tr("{name} could not be read: {error}").format(
        name=label, error=exc.message.removeprefix(f"{label}: ")) for label, exc in failed)
    return layers


def _open_folder(folder: Path, for_drawing: bool = False) -> list:
    datasets = list_datasets(folder)
    if not datasets:
        raise DataError(folder, tr("the folder contains no data files EcoMap can read"))
    return gather(folder, ((d.label, lambda d=d: open_path(d.path, layer=d.layer, for_drawing=for_drawing))
                           for d in datasets))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size if path.is_file() else sum(p.stat().st_size for p in path.iterdir())
    except OSError:
        return 0
