"""Layers and their symbology as KML containers: what a categorized layer looks like in Google Earth and QGIS.

A layer exported on its own with a categorized (or graduated) style becomes the KML
Document itself, named after the layer, with one container per category: Google
Earth shows 生态保护红线 ▸ 水源涵养 / 水土保持 …, and GDAL (QGIS) lists one layer per
category with every attribute — not an empty layer for the parent, which is what GDAL
makes of a container that holds only containers. In a file of several layers each
layer stays one container (one QGIS layer) and its placemarks carry their category's
colours.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np

from ecomap.errors import DataError
from ecomap.i18n import tr


def kml_style_of(style):
    """KmlStyle(s) for a style: one for a single symbol, ([(key, label, KmlStyle)], default) for classes."""
    from ecomap.core.style import parse_color
    from ecomap.io.kml_writer import KmlStyle

    def convert(symbol):
        if symbol is None:
            return KmlStyle()
        fill = parse_color(symbol.fill) if symbol.fill else None
        stroke = parse_color(symbol.stroke) if symbol.stroke else None
        if fill is not None and symbol.opacity != 1.0:
            fill = (*fill[:3], int(fill[3] * symbol.opacity))
        if symbol.marker and fill is not None:
            stroke = fill  # KML colours point icons with the line colour
        width_px = symbol.stroke_width * 96 / 25.4 if symbol.stroke_unit == "mm" else symbol.stroke_width
        return KmlStyle(stroke=stroke, fill=fill, width=max(1.0, round(width_px, 1)))

    kind = getattr(style, "type", None)
    if kind == "single":
        return convert(style.symbol)
    if kind == "categorized":
        return [(c.value, c.label, convert(c.symbol)) for c in style.categories], \
            (convert(style.default) if style.default is not None else None)
    if kind == "graduated":
        return [((r.lower, r.upper), r.label, convert(r.symbol)) for r in style.ranges], None
    return KmlStyle()


def class_masks(style, frame: gpd.GeoDataFrame, classes) -> list[np.ndarray]:
    """For each class of a categorized/graduated style, the rows it draws (first match wins)."""
    kind = getattr(style, "type", "")
    used = np.zeros(len(frame), bool)
    masks = []
    for key, _label, _kstyle in classes:
        if kind == "categorized":
            mask = _matches(frame[style.field], key)
        else:
            values = frame[style.field].astype(float).to_numpy()
            mask = (values >= key[0]) & (values <= key[1])
        mask &= ~used
        used |= mask
        masks.append(mask)
    return masks


def write_kml(items, frames: list[gpd.GeoDataFrame], path: Path, name_field: str | None,
              split: bool) -> dict[str, dict[str, str]]:
    """Write export items (already in lon/lat) as KML/KMZ; see the module docstring.

    Returns, per layer, the columns renamed because GDAL's KML drivers reserve their names.
    """
    from ecomap.core.layout.naming import guess_name_field
    from ecomap.io import kml_writer
    from ecomap.io.export import unique_layer_names
    from ecomap.io.export_fields import kml_renames

    names = unique_layer_names([i.out_name.replace("/", "／") for i in items])
    for frame, name in zip(frames, names):
        if name_field and name_field not in frame.columns:
            raise DataError(path, tr("layer '{layer}' has no field '{field}'").format(layer=name, field=name_field))
    field = name_field or (guess_name_field(items[0].layer, items[0].theme) if len(items) == 1
                           else _common_field(items, frames))
    if field is not None and not all(field in f.columns for f in frames):
        field = None
    parts, styles, renamed = [], [], {}
    document = path.stem
    for item, frame, name in zip(items, frames, names):
        renames = kml_renames(frame, consumed=("description", "styleUrl", field or "name"))
        if renames:
            frame = frame.rename(columns=renames)
            renamed[item.out_name] = renames
        converted = kml_style_of(item.style) if item.style is not None else None
        if not isinstance(converted, tuple):
            parts.append((name, frame))
            styles.append(converted if isinstance(converted, kml_writer.KmlStyle) else kml_writer.KmlStyle())
            continue
        classes, default = converted
        default = default or kml_writer.KmlStyle()
        masks = class_masks(item.style, frame.rename(columns={v: k for k, v in renames.items()}), classes)
        if split and len(items) == 1:
            document = name
            labels = unique_layer_names([str(label).replace("/", "／") for _key, label, _style in classes]
                                        + [tr("Other")])
            rest = ~np.logical_or.reduce(masks) if masks else np.ones(len(frame), bool)
            for label, kstyle, mask in zip(labels, [c[2] for c in classes] + [default], [*masks, rest]):
                if mask.any():
                    parts.append((label, frame[mask]))
                    styles.append(kstyle)
        else:
            per_feature = np.empty(len(frame), dtype=object)
            per_feature[:] = [default] * len(frame)
            for (_key, _label, kstyle), mask in zip(classes, masks):
                per_feature[mask] = kstyle
            parts.append((name, frame))
            styles.append(per_feature)
    kml_writer.write(parts, path, name_field=field, styles=styles, kmz=path.suffix.lower() == ".kmz",
                     document_name=document, nest_folders=False)
    return renamed


def _common_field(items, frames):
    """A name field every layer has (the KML writer takes one), else None: placemarks named by 'name'."""
    from ecomap.core.layout.naming import guess_name_field

    guesses = {guess_name_field(i.layer, i.theme) for i in items}
    if len(guesses) == 1:
        field = guesses.pop()
        if field and all(field in f.columns for f in frames):
            return field
    return None


def _key(value):
    """Category values compare as text (a code stored as 11 in one file, "11" in another)."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    return str(value)


def _matches(series, value) -> np.ndarray:
    keys = np.array([_key(v) for v in series.tolist()], dtype=object)
    return keys == _key(value)
