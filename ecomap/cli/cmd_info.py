"""描述数据文件的图层、坐标系、字段与编码 / Describe a data file: layers, CRS, fields, encoding."""

from __future__ import annotations

import json
import math
from datetime import date, datetime, time
from decimal import Decimal

import numpy as np
import pandas as pd

from ecomap.core.layers import field_kind
from ecomap.core.measure import SQM_PER_HECTARE, SQM_PER_MU
from ecomap.i18n import tr
from ecomap.io.registry import open_path

NAME = "info"


def add_arguments(parser) -> None:
    parser.add_argument("path", help="数据文件或文件夹 / data file or folder")
    parser.add_argument("--json", action="store_true", help="输出 JSON / print one JSON object")


def json_value(value):
    """A strict JSON value for anything a layer may hold: numpy scalars and arrays, NULLs,
    NaN and infinities (null), dates and times (ISO text), bytes (hex), nested lists and dicts."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, str | bool | int):
        return value
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple | np.ndarray):
        return [json_value(v) for v in value]
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if isinstance(value, pd.Timestamp | datetime | date | time):
        return None if pd.isna(value) else value.isoformat()
    if isinstance(value, Decimal):
        return json_value(float(value))
    if pd.api.types.is_scalar(value) and pd.isna(value):
        return None
    return str(value)


def _sample_value(layer, column: str, value):
    """The first feature's value; a JSON field's text as the JSON value it stands for."""
    if column in layer.json_fields and isinstance(value, str):
        try:
            return json_value(json.loads(value))
        except ValueError:
            return value
    return json_value(value)


def describe_vector(layer) -> dict:
    frame = layer.features
    columns = layer.attribute_columns
    sample = {c: _sample_value(layer, c, frame[c].iloc[0]) for c in columns} if len(frame) else {}
    area = layer.total_area_m2()
    return {
        "name": layer.name,
        "geometry_type": layer.geometry_type,
        "feature_count": layer.feature_count,
        "crs": layer.crs_info.to_json(),
        "bounds": list(layer.bounds) if layer.bounds else None,
        "fields": [{"name": c, "type": "json" if c in layer.json_fields else field_kind(frame[c].dtype),
                    "alias": layer.field_aliases.get(c)} for c in columns],
        "encoding": layer.encoding.encoding if layer.encoding else None,
        "encoding_guessed": layer.encoding.guessed if layer.encoding else None,
        "sample": sample,
        "area_m2": area,
        # overlapping features count twice here; the statistics commands dissolve overlaps
        "area_kind": "feature_sum" if area is not None else None,
        "invalid_geometries": layer.invalid_count,
        "notes": layer.notes + layer.geometry_notes,
    }


def describe_raster(layer) -> dict:
    return {
        "kind": "raster",
        "width": layer.width,
        "height": layer.height,
        "band_count": layer.band_count,
        "dtype": layer.dtype,
        "nodata": json_value(layer.nodata),
        "crs": layer.crs_info.to_json(),
        "bounds": list(layer.bounds),
        "overviews": layer.overview_factors,
        "notes": layer.notes,
    }


def describe(path) -> dict:
    layers = open_path(path)
    rasters = [lyr for lyr in layers if lyr.kind == "raster"]
    vectors = [lyr for lyr in layers if lyr.kind == "vector"]
    if rasters and not vectors and len(rasters) == 1:
        return describe_raster(rasters[0])
    result = {"kind": "vector", "layers": [describe_vector(lyr) for lyr in vectors]}
    if rasters:
        result["rasters"] = [describe_raster(r) for r in rasters]
    return result


def _print_table(info: dict) -> None:
    if info["kind"] == "raster":
        _print_raster(info)
        return
    for layer in info["layers"]:
        crs = layer["crs"]
        crs_text = _crs_text(crs)
        rows = [
            (tr("Layer"), layer["name"]),
            (tr("Geometry"), _geometry_label(layer["geometry_type"])),
            (tr("Features"), f"{layer['feature_count']:,}"),
            (tr("CRS"), crs_text),
            (tr("Extent"), ", ".join(f"{v:.3f}" for v in layer["bounds"]) if layer["bounds"] else "—"),
            (tr("Encoding"), (layer["encoding"] or "—") + (f" ({tr('guessed')})" if layer["encoding_guessed"] else "")),
            (tr("Invalid geometries"), str(layer["invalid_geometries"])),
        ]
        if layer["area_m2"] is not None:
            m2 = layer["area_m2"]
            rows.append((tr("Area (sum of features)"), f"{m2:,.1f} m² = {m2 / SQM_PER_HECTARE:,.4f} {tr('ha')} = {m2 / SQM_PER_MU:,.2f} {tr('mu')}"))
        width = max(_display_width(k) for k, _ in rows)
        for key, value in rows:
            print(f"{key}{' ' * (width - _display_width(key))}  {value}")
        print(f"{tr('Fields')}:")
        for field in layer["fields"]:
            value = layer["sample"].get(field["name"])
            if field["type"] == "json" and value is not None:
                value = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
            alias = f" {field['alias']}" if field.get("alias") else ""
            print(f"  {field['name']}{alias} ({field['type']}): {value}")
        for note in layer["notes"] + _crs_notes(crs):
            print(f"{tr('Note')}: {note}")
        print()
    for raster in info.get("rasters", []):
        _print_raster(raster)


def _print_raster(info: dict) -> None:
    crs = info["crs"]
    print(f"{tr('Raster')}: {info['width']} × {info['height']}, {info['band_count']} {tr('bands')}, {info['dtype']}")
    print(f"{tr('CRS')}: {_crs_text(crs)}")
    print(f"{tr('Extent')}: " + ", ".join(f"{v:.3f}" for v in info["bounds"]))
    print(f"{tr('No data')}: {info['nodata']}; {tr('overviews')}: {info['overviews'] or '—'}")
    for note in info["notes"] + _crs_notes(crs):
        print(f"{tr('Note')}: {note}")


def _crs_text(crs: dict) -> str:
    """EPSG code and name; an assumed code is said to be assumed."""
    if crs["epsg"]:
        return f"EPSG:{crs['epsg']} {crs['name']}"
    if crs["assumed_epsg"]:
        return tr("assumed EPSG:{epsg} {name}").format(epsg=crs["assumed_epsg"],
                                                        name=crs.get("assumed_name") or crs["name"])
    return crs["name"] or tr("unknown")


def _crs_notes(crs: dict) -> list[str]:
    """What a Xian 1980 / Beijing 1954 layer needs to be combined with CGCS2000 data."""
    shift = crs.get("datum_shift")
    return [shift["note"]] if shift else []


def _geometry_label(kind: str | None) -> str:
    labels = {"Point": tr("points"), "LineString": tr("lines"), "Polygon": tr("polygons"),
              "Mixed": tr("mixed geometry types")}
    return labels.get(kind, tr("table (no geometry)")) if kind else tr("table (no geometry)")


def _display_width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def run(args) -> int:
    info = describe(args.path)
    if args.json:
        print(json.dumps(json_value(info), ensure_ascii=False, indent=1, allow_nan=False))
    else:
        _print_table(info)
    return 0
