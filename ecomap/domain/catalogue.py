"""The thematic layer catalogue: which kinds of layer EcoMap knows and how to recognise them.

Public API:

* :data:`THEMES` (id → :class:`Theme`), :func:`get_theme`, :func:`themes`
* :func:`match_theme` ``(columns, layer_name, geometry_type=None) -> (theme, mapping, unmapped)``
  recognises a theme from a layer's columns and name; ``mapping`` is
  ``{source column: canonical field}``.
* :func:`apply_mapping` renames a frame's columns to the canonical names and, with
  ``normalize_values``, folds enumerated values (Ⅲ类 → Ⅲ, 完工 → 竣工, …).
* :func:`default_style` ``(theme_id)`` — the default symbology dict (None for tables).
* :data:`SAMPLE_LAYERS` / :data:`SAMPLE_LAYER_ORDER` — the sample county's layers in
  drawing order (bottom first), for building the sample project.

How matching scores: each column is compared with each theme's field names, Chinese
aliases, variants and their shapefile-truncated forms after :func:`normalize_key`.
A matched key is worth ``1 / (number of themes that know the key)``, so a field
only red lines have (HXBM) counts fully while a name every theme has (XZMC) counts
little. A keyword of the theme in the layer name adds 1.5. The best theme must score
at least :data:`MIN_SCORE`.

No Qt here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from ecomap.domain import lifecycle as lc
from ecomap.domain import symbology
from ecomap.domain import vocab as v
from ecomap.domain.schema import Field, Theme, normalize_key
from ecomap.domain.themes import THEME_LIST, WATER_CLASS_FIELD
from ecomap.domain.water_quality import parse_class

__all__ = [
    "MIN_SCORE",
    "SAMPLE_LAYERS",
    "SAMPLE_LAYER_ORDER",
    "SAMPLE_TABLES",
    "THEMES",
    "WATER_CLASS_FIELD",
    "Field",
    "SampleLayer",
    "Theme",
    "apply_mapping",
    "default_style",
    "get_theme",
    "match_theme",
    "normalize_key",
    "normalize_value",
    "themes",
]

THEMES: dict[str, Theme] = {t.id: t for t in THEME_LIST}

#: Minimum score for a layer to be recognised as a theme (one distinctive field, or the name).
MIN_SCORE = 1.0
_NAME_BONUS = 1.5
_GEOMETRY_COLUMNS = frozenset({"geometry", "geom", "shape", "wkb_geometry", "the_geom"})


def get_theme(theme_id: str) -> Theme:
    try:
        return THEMES[theme_id]
    except KeyError:
        raise KeyError(f"unknown theme {theme_id!r}") from None


def themes() -> tuple[Theme, ...]:
    return THEME_LIST


def default_style(theme_id: str) -> dict | None:
    """Default style dict of a theme (a fresh copy; None for attribute tables)."""
    get_theme(theme_id)
    return symbology.build_default_style(theme_id)


# ----------------------------------------------------------------------------- matching


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, dict[str, tuple[Field, int]]], dict[str, int]]:
    """Per theme: key → (field, priority); and how many themes know each key."""
    per_theme: dict[str, dict[str, tuple[Field, int]]] = {}
    counts: dict[str, int] = {}
    for theme in THEME_LIST:
        lookup: dict[str, tuple[Field, int]] = {}
        for f in theme.fields:
            for key, prio in f.match_keys():
                # the strongest claim wins; on a tie the first field in schema order
                if key not in lookup or prio < lookup[key][1]:
                    lookup[key] = (f, prio)
        per_theme[theme.id] = lookup
        for key in lookup:
            counts[key] = counts.get(key, 0) + 1
    return per_theme, counts


def _name_score(theme: Theme, layer_name: str) -> float:
    """Bonus when the layer (or file) name contains one of the theme's keywords."""
    if not layer_name:
        return 0.0
    name_key = normalize_key(layer_name)
    tokens = {normalize_key(t) for t in re.split(r"[^0-9A-Za-z\u4e00-\u9fff]+", str(layer_name)) if t}
    best = 0
    for word in theme.layer_names:
        key = normalize_key(word)
        if not key:
            continue
        ascii_word = key.isascii()
        hit = key in tokens if (ascii_word and len(key) <= 3) else key in name_key
        if hit:
            best = max(best, len(key))
    return _NAME_BONUS + 0.02 * best if best else 0.0


def _geometry_family(geometry_type) -> str | None:
    if geometry_type is None:
        return None
    g = str(geometry_type).lower().replace("multi", "")
    if g in ("", "none", "null", "table"):
        return None
    for family in ("Point", "LineString", "Polygon"):
        if family.lower() in g:
            return family
    return "Mixed"


def _map_columns(theme: Theme, columns: list) -> tuple[dict, float]:
    """Best column per field: (mapping source → canonical, score)."""
    lookup = _index()[0][theme.id]
    counts = _index()[1]
    best: dict[str, tuple[int, int, object, str]] = {}  # field name → (prio, col order, col, key)
    for order, col in enumerate(columns):
        key = normalize_key(col)
        hit = lookup.get(key)
        if hit is None:
            continue
        f, prio = hit
        if f.name not in best or (prio, order) < best[f.name][:2]:
            best[f.name] = (prio, order, col, key)
    mapping = {}
    score = 0.0
    for fname, (_prio, _order, col, key) in sorted(best.items(), key=lambda kv: kv[1][1]):
        mapping[col] = fname
        score += 1.0 / counts[key]
    return mapping, score


def match_theme(columns: Iterable, layer_name: str = "", geometry_type=None,
                min_score: float = MIN_SCORE) -> tuple[Theme | None, dict, list]:
    """Recognise the theme of a layer.

    ``columns`` are the layer's attribute names (a geometry column is ignored),
    ``layer_name`` its layer or file name, ``geometry_type`` ('Point', 'Polygon', …,
    None for an attribute table) when known — a theme of another geometry is then
    not considered. Returns ``(theme, mapping, unmapped)`` with ``mapping`` =
    {source column: canonical field name} and ``unmapped`` the other columns, or
    ``(None, {}, all columns)`` when nothing scores :data:`MIN_SCORE`.
    """
    cols = [c for c in columns if str(c).lower() not in _GEOMETRY_COLUMNS]
    family = _geometry_family(geometry_type) if geometry_type != "any" else "any"
    best: tuple[float, float, int, Theme, dict] | None = None
    for rank, theme in enumerate(THEME_LIST):
        if geometry_type is not None and family not in ("any", "Mixed") and theme.geometry != family:
            continue
        mapping, field_score = _map_columns(theme, cols)
        score = field_score + _name_score(theme, layer_name)
        coverage = len(mapping) / max(1, len(theme.stored_fields))
        candidate = (score, coverage, -rank, theme, mapping)
        if best is None or candidate[:3] > best[:3]:
            best = candidate
    if best is None or best[0] < min_score:
        return None, {}, list(cols)
    theme, mapping = best[3], best[4]
    return theme, mapping, [c for c in cols if c not in mapping]


# ----------------------------------------------------------------------------- values

_YES = {"是", "y", "yes", "true", "1", "有", "√"}
_NO = {"否", "n", "no", "false", "0", "无", "×"}


def normalize_value(field: Field, value):
    """Canonical spelling of an enumerated value; other values come back unchanged.

    Water classes ("III类", "3" → "Ⅲ"), stages and statuses (完工 → 竣工), 是/否
    ("Y", "1", True → 是), integer category codes ("1" → 1) and two-digit red-line
    type codes (13.0 → "13"). Unknown spellings are returned as they were, so a
    validator can report them.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return value
    if field.role in ("target_class", "water_class"):
        return parse_class(value) or value
    if field.role in ("from_stage", "to_stage") or (
            field.values and set(field.values) & set(lc.RESTORATION_STAGES + lc.RECTIFICATION_STATUSES)):
        s = lc.normalize_state(value)
        return s if s else value
    if field.values == v.YES_NO:
        s = str(value).strip().lower()
        return "是" if s in _YES else "否" if s in _NO else value
    if field.type == "int" and field.values:
        try:
            return int(float(value))
        except (TypeError, ValueError):
            return value
    if field.role == "type_code":
        s = str(value).strip()
        return s.removesuffix(".0")
    if isinstance(value, str):
        return value.strip()
    return value


def apply_mapping(frame: pd.DataFrame, mapping: Mapping, theme: Theme | str | None = None,
                  normalize_values: bool = True) -> pd.DataFrame:
    """A copy of ``frame`` with columns renamed to canonical names (GeoDataFrames stay geo).

    Columns not in ``mapping`` are kept as they are; a rename that would collide with
    an existing unmapped column is skipped. With ``theme`` and ``normalize_values``,
    enumerated fields get canonical values (:func:`normalize_value`).
    """
    rename = {}
    taken = set(frame.columns) - set(mapping)
    for src, dst in mapping.items():
        if src in frame.columns and src != dst and dst not in taken:
            rename[src] = dst
            taken.add(dst)
    out = frame.rename(columns=rename)
    if isinstance(theme, str):
        theme = get_theme(theme)
    if theme is not None and normalize_values:
        for f in theme.fields:
            if f.name not in out.columns or not (f.values or f.role in ("from_stage", "to_stage")):
                continue
            col = out[f.name]
            uniques = pd.unique(col.dropna())
            table = {u: normalize_value(f, u) for u in uniques}
            if any(table[u] != u or type(table[u]) is not type(u) for u in uniques):
                out[f.name] = col.map(table, na_action="ignore")
    return out


# ----------------------------------------------------------------------------- the sample county


@dataclass(frozen=True)
class SampleLayer:
    """One layer of the sample project: file (relative to sample_data/), layer, theme, visibility."""

    name: str
    path: str
    layer: str | None
    theme_id: str | None
    kind: str  # "vector" | "raster"
    visible: bool

    def style(self) -> dict | None:
        if self.kind == "raster":
            key = "ndvi" if self.name.startswith("ndvi") else self.name
            return dict(symbology.RASTER_STYLES.get(key, symbology.RASTER_STYLES["dem"]))
        return default_style(self.theme_id) if self.theme_id else None


def _v(name: str, visible: bool) -> SampleLayer:
    return SampleLayer(name, "county.gpkg", name, name, "vector", visible)


def _r(name: str, visible: bool) -> SampleLayer:
    return SampleLayer(name, f"{name}.tif", None, None, "raster", visible)


#: Drawing order, bottom first.
SAMPLE_LAYERS: tuple[SampleLayer, ...] = (
    _r("basemap", True), _r("dem", False), _r("ndvi_2019", False), _r("ndvi_2024", False),
    _v("grazing_zones", False), _v("breeding_ban_zones", False), _v("drinking_water_zones", False),
    _v("redlines", True), _v("mine_areas", False), _v("subsidence", True), _v("restoration_projects", True),
    _v("lakes", True), _v("rivers", True), _v("roads", True), _v("townships", True), _v("county", True),
    _v("villages", False), _v("farms", False), _v("tailings_ponds", False), _v("mines", True),
    _v("water_sections", True), _v("rectification_items", False),
)
SAMPLE_LAYER_ORDER: tuple[str, ...] = tuple(s.name for s in SAMPLE_LAYERS)
#: Attribute-only tables of county.gpkg (not drawn).
SAMPLE_TABLES: tuple[str, ...] = ("water_measurements", "restoration_history", "metadata")
