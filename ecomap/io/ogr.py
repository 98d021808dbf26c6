"""Vector files GDAL reads natively (GeoPackage, Shapefile, GeoJSON, FileGDB, …), via pyogrio.

pyogrio with Arrow is the fast path (FINDINGS: 600k polygons in ≈1.3 s; fiona is
≈20× slower), so it is the only engine here. Every layer of a container is read.
"""

from __future__ import annotations

import glob
import os
import shutil
import sqlite3
import tempfile
import warnings
from contextlib import contextmanager
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import shapely
from pyogrio.errors import DataLayerError, DataSourceError

from ecomap.core.atomic import finish_interrupted_swap
from ecomap.core.layers import DataSource, EncodingInfo, VectorLayer
from ecomap.core.render.memory import release_memory
from ecomap.errors import DataError
from ecomap.i18n import tr
from ecomap.io.crs_detect import resolve_crs, wrap_longitudes
from ecomap.io.encoding import cpg_note, detect_shapefile_encoding, read_cpg_text
from ecomap.io.geometry_decode import BatchDecoder, geometry_facts
from ecomap.io.gpkg_edit import roll_back_interrupted
from ecomap.io.ogr_attributes import (
    BYTES_ENCODING,
    AttributeReport,
    ShapefileTextCheck,
    batch_frame,
    empty_frame,
    finish,
    index_by_source_ids,
    redecode,
)


def _check_shapefile(path: Path) -> None:
    finish_interrupted_swap(path)  # a write killed while swapping the files in is completed first
    for suffix in (".shx", ".dbf"):
        if not (path.with_suffix(suffix).exists() or path.with_suffix(suffix.upper()).exists()):
            raise DataError(path, tr("the Shapefile's companion file {name} is missing; copy all files "
                                     "of the Shapefile (.shp, .shx, .dbf, .prj, .cpg) together")
                            .format(name=path.with_suffix(suffix).name))


def _check_geopackage(path: Path) -> None:
    """Cheap structural checks (a full integrity check would read every page of a 400 MB file)."""
    roll_back_interrupted(path)  # an edit killed mid-transaction: its journal, else "damaged" below
    with path.open("rb") as fh:
        header = fh.read(100)
    if header[:16] != b"SQLite format 3\x00":
        raise DataError(path, tr("not a GeoPackage: the file is not an SQLite database"))
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    if page_count and page_size * page_count > path.stat().st_size:
        raise DataError(path, tr("the GeoPackage is truncated: {have:,} of {want:,} bytes are present")
                        .format(have=path.stat().st_size, want=page_size * page_count))
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
            con.execute("SELECT count(*) FROM gpkg_contents").fetchone()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # a damaged schema may not even be text
        raise DataError(path, tr("the GeoPackage is damaged or truncated ({detail})").format(detail=exc)) from None


def _gpkg_aliases(path: Path, table: str) -> dict[str, str]:
    """Field titles from the GeoPackage schema extension (gpkg_data_columns), when present."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
            rows = con.execute("SELECT column_name, title FROM gpkg_data_columns WHERE table_name = ?",
                               (table,)).fetchall()
    except (sqlite3.DatabaseError, UnicodeDecodeError):
        return {}
    return {name: title for name, title in rows if title}


def _content_error(path: Path, exc: Exception) -> DataError:
    suffix = path.suffix.lower()
    detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if suffix in (".geojson", ".json") and isinstance(exc, UnicodeDecodeError):
        return DataError(path, tr("the GeoJSON's field names are not UTF-8 text (GeoJSON is always UTF-8; this "
                                  "file looks written in another encoding, such as GBK): save it as UTF-8"))
    if suffix in (".geojson", ".json"):
        return DataError(path, tr("not valid GeoJSON ({detail})").format(detail=_json_problem(path) or detail))
    if suffix == ".gpkg":
        return DataError(path, tr("the GeoPackage is damaged or truncated ({detail})").format(detail=detail))
    if suffix == ".shp":
        return DataError(path, tr("the Shapefile is damaged ({detail})").format(detail=detail))
    return DataError(path, tr("GDAL cannot read this file ({detail})").format(detail=detail))


def _json_problem(path: Path) -> str | None:
    """Where the JSON syntax breaks (GDAL only says it does not recognise the file)."""
    import json

    if path.stat().st_size > 64 * 1024 * 1024:
        return None
    try:
        json.loads(path.read_bytes().decode("utf-8-sig", errors="replace"))
    except json.JSONDecodeError as exc:
        return tr("JSON syntax error at line {line}, column {col}: {msg}").format(
            line=exc.lineno, col=exc.colno, msg=exc.msg)
    except RecursionError:
        return tr("arrays or objects are nested deeper than any GeoJSON needs")
    except ValueError:  # an integer literal past Python's digit limit
        return tr("a number in the file has thousands of digits")
    return None


def open_options(path: Path | str) -> dict[str, str]:
    """GDAL open options for ``path``: GDAL's GML reader writes a .gfs schema file beside a GML
    it has scanned unless told not to, and reading must never write into the user's folder."""
    return {"WRITE_GFS": "NO"} if str(path).lower().endswith((".gml", ".xml")) else {}


def gdal_layer_names(path: Path | str) -> list[str]:
    """The layer names GDAL reports (pyogrio's errors pass through)."""
    options = open_options(path)
    if not options:
        return [str(name) for name, _ in pyogrio.list_layers(path)]
    names = []  # pyogrio.list_layers takes no open options: walk the layers by index instead
    while True:
        try:
            names.append(str(pyogrio.read_info(path, layer=len(names), **options)["layer_name"]))
        except DataLayerError:
            return names


def list_layer_names(path: Path) -> list[str | int]:
    """The layers' names; a GeoJSON whose name is not UTF-8 (written in GBK) has its one layer by position."""
    try:
        return gdal_layer_names(path)
    except UnicodeDecodeError:
        if path.suffix.lower() in (".geojson", ".json"):
            return [0]
        raise DataError(path, tr("the file's layer names are not UTF-8 text; GDAL cannot list them")) from None
    except (DataSourceError, DataLayerError, OSError, RuntimeError) as exc:
        raise _content_error(path, exc) from None


def read(path: Path, layer: str | None = None, encoding: str | None = None) -> list[VectorLayer]:
    """Every layer of the file (or the one named), as VectorLayers."""
    suffix = path.suffix.lower()
    if suffix == ".shp":
        _check_shapefile(path)
    elif suffix == ".gpkg":
        _check_geopackage(path)
    names = list_layer_names(path)
    if layer is not None:
        if layer not in names:
            raise DataError(path, tr("no layer named '{name}'").format(name=layer))
        names = [layer]
    if not names:
        raise DataError(path, tr("the file contains no layers"))
    return [read_layer(path, name, encoding) for name in names]


def read_layer(path: Path, name: str | int, encoding: str | None = None) -> VectorLayer:
    """Layer ``name`` (or the one at that position) of the file."""
    suffix = path.suffix.lower()
    enc_info, notes = None, []
    if suffix == ".shp":
        enc_info = (EncodingInfo(encoding, guessed=False, method="user") if encoding
                    else detect_shapefile_encoding(path))
        if not encoding and (note := cpg_note(read_cpg_text(path))):
            notes.append(note)
    elif suffix in (".gpkg", ".geojson", ".json"):
        enc_info = EncodingInfo("UTF-8", guessed=False, method="format")
    title = name if isinstance(name, str) else path.stem
    return read_located(path, name, DataSource(path, name if _is_container(path) else None), title,
                        enc_info, enc_info.encoding if enc_info and suffix == ".shp" else None, suffix,
                        lambda exc: _content_error(path, exc),
                        aliases=(lambda: _gpkg_aliases(path, name)) if suffix == ".gpkg" else None, notes=notes)


def read_located(gdal_path: Path | str, name: str, source: DataSource, title: str,
                 enc_info: EncodingInfo | None, reader_encoding: str | None, suffix: str, error,
                 aliases=None, open_dbf=None, notes: list[str] | None = None) -> VectorLayer:
    """Layer ``name`` of whatever GDAL opens at ``gdal_path`` (a file, or ``/vsizip/…`` for a ZIP
    member), recorded as ``source`` and shown as ``title``; ``error(exc)`` makes the DataError
    naming the file the user knows; ``aliases()``, when given, reads the field titles;
    ``open_dbf()``, for a Shapefile that is not a file on disk, opens its .dbf for the text check;
    ``notes`` are what the caller found out before reading (a .cpg that was ignored)."""
    notes = list(notes or [])
    report = AttributeReport(encoding=reader_encoding or "UTF-8")
    with ShapefileTextCheck(gdal_path, reader_encoding, open_dbf) as text_check:
        try:
            decoder, frame = _read_tolerant(gdal_path, name, reader_encoding, suffix, report)
        except _READ_ERRORS as exc:
            retry = _without_prj(gdal_path) if suffix == ".shp" else None
            if retry is None:
                raise error(exc) from None
            report = AttributeReport(encoding=reader_encoding or "UTF-8")
            with retry as (bare, crs, note):
                try:
                    decoder, frame = _read_tolerant(bare, name, reader_encoding, suffix, report)
                except _READ_ERRORS:
                    raise error(exc) from None  # the .prj was not what is wrong
            if isinstance(frame, gpd.GeoDataFrame):
                frame = frame.set_crs(crs, allow_override=True)
            if note:
                notes.append(note.format(detail=str(exc).splitlines()[0] if str(exc) else type(exc).__name__))
        text_check.apply(frame, decoder.fids, report)
    layer = make_layer(frame, source, name=title, encoding=enc_info, aliases=aliases() if aliases else {},
                       notes=notes + report.notes())
    layer.json_fields = tuple(report.json_fields)
    layer = index_by_source_ids(geometry_facts(layer, decoder, suffix), decoder.fids)
    if layer.feature_count >= TRIM_ROWS:  # and what making the layer copied on the way
        release_memory()
    return layer


#: what a failed GDAL read raises; UnboundLocalError is pyogrio failing to give the CRS of a
#: .prj whose names are not UTF-8 (a GBK .prj written by Chinese ArcGIS)
_READ_ERRORS = (DataSourceError, DataLayerError, OSError, RuntimeError, ValueError, UnboundLocalError)


def _read_tolerant(gdal_path: Path | str, name: str, encoding: str | None, suffix: str,
                   report: AttributeReport) -> tuple[BatchDecoder, object]:
    """(decoder, frame) of the layer; a Shapefile whose field names do not decode is read byte for byte."""
    decoder = BatchDecoder()
    try:
        return decoder, read_frame(gdal_path, name, encoding, decoder=decoder, report=report)
    except UnicodeDecodeError:  # pyogrio decodes field names strictly; a DBF may cut one in half
        if suffix != ".shp":
            raise
        decoder = BatchDecoder()
        frame = read_frame(gdal_path, name, BYTES_ENCODING, decoder=decoder, report=report)
        return decoder, redecode(frame, encoding or "UTF-8", report)


def _without_prj(gdal_path: Path | str):
    """For a Shapefile on disk with a .prj: a context giving (the Shapefile seen without its .prj,
    the CRS read from the .prj leniently or None, a note to add or None); else None.

    The other files are linked (copied where links are not allowed) into a temporary
    folder, so that GDAL reads the features of a Shapefile whose .prj it cannot parse.
    """
    shp = Path(gdal_path)
    if str(gdal_path).startswith("/vsi"):
        return None
    prj = next((p for p in (shp.with_suffix(".prj"), shp.with_suffix(".PRJ")) if p.is_file()), None)
    if prj is None:
        return None

    @contextmanager
    def bare():
        with tempfile.TemporaryDirectory(prefix="ecomap-shp-") as folder:
            for part in shp.parent.glob(glob.escape(shp.stem) + ".*"):
                if part.suffix.lower() in (".shp", ".shx", ".dbf", ".cpg"):
                    _link(part, Path(folder) / part.name)
            crs = _lenient_crs(prj.read_bytes()[:1024 * 1024])
            note = None if crs is not None else tr(
                "the .prj file cannot be read ({detail}); the layer has no declared coordinate system")
            yield Path(folder) / shp.name, crs, note

    return bare()


def _link(source: Path, target: Path) -> None:
    for make in (os.symlink, os.link):
        try:
            make(source, target)
            return
        except OSError:  # links need rights or one volume on Windows
            continue
    shutil.copyfile(source, target)


def _lenient_crs(raw: bytes):
    """The CRS of a .prj's WKT whatever the encoding of its names (UTF-8, else GB18030), or None."""
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    for codec in ("utf-8", "gb18030"):
        try:
            text = raw.decode(codec)
            break
        except UnicodeDecodeError:
            continue
    else:
        return None
    try:
        return CRS.from_wkt(text) if text.strip() and "\x00" not in text else None
    except CRSError:
        return None


def read_frame(path: Path, name: str, encoding: str | None = None, batch_size: int = 65536,
               decoder: BatchDecoder | None = None, report: AttributeReport | None = None):
    """A layer as a (Geo)DataFrame, streamed in Arrow batches.

    Converting WKB to shapely batch by batch keeps only one batch of WKB alive next
    to the geometries: for 500k polygons 0.9 s and 1.15 GB peak, against 1.3 s and
    1.46 GB for pyogrio.read_dataframe, which holds the whole Arrow table at once.
    ``decoder`` keeps what geometry decoding ran into (curves, broken blobs) and the FIDs;
    ``report`` what converting the attributes found (JSON fields, text that needed repair).
    """
    from concurrent.futures import ThreadPoolExecutor

    import pandas as pd

    decoder = decoder or BatchDecoder()
    report = report or AttributeReport(encoding=encoding or "UTF-8")
    # WKB decoding releases the GIL: decode batch n on a second core while GDAL reads batch n+1
    with warnings.catch_warnings(), ThreadPoolExecutor(max_workers=2) as pool:
        warnings.simplefilter("ignore")  # pyogrio warns on measured/unknown geometry types
        with pyogrio.open_arrow(path, layer=name, encoding=encoding, batch_size=batch_size,
                                use_pyarrow=True, return_fids=True, **open_options(path)) as (meta, reader):
            geometry_column = (meta["geometry_name"] or "wkb_geometry") if meta["geometry_type"] else None
            fid_column = meta["fid_column"] or "OGC_FID"
            attributes = []
            for batch in reader:
                batch = decoder.take(pool, batch, geometry_column, fid_column)
                attributes.append(batch_frame(_detached(batch), report))
            columns = list(meta["fields"])
            schema = reader.schema
        decoded = decoder.finish()
    table = finish(pd.concat(attributes, ignore_index=True)) if attributes else empty_frame(schema, columns)
    del attributes
    if len(table) >= TRIM_ROWS:  # the batches' memory back to the system (a few ms), not kept in malloc's heap
        release_memory()
    if geometry_column is None:
        return table
    return gpd.GeoDataFrame(table, geometry=gpd.GeoSeries(decoded.geometry, crs=meta["crs"], index=table.index))


#: layers from this many rows give the memory of their read batches back once read
TRIM_ROWS = 100_000


def _detached(batch):
    """``batch``'s columns copied into memory of their own.

    GDAL hands a batch over as one allocation, freed only when none of its buffers is
    referenced any more: a number column pandas takes without copying would keep the
    batch's WKB alive too, and so, batch after batch, the WKB of the whole layer (1 GB
    for 2 M polygons) until the read is over. The attributes are a small part of a batch.
    """
    import pyarrow as pa

    if batch.num_columns == 0:
        return batch
    return pa.RecordBatch.from_arrays([pa.concat_arrays([c]) for c in batch.columns], schema=batch.schema)


def _is_container(path: Path) -> bool:
    return path.suffix.lower() in (".gpkg", ".gdb", ".kml", ".kmz", ".sqlite", ".gml", ".gpx")


def make_layer(frame, source: DataSource, name: str, encoding: EncodingInfo | None = None,
               aliases: dict[str, str] | None = None, notes: list[str] | None = None) -> VectorLayer:
    """Wrap a frame read from a file: decide its CRS, fix swapped axes, keep the facts."""
    if not isinstance(frame, gpd.GeoDataFrame):  # attribute-only table
        frame = gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries([None] * len(frame), index=frame.index))
    geoms = np.asarray(frame.geometry.array, dtype=object)
    present = geoms[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))]
    bounds = tuple(shapely.total_bounds(present)) if len(present) else None
    crs_info = resolve_crs(frame.crs, bounds)
    notes = list(notes or [])
    if crs_info.swapped_axes:
        frame = frame.set_geometry(shapely.transform(geoms, lambda c: c[:, ::-1]), crs=frame.crs)
        notes.append(tr("northing and easting were swapped in the file; EcoMap exchanged them"))
    if crs_info.longitudes_wrapped:
        frame = frame.set_geometry(wrap_longitudes(frame.geometry.array), crs=frame.crs)
    notes.extend(crs_info.notes)
    if crs_info.is_assumed:
        notes.append(tr("the file declares no coordinate system; assumed EPSG:{epsg} because {reason}")
                     .format(epsg=crs_info.assumed_epsg, reason=crs_info.reason))
    effective = crs_info.crs()
    if effective is not None and (frame.crs is None or not frame.crs.equals(effective)):
        frame = frame.set_crs(effective, allow_override=True)
    return VectorLayer(name=name, features=frame, source=source, crs_info=crs_info,
                       encoding=encoding, field_aliases=dict(aliases or {}), notes=notes)
