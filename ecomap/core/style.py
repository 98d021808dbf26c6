"""Layer styles: the model, its JSON vocabulary, classification and colour ramps.

One vocabulary serves project files, the defaults under ``resources/`` and the
renderer (see the docstrings of the classes for the keys). ``style_from_dict(d)``
reads it (missing symbol keys take their defaults) and ``.to_dict()`` writes every
key back, so ``style_from_dict(s.to_dict()) == s`` and a complete dictionary
survives ``style_from_dict(d).to_dict() == d`` unchanged.

Styles are frozen dataclasses: a render job snapshots them with the map settings
and may read them from any thread. No Qt here: the renderer turns them into pens
and brushes.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field, fields, replace
from typing import Any

import numpy as np
import pandas as pd

from ecomap.core.json_check import check, shown
from ecomap.errors import DataError
from ecomap.i18n import tr

HATCHES = (None, "diagonal", "cross", "horizontal", "vertical", "dots")
MARKERS = (None, "circle", "square", "triangle", "star", "diamond")
METHODS = ("equal", "quantile", "jenks")
RASTER_MODES = ("gray", "ramp", "rgb", "hillshade")


def parse_color(text: str | None) -> tuple[int, int, int, int] | None:
    """'#rrggbb' or '#rrggbbaa' → (r, g, b, a); None stays None."""
    if text is None:
        return None
    s = str(text).strip().lstrip("#")
    if len(s) not in (6, 8) or any(c not in "0123456789abcdefABCDEF" for c in s):
        raise DataError(None, tr("not a colour: '{text}' (expected #rrggbb or #rrggbbaa)").format(text=text))
    r, g, b = int(s[0:2], 16), int(s[2:4], 16), int(s[4:6], 16)
    a = int(s[6:8], 16) if len(s) == 8 else 255
    return r, g, b, a


def color_hex(rgba) -> str:
    r, g, b, a = (round(v) for v in rgba)
    return f"#{r:02x}{g:02x}{b:02x}{a:02x}"


# ----------------------------------------------------------------------------- symbols

@dataclass(frozen=True)
class Symbol:
    """How one feature is drawn: fill, outline, hatch, marker (points), opacity."""

    fill: str | None = "#4caf50a0"
    stroke: str | None = "#282828ff"
    stroke_width: float = 0.26
    stroke_unit: str = "mm"  # "mm" | "px"
    dash: tuple[float, ...] | None = None  # in stroke widths, as Qt's QPen.setDashPattern
    hatch: str | None = None
    hatch_color: str = "#000000ff"
    marker: str | None = None
    size: float = 2.5  # marker size, mm
    opacity: float = 1.0

    def to_dict(self) -> dict:
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d["dash"] = list(self.dash) if self.dash is not None else None
        return d

    @classmethod
    def from_dict(cls, d: dict | None) -> Symbol:
        if d is None:
            return cls()
        check(d, SYMBOL_SCHEMA, "symbol", strict=True)
        return _symbol(d)

    def stroke_px(self, dpi: float) -> float:
        return self.stroke_width * dpi / 25.4 if self.stroke_unit == "mm" else self.stroke_width

    def with_fill(self, fill: str | None) -> Symbol:
        return replace(self, fill=fill)


def _symbol(d: dict | None) -> Symbol:
    """A symbol from a dictionary already checked against SYMBOL_SCHEMA."""
    if d is None:
        return Symbol()
    known = {f.name for f in fields(Symbol)}
    kw = {k: v for k, v in d.items() if k in known}
    if kw.get("dash") is not None:
        kw["dash"] = tuple(float(v) if not float(v).is_integer() else int(v) for v in kw["dash"])
    return Symbol(**kw)


def _symbol_or_none(d):
    return None if d is None else _symbol(d)


# ----------------------------------------------------------------------------- labels

@dataclass(frozen=True)
class LabelStyle:
    field: str
    size: float = 9.0  # points
    color: str = "#000000ff"
    halo: str | None = "#ffffffff"

    def to_dict(self) -> dict:
        return {"field": self.field, "size": self.size, "color": self.color, "halo": self.halo}

    @classmethod
    def from_dict(cls, d: dict | None) -> LabelStyle | None:
        if not d:
            return None
        check(d, LABELS_SCHEMA, "labels", strict=True)
        return _labels(d)


def _labels(d: dict | None) -> LabelStyle | None:
    if not d:
        return None
    return LabelStyle(field=d["field"], size=d.get("size", 9.0), color=d.get("color", "#000000ff"),
                      halo=d.get("halo", "#ffffffff"))


# ----------------------------------------------------------------------------- styles

@dataclass(frozen=True)
class _Common:
    labels: LabelStyle | None = None
    min_scale: float | None = None  # hide when zoomed out beyond 1:min_scale
    max_scale: float | None = None  # hide when zoomed in beyond 1:max_scale
    opacity: float = 1.0

    def _common_dict(self) -> dict:
        d: dict[str, Any] = {}
        if self.labels is not None:
            d["labels"] = self.labels.to_dict()
        if self.min_scale is not None:
            d["min_scale"] = self.min_scale
        if self.max_scale is not None:
            d["max_scale"] = self.max_scale
        if self.opacity != 1.0:
            d["opacity"] = self.opacity
        return d

    def visible_at(self, scale: float) -> bool:
        """Visible at 1:scale? min_scale is the most zoomed-out denominator shown."""
        if self.min_scale is not None and scale > self.min_scale:
            return False
        return not (self.max_scale is not None and scale < self.max_scale)


def _common_kw(d: dict) -> dict:
    return {"labels": _labels(d.get("labels")), "min_scale": d.get("min_scale"),
            "max_scale": d.get("max_scale"), "opacity": d.get("opacity", 1.0)}


@dataclass(frozen=True)
class SingleStyle(_Common):
    """``{"type": "single", "symbol": SYMBOL}``"""

    symbol: Symbol = field(default_factory=Symbol)
    type = "single"

    def to_dict(self) -> dict:
        return {"type": "single", "symbol": self.symbol.to_dict(), **self._common_dict()}


@dataclass(frozen=True)
class Category:
    value: Any
    label: str
    symbol: Symbol

    def to_dict(self) -> dict:
        return {"value": self.value, "label": self.label, "symbol": self.symbol.to_dict()}


@dataclass(frozen=True)
class CategorizedStyle(_Common):
    """``{"type": "categorized", "field": F, "categories": [...], "default": SYMBOL|null}``"""

    field: str = ""
    categories: tuple[Category, ...] = ()
    default: Symbol | None = None
    type = "categorized"

    def to_dict(self) -> dict:
        return {"type": "categorized", "field": self.field,
                "categories": [c.to_dict() for c in self.categories],
                "default": self.default.to_dict() if self.default is not None else None,
                **self._common_dict()}


@dataclass(frozen=True)
class Range:
    lower: float
    upper: float
    label: str
    symbol: Symbol

    def to_dict(self) -> dict:
        return {"lower": self.lower, "upper": self.upper, "label": self.label,
                "symbol": self.symbol.to_dict()}


@dataclass(frozen=True)
class GraduatedStyle(_Common):
    """``{"type": "graduated", "field", "method", "classes", "ramp", "ranges": [...]}``"""

    field: str = ""
    method: str = "equal"
    classes: int = 5
    ramp: str = "Reds"
    ranges: tuple[Range, ...] = ()
    type = "graduated"

    def to_dict(self) -> dict:
        return {"type": "graduated", "field": self.field, "method": self.method,
                "classes": self.classes, "ramp": self.ramp,
                "ranges": [r.to_dict() for r in self.ranges], **self._common_dict()}


@dataclass(frozen=True)
class RasterStyle:
    """``{"type": "raster", "mode", "band", "bands", "stretch", "percent", "ramp", "opacity"}``

    Optional ``min_scale``/``max_scale`` as for vectors.
    """

    mode: str = "gray"
    band: int = 1
    bands: tuple[int, int, int] = (1, 2, 3)
    stretch: str = "minmax"  # "minmax" | "percentile"
    percent: tuple[float, float] = (2.0, 98.0)
    ramp: str = "terrain"
    opacity: float = 1.0
    min_scale: float | None = None
    max_scale: float | None = None
    labels = None
    type = "raster"

    def to_dict(self) -> dict:
        d = {"type": "raster", "mode": self.mode, "band": self.band, "bands": list(self.bands),
             "stretch": self.stretch, "percent": list(self.percent), "ramp": self.ramp,
             "opacity": self.opacity}
        if self.min_scale is not None:
            d["min_scale"] = self.min_scale
        if self.max_scale is not None:
            d["max_scale"] = self.max_scale
        return d

    visible_at = _Common.visible_at


Style = SingleStyle | CategorizedStyle | GraduatedStyle | RasterStyle


def style_from_dict(d: dict) -> Style:
    """Read a style from its JSON dictionary (see the module docstring).

    The dictionary is checked against :data:`STYLE_SCHEMA` first: a value of the wrong
    type or out of range raises DataError naming its key (``style.symbol.opacity``),
    so no renderer ever sees it.
    """
    if not isinstance(d, dict) or "type" not in d:
        raise DataError(None, tr("a style must be a JSON object with a 'type'"))
    check(d, STYLE_SCHEMA, "style", strict=True)
    kind = d["type"]
    if kind == "single":
        return SingleStyle(symbol=_symbol(d.get("symbol")), **_common_kw(d))
    if kind == "categorized":
        cats = tuple(Category(value=c.get("value"), label=str(c.get("label", c.get("value"))),
                              symbol=_symbol(c.get("symbol"))) for c in d.get("categories", []))
        return CategorizedStyle(field=d.get("field", ""), categories=cats,
                                default=_symbol_or_none(d.get("default")), **_common_kw(d))
    if kind == "graduated":
        ranges = tuple(Range(lower=r["lower"], upper=r["upper"], label=str(r.get("label", "")),
                             symbol=_symbol(r.get("symbol"))) for r in d.get("ranges", []))
        return GraduatedStyle(field=d.get("field", ""), method=d.get("method", "equal"),
                              classes=int(d.get("classes", 5)), ramp=d.get("ramp", "Reds"),
                              ranges=ranges, **_common_kw(d))
    return RasterStyle(mode=d.get("mode", "gray"), band=int(d.get("band", 1)),
                       bands=tuple(d.get("bands", (1, 2, 3))), stretch=d.get("stretch", "minmax"),
                       percent=tuple(d.get("percent", (2.0, 98.0))), ramp=d.get("ramp", "terrain"),
                       opacity=d.get("opacity", 1.0), min_scale=d.get("min_scale"),
                       max_scale=d.get("max_scale"))


# ----------------------------------------------------------------------------- ramps

#: colour ramps as stops (position 0..1, "#rrggbb"); ColorBrewer sequential ramps and raster ramps
RAMPS: dict[str, list[tuple[float, str]]] = {
    "Reds": [(0, "#fee5d9"), (0.25, "#fcae91"), (0.5, "#fb6a4a"), (0.75, "#de2d26"), (1, "#a50f15")],
    "Blues": [(0, "#eff3ff"), (0.25, "#bdd7e7"), (0.5, "#6baed6"), (0.75, "#3182bd"), (1, "#08519c")],
    "Greens": [(0, "#edf8e9"), (0.25, "#bae4b3"), (0.5, "#74c476"), (0.75, "#31a354"), (1, "#006d2c")],
    "Oranges": [(0, "#feedde"), (0.25, "#fdbe85"), (0.5, "#fd8d3c"), (0.75, "#e6550d"), (1, "#a63603")],
    "Purples": [(0, "#f2f0f7"), (0.25, "#cbc9e2"), (0.5, "#9e9ac8"), (0.75, "#756bb1"), (1, "#54278f")],
    "YlOrRd": [(0, "#ffffb2"), (0.25, "#fecc5c"), (0.5, "#fd8d3c"), (0.75, "#f03b20"), (1, "#bd0026")],
    "RdYlGn": [(0, "#d7191c"), (0.25, "#fdae61"), (0.5, "#ffffbf"), (0.75, "#a6d96a"), (1, "#1a9641")],
    "Spectral": [(0, "#d7191c"), (0.25, "#fdae61"), (0.5, "#ffffbf"), (0.75, "#abdda4"), (1, "#2b83ba")],
    "Greys": [(0, "#000000"), (1, "#ffffff")],
    "terrain": [(0, "#2b6b3f"), (0.15, "#4f9a45"), (0.35, "#a8c66c"), (0.55, "#e8d98c"),
                (0.75, "#b58b53"), (0.9, "#8c6d5a"), (1, "#f5f5f5")],
    "ndvi": [(0, "#8c510a"), (0.3, "#d8b365"), (0.45, "#f6e8c3"), (0.6, "#c7e9b4"),
             (0.8, "#41ab5d"), (1, "#005a32")],
    "viridis": [(0, "#440154"), (0.25, "#3b528b"), (0.5, "#21918c"), (0.75, "#5ec962"), (1, "#fde725")],
}


def ramp_colors(name: str, n: int) -> np.ndarray:
    """``n`` colours evenly along ramp ``name`` as an (n, 3) uint8 array."""
    return ramp_lut(name, max(n, 1))[:, :3] if n > 1 else ramp_lut(name, 2)[-1:, :3]


def ramp_lut(name: str, n: int = 256) -> np.ndarray:
    """An (n, 4) uint8 lookup table interpolating ramp ``name`` (unknown names fall back to Greys)."""
    stops = RAMPS.get(name) or RAMPS["Greys"]
    pos = np.array([s[0] for s in stops], float)
    rgb = np.array([parse_color(s[1])[:3] for s in stops], float)
    t = np.linspace(0, 1, n)
    out = np.empty((n, 4), np.uint8)
    for k in range(3):
        out[:, k] = np.round(np.interp(t, pos, rgb[:, k]))
    out[:, 3] = 255
    return out


# ----------------------------------------------------------------------------- schema

#: bounds a style may take; beyond them a value is a typing slip or an attack, not a map
MAX_WIDTH = 100.0  # stroke width, mm or px
MAX_MARKER_MM = 200.0
MAX_DASH_MM = 1000.0
MAX_DASH_ITEMS = 32
MAX_LABEL_PT = 200.0
MAX_CATEGORIES = 10_000
MAX_RANGES = 1_000
MAX_CLASSES = 255
MAX_FIELD_NAME = 1_000


def _colour_problem(text) -> str | None:
    try:
        parse_color(text)
    except DataError:
        return tr("{value} is not a colour (#rrggbb or #rrggbbaa)").format(value=shown(text))
    return None


_OPACITY = {"type": "number", "minimum": 0, "maximum": 1}
_COLOUR = {"type": "string", "maxLength": 16, "format": _colour_problem}
_COLOUR_OR_NONE = {**_COLOUR, "type": ["string", "null"]}
_SCALE = {"type": ["number", "null"], "exclusiveMinimum": 0}
_FIELD = {"type": "string", "maxLength": MAX_FIELD_NAME}
_TYPE = {"type": "string"}

SYMBOL_SCHEMA = {"type": "object", "properties": {
    "fill": _COLOUR_OR_NONE,
    "stroke": _COLOUR_OR_NONE,
    "stroke_width": {"type": "number", "minimum": 0, "maximum": MAX_WIDTH},
    "stroke_unit": {"type": "string", "enum": ["mm", "px"]},
    "dash": {"type": ["array", "null"], "maxItems": MAX_DASH_ITEMS, "atomic": True,
             "items": {"type": "number", "exclusiveMinimum": 0, "maximum": MAX_DASH_MM}},
    "hatch": {"type": ["string", "null"], "enum": list(HATCHES)},
    "hatch_color": _COLOUR,
    "marker": {"type": ["string", "null"], "enum": list(MARKERS)},
    "size": {"type": "number", "minimum": 0, "maximum": MAX_MARKER_MM},
    "opacity": _OPACITY,
}}
_SYMBOL_OR_NONE = {**SYMBOL_SCHEMA, "type": ["object", "null"]}

LABELS_SCHEMA = {"type": "object", "required": ["field"], "properties": {
    "field": {**_FIELD, "minLength": 1},
    "size": {"type": "number", "exclusiveMinimum": 0, "maximum": MAX_LABEL_PT},
    "color": _COLOUR,
    "halo": _COLOUR_OR_NONE,
}}

_COMMON = {"type": _TYPE, "labels": {**LABELS_SCHEMA, "type": ["object", "null"]},
           "min_scale": _SCALE, "max_scale": _SCALE, "opacity": _OPACITY}

#: the style vocabulary as data (see :mod:`ecomap.core.json_check` for the keywords)
STYLE_SCHEMA = {"type": "object", "discriminator": "type", "cases": {
    "single": {"properties": {**_COMMON, "symbol": _SYMBOL_OR_NONE}},
    "categorized": {"properties": {
        **_COMMON, "field": _FIELD, "default": _SYMBOL_OR_NONE,
        "categories": {"type": "array", "maxItems": MAX_CATEGORIES, "items": {"type": "object", "properties": {
            "value": {"type": ["string", "number", "boolean", "null"]},
            "label": {"type": ["string", "number", "null"]},
            "symbol": _SYMBOL_OR_NONE}}}}},
    "graduated": {"properties": {
        **_COMMON, "field": _FIELD,
        "method": {"type": "string", "enum": list(METHODS)},
        "classes": {"type": "integer", "minimum": 1, "maximum": MAX_CLASSES},
        "ramp": {"type": "string", "enum": list(RAMPS)},
        "ranges": {"type": "array", "maxItems": MAX_RANGES, "items": {
            "type": "object", "required": ["lower", "upper"], "properties": {
                "lower": {"type": "number"}, "upper": {"type": "number"},
                "label": {"type": ["string", "number", "null"]}, "symbol": _SYMBOL_OR_NONE}}}}},
    "raster": {"properties": {
        "type": _TYPE, "opacity": _OPACITY, "min_scale": _SCALE, "max_scale": _SCALE,
        "mode": {"type": "string", "enum": list(RASTER_MODES)},
        "band": {"type": "integer", "minimum": 1, "maximum": 65535},
        "bands": {"type": "array", "prefixItems": [{"type": "integer", "minimum": 1, "maximum": 65535}] * 3},
        "stretch": {"type": "string", "enum": ["minmax", "percentile"]},
        "percent": {"type": "array", "prefixItems": [{"type": "number", "minimum": 0, "maximum": 100}] * 2},
        "ramp": {"type": "string", "enum": list(RAMPS)}}},
}}


# ----------------------------------------------------------------------------- classification

_JENKS_SAMPLE = 2000


def class_breaks(values, method: str, classes: int) -> np.ndarray:
    """``classes + 1`` ascending break values (first = min, last = max) of ``values``.

    NaN are ignored. Fewer breaks come back when the data has fewer distinct values.
    """
    v = np.asarray(values, dtype=float)
    v = v[np.isfinite(v)]
    if v.size == 0:
        return np.array([])
    classes = max(1, int(classes))
    lo, hi = float(v.min()), float(v.max())
    if method == "equal":
        breaks = np.linspace(lo, hi, classes + 1)
    elif method == "quantile":
        breaks = np.quantile(v, np.linspace(0, 1, classes + 1))
    elif method == "jenks":
        breaks = jenks_breaks(v, classes)
    else:
        raise DataError(None, tr("unknown classification method '{name}'").format(name=method))
    breaks = np.unique(breaks)
    return breaks if breaks.size > 1 else np.array([lo, hi])


def jenks_breaks(values, classes: int, sample: int = _JENKS_SAMPLE, seed: int = 0) -> np.ndarray:
    """Fisher–Jenks natural breaks (optimal 1-D k-means), dynamic programming vectorized over rows.

    Inputs over ``sample`` values are sampled (keeping min and max), as QGIS does:
    the breaks of a few thousand values are as good and cost O(k·n²) on the sample.
    """
    v = np.sort(np.asarray(values, dtype=float))
    v = v[np.isfinite(v)]
    if v.size > sample:
        rng = np.random.default_rng(seed)
        pick = rng.choice(v.size - 2, sample - 2, replace=False) + 1
        v = np.sort(np.concatenate([v[[0, -1]], v[pick]]))
    n = v.size
    k = min(classes, np.unique(v).size)
    if k <= 1:
        return np.array([v[0], v[-1]])
    cs = np.concatenate([[0.0], np.cumsum(v)])
    cs2 = np.concatenate([[0.0], np.cumsum(v * v)])

    def ssd(i, j):  # sum of squared deviations of v[i:j] (j exclusive), arrays broadcast
        cnt = j - i
        s = cs[j] - cs[i]
        with np.errstate(invalid="ignore", divide="ignore"):
            out = (cs2[j] - cs2[i]) - np.where(cnt > 0, s * s / np.maximum(cnt, 1), 0.0)
        return np.where(cnt > 0, out, np.inf)

    j = np.arange(1, n + 1)  # prefix lengths
    cost = ssd(np.zeros_like(j), j)  # one class over v[:j]
    back = np.zeros((k, n + 1), dtype=np.int64)
    i_idx = np.arange(n + 1)
    for c in range(1, k):
        # new_cost[j] = min over i<j of cost_prev[i] + ssd(i, j); rows j, columns i
        prev = np.concatenate([[np.inf], cost])  # prev[i] = cost of prefix length i
        jj = j[:, None]
        ii = i_idx[None, :]
        total = np.where(ii < jj, prev[None, :] + ssd(np.minimum(ii, jj), jj), np.inf)
        arg = np.argmin(total, axis=1)
        cost = total[np.arange(n), arg]
        back[c, 1:] = arg
    # walk back the split points
    bounds = [n]
    end = n
    for c in range(k - 1, 0, -1):
        end = int(back[c, end])
        bounds.append(end)
    bounds = bounds[::-1]  # starts of classes 2..k, then n
    breaks = [v[0]] + [v[b - 1] for b in bounds[:-1]] + [v[-1]]
    return np.array(breaks)


def graduated_from_values(field_name: str, values, method: str = "equal", classes: int = 5,
                          ramp: str = "Reds", base: Symbol | None = None) -> GraduatedStyle:
    """A graduated style whose ranges follow ``class_breaks`` and whose fills follow ``ramp``."""
    base = base or Symbol()
    breaks = class_breaks(values, method, classes)
    if breaks.size < 2:
        return GraduatedStyle(field=field_name, method=method, classes=classes, ramp=ramp)
    colors = ramp_colors(ramp, len(breaks) - 1)
    alpha = parse_color(base.fill)[3] if base.fill else 255
    ranges = tuple(
        Range(lower=float(lo), upper=float(hi), label=f"{_fmt(lo)} – {_fmt(hi)}",
              symbol=base.with_fill(color_hex((*colors[i], alpha))))
        for i, (lo, hi) in enumerate(itertools.pairwise(breaks)))
    return GraduatedStyle(field=field_name, method=method, classes=classes, ramp=ramp, ranges=ranges)


def categorized_from_values(field_name: str, values, ramp: str = "Spectral",
                            base: Symbol | None = None, labels: dict | None = None) -> CategorizedStyle:
    """One category per distinct value (sorted), colours spread along ``ramp``."""
    base = base or Symbol()
    uniq = sorted({_plain(v) for v in values if not _is_null(v)}, key=lambda x: (str(type(x)), x))
    colors = ramp_colors(ramp, max(len(uniq), 1))
    alpha = parse_color(base.fill)[3] if base.fill else 255
    labels = labels or {}
    cats = tuple(Category(value=_plain(v), label=str(labels.get(v, v)),
                          symbol=base.with_fill(color_hex((*colors[i], alpha))))
                 for i, v in enumerate(uniq))
    return CategorizedStyle(field=field_name, categories=cats, default=None)


def _plain(v):
    return v.item() if isinstance(v, np.generic) else v


def _is_null(v) -> bool:
    """None, NaN, or pandas' NA of a nullable integer or boolean column."""
    return v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v))


def _fmt(x: float) -> str:
    return f"{x:.6g}"


def default_vector_style() -> SingleStyle:
    """The benchmark/default look: fill rgba(76,175,80,160), outline rgb(40,40,40) 0.1 mm (as qgis_render.py)."""
    return SingleStyle(symbol=Symbol(fill="#4caf50a0", stroke="#282828ff", stroke_width=0.1))
