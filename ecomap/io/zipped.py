"""Datasets inside a ZIP archive, at any depth of folders, read in place through GDAL's /vsizip/.

A dataset is one member (a .shp with its side files, a .gpkg, a .tab, a .gpx, …) or
a File Geodatabase folder (``x.gdb/…``). Each layer is recorded as the archive plus
"member" (or "member|layer" for formats with several layers), so a project reopens
it from the archive, relative paths and all.

Formats GDAL reads are read in place: Shapefile (its .cpg and .dbf are read through
the archive for the encoding decision and the DBF text check), GeoPackage, GeoJSON, GML, MapInfo, GPX,
FileGDB and SpatiaLite. KML/KMZ, CSV, parcel TXT and DXF go through EcoMap's own
Python readers, which take a file and read it whole anyway: their member is copied
to a temporary folder, read and deleted. Rasters are refused: a raster layer reads
its file again at every draw, so it needs a file of its own (unpack it first).
"""

from __future__ import annotations

import tempfile
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

import pyogrio
from pyogrio.errors import DataLayerError, DataSourceError

from ecomap.core.layers import EncodingInfo
from ecomap.errors import DataError
from ecomap.i18n import tr
from ecomap.io import gpx, mapinfo
from ecomap.io.archive import MEMBER_ERRORS, Archive, Member, damaged
from ecomap.io.encoding import cpg_note, detect_dbf_encoding
from ecomap.io.location import MemberLocation
from ecomap.io.ogr import gdal_layer_names, read_located
from ecomap.io.registry import COMPANIONS, FORMATS, Dataset, Format, gather, open_path

_GDAL_ERRORS = (DataSourceError, DataLayerError, OSError, RuntimeError, ValueError)
_UTF8_FORMATS = (".gpkg", ".geojson", ".json")


@dataclass(frozen=True)
class _Found:
    name: str  # as the user reads it: "数据/图斑.shp", "库/a.gdb"
    member: Member  # for a .gdb folder, a stand-in naming the folder
    fmt: Format


def list_datasets(path: Path) -> list[Dataset]:
    with Archive(path) as archive:
        return [Dataset(path, f.name, f.name, f.fmt.kind, _size(archive, f)) for f in _datasets(archive)]


def read(path: Path, layer: str | None = None, encoding: str | None = None) -> list:
    """The layers of every dataset in the archive, or of the one ``layer`` names ("member[|layer]")."""
    with Archive(path) as archive:
        found = _datasets(archive)
        if not found:
            raise DataError(path, tr("the ZIP archive holds no data files EcoMap can read"))
        if layer is not None:
            dataset, table = _select(path, found, layer)
            return _read(archive, dataset, table, encoding)
        return gather(path, ((f.name, lambda f=f: _read(archive, f, None, None)) for f in found))


def _datasets(archive: Archive) -> list[_Found]:
    found, gdbs = [], {}
    for member in archive.members:
        parts = PurePosixPath(member.name).parts
        at = next((i for i, part in enumerate(parts[:-1]) if part.lower().endswith(".gdb")), None)
        if at is not None:
            name = "/".join(parts[:at + 1])
            gdal_name = "/".join(PurePosixPath(member.gdal_name).parts[:at + 1])
            gdbs.setdefault(name, (gdal_name, []))[1].append(member)
            continue
        fmt = FORMATS.get(member.suffix)
        if fmt is not None and member.suffix != ".zip" and member.suffix not in COMPANIONS:
            found.append(_Found(member.name, member, fmt))
    for name, (gdal_name, members) in gdbs.items():
        info = zipfile.ZipInfo(name + "/")
        info.file_size = sum(m.size for m in members)
        found.append(_Found(name, Member(name, gdal_name, info), FORMATS[".gdb"]))
    return sorted(found, key=lambda f: f.name)


def _select(path: Path, found: list[_Found], key: str) -> tuple[_Found, str | None]:
    for dataset in found:
        if key.lower() == dataset.name.lower():
            return dataset, None
    for dataset in found:
        if key.lower().startswith(dataset.name.lower() + "|"):
            return dataset, key[len(dataset.name) + 1:]
    raise DataError(path, tr("the ZIP archive holds no {name}").format(name=key))


def _size(archive: Archive, found: _Found) -> int:
    sizes = [found.member.size]
    if found.member.suffix == ".shp":
        dbf = archive.sibling(found.member, ".dbf")
        sizes.append(dbf.size if dbf is not None else 0)
    return sum(sizes)


def _read(archive: Archive, found: _Found, table: str | None, encoding: str | None) -> list:
    loc = MemberLocation(archive, found.member)
    try:
        return _read_member(archive, loc, found, table, encoding)
    except MEMBER_ERRORS as exc:  # a member the Python side reads (a .dbf, a header) fails to inflate
        raise loc.error(damaged(archive.path, exc).message) from None


def _read_member(archive: Archive, loc: MemberLocation, found: _Found, table: str | None,
                 encoding: str | None) -> list:
    suffix = found.member.suffix
    if found.fmt.kind == "raster":
        raise loc.error(tr("EcoMap does not read rasters from inside a ZIP archive; unpack it and open the "
                           "image file"))
    if suffix == ".shp":
        return [_read_shapefile(loc, encoding)]
    if suffix in (".tab", ".mif"):
        return mapinfo.read_location(loc, encoding)
    if suffix == ".gpx":
        return gpx.read_location(loc, table)
    if found.fmt.module == "ogr":
        return _read_gdal(loc, found.fmt, table)
    return _read_unpacked(archive, loc, table)


def _read_shapefile(loc: MemberLocation, encoding: str | None):
    for companion in (".shx", ".dbf"):
        if not loc.has_sibling(companion):
            raise loc.error(tr("the Shapefile's companion file {name} is missing; copy all files "
                               "of the Shapefile (.shp, .shx, .dbf, .prj, .cpg) together")
                            .format(name=loc.stem + companion))
    notes = []
    if encoding:
        enc_info = EncodingInfo(encoding, guessed=False, method="user")
    else:
        with loc.open_sibling(".cpg") as cpg:
            cpg_text = cpg.read(1024).decode("ascii", errors="ignore") if cpg is not None else None
        with loc.open_sibling(".dbf") as dbf:
            enc_info = detect_dbf_encoding(cpg_text, dbf)
        notes = [note] if (note := cpg_note(cpg_text)) else []
    (name,) = _layer_names(loc)[:1] or [loc.stem]
    return read_located(loc.gdal_path, name, loc.source(None), loc.stem, enc_info, enc_info.encoding, ".shp",
                        lambda exc: _gdal_error(loc, exc), open_dbf=lambda: loc.open_sibling(".dbf"), notes=notes)


def _read_gdal(loc: MemberLocation, fmt: Format, table: str | None) -> list:
    names = _layer_names(loc)
    if table is not None:
        if table not in names:
            raise loc.error(tr("no layer named '{name}'").format(name=table))
        names = [table]
    if not names:
        raise loc.error(tr("the file contains no layers"))
    enc_info = EncodingInfo("UTF-8", guessed=False, method="format") if loc.suffix in _UTF8_FORMATS else None
    return [read_located(loc.gdal_path, name, loc.source(name if fmt.container else None),
                         name if fmt.container else loc.stem, enc_info, None, loc.suffix,
                         lambda exc: _gdal_error(loc, exc),
                         aliases=(lambda name=name: _gpkg_aliases(loc.gdal_path, name))
                         if loc.suffix == ".gpkg" else None)
            for name in names]


def _read_unpacked(archive: Archive, loc: MemberLocation, table: str | None) -> list:
    with tempfile.TemporaryDirectory(prefix="ecomap-zip-") as folder:
        target = archive.extract(loc.member, Path(folder))
        try:
            layers = open_path(target, layer=table)
        except DataError as exc:
            raise loc.error(exc.message) from None
    return [replace(lyr, source=loc.source(lyr.source.layer)) for lyr in layers]


def _layer_names(loc: MemberLocation) -> list[str]:
    try:
        return gdal_layer_names(loc.gdal_path)
    except _GDAL_ERRORS as exc:
        raise _gdal_error(loc, exc) from None


def _gpkg_aliases(gdal_path: str, table: str) -> dict[str, str]:
    """Field titles from gpkg_data_columns, asked through GDAL (sqlite3 cannot open a ZIP member)."""
    quoted = table.replace("'", "''")
    try:
        frame = pyogrio.read_dataframe(
            gdal_path, sql=f"SELECT column_name, title FROM gpkg_data_columns WHERE table_name = '{quoted}'",
            read_geometry=False)
    except _GDAL_ERRORS:
        return {}
    return {name: title for name, title in zip(frame["column_name"], frame["title"], strict=True) if title}


def _gdal_error(loc: MemberLocation, exc: Exception) -> DataError:
    detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return loc.error(tr("GDAL cannot read this file ({detail})").format(detail=detail))


def gdal_location(path: Path, key: str) -> tuple[str, str | None]:
    """What GDAL opens for the layer recorded as ``key`` in the archive: (path, layer name)."""
    with Archive(path) as archive:
        found, table = _select(path, _datasets(archive), key)
        loc = MemberLocation(archive, found.member)
        return loc.gdal_path, table if table is not None else (_layer_names(loc)[:1] or [None])[0]
