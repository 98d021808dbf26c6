"""A small county built in memory and on disk for layout and export tests (EPSG:4524)."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

from ecomap.core.crs import CrsInfo
from ecomap.core.layers import DataSource, VectorLayer
from ecomap.core.layout.context import LayoutContext, MapLayer
from ecomap.core.style import style_from_dict

CX, CY = 36_468_000.0, 4_142_000.0
TOWNS = ["城关镇", "石窑镇", "马家沟镇", "柳湾镇"]

TOWN_STYLE = {"type": "categorized", "field": "LX", "categories": [
    {"value": "a", "label": "耕地为主", "symbol": {"fill": "#f5deb3ff", "stroke": "#6e6e6eff"}},
    {"value": "b", "label": "林地为主", "symbol": {"fill": "#228b22ff", "stroke": "#6e6e6eff", "hatch": "diagonal"}},
    {"value": "c", "label": "草地为主", "symbol": {"fill": "#9acd32ff", "stroke": "#6e6e6eff"}},
    {"value": "z", "label": "水域（无此类）", "symbol": {"fill": "#0000ffff"}}],
    "labels": {"field": "XZQMC", "size": 9}}
RIVER_STYLE = {"type": "single", "symbol": {"fill": None, "stroke": "#1f78b4ff", "stroke_width": 0.6}}
MINE_STYLE = {"type": "single", "symbol": {"fill": "#e31a1cff", "stroke": "#333333ff", "marker": "triangle",
                                            "size": 3.0}}


def towns_frame() -> gpd.GeoDataFrame:
    polys = []
    for dx, dy in [(-1, -1), (1, -1), (-1, 1), (1, 1)]:
        x0 = CX + (0 if dx > 0 else -15000)
        y0 = CY + (0 if dy > 0 else -12000)
        polys.append(shapely.box(x0, y0, x0 + 15000, y0 + 12000))
    polys[1] = polys[1].difference(shapely.box(CX + 5000, CY - 8000, CX + 8000, CY - 5000))  # a hole
    return gpd.GeoDataFrame({"XZQMC": TOWNS, "XZQDM": ["610899001", "610899002", "610899003", "610899004"],
                             "LX": ["a", "b", "a", "c"], "RK": [12000, 8500, 6100, 4300],
                             "MJ": [18000.0, 17100.0, 18000.0, 18000.0]},
                            geometry=polys, crs="EPSG:4524")


def rivers_frame() -> gpd.GeoDataFrame:
    line = shapely.LineString([(CX - 15000, CY - 8000), (CX, CY + 2000), (CX + 15000, CY + 9000)])
    return gpd.GeoDataFrame({"HLMC": ["清水河"], "DJ": [1]}, geometry=[line], crs="EPSG:4524")


def mines_frame() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"MC": ["红崖煤矿", "石窑煤矿"], "ZT": ["生产", "关闭"]},
                            geometry=[shapely.Point(CX + 3000, CY + 3000), shapely.Point(CX - 5000, CY - 4000)],
                            crs="EPSG:4524")


def layer(frame: gpd.GeoDataFrame, name: str, aliases: dict | None = None) -> VectorLayer:
    return VectorLayer(name, frame, DataSource(Path(f"{name}.gpkg"), name), CrsInfo(declared_epsg=4524),
                       field_aliases=dict(aliases or {}))


def context(title: str = "示范县生态保护红线分布图") -> LayoutContext:
    towns = layer(towns_frame(), "townships", {"XZQMC": "乡镇名称", "XZQDM": "乡镇代码", "RK": "人口"})
    layers = [MapLayer("towns", "乡镇", towns, style_from_dict(TOWN_STYLE), True, 1.0, "townships"),
              MapLayer("rivers", "河流", layer(rivers_frame(), "rivers"), style_from_dict(RIVER_STYLE)),
              MapLayer("mines", "矿山", layer(mines_frame(), "mines"), style_from_dict(MINE_STYLE))]
    import datetime

    return LayoutContext(layers=layers, crs="EPSG:4524", title=title, date=datetime.date(2025, 11, 30))


def write_project(folder: Path, title: str = "示范县生态保护红线分布图", layouts=()) -> Path:
    """A project file over a GeoPackage of the three layers."""
    import pyogrio

    from ecomap.core.project import LayerEntry, Project, save_project

    gpkg = folder / "county.gpkg"
    for name, frame in (("townships", towns_frame()), ("rivers", rivers_frame()), ("mines", mines_frame())):
        pyogrio.write_dataframe(frame, gpkg, layer=name, driver="GPKG")
    entries = [LayerEntry(str(gpkg), "townships", "乡镇", TOWN_STYLE, theme="townships", id="towns"),
               LayerEntry(str(gpkg), "rivers", "河流", RIVER_STYLE, id="rivers"),
               LayerEntry(str(gpkg), "mines", "矿山", MINE_STYLE, id="mines")]
    project = Project(title=title, crs="EPSG:4524", layers=entries, layouts=list(layouts))
    return save_project(project, folder / "county.ecomap")


def areas(geoms) -> np.ndarray:
    return shapely.area(np.asarray(geoms, dtype=object))
