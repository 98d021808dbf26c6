"""Writing layers to KML or KMZ for Google Earth, 奥维 and phone apps.

Each layer is a nested ``<Document>`` holding its own ``<Schema>`` and placemarks,
the way GDAL's LIBKML driver writes layers: LIBKML resolves a SchemaData's schema
only inside the container it reads as a layer (in a KMZ a Schema elsewhere leaves the
layer without its fields), and reads every container as a layer — so a container
holding only other containers shows up in QGIS as an empty layer. A "/" in a layer
name nests it in a Folder (how the KML reader names nested folders, so a write–read
round trip gives the same layers). SimpleField types keep the attribute types, names
and text are UTF-8, coordinates are WGS 84 lon/lat with 9 decimals (≈0.1 mm) and keep
their Z; measures (M) have no place in KML.
Polygon outer rings are written counter-clockwise as the KML specification asks.
The file is written to a temporary file beside the target and moved into place, so
a failed export never leaves half a file behind.
"""

from __future__ import annotations

import math
import os
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS

from ecomap.core.atomic import atomic_target
from ecomap.core.layers import VectorLayer, field_kind
from ecomap.errors import DataError
from ecomap.i18n import tr

KML_NS = "http://www.opengis.net/kml/2.2"
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

Color = str | Sequence[int] | Any  # "#RRGGBB", "#AARRGGBB" (Qt), (r, g, b[, a]) or a QColor


@dataclass(frozen=True)
class KmlStyle:
    """How a layer looks in Google Earth. Colours as "#RRGGBB", Qt's "#AARRGGBB",
    (r, g, b[, a]) with 0–255 components, or anything with red()/green()/blue()/alpha()."""

    stroke: Color | None = "#FF0000"
    fill: Color | None = (255, 0, 0, 64)
    width: float = 2.0


@dataclass
class _Out:
    name: str
    frame: gpd.GeoDataFrame
    #: one style for the layer, or one per feature (a categorized layer in one folder)
    style: KmlStyle | list[KmlStyle]
    aliases: dict[str, str] = field(default_factory=dict)  # field → title (KML displayName)


@dataclass
class _Node:
    """A folder in the output; ``layer`` is the index of the layer whose placemarks it holds."""

    name: str
    layer: int | None = None
    children: list[_Node] = field(default_factory=list)


def kml_color(color: Color | None) -> str:
    """A colour as KML's aabbggrr hex string."""
    if color is None:
        return "00000000"
    if isinstance(color, str):
        hex_digits = color.lstrip("#")
        if len(hex_digits) == 6:
            (r, g, b), a = (int(hex_digits[i:i + 2], 16) for i in (0, 2, 4)), 255
        elif len(hex_digits) == 8:  # Qt's HexArgb
            a, r, g, b = (int(hex_digits[i:i + 2], 16) for i in (0, 2, 4, 6))
        else:
            raise ValueError(f"colour {color!r} is not #RRGGBB or #AARRGGBB")
    elif all(hasattr(color, m) for m in ("red", "green", "blue", "alpha")):
        r, g, b, a = color.red(), color.green(), color.blue(), color.alpha()
    else:
        parts = [int(v) for v in color]
        r, g, b = parts[:3]
        a = parts[3] if len(parts) > 3 else 255
    return f"{a:02x}{b:02x}{g:02x}{r:02x}"


def write(layers, path: str | os.PathLike, name_field: str | None = None,
          styles: KmlStyle | Mapping[str, KmlStyle | dict] | Sequence[KmlStyle | dict] | None = None,
          kmz: bool | None = None, document_name: str | None = None, nest_folders: bool = True) -> Path:
    """Write layers to a KML (or KMZ: zipped doc.kml) file and return its path.

    ``layers``: a VectorLayer, a GeoDataFrame, ``(name, GeoDataFrame)`` pairs, a
    mapping name → GeoDataFrame, or a list of any of these. ``styles``: one for all,
    one per layer (by name or position), and for a layer either a style or a list with
    one style per feature. ``name_field``: the
    column shown as each placemark's name (default: a column called ``name``); all
    other columns, and ``name_field`` itself when it is not ``name``, go into
    ExtendedData. ``kmz``: zip the document; default from the file's extension.
    """
    path = Path(path)
    kmz = path.suffix.lower() == ".kmz" if kmz is None else kmz
    outs = _normalise(layers, path, styles, name_field)
    text = "".join(_document(outs, document_name or path.stem, name_field, nest_folders))
    _atomic_write(path, text.encode("utf-8"), kmz)
    return path


# --------------------------------------------------------------------------- inputs
def _pairs(layers, default_name: str) -> Iterable[tuple[str, gpd.GeoDataFrame, CRS | None, dict]]:
    if isinstance(layers, (VectorLayer, gpd.GeoDataFrame)) or (
            isinstance(layers, tuple) and len(layers) == 2 and isinstance(layers[0], str)):
        layers = [layers]
    elif isinstance(layers, Mapping):
        layers = list(layers.items())
    for item in layers:
        if isinstance(item, VectorLayer):
            crs = item.features.crs if item.features.crs is not None else item.crs_info.crs()
            yield item.name, item.features, crs, item.field_aliases
        elif isinstance(item, gpd.GeoDataFrame):
            yield default_name, item, item.crs, {}
        else:
            name, frame = item
            yield str(name), frame, frame.crs, {}


def _style_for(styles, index: int, name: str, count: int) -> KmlStyle | list[KmlStyle]:
    style: Any = None
    if isinstance(styles, KmlStyle):
        style = styles
    elif isinstance(styles, Mapping):
        style = styles.get(name)
    elif styles is not None:
        style = styles[index] if index < len(styles) else None
    if isinstance(style, list | np.ndarray):
        if len(style) != count:
            raise ValueError(f"{len(style)} feature styles for the {count} features of layer {name!r}")
        converted = {id(s): _one_style(s) for s in style}
        return [converted[id(s)] for s in style]
    return _one_style(style)


def _one_style(style) -> KmlStyle:
    if isinstance(style, Mapping):
        style = KmlStyle(**style)
    return style or KmlStyle()


def _normalise(layers, path: Path, styles, name_field: str | None) -> list[_Out]:
    outs = []
    for i, (name, frame, crs, aliases) in enumerate(_pairs(layers, path.stem)):
        if name_field is not None and name_field not in frame.columns:
            raise DataError(path, tr("layer '{layer}' has no field '{field}'").format(layer=name, field=name_field))
        if crs is None:
            raise DataError(path, tr("layer '{name}' has no coordinate system; it cannot be written to KML")
                            .format(name=name))
        if frame.crs is None:
            frame = frame.set_crs(crs)
        if not CRS.from_user_input(frame.crs).equals(CRS.from_epsg(4326)):
            frame = frame.to_crs(4326)
        outs.append(_Out(name, frame, _style_for(styles, i, name, len(frame)), dict(aliases)))
    if not outs:
        raise DataError(path, tr("there are no layers to write"))
    return outs


# --------------------------------------------------------------------------- XML text
def _text(value: object) -> str:
    return escape(_INVALID_XML.sub("", str(value)))


def _attr(value: object) -> str:
    return quoteattr(_INVALID_XML.sub("", str(value)))


# KML SimpleField types for our field kinds (dates travel as text)
_KML_TYPES = {"boolean": "bool", "integer": "int", "real": "double"}


def _value_text(value: object) -> str | None:
    """The KML text for an attribute value, or None for a missing value."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float | np.floating):
        return None if math.isnan(value) else repr(float(value))
    if isinstance(value, bool | np.bool_):
        return "true" if value else "false"
    if isinstance(value, np.integer):
        return str(int(value))
    if isinstance(value, datetime | date | pd.Timestamp):
        return value.isoformat()
    return str(value)


def _folders(outs: list[_Out], nest: bool) -> list[_Node]:
    roots: list[_Node] = []
    for index, out in enumerate(outs):
        parts = [p for p in out.name.split("/") if p] if nest else [out.name]
        parts = parts or [out.name]
        siblings = roots
        for depth, part in enumerate(parts):
            last = depth == len(parts) - 1
            node = next((n for n in siblings if n.name == part and not (last and n.layer is not None)), None)
            if node is None:
                node = _Node(part)
                siblings.append(node)
            if last:
                node.layer = index
            siblings = node.children
    return roots


def _style_table(outs: list[_Out]) -> tuple[list[KmlStyle], list[np.ndarray]]:
    """The distinct styles of the document and, per layer, each feature's index into them."""
    table: list[KmlStyle] = []

    def index_of(style: KmlStyle) -> int:
        for i, known in enumerate(table):
            if known == style:
                return i
        table.append(style)
        return len(table) - 1

    per_layer = []
    for out in outs:
        if isinstance(out.style, list):
            distinct = {id(s): index_of(s) for s in out.style}
            per_layer.append(np.array([distinct[id(s)] for s in out.style], dtype=np.int64))
        else:
            per_layer.append(np.full(len(out.frame), index_of(out.style), dtype=np.int64))
    return table, per_layer


def _style_xml(i: int, s: KmlStyle) -> str:
    return (f'<Style id="style_{i}"><IconStyle><color>{kml_color(s.stroke)}</color></IconStyle>'
            f'<LineStyle><color>{kml_color(s.stroke)}</color><width>{s.width:g}</width></LineStyle>'
            f'<PolyStyle><color>{kml_color(s.fill)}</color>'
            f'<fill>{0 if s.fill is None else 1}</fill><outline>{0 if s.stroke is None else 1}</outline>'
            '</PolyStyle></Style>\n')


def _schema_xml(i: int, out: _Out, name_field: str | None) -> str:
    fields = _data_columns(out.frame, name_field)
    if not fields:
        return ""
    parts = [f'<Schema name={_attr(out.name)} id="schema_{i}">']
    for column in fields:
        title = out.aliases.get(column)
        kind = _KML_TYPES.get(field_kind(out.frame[column].dtype), "string")
        parts.append(f'<SimpleField name={_attr(column)} type="{kind}">'
                     + (f"<displayName>{_text(title)}</displayName>" if title else "") + "</SimpleField>")
    return "".join(parts) + "</Schema>\n"


def _document(outs: list[_Out], title: str, name_field: str | None, nest: bool) -> Iterable[str]:
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield f'<kml xmlns="{KML_NS}">\n<Document>\n<name>{_text(title)}</name>\n'
    table, style_ids = _style_table(outs)
    for i, style in enumerate(table):
        yield _style_xml(i, style)
    for node in _folders(outs, nest):
        yield from _folder(node, outs, style_ids, name_field)
    yield "</Document>\n</kml>\n"


def _data_columns(frame: gpd.GeoDataFrame, name_field: str | None) -> list:
    """Columns written as ExtendedData (their labels as in the frame, not necessarily str)."""
    skip = {frame.geometry.name, "description", "styleUrl"}
    if name_field in (None, "name"):
        skip.add("name")
    return [c for c in frame.columns if c not in skip]


def _folder(node: _Node, outs: list[_Out], style_ids: list[np.ndarray], name_field: str | None) -> Iterable[str]:
    tag = "Folder" if node.layer is None else "Document"
    yield f"<{tag}><name>{_text(node.name)}</name>\n"
    if node.layer is not None:
        yield _schema_xml(node.layer, outs[node.layer], name_field)
        yield from _placemarks(node.layer, outs[node.layer], style_ids[node.layer], name_field)
    for child in node.children:
        yield from _folder(child, outs, style_ids, name_field)
    yield f"</{tag}>\n"


def _placemarks(index: int, out: _Out, style_ids: np.ndarray, name_field: str | None) -> Iterable[str]:
    frame = out.frame
    label = name_field if name_field is not None else ("name" if "name" in frame.columns else None)
    fields = _data_columns(frame, name_field)
    geoms = np.asarray(frame.geometry.array, dtype=object)
    if hasattr(shapely, "orient_polygons"):  # shapely ≥ 2.1
        geoms = shapely.orient_polygons(geoms, exterior_cw=False)
    names = frame[label].tolist() if label else [None] * len(frame)
    descriptions = frame["description"].tolist() if "description" in frame.columns else [None] * len(frame)
    columns = [frame[c].tolist() for c in fields]
    styles = style_ids.tolist()
    for row, geom in enumerate(geoms):
        parts = ["<Placemark>"]
        name = _value_text(names[row])
        if name is not None:
            parts.append(f"<name>{_text(name)}</name>")
        description = _value_text(descriptions[row])
        if description:
            parts.append(f"<description>{_text(description)}</description>")
        parts.append(f"<styleUrl>#style_{styles[row]}</styleUrl>")
        values = [(f, _value_text(col[row])) for f, col in zip(fields, columns)]
        values = [(f, v) for f, v in values if v is not None]
        if values:
            parts.append(f'<ExtendedData><SchemaData schemaUrl="#schema_{index}">')
            parts.extend(f"<SimpleData name={_attr(f)}>{_text(v)}</SimpleData>" for f, v in values)
            parts.append("</SchemaData></ExtendedData>")
        parts.append(_geometry(geom))
        parts.append("</Placemark>\n")
        yield "".join(parts)


def _coordinates(geom) -> str:
    coords = shapely.get_coordinates(geom, include_z=bool(shapely.has_z(geom)))
    fmt = "%.9f,%.9f,%.3f" if coords.shape[1] == 3 else "%.9f,%.9f"
    return " ".join([fmt] * len(coords)) % tuple(coords.ravel())


def _geometry(geom) -> str:
    if geom is None or shapely.is_empty(geom):
        return ""
    kind = shapely.get_type_id(geom)
    if kind == 0:
        return f"<Point><coordinates>{_coordinates(geom)}</coordinates></Point>"
    if kind in (1, 2):
        return f"<LineString><coordinates>{_coordinates(geom)}</coordinates></LineString>"
    if kind == 3:
        rings = [(f"<outerBoundaryIs><LinearRing><coordinates>{_coordinates(geom.exterior)}"
                 "</coordinates></LinearRing></outerBoundaryIs>")]
        rings += [f"<innerBoundaryIs><LinearRing><coordinates>{_coordinates(ring)}"
                  "</coordinates></LinearRing></innerBoundaryIs>" for ring in geom.interiors]
        return "<Polygon>" + "".join(rings) + "</Polygon>"
    parts = shapely.get_parts(geom)
    return "<MultiGeometry>" + "".join(_geometry(p) for p in parts) + "</MultiGeometry>"


# --------------------------------------------------------------------------- file
def _atomic_write(path: Path, data: bytes, kmz: bool) -> None:
    with atomic_target(path) as tmp:
        if kmz:
            with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                archive.writestr("doc.kml", data)
        else:
            tmp.write_bytes(data)
