"""DXF drawings from surveyors and CAD offices (CASS, AutoCAD), read through GDAL.

GDAL's DXF driver gives one table of entities; EcoMap turns it into GIS layers:

- closed polylines (and any line whose last vertex meets its first) become polygons,
  since in Chinese survey drawings a closed polyline is a parcel or zone boundary;
- the drawing is split by geometry family into "<file> 面/线/点/注记" layers, text
  (TEXT, MTEXT, block attributes) kept apart from plain points as annotation;
- the CAD layer name, entity type and text are kept as attributes;
- paper-space entities (layout sheets, title blocks in paper units) are left out,
  and said so, because they are not in map coordinates.

Encoding: R2007+ (AC1021 and later) files are always UTF-8; older ones name their
code page in $DWGCODEPAGE (ANSI_936 = GBK). GDAL trusts $DWGCODEPAGE even for UTF-8
files, and files converted by third-party tools sometimes carry GBK text under
ANSI_1252 or no code page at all, so the encoding is decided here (header, then a
sample of the non-ASCII bytes) and handed to GDAL as DXF_ENCODING.

CRS: DXF has none. Chinese drawings are usually Gauss-Krüger coordinates, often with
the zone number in front of the easting, sometimes with X and Y swapped; the CRS is
inferred (kept as *assumed*) from the bulk of the coordinates, ignoring stray
entities near the origin that CAD drawings often carry.
"""

from __future__ import annotations

import re
import tempfile
import threading
import warnings
from contextlib import contextmanager
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from pyogrio.errors import DataLayerError, DataSourceError, FeatureError, FieldError, GeometryError

from ecomap.core.crs import CrsInfo
from ecomap.core.layers import DataSource, EncodingInfo, VectorLayer
from ecomap.errors import DataError
from ecomap.i18n import tr
from ecomap.io.crs_detect import infer_from_bounds, resolve_crs

_HEADER_BYTES = 2 * 1024 * 1024
_CHUNK_BYTES = 8 * 1024 * 1024
_BINARY_SENTINEL = b"AutoCAD Binary DXF"
# GDAL config options are process-wide: one DXF read at a time changes them.
_CONFIG_LOCK = threading.Lock()

#: DXF code pages → (Python/iconv codec, name shown to the user)
_CODEPAGES = {
    "ANSI_936": ("CP936", "GBK"), "ANSI_950": ("CP950", "Big5"), "ANSI_932": ("CP932", "Shift_JIS"),
    "ANSI_949": ("CP949", "EUC-KR"), "ANSI_1252": ("CP1252", "CP1252"), "DOS936": ("CP936", "GBK"),
    "GB2312": ("CP936", "GBK"), "UTF8": ("UTF-8", "UTF-8"), "UTF-8": ("UTF-8", "UTF-8"),
}
_CJK_CODECS = {"CP936", "CP950", "CP932", "CP949"}

#: AutoCAD subclass marker → DXF entity name (GDAL reports markers, not names)
_SUBCLASS_ENTITY = (
    ("AcDbAttributeDefinition", "ATTDEF"), ("AcDbAttribute", "ATTRIB"), ("AcDbMText", "MTEXT"),
    ("AcDbText", "TEXT"), ("AcDbArc", "ARC"), ("AcDbCircle", "CIRCLE"), ("AcDbEllipse", "ELLIPSE"),
    ("AcDbSpline", "SPLINE"), ("AcDbHatch", "HATCH"), ("AcDb2dPolyline", "POLYLINE"),
    ("AcDb3dPolyline", "POLYLINE"), ("AcDbPolyline", "LWPOLYLINE"), ("AcDbLine", "LINE"),
    ("AcDbPoint", "POINT"), ("AcDbBlockReference", "INSERT"), ("AcDbFace", "3DFACE"),
    ("AcDbTrace", "SOLID"), ("AcDbLeader", "LEADER"), ("AcDbDimension", "DIMENSION"),
    ("AcDbRay", "RAY"), ("AcDbXline", "XLINE"),
)
_TEXT_ENTITIES = {"TEXT", "MTEXT", "ATTRIB", "ATTDEF"}
_UNICODE_ESCAPE = re.compile(r"\\U\+([0-9A-Fa-f]{4})")
_ERROR_LINE = re.compile(r"error at line (\d+)")

# Layer kinds in output order: key, English name pattern (translated)
_KINDS = ("polygons", "lines", "points", "text")


def read(path: Path) -> list[VectorLayer]:
    """The drawing's model-space entities as polygon, line, point and text layers."""
    path = Path(path)
    encoding, gdal_encoding = detect_encoding(path)
    with _uniform_line_endings(path) as readable:
        frame = _read_entities(path, gdal_encoding, readable)
    notes: list[str] = []
    frame = _drop_paper_space(frame, notes)
    frame = _explode_collections(frame)
    frame, empty = _drop_empty(frame)
    if empty:
        notes.append(tr("{count} DXF entities without geometry were left out").format(count=empty))
    if frame.empty:
        raise DataError(path, tr("the DXF drawing contains no features EcoMap can read"))
    geoms = _flatten_z(np.asarray(frame.geometry.array, dtype=object))
    geoms, closed = closed_lines_to_polygons(geoms)
    entity = _entity_types(frame, geoms, closed)
    crs_info, geoms, crs_notes = _decide_crs(geoms)
    notes += crs_notes
    columns = _attributes(frame, entity)
    return _split(path, columns, geoms, crs_info, encoding, notes)


# --------------------------------------------------------------------------- encoding
def _header(path: Path) -> dict[str, str] | None:
    """$ACADVER and $DWGCODEPAGE from the HEADER section of an ASCII DXF (None: binary DXF)."""
    with path.open("rb") as fh:
        head = fh.read(_HEADER_BYTES)
    if head.startswith(_BINARY_SENTINEL):
        return None
    end = head.find(b"ENTITIES")
    lines = head[: end if end > 0 else len(head)].decode("latin-1").splitlines()
    found: dict[str, str] = {}
    for i in range(len(lines) - 3):
        if lines[i].strip() == "9" and lines[i + 1].strip() in ("$ACADVER", "$DWGCODEPAGE"):
            found[lines[i + 1].strip()] = lines[i + 3].strip()
    return found


def _non_ascii_sample(path: Path, limit: int = 256 * 1024) -> bytes:
    """Lines with non-ASCII bytes (layer names, text), up to ``limit`` bytes of them.

    The whole file is scanned in chunks; ASCII-only chunks, the common case for the
    coordinate-heavy bulk of a drawing, are skipped at C speed.
    """
    found: list[bytes] = []
    size = 0
    carry = b""
    with path.open("rb") as fh:
        while size < limit:
            chunk = fh.read(_CHUNK_BYTES)
            data = carry + chunk
            if chunk:  # keep the last, possibly cut, line for the next round
                cut = data.rfind(b"\n") + 1
                data, carry = data[:cut], data[cut:]
            if not data.isascii():
                for line in data.splitlines():
                    if not line.isascii():
                        found.append(line)
                        size += len(line)
            if not chunk:
                break
    return b"\n".join(found)


def _decodes(sample: bytes, codec: str) -> bool:
    try:
        text = sample.decode(codec)
    except UnicodeDecodeError:
        return False
    return codec.lower() not in ("gb18030", "cp936") or re.search("[\u4e00-\u9fff]", text) is not None


def detect_encoding(path: Path) -> tuple[EncodingInfo | None, str | None]:
    """How the drawing's text is encoded, and the DXF_ENCODING value that makes GDAL agree."""
    header = _header(path)
    if header is None:  # binary DXF: GDAL reads $DWGCODEPAGE itself
        return None, None
    version = header.get("$ACADVER", "").upper()
    if version >= "AC1021":  # AutoCAD 2007 and later always write UTF-8, whatever $DWGCODEPAGE says
        return EncodingInfo("UTF-8", guessed=False, method="format"), "UTF-8"
    page = header.get("$DWGCODEPAGE", "").upper()
    codec, label = _CODEPAGES.get(page, (None, None))
    if codec is None and re.fullmatch(r"ANSI_\d+", page):
        codec = label = "CP" + page[5:]
    if codec in _CJK_CODECS or codec == "UTF-8":
        return EncodingInfo(label, guessed=False, method="header"), codec
    sample = _non_ascii_sample(path)
    if sample:
        if _decodes(sample, "utf-8"):
            return EncodingInfo("UTF-8", guessed=True, method="sample"), "UTF-8"
        if _decodes(sample, "gb18030"):
            return EncodingInfo("GBK", guessed=True, method="sample"), "CP936"
    if codec is not None:
        return EncodingInfo(label, guessed=False, method="header"), codec
    # no code page and nothing but ASCII: every encoding reads it the same
    return EncodingInfo("ASCII", guessed=False, method="sample"), None


# --------------------------------------------------------------------------- reading
def _read_entities(path: Path, gdal_encoding: str | None, readable: Path | None = None) -> gpd.GeoDataFrame:
    """The drawing's entities as GDAL reads them (from ``readable``, a copy of ``path``, when given)."""
    options = {
        "DXF_ENCODING": gdal_encoding,
        # one feature per entity, also inside blocks, so that each lands in its family's layer
        "DXF_MERGE_BLOCK_GEOMETRIES": "FALSE",
    }
    with _CONFIG_LOCK:
        previous = {key: pyogrio.get_gdal_config_option(key) for key in options}
        pyogrio.set_gdal_config_options(options)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)  # GDAL recoding warnings
                # Not use_arrow: GDAL's Arrow stream stops silently at a syntax error and would
                # hand back half a drawing; the row-by-row path raises. It costs ~15 %
                # (100k entities: 0.57 s against 0.50 s), and parsing dominates either way.
                return pyogrio.read_dataframe(readable or path, use_arrow=False)
        except (DataSourceError, DataLayerError, FeatureError, FieldError, GeometryError,
                OSError, RuntimeError, ValueError) as exc:
            raise _content_error(path, exc) from None
        finally:
            pyogrio.set_gdal_config_options(previous)


def _line_endings_mixed(path: Path) -> bool:
    """Whether an ASCII drawing mixes its line endings (CR LF with a lone LF or CR, or CR alone),
    as a damaged or hand-edited copy does: GDAL's DXF reader can loop forever on such a file."""
    cr = lf = crlf = 0
    last = b""
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK_BYTES):
            if not last and chunk.startswith(_BINARY_SENTINEL):
                return False
            cr, lf, crlf = cr + chunk.count(b"\r"), lf + chunk.count(b"\n"), crlf + chunk.count(b"\r\n")
            crlf += last == b"\r" and chunk[:1] == b"\n"
            last = chunk[-1:]
    return cr > 0 and not cr == lf == crlf


@contextmanager
def _uniform_line_endings(path: Path):
    """``path``, or a temporary copy of it with every line ending LF when its line endings are mixed."""
    if not _line_endings_mixed(path):
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="ecomap-dxf-") as folder:
        copy = Path(folder) / "drawing.dxf"
        with path.open("rb") as source, copy.open("wb") as out:
            carry = b""
            while chunk := source.read(_CHUNK_BYTES):
                data = carry + chunk
                data, carry = (data[:-1], b"\r") if data.endswith(b"\r") else (data, b"")  # CR LF split apart
                out.write(data.replace(b"\r\n", b"\n").replace(b"\r", b"\n"))
            out.write(carry.replace(b"\r", b"\n"))
        yield copy


def _content_error(path: Path, exc: Exception) -> DataError:
    message = str(exc)
    if "not recognized" in message or "not a supported" in message.lower():
        return DataError(path, tr("this is not a DXF drawing GDAL can read"))
    line = _ERROR_LINE.search(message)
    if line:
        return DataError(path, tr("the DXF drawing is damaged near line {line}").format(line=line.group(1)))
    detail = message.splitlines()[0] if message else type(exc).__name__
    return DataError(path, tr("GDAL cannot read this file ({detail})").format(detail=detail))


def _drop_paper_space(frame: gpd.GeoDataFrame, notes: list[str]) -> gpd.GeoDataFrame:
    if "PaperSpace" not in frame:
        return frame
    paper = frame["PaperSpace"].eq(1).to_numpy(dtype=bool)  # 1.0, True or missing
    if paper.any():
        notes.append(tr("{count} paper-space entities (layout sheets) were left out")
                     .format(count=int(paper.sum())))
        frame = frame[~paper]
    return frame


def _explode_collections(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """GeometryCollections (blocks GDAL merged anyway) become one row per part."""
    geoms = np.asarray(frame.geometry.array, dtype=object)
    collection = shapely.get_type_id(geoms) == 7
    if not collection.any():
        return frame.reset_index(drop=True)
    parts, owner = shapely.get_parts(geoms[collection], return_index=True)
    rows = np.flatnonzero(collection)[owner]
    exploded = frame.iloc[rows].copy()
    exploded = exploded.set_geometry(gpd.GeoSeries(parts, index=exploded.index, crs=frame.crs))
    combined = pd.concat([frame[~collection], exploded])
    return combined.sort_index(kind="stable").reset_index(drop=True)


def _drop_empty(frame: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, int]:
    geoms = np.asarray(frame.geometry.array, dtype=object)
    empty = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    return frame[~empty].reset_index(drop=True), int(empty.sum())


def _flatten_z(geoms: np.ndarray) -> np.ndarray:
    """Drop the Z coordinate when it is 0 everywhere (plain 2D drafting)."""
    if not shapely.has_z(geoms).any():
        return geoms
    z = shapely.get_coordinates(geoms, include_z=True)[:, 2]
    if np.all((z == 0) | np.isnan(z)):
        return shapely.force_2d(geoms)
    return geoms


def closed_lines_to_polygons(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Closed line strings (≥ 4 vertices, last = first) → polygons; also the mask of those changed."""
    geoms = np.asarray(geoms, dtype=object)
    closed = (shapely.get_type_id(geoms) == 1) & (shapely.get_num_coordinates(geoms) >= 4)
    closed[closed] = shapely.is_closed(geoms[closed])
    if not closed.any():
        return geoms, closed
    has_z = bool(shapely.has_z(geoms[closed]).any())
    coords, owner = shapely.get_coordinates(geoms[closed], include_z=has_z, return_index=True)
    rings = shapely.linearrings(coords, indices=owner)
    out = geoms.copy()
    out[closed] = shapely.polygons(rings)
    return out, closed


def _entity_types(frame: gpd.GeoDataFrame, geoms: np.ndarray, closed: np.ndarray) -> np.ndarray:
    """DXF entity name per row: from GDAL's subclass markers, else (R12) from the geometry."""
    entity = np.full(len(frame), None, dtype=object)
    if "SubClasses" in frame:
        subclasses = frame["SubClasses"]
        names = {value: _entity_from_subclasses(value) for value in subclasses.dropna().unique()}
        entity = subclasses.map(names).to_numpy(dtype=object)
    unknown = pd.isna(entity)
    if unknown.any():
        kind = shapely.get_type_id(geoms)
        text = frame["Text"].notna().to_numpy() if "Text" in frame else np.zeros(len(frame), bool)
        vertices = shapely.get_num_coordinates(geoms)
        guess = np.select(
            [(kind == 0) & text, kind == 0, (kind == 1) & (vertices == 2) & ~closed, (kind == 1) | closed],
            ["TEXT", "POINT", "LINE", "POLYLINE"], default="")
        entity[unknown] = guess[unknown]
        entity[unknown & (guess == "")] = None
    return entity


def _entity_from_subclasses(markers: str) -> str | None:
    for marker, name in _SUBCLASS_ENTITY:
        if marker in markers:
            return name
    return None


def _unescape(values: pd.Series) -> pd.Series:
    """AutoCAD's \\U+XXXX escapes (R12 files store CJK text this way) → characters."""
    text = values.astype("object")
    has_escape = text.str.contains("\\U+", regex=False, na=False).to_numpy(dtype=bool)
    if has_escape.any():
        text[has_escape] = text[has_escape].map(
            lambda v: _UNICODE_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), v))
    return text


def _attributes(frame: gpd.GeoDataFrame, entity: np.ndarray) -> pd.DataFrame:
    columns = pd.DataFrame(index=frame.index)
    columns["Layer"] = _unescape(frame["Layer"]) if "Layer" in frame else None
    columns["EntityType"] = entity
    if "Text" in frame:
        columns["Text"] = _unescape(frame["Text"])
    for optional in ("Linetype", "EntityHandle"):
        if optional in frame and frame[optional].notna().any():
            columns[optional] = frame[optional].astype("object")
    return columns


# --------------------------------------------------------------------------- CRS
def _decide_crs(geoms: np.ndarray) -> tuple[CrsInfo, np.ndarray, list[str]]:
    """One CRS for the whole drawing, from the bulk of its entities."""
    notes: list[str] = []
    if len(geoms) == 0:
        return CrsInfo(), geoms, notes
    boxes = shapely.bounds(geoms)
    bounds = (*np.nanmin(boxes[:, :2], axis=0), *np.nanmax(boxes[:, 2:], axis=0))
    if infer_from_bounds(bounds).epsg is None:
        inliers = _near_median(boxes)
        if 0 < inliers.sum() < len(boxes):
            robust = (*np.nanmin(boxes[inliers, :2], axis=0), *np.nanmax(boxes[inliers, 2:], axis=0))
            if infer_from_bounds(robust).epsg is not None:
                bounds = robust
                notes.append(tr("{count} entities lie far from the rest of the drawing (often at 0,0) and "
                                "were ignored when inferring the coordinate system")
                             .format(count=int((~inliers).sum())))
    crs_info = resolve_crs(None, tuple(float(v) for v in bounds))
    if crs_info.swapped_axes:
        geoms = shapely.transform(geoms, lambda c: c[:, ::-1])
        notes.append(tr("northing and easting were swapped in the file; EcoMap exchanged them"))
    if crs_info.is_assumed:
        notes.append(tr("the file declares no coordinate system; assumed EPSG:{epsg} because {reason}")
                     .format(epsg=crs_info.assumed_epsg, reason=crs_info.reason))
    else:
        notes.append(tr("the drawing has no coordinate system and none could be inferred ({reason})")
                     .format(reason=crs_info.reason))
    return crs_info, geoms, notes


def _near_median(boxes: np.ndarray) -> np.ndarray:
    """Entities whose centre lies within a county-to-province distance of the median centre.

    CAD drawings often carry stray entities (block bases, frames, a line to 0,0) that
    spoil the extent; the median centre belongs to the drawing's real content.
    """
    centres = np.column_stack([(boxes[:, 0] + boxes[:, 2]) / 2, (boxes[:, 1] + boxes[:, 3]) / 2])
    median = np.nanmedian(centres, axis=0)
    # metres for projected drawings, degrees for lon/lat ones
    reach = 500_000.0 if np.abs(median).max() > 1_000 else 10.0
    return np.all(np.abs(centres - median) <= reach, axis=1)


# --------------------------------------------------------------------------- layers
def _layer_name(stem: str, kind: str) -> str:
    return {
        "polygons": tr("{name} polygons"),
        "lines": tr("{name} lines"),
        "points": tr("{name} points"),
        "text": tr("{name} text"),
    }[kind].format(name=stem)


def _field_aliases() -> dict[str, str]:
    return {"Layer": tr("CAD layer"), "EntityType": tr("Entity type"), "Text": tr("Text"),
            "Linetype": tr("Line type"), "EntityHandle": tr("Entity handle")}


def _split(path: Path, columns: pd.DataFrame, geoms: np.ndarray, crs_info: CrsInfo,
           encoding: EncodingInfo, notes: list[str]) -> list[VectorLayer]:
    kind = shapely.get_type_id(geoms)
    is_text = np.isin(columns["EntityType"].to_numpy(dtype=object), list(_TEXT_ENTITIES)) & np.isin(kind, (0, 4))
    masks = {
        "polygons": np.isin(kind, (3, 6)),
        "lines": np.isin(kind, (1, 2, 5)),
        "points": np.isin(kind, (0, 4)) & ~is_text,
        "text": is_text,
    }
    crs = crs_info.crs()
    layers = []
    for key in _KINDS:
        mask = masks[key]
        if not mask.any():
            continue
        attrs = columns[mask].reset_index(drop=True)
        if key != "text" and "Text" in attrs:
            attrs = attrs.drop(columns="Text")  # HATCH reports its pattern name as "text"
        features = gpd.GeoDataFrame(attrs, geometry=gpd.GeoSeries(geoms[mask], index=attrs.index), crs=crs)
        name = _layer_name(path.stem, key)
        layers.append(VectorLayer(name=name, features=features, source=DataSource(path, name),
                                  crs_info=crs_info, encoding=encoding,
                                  field_aliases=_field_aliases(), notes=list(notes)))
    if not layers:
        raise DataError(path, tr("the DXF drawing contains no features EcoMap can read"))
    return layers
