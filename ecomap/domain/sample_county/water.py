"""Water-quality sections and 36 months of measurements (2023-01 … 2025-12).

Each value is drawn as a *pollution index* s on the GB 3838 class scale (s in
(k-1, k] lies in class k; 0 is clean background, 6 well beyond Ⅴ) and mapped to a
concentration by interpolating between the class limits. That makes the stories
easy to steer: seasonal runoff in July–August lifts CODMn/COD/BOD5/TP, winter low
flow lifts NH3-N, warm water lowers DO, and the quality improves a little each year.

Stories: 清水河城关镇下游 misses Ⅲ in some rainy months, 石窑沟入河口 (coal-mine
water) misses Ⅳ and reaches 劣Ⅴ in two winter months, the reservoir centre misses Ⅱ
on TP in summer; the other sections comply.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely

from ecomap.domain.sample_county import noise
from ecomap.domain.sample_county.base import COUNTY_CODE, County, frame

MONTHS = tuple(f"{y}-{m:02d}" for y in (2023, 2024, 2025) for m in range(1, 13))

#: parameter → (background, limits Ⅰ..Ⅴ, value at s = 6); DO is "≥" so its values fall.
_NODES = {
    "CODMn": (1.2, (2, 4, 6, 10, 15), 22.0),
    "COD": (8.0, (15, 15, 20, 30, 40), 60.0),
    "BOD5": (1.0, (3, 3, 4, 6, 10), 15.0),
    "NH3N": (0.05, (0.15, 0.5, 1.0, 1.5, 2.0), 3.5),
    "TP_river": (0.01, (0.02, 0.1, 0.2, 0.3, 0.4), 0.6),
    "TP_lake": (0.005, (0.01, 0.025, 0.05, 0.1, 0.2), 0.3),
    "TN": (0.1, (0.2, 0.5, 1.0, 1.5, 2.0), 3.0),
    "DO": (9.6, (7.5, 6, 5, 3, 2), 1.0),
}
_DECIMALS = {"pH": 2, "DO": 1, "CODMn": 1, "COD": 1, "BOD5": 1, "NH3N": 3, "TP": 3, "TN": 2}

# code suffix, name, river, body, level, target, where (river, fraction) or reservoir point, base index,
# per-parameter offsets
SECTIONS = (
    (1, "清水河入境", "清水河", "河流", "省考", "Ⅲ", ("清水河", 0.03), 1.5, {}),
    (2, "清水河城关镇上游", "清水河", "河流", "市考", "Ⅲ", ("清水河", 0.36), 1.5, {}),
    (3, "清水河城关镇下游", "清水河", "河流", "省考", "Ⅲ", ("清水河", 0.50), 2.25, {"NH3N": 0.25, "TP": 0.2}),
    (4, "清水河出境", "清水河", "河流", "国考", "Ⅲ", ("清水河", 0.97), 1.75, {}),
    (5, "石窑沟上游", "石窑沟", "河流", "市考", "Ⅲ", ("石窑沟", 0.22), 1.5, {}),
    (6, "石窑沟入河口", "石窑沟", "河流", "市考", "Ⅳ", ("石窑沟", 0.96), 2.85, {"NH3N": 0.3}),
    (7, "柳沟河入库", "柳沟河", "河流", "市考", "Ⅲ", ("柳沟河", 0.27), 1.4, {}),
    (8, "清泉水库取水口", "清泉水库", "湖库", "国考", "Ⅱ", ("intake", None), 0.95, {"TP": 0.2}),
    (9, "清泉水库库心", "清泉水库", "湖库", "省考", "Ⅱ", ("centre", None), 1.1, {"TP": 0.55}),
    (10, "柳沟河入清水河口", "柳沟河", "河流", "市考", "Ⅲ", ("柳沟河", 0.96), 1.6, {}),
    (11, "马家河入河口", "马家河", "河流", "市考", "Ⅲ", ("马家河", 0.94), 1.55, {}),
    (12, "白草沟入河口", "白草沟", "河流", "省考", "Ⅲ", ("白草沟", 0.94), 1.6, {}),
)
#: (section, month, parameter, index): pollution events
_EVENTS = ((6, "2024-01", "NH3N", 5.45), (6, "2024-02", "NH3N", 5.3), (6, "2023-07", "TP", 4.6),
           (3, "2023-08", "COD", 3.5))


def section_code(k: int) -> str:
    return f"DM{COUNTY_CODE}{k:03d}"


def to_value(param: str, s: np.ndarray) -> np.ndarray:
    bg, limits, top = _NODES[param]
    xs, ys = [0.0], [bg]
    for k, lim in enumerate(limits, start=1):
        if k < len(limits) and limits[k] == lim:
            continue  # equal limits (COD Ⅰ = Ⅱ): keep the node of the worse class
        xs.append(float(k))
        ys.append(float(lim))
    xs.append(6.0)
    ys.append(top)
    return np.interp(s, xs, ys)  # DO's values fall with s: np.interp only needs xs increasing


def build_sections(ctx: County) -> None:
    rivers = ctx.geoms["rivers"]
    res = ctx.geoms["reservoir"]
    records, pts = [], []
    for k, name, river, body, level, target, (where, frac), *_ in SECTIONS:
        if where == "intake":
            p = ctx.geoms["intake"]
        elif where == "centre":
            line = ctx.geoms["reservoir_line"]
            p = line.interpolate(0.45, normalized=True)
            if not res.contains(p):
                p = shapely.point_on_surface(res)
        else:
            p = rivers[where].interpolate(frac, normalized=True)
        records.append({"DMBM": section_code(k), "DMMC": name, "SZHL": river, "STLX": body, "DMJB": level,
                        "SZMB": target})
        pts.append(p)
    ctx.layers["water_sections"] = frame("water_sections", records, pts)


def build_measurements(ctx: County) -> None:
    r = noise.rng("water-measurements")
    months = np.array([int(m[5:]) for m in MONTHS])
    years = np.array([int(m[:4]) for m in MONTHS])
    summer = np.exp(-(((months - 7.6) / 1.3) ** 2))
    winter = np.exp(-((np.minimum(np.abs(months - 1), 12 - np.abs(months - 1)) / 1.2) ** 2))
    spring = np.exp(-(((months - 4.0) / 1.5) ** 2))
    trend = -0.12 * (years - 2023)
    columns = {"DMBM": [], "JCNY": [], "pH": [], "DO": [], "CODMn": [], "COD": [], "BOD5": [], "NH3N": [],
               "TP": [], "TN": []}
    n = len(MONTHS)
    for k, _name, _river, body, level, _target, _where, base, offsets in SECTIONS:
        lake = body == "湖库"
        sec = {}
        seasonal = {
            "CODMn": 0.55 * summer, "COD": 0.5 * summer, "BOD5": 0.35 * summer,
            "NH3N": 0.55 * winter - 0.1 * summer, "TP": (0.9 if lake else 0.65) * summer,
            "TN": 0.4 * spring + 0.2 * winter, "DO": 0.45 * summer - 0.55 * winter,
        }
        for param in ("CODMn", "COD", "BOD5", "NH3N", "TP", "TN", "DO"):
            shift = offsets.get(param, 0.0) + r.normal(0.0, 0.15)
            s = base + shift + seasonal[param] + trend + r.normal(0.0, 0.16, n)
            if param == "DO":
                s = s - 0.6
            if param == "TN" and not lake:
                s = s + 1.4  # loess rivers carry much nitrogen; TN is not assessed for rivers
            for sk, month, ev_param, value in _EVENTS:
                if sk == k and ev_param == param:
                    s[MONTHS.index(month)] = value
            s = np.clip(s, 0.05, 6.0)
            key = "TP_lake" if (param == "TP" and lake) else ("TP_river" if param == "TP" else param)
            sec[param] = to_value(key, s)
        sec["pH"] = np.clip(7.95 + 0.28 * summer * (1.4 if lake else 1.0) + r.normal(0.0, 0.12, n), 7.2, 8.8)
        if level == "市考" and not lake:
            sec["TN"] = np.full(n, np.nan)
        columns["DMBM"] += [section_code(k)] * n
        columns["JCNY"] += list(MONTHS)
        for param, digits in _DECIMALS.items():
            columns[param] += list(np.round(sec[param], digits))
    df = pd.DataFrame(columns)
    ctx.layers["water_measurements"] = frame("water_measurements", df.to_dict("records"))


def attach_latest_class(ctx: County) -> None:
    """Store each section's class in the latest month as SZLB (水质类别), as county
    section layers usually carry the current class; the water panel recomputes it per month."""
    from ecomap.domain.themes import WATER_CLASS_FIELD
    from ecomap.domain.water_report import WaterDataset

    sections = ctx.layers["water_sections"]
    report = WaterDataset(pd.DataFrame(sections.drop(columns="geometry")),
                          pd.DataFrame(ctx.layers["water_measurements"])).report()
    latest = {row.code: row.cls for row in report.rows}
    sections[WATER_CLASS_FIELD] = sections["DMBM"].map(latest)
