"""The sample project (sample_data/sample.ecomap): every sample layer, grouped, styled, in order."""

from __future__ import annotations

from pathlib import Path

from ecomap.core.project import LayerEntry, Project, save_project
from ecomap.domain.catalogue import SAMPLE_LAYERS, get_theme

# Layer groups as a county office arranges them (group names are data shown in Chinese).
GROUPS = {
    "底图": ("basemap", "dem", "ndvi_2019", "ndvi_2024"),
    "管控区": ("grazing_zones", "breeding_ban_zones", "drinking_water_zones", "redlines"),
    "矿山与修复": ("mine_areas", "subsidence", "restoration_projects", "tailings_ponds", "mines"),
    "水环境": ("lakes", "rivers", "water_sections"),
    "基础地理": ("roads", "townships", "county", "villages"),
    "监管": ("farms", "rectification_items"),
}
RASTER_TITLES = {"basemap": "离线底图", "dem": "数字高程模型", "ndvi_2019": "NDVI 2019年",
                 "ndvi_2024": "NDVI 2024年"}


def _group_of(name: str) -> str | None:
    return next((group for group, names in GROUPS.items() if name in names), None)


def build_project(county_extent: tuple[float, float, float, float], outdir: Path) -> Project:
    layers = []
    for sample in SAMPLE_LAYERS:
        theme = get_theme(sample.theme_id) if sample.theme_id else None
        layers.append(LayerEntry(
            source=str(outdir / sample.path), layer=sample.layer,
            name=theme.title_zh if theme else RASTER_TITLES.get(sample.name, sample.name),
            style=sample.style(), visible=sample.visible, group=_group_of(sample.name),
            theme=sample.theme_id, id=sample.name,
        ))
    minx, miny, maxx, maxy = county_extent
    pad = 0.03 * max(maxx - minx, maxy - miny)
    return Project(title="示范县生态保护与矿山修复一张图", crs="EPSG:4524",
                   extent=(minx - pad, miny - pad, maxx + pad, maxy + pad),
                   layers=layers, groups=list(GROUPS))


def write_project(outdir: Path, county_extent: tuple[float, float, float, float]) -> Path:
    return save_project(build_project(county_extent, Path(outdir)), Path(outdir) / "sample.ecomap")
