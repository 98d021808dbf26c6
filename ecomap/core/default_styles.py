"""The style a layer gets when it is added: the catalogue's for a known theme, else a plain one.

Plain styles cycle through a few distinguishable colours so that three Shapefiles
dropped one after the other do not all come out the same green. The themes are the
ones registered in :mod:`ecomap.core.themes` (the domain catalogue, once services is imported).
"""

from __future__ import annotations

import itertools

from ecomap.core.style import RasterStyle, SingleStyle, Symbol
from ecomap.core.themes import find_theme, theme_catalogue

_PALETTE = ["#e41a1c", "#377eb8", "#4daf4a", "#984ea3", "#ff7f00", "#a65628", "#f781bf", "#999999"]
_counter = itertools.count()


def catalogue_style(theme: str | None):
    """The theme catalogue's default style for ``theme``, or None (no catalogue, or unknown id)."""
    if not theme:
        return None
    try:
        style = theme_catalogue().default_style(theme)
    except (KeyError, ValueError, LookupError):
        return None
    if isinstance(style, dict):
        from ecomap.core.style import style_from_dict

        return style_from_dict(style)
    return style


def default_style_for(layer, theme: str | None = None):
    style = catalogue_style(theme)
    if style is not None:
        return style
    if getattr(layer, "kind", None) == "raster":
        return RasterStyle(mode="rgb" if getattr(layer, "band_count", 1) >= 3 else "gray")
    color = _PALETTE[next(_counter) % len(_PALETTE)]
    kind = getattr(layer, "geometry_type", None)
    if kind == "Point":
        return SingleStyle(symbol=Symbol(fill=color + "ff", stroke="#333333ff", stroke_width=0.2,
                                         marker="circle", size=2.5))
    if kind == "LineString":
        return SingleStyle(symbol=Symbol(fill=None, stroke=color + "ff", stroke_width=0.5))
    return SingleStyle(symbol=Symbol(fill=color + "80", stroke=color + "ff", stroke_width=0.26))


def detect_theme(layer) -> tuple[str | None, dict[str, str]]:
    """(theme id, {column: Chinese alias}) recognised from a vector layer's columns and name.

    Columns that map to a theme field get that field's alias; the theme id is returned
    only when the theme's default style can draw this layer as it is (the fields the
    style uses exist under their canonical names), so a recognised layer looks right at once.
    """
    if getattr(layer, "kind", None) != "vector":
        return None, {}
    columns = list(layer.attribute_columns)
    try:
        theme, mapping, _ = theme_catalogue().match_theme(columns, layer.name, layer.geometry_type)
    except Exception:  # noqa: BLE001 — recognising is a convenience; never fail adding a layer over it
        return None, {}
    if theme is None:
        return None, {}
    by_name = {f.name: f for f in theme.fields}
    aliases = {src: by_name[dst].alias for src, dst in mapping.items() if dst in by_name}
    style = catalogue_style(theme.id)
    needed = {getattr(style, "field", None), getattr(getattr(style, "labels", None), "field", None)} - {None, ""}
    usable = all(f in columns for f in needed)
    return (theme.id if usable else None), aliases


def apply_theme_aliases(layer, theme: str | None) -> None:
    """Give a layer's fields the Chinese names of its catalogue theme (its own aliases win)."""
    if getattr(layer, "kind", None) != "vector":
        return
    found = find_theme(theme)
    if found is None:
        return
    columns = set(layer.attribute_columns)
    for f in found.fields:
        if f.name in columns:
            layer.field_aliases.setdefault(f.name, f.alias)
