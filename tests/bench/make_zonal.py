#!/usr/bin/env python3
"""Write the zonal-statistics benchmark inputs: a large NDVI-like raster and polygons.

    python tests/bench/make_zonal.py OUT_DIR [--size 10000] [--polygons 1000] [--coverage 0.2]

Writes ``OUT_DIR/zonal_ndvi.tif`` (size × size float32, 10 m pixels, EPSG:4524, tiled
512 × 512, DEFLATE, nodata -9999 in a few blank patches, the way a county NDVI
mosaic arrives) and ``OUT_DIR/zonal_polygons.gpkg`` (layer ``zones``: N irregular
polygons — restoration-project look-alikes — covering about ``coverage`` of the
raster, some overlapping). Deterministic for a given seed. Not a pytest module.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import rasterio
import shapely
from rasterio.transform import from_origin

NODATA = -9999.0
ORIGIN = (36_380_000.0, 3_950_000.0)  # upper-left corner in EPSG:4524
PIXEL = 10.0


def lobed(rng, cx, cy, radius, n=48):
    t = np.linspace(0, 2 * np.pi, n, endpoint=False)
    r = radius * (1 + 0.25 * np.sin(3 * t + rng.uniform(0, 6)) + 0.1 * np.sin(7 * t + rng.uniform(0, 6)))
    return shapely.Polygon(np.c_[cx + r * np.cos(t), cy + r * np.sin(t)])


def write_raster(path: Path, size: int, rng) -> None:
    block = 512
    transform = from_origin(ORIGIN[0], ORIGIN[1], PIXEL, PIXEL)
    profile = {"driver": "GTiff", "width": size, "height": size, "count": 1, "dtype": "float32",
               "crs": "EPSG:4524", "transform": transform, "nodata": NODATA, "tiled": True, "blockxsize": block,
               "blockysize": block, "compress": "deflate", "predictor": 3, "BIGTIFF": "IF_SAFER"}
    # a smooth field plus noise; blank patches of nodata
    coarse = rng.uniform(0.1, 0.8, (size // 500 + 2, size // 500 + 2)).astype("float32")
    holes = [(rng.integers(0, size), rng.integers(0, size), rng.integers(50, 400)) for _ in range(20)]
    with rasterio.open(path, "w", **profile) as ds:
        for row0 in range(0, size, block):
            rows = min(block, size - row0)
            y = (np.arange(row0, row0 + rows) / 500.0)[:, None]
            x = (np.arange(size) / 500.0)[None, :]
            iy, ix = y.astype(int), x.astype(int)
            fy, fx = y - iy, x - ix
            smooth = (coarse[iy, ix] * (1 - fy) * (1 - fx) + coarse[iy + 1, ix] * fy * (1 - fx)
                      + coarse[iy, ix + 1] * (1 - fy) * fx + coarse[iy + 1, ix + 1] * fy * fx)
            data = (smooth + rng.normal(0, 0.05, (rows, size))).astype("float32")
            yy = np.arange(row0, row0 + rows)[:, None]
            xx = np.arange(size)[None, :]
            for hy, hx, hr in holes:
                if abs(hy - row0 - rows / 2) < hr + rows:
                    data[(yy - hy) ** 2 + (xx - hx) ** 2 < hr * hr] = NODATA
            ds.write(data, 1, window=((row0, row0 + rows), (0, size)))


def write_polygons(path: Path, size: int, n: int, coverage: float, rng) -> None:
    extent = size * PIXEL
    mean_area = extent * extent * coverage / n
    cx = ORIGIN[0] + rng.uniform(0.02, 0.98, n) * extent
    cy = ORIGIN[1] - rng.uniform(0.02, 0.98, n) * extent
    radius = np.sqrt(mean_area / np.pi) * rng.uniform(0.5, 1.3, n)
    geoms = [lobed(rng, x, y, r) for x, y, r in zip(cx, cy, radius)]
    gpd.GeoDataFrame({"XMBH": [f"XM{i:05d}" for i in range(n)]}, geometry=geoms, crs="EPSG:4524").to_file(
        path, layer="zones", driver="GPKG", engine="pyogrio")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--size", type=int, default=10_000)
    ap.add_argument("--polygons", type=int, default=1000)
    ap.add_argument("--coverage", type=float, default=0.2)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(a.seed)
    t0 = time.perf_counter()
    write_raster(a.out / "zonal_ndvi.tif", a.size, rng)
    write_polygons(a.out / "zonal_polygons.gpkg", a.size, a.polygons, a.coverage, rng)
    print(f"wrote {a.out}/zonal_ndvi.tif ({a.size}×{a.size}) and zonal_polygons.gpkg ({a.polygons}) "
          f"in {time.perf_counter() - t0:.1f}s")


if __name__ == "__main__":
    main()
