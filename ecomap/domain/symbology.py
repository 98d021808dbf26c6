"""Default symbology of every theme, as JSON-able style dictionaries.

The vocabulary is the one of :mod:`ecomap.core.style` (single / categorized /
graduated, SYMBOL dicts with every key written out, optional labels and scale
limits; ``min_scale`` is the most zoomed-out denominator at which a layer is shown).
The files under ``resources/symbology/<theme>.json`` are generated from here by
:func:`write_symbology_files`, never edited by hand.

Why code and not JSON: several defaults are parametrised (subsidence depth breaks,
the water-class field) and the colours of the enumerations must follow the
code lists in :mod:`ecomap.domain.vocab` and :mod:`ecomap.domain.lifecycle`.

No Qt here.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Sequence
from pathlib import Path

from ecomap.core.atomic import atomic_write_text
from ecomap.domain import lifecycle as lc
from ecomap.domain import vocab as v
from ecomap.domain.themes import WATER_CLASS_FIELD

# ----------------------------------------------------------------------------- builders


def _rgba(color: str | None, alpha: str = "ff") -> str | None:
    """'#rrggbb' → '#rrggbbaa' (an 8-digit colour is kept)."""
    if color is None:
        return None
    c = color.lower()
    return c if len(c) == 9 else c + alpha


def sym(fill=None, stroke="#282828", width=0.26, *, unit="mm", dash=None, hatch=None, hatch_color=None,
        marker=None, size=2.5, opacity=1.0, fill_alpha="ff") -> dict:
    """A complete SYMBOL dict (all keys, fixed order)."""
    return {
        "fill": _rgba(fill, fill_alpha),
        "stroke": _rgba(stroke),
        "stroke_width": float(width),
        "stroke_unit": unit,
        "dash": list(dash) if dash is not None else None,
        "hatch": hatch,
        "hatch_color": _rgba(hatch_color) if hatch_color else "#000000ff",
        "marker": marker,
        "size": float(size),
        "opacity": float(opacity),
    }


def marker(shape: str, fill: str, size: float = 2.5, stroke: str = "#333333", width: float = 0.2) -> dict:
    return sym(fill, stroke, width, marker=shape, size=size)


def labels(field: str, size: float = 9.0, color: str = "#202020ff", halo: str | None = "#ffffffcc") -> dict:
    return {"field": field, "size": float(size), "color": color, "halo": halo}


def single(symbol: dict, **extra) -> dict:
    return {"type": "single", "symbol": symbol, **extra}


def categorized(field: str, categories: Sequence[tuple], default: dict | None = None, **extra) -> dict:
    """``categories`` = [(value, label, symbol), ...]."""
    return {"type": "categorized", "field": field,
            "categories": [{"value": val, "label": lab, "symbol": s} for val, lab, s in categories],
            "default": default, **extra}


# ----------------------------------------------------------------------------- per theme


def subsidence_style(breaks: Sequence[float] = v.SUBSIDENCE_DEPTH_BREAKS, field: str = "ZDXCSD",
                     top: float = 100.0) -> dict:
    """Graduated by maximum depth: 轻度 < b0 ≤ 中度 ≤ b1 < 重度 (defaults 1 m and 3 m).

    The ranges are authoritative (fixed breaks); ``method``/``classes`` only say how to
    reclassify if the user asks. ``top`` closes the last range.
    """
    b0, b1 = float(breaks[0]), float(breaks[1])
    fills = ("#fdd49e", "#fc8d59", "#b30000")
    edges = ((0.0, b0, f"轻度（<{b0:g} m）"), (b0, b1, f"中度（{b0:g}–{b1:g} m）"), (b1, float(top), f"重度（>{b1:g} m）"))
    ranges = [{"lower": lo, "upper": hi, "label": lab,
               "symbol": sym(fill, "#7f2704", 0.3, fill_alpha="cc")}
              for (lo, hi, lab), fill in zip(edges, fills)]
    return {"type": "graduated", "field": field, "method": "equal", "classes": 3, "ramp": "Reds",
            "ranges": ranges, "labels": labels("MC", 8, "#7f2704ff")}


def water_class_style(field: str = WATER_CLASS_FIELD, size: float = 3.2) -> dict:
    """Sections coloured by water class (Ⅰ–Ⅱ blue … 劣Ⅴ red); grey when not yet classified."""
    cats = [(c, v.WATER_CLASS_LABELS[c], marker("circle", v.WATER_CLASS_COLORS[c], size, "#1a1a1a", 0.25))
            for c in v.WATER_CLASSES]
    return categorized(field, cats, default=marker("circle", "#bfbfbf", size, "#1a1a1a", 0.25),
                       labels=labels("DMMC", 8, "#08306bff"))


def water_month_style(code_field: str, classes: dict, names: dict | None = None, name_field: str | None = "DMMC",
                      size: float = 3.2) -> dict:
    """Sections coloured by their class in one month, without a class column in the data:
    categorized on the section code, one entry per classed section labelled with its class,
    best class first, so the legend shows one row per class; sections without a class that
    month are grey."""
    order = {c: i for i, c in enumerate(v.WATER_CLASSES)}
    classed = sorted(((code, cls) for code, cls in classes.items() if cls in order),
                     key=lambda pair: (order[pair[1]], str((names or {}).get(pair[0]) or pair[0])))
    cats = [(code, v.WATER_CLASS_LABELS[cls],
             marker("circle", v.WATER_CLASS_COLORS[cls], size, "#1a1a1a", 0.25)) for code, cls in classed]
    extra = {"labels": labels(name_field, 8, "#08306bff")} if name_field else {}
    return categorized(code_field, cats, default=marker("circle", "#bfbfbf", size, "#1a1a1a", 0.25), **extra)


def landuse_style(field: str = "DLBM") -> dict:
    """地类图斑 coloured by first-level class: one category per 地类编码, labelled with its
    first-level class, so the legend shows one row per class (values drawn alike merge).
    Thin outlines: a county's survey has hundreds of thousands of parcels."""
    cats = []
    for code, (_name, group) in v.LANDUSE_CLASSES.items():
        group_name, color = v.LANDUSE_GROUPS[group]
        cats.append((code, group_name, sym(color, "#8c8c8c", 0.08)))
    order = list(v.LANDUSE_GROUPS)
    cats.sort(key=lambda c: order.index(v.LANDUSE_CLASSES[c[0]][1]))
    return categorized(field, cats, default=sym("#eeeeee", "#8c8c8c", 0.08))


_STAGE_COLORS = {
    "储备": ("#d9d9d9", None), "前期": ("#c6dbef", None), "开工": ("#6baed6", None), "在建": ("#fd8d3c", None),
    "竣工": ("#74c476", None), "验收": ("#238b45", None), "暂缓": ("#fdd0a2", "diagonal"), "终止": ("#969696", "cross"),
}
_STATUS_COLORS = {
    "未启动": "#d7301f", "整改中": "#fc8d59", "已完成整改": "#a6d96a", "验收通过": "#1a9641", "公示中": "#66c2a5",
    "已销号": "#969696", "滞后": "#7f0000", "反弹": "#762a83", "长期坚持": "#3288bd",
}


def _styles() -> dict[str, Callable[[], dict | None]]:
    ban_colors = ("#6baed6", "#c994c7", "#74c476", "#fdae6b", "#bcbddc")
    return {
        "county": lambda: single(sym(None, "#303030", 0.9)),
        "townships": lambda: single(sym(None, "#6e6e6e", 0.35, dash=[5, 3]),
                                    labels=labels("XZQMC", 10, "#303030ff", "#ffffffdd")),
        "villages": lambda: single(marker("circle", "#fff7e6", 1.6, "#5a4632", 0.25),
                                   labels=labels("CM", 7.5, "#3d2b1fff"), min_scale=150000),
        "roads": lambda: categorized("DJ", [
            ("国道", "国道", sym(None, "#e3432b", 0.9)),
            ("省道", "省道", sym(None, "#f08c2e", 0.7)),
            ("县道", "县道", sym(None, "#c9a227", 0.5)),
            ("乡道", "乡道", sym(None, "#8c8c8c", 0.3)),
        ], default=sym(None, "#a0a0a0", 0.25)),
        "rivers": lambda: categorized("HLDJ", [
            ("干流", "干流", sym(None, "#2b7bba", 0.8)),
            ("一级支流", "一级支流", sym(None, "#4a98d0", 0.5)),
            ("二级支流", "二级支流", sym(None, "#7fb8e3", 0.3)),
        ], default=sym(None, "#7fb8e3", 0.3), labels=labels("HLMC", 8, "#1f5f99ff")),
        "lakes": lambda: single(sym("#a6cee3", "#2b7bba", 0.3), labels=labels("HKMC", 8, "#1f5f99ff")),
        "landuse": landuse_style,
        "redlines": lambda: single(sym(None, "#e60000", 0.5, hatch="diagonal", hatch_color="#e60000b3")),
        "subsidence": subsidence_style,
        "grazing_zones": lambda: categorized("GKLX", [
            ("全年禁牧", "全年禁牧", sym("#d8b365", "#8c6d31", 0.2, fill_alpha="80")),
            ("季节性休牧", "季节性休牧", sym("#f6e8c3", "#8c6d31", 0.2, fill_alpha="80")),
            ("划区轮牧", "划区轮牧", sym("#c7eae5", "#35978f", 0.2, fill_alpha="80")),
            ("草畜平衡", "草畜平衡", sym("#5ab4ac", "#01665e", 0.2, fill_alpha="80")),
        ], default=sym("#dddddd", "#888888", 0.2, fill_alpha="80"), opacity=0.8),
        "breeding_ban_zones": lambda: categorized("JYLX", [
            *[(name, f"禁养区：{name}", sym(color, "#54278f", 0.3, hatch="cross", hatch_color="#54278f80",
                                            fill_alpha="66"))
              for name, color in zip(v.BAN_ZONE_CATEGORIES.values(), ban_colors)],
            ("限养区", "限养区", sym("#ffffb2", "#b8860b", 0.3, dash=[4, 2], fill_alpha="55")),
            ("适养区", "适养区", sym("#d9f0a3", "#78c679", 0.2, fill_alpha="40")),
        ], default=sym("#eeeeee", "#888888", 0.2, fill_alpha="55")),
        "farms": lambda: categorized("CZFS", [
            ("未处置", "未处置", marker("triangle", "#e31a1c", 3.0, "#67000d")),
            ("关闭", "关闭", marker("square", "#969696", 2.4)),
            ("搬迁", "搬迁", marker("diamond", "#4292c6", 2.6)),
            ("转产", "转产", marker("diamond", "#41ab5d", 2.6)),
        ], default=marker("circle", "#a6761d", 2.2), min_scale=500000),
        "water_sections": water_class_style,
        "water_measurements": lambda: None,
        "drinking_water_zones": lambda: categorized("BHQJB", [
            ("一级保护区", "一级保护区", sym("#2171b5", "#08306b", 0.4, fill_alpha="99")),
            ("二级保护区", "二级保护区", sym("#6baed6", "#2171b5", 0.3, fill_alpha="80")),
            ("准保护区", "准保护区", sym("#c6dbef", "#4292c6", 0.3, dash=[4, 2], fill_alpha="66")),
        ], default=sym("#deebf7", "#4292c6", 0.3, fill_alpha="66")),
        "mines": lambda: categorized("KCZT", [
            ("生产", "生产", marker("square", "#252525", 2.6)),
            ("停产", "停产", marker("square", "#969696", 2.6)),
            ("关闭", "关闭", marker("diamond", "#d9d9d9", 2.4, "#525252")),
            ("历史遗留", "历史遗留（责任主体灭失）", marker("triangle", "#a0522d", 2.8, "#4d2810")),
        ], default=marker("circle", "#737373", 2.2), labels=labels("KSMC", 7.5, "#252525ff"), min_scale=500000),
        "mine_areas": lambda: single(sym("#8c6d31", "#6b4226", 0.4, dash=[4, 2], fill_alpha="26")),
        "tailings_ponds": lambda: categorized("AQD", [
            ("正常库", "正常库", marker("diamond", "#1a9850", 2.8)),
            ("病库", "病库", marker("diamond", "#fee08b", 2.8)),
            ("险库", "险库", marker("diamond", "#fc8d59", 3.0)),
            ("危库", "危库", marker("diamond", "#d73027", 3.2, "#67000d")),
        ], default=marker("diamond", "#bdbdbd", 2.6)),
        "restoration_projects": lambda: categorized("XMJD", [
            (stage, stage, sym(fill, "#3f3f3f", 0.3, hatch=hatch, hatch_color="#3f3f3f99" if hatch else None,
                               fill_alpha="b3"))
            for stage, (fill, hatch) in ((s, _STAGE_COLORS[s])
                                         for s in lc.RESTORATION_STAGES + lc.RESTORATION_SIDE_STAGES)
        ], default=sym("#ffffff", "#3f3f3f", 0.3, fill_alpha="80"), labels=labels("XMMC", 8, "#1b3a1bff")),
        "restoration_history": lambda: None,
        "rectification_items": lambda: categorized("ZT", [
            (status, status, marker("star", _STATUS_COLORS[status], 3.2, "#252525"))
            for status in lc.RECTIFICATION_STATUSES + lc.RECTIFICATION_SIDE_STATUSES
        ], default=marker("star", "#bdbdbd", 3.0)),
    }


_BUILDERS = _styles()


def has_default_style(theme_id: str) -> bool:
    return theme_id in _BUILDERS


def build_default_style(theme_id: str) -> dict | None:
    """The default style dict of a theme (a fresh copy), None for attribute tables."""
    try:
        builder = _BUILDERS[theme_id]
    except KeyError:
        raise KeyError(f"unknown theme {theme_id!r}") from None
    return copy.deepcopy(builder())


#: Raster defaults for the sample rasters (vocabulary of ecomap.core.style.RasterStyle).
RASTER_STYLES: dict[str, dict] = {
    "dem": {"type": "raster", "mode": "ramp", "band": 1, "bands": [1, 2, 3], "stretch": "percentile",
            "percent": [2.0, 98.0], "ramp": "terrain", "opacity": 1.0},
    "hillshade": {"type": "raster", "mode": "hillshade", "band": 1, "bands": [1, 2, 3], "stretch": "minmax",
                  "percent": [2.0, 98.0], "ramp": "terrain", "opacity": 1.0},
    "ndvi": {"type": "raster", "mode": "ramp", "band": 1, "bands": [1, 2, 3], "stretch": "minmax",
             "percent": [2.0, 98.0], "ramp": "ndvi", "opacity": 1.0},
    "basemap": {"type": "raster", "mode": "rgb", "band": 1, "bands": [1, 2, 3], "stretch": "minmax",
                "percent": [2.0, 98.0], "ramp": "terrain", "opacity": 1.0},
}


def style_json(style: dict) -> str:
    """The canonical text of a style file (UTF-8, Chinese kept, sorted nowhere: key order is meaningful)."""
    return json.dumps(style, ensure_ascii=False, indent=2) + "\n"


def write_symbology_files(directory: str | Path | None = None) -> list[Path]:
    """Write ``<theme>.json`` for every theme with a default style; returns the paths written."""
    if directory is None:
        from ecomap.resources import resource_path
        directory = resource_path("symbology")
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for theme_id in _BUILDERS:
        style = build_default_style(theme_id)
        if style is None:
            continue
        path = out / f"{theme_id}.json"
        atomic_write_text(path, style_json(style), data_error=False)
        written.append(path)
    return written


if __name__ == "__main__":  # python -m ecomap.domain.symbology [DIR]
    import sys

    for p in write_symbology_files(sys.argv[1] if len(sys.argv) > 1 else None):
        print(p)
