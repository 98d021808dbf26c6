"""KML and KMZ (Google Earth, 奥维 and other phone apps): folders become layers.

Safety first: a KML is XML from outside, so it is parsed with the stdlib expat
parser and *no* DTD machinery — a document whose DOCTYPE declares any entity
(external entities that read local files or the network, or the exponential
"billion laughs" expansion) is refused before anything is expanded or fetched.
KMZ archives are read in memory with a cap on the uncompressed size and refused
when a member name is absolute or climbs out with "..".

Structure: placemarks directly under the Document form a layer named after the
Document (or the file); each Folder with placemarks is its own layer, nested folder
names joined with "/" ("外业/2024-05"). A layer may mix points, lines and polygons.
Namespaces are ignored (KML 2.2, 2.1, Google's gx extensions and the namespace-less
KML that phones write all read the same).

CRS: KML coordinates are "lon,lat[,alt]" in WGS 84 by definition, so the layer is
*declared* EPSG:4326 (WGS 84 and CGCS2000 differ by well under a metre). Whether a
phone app wrote GCJ-02 offsets instead cannot be detected reliably and is not guessed.
"""

from __future__ import annotations

import codecs
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from xml.etree.ElementTree import Element, ParseError, XMLParser
from xml.parsers import expat

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ecomap.core.crs import crs_from_epsg
from ecomap.core.layers import DataSource, EncodingInfo, VectorLayer
from ecomap.errors import DataError
from ecomap.i18n import tr
from ecomap.io.archive import check_archive, read_capped, unsafe_member_name
from ecomap.io.crs_detect import resolve_crs

#: Largest KML document EcoMap reads (a KMZ member is measured uncompressed).
MAX_XML_BYTES = 512 * 1024 * 1024
KML_EPSG = 4326

_CONTAINERS = {"Document", "Folder"}
_SKIPPED = {"NetworkLink", "GroundOverlay", "ScreenOverlay", "PhotoOverlay"}
_GEOMETRY = {"Point", "LineString", "LinearRing", "Polygon", "MultiGeometry", "Track", "MultiTrack"}
_STANDARD = ("name", "description", "styleUrl")
_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_DECLARATION_ENC = re.compile(r"^(\s*<\?xml[^>]*?encoding\s*=\s*[\"'])([A-Za-z0-9._-]+)([\"'])")
_COMMA_SPACE = re.compile(r"\s*,\s*")
#: a layer's name shows at most this many folder names, the innermost ones
NAME_FOLDERS = 20


def read(path: Path) -> list[VectorLayer]:
    """Every folder of a KML or KMZ file that holds placemarks, as a layer."""
    path = Path(path)
    data = _load_bytes(path)
    text_bytes, encoding = _to_utf8(data, path)
    root = parse_xml(text_bytes, path)
    return _layers_from_tree(root, path, encoding)


# --------------------------------------------------------------------------- bytes
def _load_bytes(path: Path) -> bytes:
    """The KML document's bytes, from the file itself or from inside a KMZ."""
    with path.open("rb") as fh:
        magic = fh.read(4)
    if magic == b"PK\x03\x04":  # a zip whatever the extension says
        return _read_kmz_member(path)
    if path.stat().st_size > MAX_XML_BYTES:
        raise DataError(path, tr("the KML document is larger than {limit} MB; EcoMap refuses it")
                        .format(limit=MAX_XML_BYTES // (1024 * 1024)))
    if path.suffix.lower() == ".kmz":
        raise DataError(path, tr("the KMZ file is not a valid ZIP archive"))
    return path.read_bytes()


def _read_kmz_member(path: Path) -> bytes:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError, UnicodeDecodeError):
        raise DataError(path, tr("the KMZ file is not a valid ZIP archive")) from None
    with archive:
        infos = archive.infolist()
        for info in infos:
            if unsafe_member_name(info.filename):
                raise DataError(path, tr("the KMZ archive contains an unsafe file name ({name}); "
                                         "EcoMap refuses it").format(name=info.filename))
        check_archive(path, infos)  # zip-bomb ratios, overlapping entries, too many members
        candidates = [i for i in infos if not i.is_dir() and i.filename.lower().endswith(".kml")]
        if not candidates:
            raise DataError(path, tr("the KMZ archive contains no KML document"))
        chosen = next((i for i in candidates if i.filename.lower() == "doc.kml"),
                      next((i for i in candidates if "/" not in i.filename), candidates[0]))
        too_large = DataError(path, tr("the KML document is larger than {limit} MB; EcoMap refuses it")
                              .format(limit=MAX_XML_BYTES // (1024 * 1024)))
        return read_capped(archive, chosen, MAX_XML_BYTES, too_large, path)


def _to_utf8(data: bytes, path: Path) -> tuple[bytes, EncodingInfo]:
    """UTF-8 bytes of the document, whatever its declared (or mis-declared) encoding.

    expat only knows UTF-8/16, ASCII and Latin-1, while phone apps (奥维) sometimes
    write GBK; so the document is decoded here and handed to expat as UTF-8.
    """
    for bom, name in ((codecs.BOM_UTF8, "UTF-8"), (codecs.BOM_UTF16_LE, "UTF-16"),
                      (codecs.BOM_UTF16_BE, "UTF-16")):
        if data.startswith(bom):
            try:
                text = data.decode("utf-8-sig" if name == "UTF-8" else "utf-16")
            except UnicodeDecodeError:
                raise DataError(path, tr("the KML document is not valid {encoding}").format(encoding=name)) from None
            return _declare_utf8(text).encode("utf-8"), EncodingInfo(name, guessed=False, method="bom")
    match = _DECLARATION.match(data[:512])
    declared = match.group(1).decode("ascii") if match else "UTF-8"
    try:
        declared_codec = codecs.lookup(declared).name
    except LookupError:
        raise DataError(path, tr("the KML document declares an unknown encoding '{encoding}'")
                        .format(encoding=declared)) from None
    # GBK files often declare GB2312; GB18030 decodes all three (it is their superset)
    chinese = {"gbk", "gb2312", "gb18030", "cp936"}
    candidates = [declared_codec] + [c for c in ("utf-8", "gb18030") if c != declared_codec]
    for codec in candidates:
        try:
            text = data.decode("gb18030" if codec in chinese else codec)
        except (UnicodeError, LookupError):  # LookupError: a declared codec that is no text encoding (hex)
            continue
        guessed = codec != declared_codec
        if not guessed and declared.upper() == "UTF-8":
            return data, EncodingInfo("UTF-8", guessed=False, method="format")  # expat reads it as is
        name = "UTF-8" if codec == "utf-8" else (codec if guessed else declared).upper()
        info = EncodingInfo(name, guessed, "sample" if guessed else "format")
        return _declare_utf8(text).encode("utf-8"), info
    raise DataError(path, tr("the KML document is not valid {encoding}, UTF-8 or GB18030")
                    .format(encoding=declared))


def _declare_utf8(text: str) -> str:
    return _DECLARATION_ENC.sub(r"\1UTF-8\3", text, count=1)


# --------------------------------------------------------------------------- XML
class _Refused(Exception):
    """An entity in the document: never expanded, never fetched."""


class _PrologDone(Exception):
    """The root element starts: the DTD, the only place entities can be declared, is behind us."""


def _refuse(*_args) -> None:
    raise _Refused


def _prolog_done(name: str, attributes: dict) -> None:
    raise _PrologDone(name, attributes)


def check_prolog(data: bytes | BinaryIO, path: Path | None = None,
                 encoding: str | None = None) -> tuple[str, dict[str, str]]:
    """Refuse any entity declaration: parse the prolog with expat's DTD handlers armed.

    Entities can only be declared in the DOCTYPE, before the root element, so this
    pass stops at the root. Every entity declaration (general or parameter, internal
    or external) raises before it can be used, parameter entities are never parsed
    and external references are never resolved: no file or URL is ever opened.
    ``data`` is the document or an open binary file, read in chunks only up to the root
    element; ``encoding`` overrides the declared one (for a prolog in an encoding expat
    does not know). Returns the root element's name and attributes.
    """
    parser = expat.ParserCreate(encoding)
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = _refuse
    parser.UnparsedEntityDeclHandler = _refuse
    parser.ExternalEntityRefHandler = _refuse
    parser.SkippedEntityHandler = _refuse
    parser.StartElementHandler = _prolog_done
    try:
        if isinstance(data, bytes):
            parser.Parse(data, True)
        else:
            while chunk := data.read(1024 * 1024):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _PrologDone as done:
        return done.args
    except _Refused:
        raise DataError(path, tr("the XML declares entities, which EcoMap refuses for safety")) from None
    except expat.ExpatError as exc:
        raise DataError(path, tr("the file is not valid XML ({detail})").format(
            detail=expat.ErrorString(exc.code) + f", line {exc.lineno}, column {exc.offset}")) from None


def parse_xml(data: bytes, path: Path | None = None) -> Element:
    """Parse untrusted XML into an ElementTree with namespace-free tags; entities are refused.

    After :func:`check_prolog` has proved that the document declares no entity, the
    fast C ElementTree parser (expat too) reads the body: it resolves no external
    reference and rejects any entity reference it meets as undefined.
    """
    check_prolog(data, path)
    parser = XMLParser()
    try:
        parser.feed(data)
        root = parser.close()
    except ParseError as exc:
        line, column = exc.position
        raise DataError(path, tr("the file is not valid XML ({detail})").format(
            detail=f"{expat.ErrorString(exc.code)}, line {line}, column {column}")) from None
    for elem in root.iter():  # "{namespace}Placemark" → "Placemark": KML 2.2, gx and none alike
        if elem.tag[0] == "{":
            elem.tag = elem.tag.rpartition("}")[2]
        if elem.attrib and any(k[0] == "{" for k in elem.attrib):
            elem.attrib = {k.rpartition("}")[2]: v for k, v in elem.attrib.items()}
    return root


# --------------------------------------------------------------------------- structure
@dataclass
class _Layer:
    name: str
    rows: list[dict] = field(default_factory=list)
    geometry: _GeometryCollector = field(default_factory=lambda: _GeometryCollector())
    typed: dict[str, str] = field(default_factory=dict)  # column → KML Schema type
    aliases: dict[str, str] = field(default_factory=dict)  # column → displayName


def _containers(root: Element, file_stem: str) -> Iterator[tuple[str, Element]]:
    """(layer name, container) in document order, each container before its sub-folders.

    The outermost Document names its own layer but adds nothing to its folders'
    names; every other Document or Folder adds its name to the path. A path deeper
    than :data:`NAME_FOLDERS` keeps its innermost folders behind "…/", so that folders
    nested thousands deep cost time in proportion to their number, not its square.
    """
    if root.tag == "kml":
        yield file_stem, root  # placemarks straight under <kml>
        stack = [(c, (), 0, True) for c in reversed(root) if c.tag in _CONTAINERS]
    else:
        stack = [(root, (), 0, True)]
    while stack:
        elem, parents, depth, top = stack.pop()
        label = (elem.findtext("name") or "").strip()
        if elem.tag == "Document" and top:
            path: tuple[str, ...] = ()
            name = label or file_stem
        else:
            depth += 1
            path = (*parents, label or tr("Unnamed folder"))[-NAME_FOLDERS:]
            name = ("…/" if depth > len(path) else "") + "/".join(path)
        yield name, elem
        stack.extend((c, path, depth, False) for c in reversed(elem) if c.tag in _CONTAINERS)


def _schemas(root: Element) -> dict[str, dict[str, tuple[str, str]]]:
    """Schema id → {field name: (KML type, displayName)}, for typing SchemaData values."""
    schemas: dict[str, dict[str, tuple[str, str]]] = {}
    for schema in root.iter("Schema"):
        fields = {f.get("name", ""): ((f.get("type") or "string").lower(),
                                      (f.findtext("displayName") or "").strip())
                  for f in schema.iter("SimpleField")}
        for key in (schema.get("id"), schema.get("name")):
            if key:
                schemas[key] = fields
    return schemas


def _layers_from_tree(root: Element, path: Path, encoding: EncodingInfo) -> list[VectorLayer]:
    schemas = _schemas(root)
    skipped = 0
    layers: list[_Layer] = []
    used: dict[str, int] = {}
    for name, container in _containers(root, path.stem):
        placemarks = [c for c in container if c.tag == "Placemark"]
        skipped += sum(1 for c in container if c.tag in _SKIPPED)
        if not placemarks:
            continue  # empty folders are not layers
        used[name] = used.get(name, 0) + 1
        layer = _Layer(name if used[name] == 1 else f"{name} ({used[name]})")
        for placemark in placemarks:
            _read_placemark(placemark, layer, schemas)
        layers.append(layer)
    if not layers:
        raise DataError(path, tr("the KML file contains no features (placemarks)"))
    result = [_finish(layer, path, encoding) for layer in layers]
    if skipped:
        result[0].notes.append(tr("{count} overlays and network links in the KML were not loaded")
                               .format(count=skipped))
    return result


def _read_placemark(placemark: Element, layer: _Layer, schemas: dict) -> None:
    row: dict[str, object] = {}
    feature = len(layer.rows)
    for child in placemark:
        tag = child.tag
        if tag in _STANDARD:
            row[tag] = (child.text or "").strip()
        elif tag == "ExtendedData":
            _read_extended(child, row, layer, schemas)
        elif tag in _GEOMETRY:
            layer.geometry.add(feature, child)
    layer.rows.append(row)


def _put(row: dict, key: str, value: str) -> str:
    """Store an ExtendedData value; a field that collides with name/description gets a suffix."""
    if key in _STANDARD:
        key = f"{key}_2"
    row[key] = value
    return key


def _read_extended(extended: Element, row: dict, layer: _Layer, schemas: dict) -> None:
    for item in extended:
        if item.tag == "Data":
            key = item.get("name")
            if key:
                column = _put(row, key, item.findtext("value") or "")
                title = (item.findtext("displayName") or "").strip()
                if title:
                    layer.aliases.setdefault(column, title)
        elif item.tag == "SchemaData":
            fields = schemas.get((item.get("schemaUrl") or "").lstrip("#"), {})
            for simple in item:
                key = simple.get("name") if simple.tag == "SimpleData" else None
                if key:
                    column = _put(row, key, simple.text or "")
                    if key in fields:
                        kml_type, title = fields[key]
                        layer.typed.setdefault(column, kml_type)
                        if title:
                            layer.aliases.setdefault(column, title)


_INT_TYPES = {"int", "uint", "short", "ushort"}
_FLOAT_TYPES = {"float", "double"}


def _typed_column(values: pd.Series, kml_type: str) -> pd.Series:
    """Convert a Schema-typed column; a value that does not parse keeps the column as text."""
    present = values.notna() & (values != "")
    if kml_type in _INT_TYPES | _FLOAT_TYPES:
        numbers = pd.to_numeric(values.where(present), errors="coerce")
        if numbers[present].isna().any():
            return values
        if kml_type in _INT_TYPES and (numbers.dropna() % 1 == 0).all():
            try:
                return numbers.astype("Int64")
            except (TypeError, OverflowError, ValueError):  # beyond 64 bits: the text says it exactly
                return values
        return numbers.astype("float64")
    if kml_type == "bool":
        lowered = values.where(present).str.strip().str.lower()
        mapped = lowered.map({"1": True, "true": True, "0": False, "false": False})
        if mapped[present].isna().any():
            return values
        return mapped.astype("boolean")
    return values


def _finish(layer: _Layer, path: Path, encoding: EncodingInfo) -> VectorLayer:
    geoms, notes = layer.geometry.build(len(layer.rows))
    frame = pd.DataFrame.from_records(layer.rows, index=range(len(layer.rows)))
    if "name" not in frame:
        frame.insert(0, "name", None)
    ordered = [c for c in _STANDARD if c in frame] + [c for c in frame.columns if c not in _STANDARD]
    frame = frame[ordered]
    for column, kml_type in layer.typed.items():
        frame[column] = _typed_column(frame[column], kml_type)
    present = geoms[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))]
    bounds = tuple(float(v) for v in shapely.total_bounds(present)) if len(present) else None
    crs_info = resolve_crs(crs_from_epsg(KML_EPSG), bounds, format_defined=True)
    if crs_info.swapped_axes:
        geoms = shapely.transform(geoms, lambda c: c[:, ::-1])
        notes.append(tr("latitude and longitude were swapped in the file; EcoMap exchanged them"))
    features = gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(geoms, index=frame.index), crs=f"EPSG:{KML_EPSG}")
    return VectorLayer(name=layer.name, features=features, source=DataSource(path, layer.name),
                       crs_info=crs_info, encoding=encoding, field_aliases=dict(layer.aliases), notes=notes)


# --------------------------------------------------------------------------- geometry
def _parse_coordinates(text: str | None) -> np.ndarray:
    """"lon,lat[,alt] lon,lat[,alt] …" → (n, 3) array, altitude 0 when absent."""
    s = (text or "").strip()
    if not s:
        return np.empty((0, 3))
    if ", " in s or " ," in s or ",\n" in s or ",\t" in s:
        s = _COMMA_SPACE.sub(",", s)
    tuples = s.split()
    n, commas = len(tuples), s.count(",")
    try:
        if commas in (n, 2 * n):
            dim = commas // n + 1
            values = np.array(s.replace(",", " ").split(), dtype=float)
            if len(values) == n * dim:
                out = values.reshape(n, dim)
                return out if dim == 3 else np.column_stack([out, np.zeros(n)])
        rows = []
        for t in tuples:  # odd files: mixed 2D/3D tuples, trailing commas
            parts = [p for p in t.split(",") if p][:3]
            if len(parts) >= 2:
                rows.append([float(parts[0]), float(parts[1]), float(parts[2]) if len(parts) == 3 else 0.0])
        return np.array(rows, dtype=float).reshape(-1, 3)
    except ValueError:
        raise _BadCoordinates from None


def _parse_track(track: Element) -> np.ndarray:
    """gx:Track's gx:coord elements ("lon lat alt", space separated) → (n, 3)."""
    coords = [c.text or "" for c in track if c.tag == "coord"]
    rows = []
    for text in coords:
        parts = text.split()
        if len(parts) >= 2:
            try:
                rows.append([float(parts[0]), float(parts[1]), float(parts[2]) if len(parts) > 2 else 0.0])
            except ValueError:
                raise _BadCoordinates from None
    return np.array(rows, dtype=float).reshape(-1, 3)


class _BadCoordinates(Exception):
    pass


class _GeometryCollector:
    """Collects geometry parts of one layer's placemarks, then builds them in bulk.

    Every part ("leaf") is a point, a line or a polygon; MultiGeometry is flattened
    into leaves of its feature. Coordinates are concatenated per kind and turned into
    shapely geometries with one vectorized call each; features with several leaves
    become Multi* (one kind) or GeometryCollection (mixed).
    """

    def __init__(self) -> None:
        self.point_feature: list[int] = []
        self.point_coords: list[np.ndarray] = []
        self.line_feature: list[int] = []
        self.line_coords: list[np.ndarray] = []
        self.poly_feature: list[int] = []
        self.poly_rings: list[list[np.ndarray]] = []
        self.degenerate = 0
        self.bad = 0

    def add(self, feature: int, elem: Element) -> None:
        """The leaves of one geometry element; a MultiGeometry is walked with a stack, however deep it nests."""
        stack = [elem]
        while stack:
            elem = stack.pop()
            if elem.tag in ("MultiGeometry", "MultiTrack"):
                stack.extend(child for child in reversed(elem) if child.tag in _GEOMETRY)
                continue
            try:
                self._add(feature, elem)
            except _BadCoordinates:
                self.bad += 1

    def _add(self, feature: int, elem: Element) -> None:
        tag = elem.tag
        if tag == "Point":
            coords = _parse_coordinates(elem.findtext("coordinates"))
            if len(coords):
                self._point(feature, coords[0])
            else:
                self.degenerate += 1
        elif tag in ("LineString", "LinearRing"):
            coords = _parse_coordinates(elem.findtext("coordinates"))
            if tag == "LinearRing":
                coords = _closed(coords)
            self._line(feature, coords)
        elif tag == "Track":
            self._line(feature, _parse_track(elem))
        elif tag == "Polygon":
            self._polygon(feature, elem)

    def _point(self, feature: int, xyz: np.ndarray) -> None:
        self.point_feature.append(feature)
        self.point_coords.append(xyz)

    def _line(self, feature: int, coords: np.ndarray) -> None:
        if len(coords) == 1:
            self._point(feature, coords[0])  # a one-vertex line is a point, not nothing
        elif len(coords) >= 2:
            self.line_feature.append(feature)
            self.line_coords.append(coords)
        else:
            self.degenerate += 1

    def _polygon(self, feature: int, elem: Element) -> None:
        rings = []
        for boundary in elem:
            if boundary.tag not in ("outerBoundaryIs", "innerBoundaryIs"):
                continue
            for ring in boundary.iter("LinearRing"):
                coords = _closed(_parse_coordinates(ring.findtext("coordinates")))
                if len(coords) < 4:
                    self.degenerate += 1
                    if boundary.tag == "outerBoundaryIs":
                        return
                    continue
                if boundary.tag == "outerBoundaryIs":
                    rings.insert(0, coords)
                else:
                    rings.append(coords)
        if not rings or elem.find("outerBoundaryIs") is None:
            self.degenerate += 1
            return
        self.poly_feature.append(feature)
        self.poly_rings.append(rings)

    def build(self, count: int) -> tuple[np.ndarray, list[str]]:
        """One geometry (or None) per feature, and notes about what could not be built."""
        points = np.vstack(self.point_coords) if self.point_coords else np.empty((0, 3))
        lines = _Stacked(self.line_coords)
        flat_rings = _Stacked([r for rings in self.poly_rings for r in rings])
        # altitude only when some coordinate has one (Google Earth writes ",0" everywhere)
        dims = 3 if any(np.any(a[:, 2] != 0) for a in (points, lines.coords, flat_rings.coords)) else 2
        leaves, owners = [], []
        if len(points):
            leaves.append(shapely.points(points[:, :dims]))
            owners.append(np.asarray(self.point_feature))
        if self.line_coords:
            leaves.append(shapely.linestrings(lines.coords[:, :dims], indices=lines.indices))
            owners.append(np.asarray(self.line_feature))
        if self.poly_rings:
            rings = shapely.linearrings(flat_rings.coords[:, :dims], indices=flat_rings.indices)
            ring_owner = np.repeat(np.arange(len(self.poly_rings)), [len(r) for r in self.poly_rings])
            leaves.append(shapely.polygons(rings, indices=ring_owner))
            owners.append(np.asarray(self.poly_feature))
        geoms = np.full(count, None, dtype=object)
        if leaves:
            geoms = _assemble(np.concatenate(leaves), np.concatenate(owners), count)
        notes = []
        if self.degenerate:
            notes.append(tr("{count} KML geometries had too few coordinates and were left out")
                         .format(count=self.degenerate))
        if self.bad:
            notes.append(tr("{count} KML geometries had unreadable coordinates and were left out")
                         .format(count=self.bad))
        return geoms, notes


def _closed(coords: np.ndarray) -> np.ndarray:
    if len(coords) and tuple(coords[0]) != tuple(coords[-1]):
        return np.vstack([coords, coords[:1]])
    return coords


class _Stacked:
    """Parts' coordinates stacked into one array, with the part index of every row."""

    def __init__(self, parts: list[np.ndarray]):
        if not parts:
            self.coords, self.indices = np.empty((0, 3)), np.empty(0, dtype=np.intp)
            return
        lengths = np.fromiter((len(p) for p in parts), dtype=np.intp, count=len(parts))
        self.coords = np.vstack(parts)
        self.indices = np.repeat(np.arange(len(parts)), lengths)


def _assemble(leaves: np.ndarray, owners: np.ndarray, count: int) -> np.ndarray:
    """Group leaves by feature: single leaf as is, else Multi* or GeometryCollection."""
    order = np.argsort(owners, kind="stable")
    leaves, owners = leaves[order], owners[order]
    per_feature = np.bincount(owners, minlength=count)
    geoms = np.full(count, None, dtype=object)
    single = per_feature[owners] == 1
    geoms[owners[single]] = leaves[single]
    multi = ~single
    if not multi.any():
        return geoms
    m_leaves, m_owners = leaves[multi], owners[multi]
    kinds = shapely.get_type_id(m_leaves)
    features = np.unique(m_owners)
    # per feature: the kind shared by all its leaves, or -1 for mixed
    lo = np.full(count, 99)
    hi = np.full(count, -1)
    np.minimum.at(lo, m_owners, kinds)
    np.maximum.at(hi, m_owners, kinds)
    for kind, constructor in ((0, shapely.multipoints), (1, shapely.multilinestrings),
                              (3, shapely.multipolygons), (-1, shapely.geometrycollections)):
        if kind >= 0:
            chosen = features[(lo[features] == kind) & (hi[features] == kind)]
        else:
            chosen = features[lo[features] != hi[features]]
        if len(chosen) == 0:
            continue
        take = np.isin(m_owners, chosen)
        _, local = np.unique(m_owners[take], return_inverse=True)
        geoms[chosen] = constructor(m_leaves[take], indices=local)
    return geoms
