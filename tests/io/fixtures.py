"""Small data files built on the fly, the way users' real files look."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import geopandas as gpd
import numpy as np
from shapely.geometry import Point, Polygon

ZONE36_ORIGIN = (36_400_000.0, 4_100_000.0)


def square(x0: float, y0: float, size: float) -> Polygon:
    return Polygon([(x0, y0), (x0 + size, y0), (x0 + size, y0 + size), (x0, y0 + size)])


def gbk_shapefile_without_cpg(folder: Path, name: str = "红线") -> Path:
    """A GBK Shapefile with no .cpg and no .prj, zone-prefixed GK coordinates: what county PCs write."""
    x0, y0 = ZONE36_ORIGIN
    frame = gpd.GeoDataFrame(
        {"HXMC": ["黄河沿岸水土保持红线", "白于山水源涵养红线", "北部防风固沙区"],
         "LXBM": ["13", "11", "14"], "MJ": [100.0, 25.0, 9.0]},
        geometry=[square(x0, y0, 1000), square(x0 + 2000, y0, 500), square(x0 + 4000, y0, 300)],
    )
    path = folder / f"{name}.shp"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "crs was not provided": on purpose
        frame.to_file(path, encoding="GBK", engine="pyogrio")
    for suffix in (".cpg", ".prj"):
        if path.with_suffix(suffix).exists():
            os.remove(path.with_suffix(suffix))
    return path


def geopackage(folder: Path) -> Path:
    x0, y0 = ZONE36_ORIGIN
    path = folder / "sample.gpkg"
    zones = gpd.GeoDataFrame({"名称": ["甲", "乙"]}, geometry=[square(x0, y0, 100), square(x0 + 500, y0, 200)],
                             crs="EPSG:4524")
    sites = gpd.GeoDataFrame({"name": ["站点1"]}, geometry=[Point(x0 + 50, y0 + 50)], crs="EPSG:4524")
    zones.to_file(path, layer="zones", engine="pyogrio")
    sites.to_file(path, layer="sites", engine="pyogrio")
    return path


def geotiff(folder: Path, crs: str | None = "EPSG:4524") -> Path:
    import rasterio
    from rasterio.transform import from_origin

    path = folder / "dem.tif"
    data = np.arange(100 * 80, dtype="float32").reshape(80, 100)
    data[0, 0] = -9999
    profile = dict(driver="GTiff", width=100, height=80, count=1, dtype="float32", nodata=-9999,
                   transform=from_origin(ZONE36_ORIGIN[0], ZONE36_ORIGIN[1] + 800, 10, 10))
    if crs:
        profile["crs"] = crs
    with rasterio.open(path, "w", **profile) as ds:
        ds.write(data, 1)
    return path


def towns_without_prj(tmp_path: Path):
    """The layout fixtures' towns as a Shapefile whose .prj was lost, read back: EcoMap
    assumes EPSG:4524 from the zone prefix in the eastings."""
    import pyogrio

    from ecomap.io.registry import open_path
    from tests.core.layout_fixtures import towns_frame

    source = tmp_path / "src" / "towns.shp"
    source.parent.mkdir()
    pyogrio.write_dataframe(towns_frame(), source, encoding="UTF-8")
    source.with_suffix(".prj").unlink()
    (layer,) = open_path(source)
    return layer
