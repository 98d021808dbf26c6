"""Vector files GDAL reads natively (GeoPackage, Shapefile, GeoJSON, FileGDB, …), via pyogrio.

pyogrio with Arrow is the fast path (FINDINGS: 600k polygons in ≈1.3 s; fiona is
≈20× slower), so it is the only engine here. Every layer of a container is read.

:func:`read` gives VectorLayers (a GeoDataFrame of shapely geometries: the app's layers,
which are edited, queried and analysed). :func:`read_for_drawing` gives layers that are
only drawn (``ecomap render``, the benchmarks) as the renderer keeps them: the Arrow WKB
parsed straight into flat numpy arrays, never a shapely object — 500,000 polygons in
about 1.7 s instead of 4.2 s (read and made drawable), and a third of the memory. Both
make the same checks of the file, take the same encoding and decide the same coordinate
system; what the flat parser cannot take is read by :func:`read_layer`.
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
from ecomap.core.crs import CrsInfo
from ecomap.core.feedback import UNKNOWN
from ecomap.core.layers import DataSource, EncodingInfo, VectorLayer
from ecomap.core.render import snap_jit
from ecomap.core.render.geometry import FlatGeometry, parse_wkb_parts, scan_arrow_wkb
from ecomap.core.render.memory import configure as configure_memory
from ecomap.core.render.memory import release_memory
from ecomap.core.render.sources import FlatVectorSource, remember_flat
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
    return [read_layer(path, name, encoding) for name in _layer_names(path, layer)]


def _layer_names(path: Path, layer: str | None) -> list[str | int]:
    """The checks every read of the file makes first, then the layers to read (all, or the one named)."""
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
    return names


def _encoding_of(path: Path, encoding: str | None) -> tuple[EncodingInfo | None, list[str]]:
    """How the file's text is decoded (the user's ``encoding``, else detected), and a note on
    a .cpg that was ignored."""
    suffix = path.suffix.lower()
    enc_info, notes = None, []
    if suffix == ".shp":
        enc_info = (EncodingInfo(encoding, guessed=False, method="user") if encoding
                    else detect_shapefile_encoding(path))
        if not encoding and (note := cpg_note(read_cpg_text(path))):
            notes.append(note)
    elif suffix in (".gpkg", ".geojson", ".json"):
        enc_info = EncodingInfo("UTF-8", guessed=False, method="format")
    return enc_info, notes


def _title(path: Path, name: str | int) -> str:
    return name if isinstance(name, str) else path.stem


def read_layer(path: Path, name: str | int, encoding: str | None = None) -> VectorLayer:
    """Layer ``name`` (or the one at that position) of the file."""
    suffix = path.suffix.lower()
    enc_info, notes = _encoding_of(path, encoding)
    source = DataSource(path, name if _is_container(path) else None)
    reader_encoding = enc_info.encoding if enc_info and suffix == ".shp" else None
    return read_located(path, name, source, _title(path, name), enc_info, reader_encoding, suffix,
                        lambda exc: _content_error(path, exc),
                        aliases=(lambda: _gpkg_aliases(path, name)) if suffix == ".gpkg" else None, notes=notes)


# ----------------------------------------------------------------------------- for drawing only

def read_for_drawing(path: Path, layer: str | None = None, encoding: str | None = None) -> list:
    """Every layer of the file (or the one named) with geometry, as the renderer draws it.

    A :class:`~ecomap.core.render.sources.FlatVectorSource` per layer: flat coordinates and
    the Arrow table of attributes. A layer the flat parser cannot take (curved geometry,
    points and polygons mixed, field names or values that are not text in the encoding,
    a .prj GDAL cannot parse) is read by :func:`read_layer` instead — a VectorLayer,
    which the renderer draws too — so it opens as in the app or fails with the same
    message. Tables without geometry are left out: there is nothing to draw.
    """
    out = []
    for name in _layer_names(path, layer):
        drawn = _drawing_layer(path, name, encoding)
        if drawn is not None:
            out.append(drawn)
    return out


#: layers from this many features are read and parsed as two halves on two threads
SPLIT_READ_FEATURES = 200_000


def _drawing_layer(path: Path, name: str | int, encoding: str | None):
    enc_info, notes = _encoding_of(path, encoding)
    reader_encoding = enc_info.encoding if enc_info and path.suffix.lower() == ".shp" else None
    try:
        read = _read_flat(path, name, reader_encoding)
    except (*_READ_ERRORS, shapely.errors.GEOSException, _NeedsRepair):
        return read_layer(path, name, encoding)
    if read is None:
        return None
    flat, table, declared = read
    crs_info = resolve_crs(declared, flat.total_bounds)
    if crs_info.swapped_axes:
        flat = flat.with_xy(flat.xy[:, ::-1].copy())
    if crs_info.longitudes_wrapped:
        flat = _east_of_180_moved(flat)
    return FlatVectorSource(name=_title(path, name), flat=flat, crs=crs_info.crs(), table=table, path=path,
                            notes=notes + _crs_notes(crs_info))


def _read_flat(path: Path, name: str | int, encoding: str | None):
    """(FlatGeometry, attribute table, declared CRS or None) of the layer, or None for a table
    without geometry.

    A large layer is read and parsed as two halves on two threads (GDAL and numpy both
    release the GIL), which nearly halves the time to the first frame on two cores.
    """
    from concurrent.futures import ThreadPoolExecutor

    import pyarrow as pa
    from pyproj import CRS

    configure_memory()
    info = pyogrio.read_info(path, layer=name, encoding=encoding, **open_options(path))
    n = int(info.get("features") or 0)
    chunks = [(0, None)]
    if n > SPLIT_READ_FEATURES and path.suffix.lower() in (".gpkg", ".shp", ".fgb"):
        chunks = [(0, n // 2), (n // 2, n - n // 2)]
    if n > SPLIT_READ_FEATURES:
        snap_jit.warm_up()  # a big layer: its first frame will snap with the compiled kernel
    with ThreadPoolExecutor(max_workers=len(chunks)) as pool:
        # read and scan each half on its thread, then gather both into one array
        parts = list(pool.map(lambda c: _read_flat_part(path, name, encoding, *c), chunks))
        if any(p is None for p in parts):
            return None
        flat = parse_wkb_parts([p[0] for p in parts], pool)
    table = pa.concat_tables([p[1] for p in parts]) if len(parts) > 1 else parts[0][1]
    declared = parts[0][2]
    del parts
    release_memory()
    return flat, table, CRS.from_user_input(declared) if declared else None


def _read_flat_part(path: Path, name: str | int, encoding: str | None, skip: int, count: int | None):
    """(WKB scan, attribute table, declared CRS) of features skip..skip+count, or None without geometry."""
    import pyarrow as pa
    import pyarrow.compute as pc

    kw = {"skip_features": skip} if skip else {}
    if count is not None:
        kw["max_features"] = count
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pyogrio warns on measured/unknown geometry types
        meta, table = pyogrio.read_arrow(path, layer=name, encoding=encoding, **kw, **open_options(path))
    geom_name = meta.get("geometry_name") or "wkb_geometry"
    if not meta.get("geometry_type") or geom_name not in table.column_names:
        return None
    attrs = table.drop([geom_name])
    if not _text_is_valid(attrs):
        raise _NeedsRepair()
    scan = scan_arrow_wkb(table.column(geom_name))
    del table
    # GDAL hands each batch over as one allocation: an attribute column kept as it is would
    # keep the batch's WKB alive too. A copy of the attributes lets the WKB go.
    if attrs.num_columns:
        attrs = pc.take(attrs, pa.array(np.arange(attrs.num_rows)), memory_pool=pa.system_memory_pool())
    return scan, attrs, meta.get("crs")


class _NeedsRepair(Exception):
    """Text values that are not valid in the encoding read: the full reader repairs them and says so."""


def _text_is_valid(table) -> bool:
    import pyarrow as pa

    for column in table.columns:
        if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            try:
                column.validate(full=True)
            except pa.ArrowInvalid:
                return False
    return True


def _east_of_180_moved(flat: FlatGeometry) -> FlatGeometry:
    """Features lying east of 180° moved by −360°, as
    :func:`~ecomap.io.crs_detect.wrap_longitudes` moves them in the app's layers."""
    east = flat.bbox[:, 0] >= 180.0
    if not east.any():
        return flat
    xy = flat.xy.copy()
    xy[np.repeat(east, flat.feature_vertex_counts()), 0] -= 360.0
    return flat.with_xy(xy)


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
    if decoder.flat is not None and not (layer.crs_info.swapped_axes or layer.crs_info.longitudes_wrapped):
        remember_flat(layer, decoder.flat)
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
               decoder: BatchDecoder | None = None, report: AttributeReport | None = None,
               columns: list[str] | None = None, keep=None, feedback=None, expected_rows: int | None = None):
    """A layer as a (Geo)DataFrame, streamed in Arrow batches.

    Converting WKB to shapely batch by batch keeps only one batch of WKB alive next
    to the geometries: for 500k polygons 0.9 s and 1.15 GB peak, against 1.3 s and
    1.46 GB for pyogrio.read_dataframe, which holds the whole Arrow table at once.
    ``decoder`` keeps what geometry decoding ran into (curves, broken blobs) and the FIDs;
    ``report`` what converting the attributes found (JSON fields, text that needed repair).
    An analysis reading part of a layer names its ``columns`` and gives ``keep(fids)``, the
    positions of a batch's rows to read (the rest are dropped before decoding); ``feedback``
    is checked and told the progress (out of ``expected_rows``) between batches.
    """
    from concurrent.futures import ThreadPoolExecutor

    import pandas as pd
    import pyarrow as pa

    decoder = decoder or BatchDecoder()
    report = report or AttributeReport(encoding=encoding or "UTF-8")
    # WKB decoding releases the GIL: decode batch n on a second core while GDAL reads batch n+1
    with warnings.catch_warnings(), ThreadPoolExecutor(max_workers=2) as pool:
        warnings.simplefilter("ignore")  # pyogrio warns on measured/unknown geometry types
        with pyogrio.open_arrow(path, layer=name, encoding=encoding, batch_size=batch_size, columns=columns,
                                use_pyarrow=True, return_fids=True, **open_options(path)) as (meta, reader):
            geometry_column = (meta["geometry_name"] or "wkb_geometry") if meta["geometry_type"] else None
            fid_column = meta["fid_column"] or "OGC_FID"
            attributes = []
            seen = 0
            for batch in reader:
                if feedback is not None:
                    feedback.check()
                    seen += batch.num_rows
                    feedback.set_progress(min(1.0, seen / expected_rows) if expected_rows else UNKNOWN)
                if keep is not None:
                    rows = keep(batch.column(fid_column).to_numpy().astype(np.int64))
                    if len(rows) == 0:
                        continue
                    if len(rows) < batch.num_rows:
                        batch = batch.take(pa.array(rows))
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


def _crs_notes(crs_info: CrsInfo) -> list[str]:
    """What the user is told about the coordinate system decided for a layer (axes exchanged, assumed)."""
    notes = []
    if crs_info.swapped_axes:
        notes.append(tr("northing and easting were swapped in the file; EcoMap exchanged them"))
    notes.extend(crs_info.notes)
    if crs_info.is_assumed:
        notes.append(tr("the file declares no coordinate system; assumed EPSG:{epsg} because {reason}")
                     .format(epsg=crs_info.assumed_epsg, reason=crs_info.reason))
    return notes


def make_layer(frame, source: DataSource, name: str, encoding: EncodingInfo | None = None,
               aliases: dict[str, str] | None = None, notes: list[str] | None = None) -> VectorLayer:
    """Wrap a frame read from a file: decide its CRS, fix swapped axes, keep the facts."""
    if not isinstance(frame, gpd.GeoDataFrame):  # attribute-only table
        frame = gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries([None] * len(frame), index=frame.index))
    geoms = np.asarray(frame.geometry.array, dtype=object)
    present = geoms[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))]
    bounds = tuple(shapely.total_bounds(present)) if len(present) else None
    crs_info = resolve_crs(frame.crs, bounds)
    notes = list(notes or []) + _crs_notes(crs_info)
    if crs_info.swapped_axes:
        frame = frame.set_geometry(shapely.transform(geoms, lambda c: c[:, ::-1]), crs=frame.crs)
    if crs_info.longitudes_wrapped:
        frame = frame.set_geometry(wrap_longitudes(frame.geometry.array), crs=frame.crs)
    effective = crs_info.crs()
    if effective is not None and (frame.crs is None or not frame.crs.equals(effective)):
        frame = frame.set_crs(effective, allow_override=True)
    return VectorLayer(name=name, features=frame, source=source, crs_info=crs_info,
                       encoding=encoding, field_aliases=dict(aliases or {}), notes=notes)
