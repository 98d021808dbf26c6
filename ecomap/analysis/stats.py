"""Statistics by administrative unit: how much of each theme lies in each township.

For every unit (township, village …) and every theme layer: the area of the theme's
polygons inside the unit (m², 亩, 公顷) and its share of the unit's area; the
number of points (farms, mines, sections …) inside; the length of lines (rivers,
roads) inside. The long table feeds exports; :meth:`StatsResult.wide` is the
one-row-per-unit table the GUI shows; :meth:`StatsResult.chart` gives the bar
chart's series.

Each theme is one vectorised overlay (:mod:`ecomap.analysis.overlay`) against the
units, so a 500,000-parcel land-use layer costs about what the overlap report costs.
The area of a theme in a unit is the land it covers there — the theme's polygons
dissolved, then intersected with the unit (:mod:`ecomap.analysis.dissolve`) — so two
red lines drawn over the same hillside count it once and a share never exceeds
100 %. The plain sum of the feature areas, which counts overlaps again for every
feature, stays beside it as ``feature_area_*``, the way ledgers add them up.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ecomap.analysis import common, dissolve, overlay
from ecomap.core.feedback import ensure
from ecomap.core.measure import ellipsoidal_areas
from ecomap.errors import DataError
from ecomap.i18n import tr


@dataclass
class StatsResult:
    units: pd.DataFrame  # unit_fid, unit, unit_area_m2
    table: pd.DataFrame  # long: unit_fid, unit, layer, kind, value columns
    layers: list[tuple[str, str]]  # (title, kind) in order

    def wide(self, area_unit: str = "area_ha") -> pd.DataFrame:
        """One row per unit: per layer its covered area (``area_unit``), share and feature-area sum,
        count, or length (km)."""
        out = self.units.copy()
        for title, kind in self.layers:
            part = self.table[self.table["layer"] == title].set_index("unit_fid")
            if kind == "area":
                out[f"{title}|{area_unit}"] = out["unit_fid"].map(part[area_unit]).fillna(0.0).to_numpy()
                out[f"{title}|share"] = out["unit_fid"].map(part["share"]).fillna(0.0).to_numpy()
                summed = f"feature_{area_unit}"
                out[f"{title}|{summed}"] = out["unit_fid"].map(part[summed]).fillna(0.0).to_numpy()
            elif kind == "count":
                out[f"{title}|count"] = out["unit_fid"].map(part["count"]).fillna(0).astype(int).to_numpy()
            else:
                out[f"{title}|length_km"] = out["unit_fid"].map(part["length_m"] / 1000).fillna(0.0).to_numpy()
        return out

    def chart(self, title: str, value: str | None = None) -> tuple[list[str], np.ndarray]:
        """(unit names, values) of one layer for a bar chart."""
        kind = dict(self.layers).get(title)
        if kind is None:
            raise KeyError(title)
        value = value or {"area": "area_ha", "count": "count", "length": "length_m"}[kind]
        part = self.table[self.table["layer"] == title].set_index("unit_fid")[value]
        values = self.units["unit_fid"].map(part).fillna(0).to_numpy(dtype=float)
        return list(self.units["unit"].astype(str)), values


def run(units, layers, *, feedback=None) -> StatsResult:
    """Statistics of each layer in ``layers`` per polygon of ``units``."""
    fb = ensure(feedback)
    wu = overlay.wrap(units)
    if wu.geometry_type != "Polygon":
        raise DataError(getattr(wu.layer, "source", None), tr("the administrative units must be polygons"))
    crs = common.layer_crs(wu.layer)
    geoms = wu.layer.geometry
    unit_table = pd.DataFrame({
        "unit_fid": np.asarray(wu.layer.features.index),
        "unit": overlay.labels(wu, np.arange(len(geoms))),
        "unit_area_m2": ellipsoidal_areas(geoms, crs),
    })
    unit_table["unit_area_ha"] = unit_table["unit_area_m2"] / common.SQM_PER_HECTARE
    rows, done = [], []
    wrapped = [overlay.wrap(lyr) for lyr in layers]
    for k, wl in enumerate(wrapped):
        fb.check()
        title = wl.title or wl.name
        if wl.geometry_type not in ("Point", "LineString", "Polygon") or wl.layer is wu.layer:
            continue
        lo, hi = k / len(wrapped), (k + 1) / len(wrapped)
        result = overlay.run(wl, wu, feedback=fb.sub(lo, lo + 0.8 * (hi - lo)))
        kind = result.kind
        t = result.table
        grouped = t.groupby("b_fid", sort=False)
        frame = pd.DataFrame({"unit_fid": grouped.size().index, "count": grouped.size().to_numpy()})
        if kind == "area":
            group = pd.Index(frame["unit_fid"]).get_indexer(t["b_fid"])
            frame["area_m2"] = dissolve.covered_areas(result.geometries, group, t["area_m2"].to_numpy(),
                                                      result.crs, len(frame),
                                                      fb.sub(lo + 0.8 * (hi - lo), hi))
            frame["feature_area_m2"] = grouped["area_m2"].sum().to_numpy()
        elif kind == "length":
            frame["length_m"] = grouped["length_m"].sum().to_numpy()
        frame.insert(1, "layer", title)
        frame.insert(2, "kind", kind)
        rows.append(frame)
        done.append((title, kind))
    table = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(
        columns=["unit_fid", "layer", "kind", "count"])
    table = table.merge(unit_table[["unit_fid", "unit", "unit_area_m2"]], on="unit_fid", how="left")
    if "area_m2" in table:
        units_area = table["unit_area_m2"].to_numpy(dtype=float)
        area = table["area_m2"].to_numpy(dtype=float)
        for key, values in common.area_units(area).items():
            table[key] = values
        for key, values in common.area_units(table["feature_area_m2"].to_numpy(dtype=float)).items():
            table[f"feature_{key}"] = values
        with np.errstate(divide="ignore", invalid="ignore"):
            # the union inside a unit cannot exceed it; the clip only absorbs the last digit of
            # two area computations (the unit's and its pieces')
            table["share"] = np.where(units_area > 0, np.minimum(area / units_area, 1.0), np.nan)
    order = ["unit_fid", "unit", "layer", "kind", "count", "area_m2", "area_mu", "area_ha", "share",
             "feature_area_m2", "feature_area_mu", "feature_area_ha", "length_m"]
    table = table[[c for c in order if c in table.columns]]
    fb.set_progress(1.0)
    return StatsResult(unit_table, table.sort_values(["unit_fid", "layer"], kind="stable").reset_index(drop=True),
                       done)
