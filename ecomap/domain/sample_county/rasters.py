"""Rasters of the sample county: DEM, NDVI 2019/2024 and an offline RGB basemap.

* ``dem.tif`` — 30 m, float32 metres: a regional slope down to the south-east,
  loess 梁峁 ridges and gullies (ridged fractal noise), valleys carved along the rivers,
  a flat reservoir surface; internal overviews.
* ``ndvi_2019.tif`` / ``ndvi_2024.tif`` — 60 m on the same origin, float32, nodata
  outside the county. Land restored by finished projects (竣工/验收) gains ≥ 0.15,
  works under way gain a little, everything else changes by noise only.
* ``basemap.tif`` — 3-band uint8: hillshade tinted by elevation, rivers and the
  reservoir in blue, the land outside the county washed out.

Values are quantised to binary fractions (1/8 m, 1/1024 NDVI) so deflate with the
floating-point predictor compresses well; all rasters are tiled and deflated.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import rasterio
import shapely
from affine import Affine
from rasterio.enums import Resampling
from rasterio.features import rasterize

from ecomap.domain import lifecycle
from ecomap.domain.sample_county import noise
from ecomap.domain.sample_county.base import CENTER, EPSG, County

DEM_RES = 30.0
NDVI_RES = 60.0
NODATA = -9999.0
_MARGIN = 1500.0


def grid(ctx: County, res: float):
    """(transform, width, height, x centres, y centres) of a grid covering the county plus a margin."""
    minx, miny, maxx, maxy = ctx.outline.bounds
    step = 120.0  # common origin for every resolution used
    x0 = np.floor((minx - _MARGIN) / step) * step
    y1 = np.ceil((maxy + _MARGIN) / step) * step
    x1 = np.ceil((maxx + _MARGIN) / step) * step
    y0 = np.floor((miny - _MARGIN) / step) * step
    width, height = round((x1 - x0) / res), round((y1 - y0) / res)
    xs = x0 + (np.arange(width) + 0.5) * res
    ys = y1 - (np.arange(height) + 0.5) * res
    return Affine(res, 0.0, x0, 0.0, -res, y1), width, height, xs, ys


def _upsample(coarse: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """Bilinear resize of a coarse array (cell-centre aligned) to ``shape``."""
    h, w = coarse.shape
    ry = (np.arange(shape[0]) + 0.5) * h / shape[0] - 0.5
    rx = (np.arange(shape[1]) + 0.5) * w / shape[1] - 0.5
    y0 = np.clip(np.floor(ry).astype(int), 0, h - 1)
    x0 = np.clip(np.floor(rx).astype(int), 0, w - 1)
    y1, x1 = np.minimum(y0 + 1, h - 1), np.minimum(x0 + 1, w - 1)
    fy = np.clip(ry - y0, 0, 1)[:, None]
    fx = np.clip(rx - x0, 0, 1)[None, :]
    top = coarse[y0][:, x0] * (1 - fx) + coarse[y0][:, x1] * fx
    bottom = coarse[y1][:, x0] * (1 - fx) + coarse[y1][:, x1] * fx
    return top * (1 - fy) + bottom * fy


def _distance(geom, xs: np.ndarray, ys: np.ndarray, shape, factor: int = 5) -> np.ndarray:
    """Distance (m) of every cell to ``geom``, computed on a coarser grid and interpolated."""
    cx, cy = xs[factor // 2::factor], ys[factor // 2::factor]
    gx, gy = np.meshgrid(cx, cy)
    d = shapely.distance(shapely.points(gx.ravel(), gy.ravel()), geom).reshape(gx.shape)
    return _upsample(d, shape)


def _mask(geoms, transform, shape) -> np.ndarray:
    geoms = [g for g in geoms if g is not None and not g.is_empty]
    if not geoms:
        return np.zeros(shape, dtype=bool)
    return rasterize(((g, 1) for g in geoms), out_shape=shape, transform=transform, fill=0,
                     dtype="uint8").astype(bool)


def _smoothstep(a: float, b: float, x: np.ndarray) -> np.ndarray:
    t = np.clip((x - a) / (b - a), 0.0, 1.0)
    return t * t * (3 - 2 * t)


def dem(ctx: County) -> tuple[np.ndarray, object]:
    transform, w, h, xs, ys = grid(ctx, DEM_RES)
    x, y = np.meshgrid(xs, ys)
    rivers = ctx.geoms["rivers"]
    d_all = _distance(shapely.union_all(list(rivers.values())), xs, ys, (h, w))
    d_main = _distance(rivers["清水河"], xs, ys, (h, w))
    trend = 1420.0 - 0.0045 * (x - CENTER[0]) + 0.0035 * (y - CENTER[1])
    north = 1.0 - 0.6 * _smoothstep(CENTER[1] + 7000, CENTER[1] + 15000, y)  # flatter sandy north
    hills = 80.0 * noise.fbm(x, y, 9000.0, 4, noise.seed_of("dem-hills"))
    # loess 梁峁 and gullies: ridged noise on warped coordinates so the gullies branch and wind
    wx = x + 900.0 * noise.fbm(x, y, 4000.0, 3, noise.seed_of("dem-wx"))
    wy = y + 900.0 * noise.fbm(x, y, 4000.0, 3, noise.seed_of("dem-wy"))
    ridges = noise.ridged(wx, wy, 2600.0, 4, noise.seed_of("dem-gullies"))
    gullies = 170.0 * (ridges ** 1.6 - 0.45)
    small = 28.0 * (noise.ridged(wx, wy, 700.0, 3, noise.seed_of("dem-small")) ** 2 - 0.4)
    fine = 4.0 * noise.fbm(x, y, 240.0, 2, noise.seed_of("dem-fine"))
    relief = (hills + gullies + small) * north + fine
    near = 1.0 - np.exp(-d_all / 500.0)
    z = trend + relief * (0.08 + 0.92 * near) + 0.0055 * d_main - 110.0 * np.exp(-(d_all / 1500.0) ** 1.2)
    water = _mask([ctx.geoms["reservoir"]], transform, (h, w))
    if water.any():
        z[water] = np.percentile(z[water], 15)
    z = np.round(z * 8.0) / 8.0
    return z.astype(np.float32), transform


def ndvi_pair(ctx: County) -> tuple[np.ndarray, np.ndarray, object]:
    transform, w, h, xs, ys = grid(ctx, NDVI_RES)
    x, y = np.meshgrid(xs, ys)
    shape = (h, w)
    d_river = _distance(shapely.union_all(list(ctx.geoms["rivers"].values())), xs, ys, shape, 3)
    base = 0.31 + 0.08 * noise.fbm(x, y, 5000.0, 4, noise.seed_of("ndvi-base")) \
        + 0.05 * noise.fbm(x, y, 700.0, 3, noise.seed_of("ndvi-fine"))
    base += 0.12 * np.exp(-d_river / 450.0)  # irrigated valley farmland
    base -= 0.09 * _smoothstep(CENTER[1] + 7000, CENTER[1] + 15000, y)  # sandy north
    projects = ctx.layers["restoration_projects"]
    mines = ctx.layers["mine_areas"]
    bare = _mask(list(mines.geometry) + [p.buffer(250.0) for p in ctx.geoms["mine_points"].values()], transform,
                 shape)
    base = np.where(bare, 0.12 + 0.03 * noise.fbm(x, y, 300.0, 2, 5), base)
    subs = ctx.layers["subsidence"]
    base -= 0.05 * _mask(list(subs.geometry), transform, shape)
    wet = subs[subs["SFCNJS"] == "是"]
    base = np.where(_mask([g.buffer(-150.0) for g in wet.geometry], transform, shape), 0.06, base)
    town = _mask([ctx.seats["城关镇"].buffer(1300.0)], transform, shape)
    base = np.where(town, 0.14 + 0.04 * noise.fbm(x, y, 400.0, 2, 9), base)
    # 2019: all project land is degraded (bare mine land, eroded slopes)
    degraded = projects["XMLX"] != "山水林田湖草沙"
    hard = _mask(list(projects.geometry[degraded]), transform, shape)
    soft = _mask(list(projects.geometry[~degraded]), transform, shape)
    y2019 = np.where(hard, 0.13 + 0.03 * noise.fbm(x, y, 250.0, 2, 11), base)
    y2019 = np.where(soft, y2019 - 0.08, y2019)
    r = noise.rng("ndvi")
    change = 0.01 + 0.02 * noise.fbm(x, y, 3000.0, 3, noise.seed_of("ndvi-change")) + r.normal(0, 0.012, shape)
    done = projects["XMJD"].isin(lifecycle.RESTORATION_COMPLETED)
    # works under way before the 2024 growing season show a little green already
    active = projects["XMJD"].isin(lifecycle.RESTORATION_ACTIVE) & (projects["SJKGRQ"].fillna("9999") < "2024-06")
    recovered = _mask(list(projects.geometry[done]), transform, shape)
    working = _mask(list(projects.geometry[active]), transform, shape)
    change = np.where(recovered, 0.24 + 0.03 * noise.fbm(x, y, 500.0, 2, 13), change)
    change = np.where(working & ~recovered, change + 0.05, change)
    y2024 = y2019 + change
    water = _mask([ctx.geoms["reservoir"]], transform, shape)
    y2019[water] = 0.02
    y2024[water] = 0.02
    y2019 += r.normal(0, 0.01, shape)
    outside = ~_mask([ctx.outline], transform, shape)
    out = []
    for arr in (y2019, y2024):
        arr = np.round(np.clip(arr, -0.1, 0.92) * 1024.0) / 1024.0
        arr[outside] = NODATA
        out.append(arr.astype(np.float32))
    return out[0], out[1], transform


def hillshade(z: np.ndarray, res: float, azimuth: float = 315.0, altitude: float = 45.0) -> np.ndarray:
    dzdy, dzdx = np.gradient(z.astype(np.float64), res)
    slope = np.arctan(np.hypot(dzdx, dzdy) * 1.6)
    aspect = np.arctan2(dzdy, -dzdx)
    az, alt = np.radians(360.0 - azimuth + 90.0), np.radians(altitude)
    hs = np.sin(alt) * np.cos(slope) + np.cos(alt) * np.sin(slope) * np.cos(az - aspect)
    return np.clip(hs, 0.0, 1.0)


_TINT = np.array([(0.0, (122, 163, 102)), (0.25, (176, 190, 128)), (0.5, (222, 206, 150)),
                  (0.75, (206, 170, 118)), (1.0, (190, 160, 140))], dtype=object)


def basemap(ctx: County, z: np.ndarray, transform) -> np.ndarray:
    lo, hi = np.percentile(z, (1, 99))
    t = np.clip((z - lo) / max(hi - lo, 1.0), 0, 1)
    stops = np.array([s for s, _ in _TINT], dtype=float)
    colors = np.array([c for _, c in _TINT], dtype=float)
    rgb = np.stack([np.interp(t, stops, colors[:, k]) for k in range(3)], axis=0)
    hs = hillshade(z, DEM_RES)
    rgb = rgb * (0.45 + 0.65 * hs)[None]
    shape = z.shape
    rivers = ctx.layers["rivers"]
    width = {"干流": 60.0, "一级支流": 35.0, "二级支流": 25.0}
    river_mask = _mask([g.buffer(width[lvl]) for g, lvl in zip(rivers.geometry, rivers["HLDJ"])], transform, shape)
    lake = _mask([ctx.geoms["reservoir"]], transform, shape)
    blue = np.array([92.0, 150.0, 205.0])[:, None]
    rgb[:, river_mask | lake] = blue
    outside = ~_mask([ctx.outline], transform, shape)
    rgb[:, outside] = rgb[:, outside] * 0.45 + 255.0 * 0.55
    return np.clip(np.round(rgb), 0, 255).astype(np.uint8)


def _write(path: Path, data: np.ndarray, transform, nodata, overviews=(2, 4, 8, 16), predictor: int = 3,
           resampling=Resampling.average) -> None:
    bands = data if data.ndim == 3 else data[None]
    profile = {
        "driver": "GTiff", "width": bands.shape[2], "height": bands.shape[1], "count": bands.shape[0],
        "dtype": bands.dtype.name, "crs": rasterio.crs.CRS.from_epsg(EPSG), "transform": transform,
        "nodata": nodata, "compress": "deflate", "zlevel": 9, "predictor": predictor, "tiled": True,
        "blockxsize": 256, "blockysize": 256,
    }
    if bands.shape[0] == 3:
        profile["photometric"] = "RGB"
        profile["interleave"] = "pixel"
    env = rasterio.Env(GDAL_TIFF_OVR_BLOCKSIZE=256, COMPRESS_OVERVIEW="DEFLATE", PREDICTOR_OVERVIEW=predictor,
                       ZLEVEL_OVERVIEW=9)
    with env, rasterio.open(path, "w", **profile) as dst:
        dst.write(bands)
        if overviews:
            dst.build_overviews(list(overviews), resampling)
            dst.update_tags(ns="rio_overview", resampling=resampling.name)


def write_rasters(ctx: County, outdir: Path) -> list[Path]:
    z, t_dem = dem(ctx)
    _write(outdir / "dem.tif", z, t_dem, NODATA)
    n19, n24, t_ndvi = ndvi_pair(ctx)
    _write(outdir / "ndvi_2019.tif", n19, t_ndvi, NODATA, overviews=(2, 4))
    _write(outdir / "ndvi_2024.tif", n24, t_ndvi, NODATA, overviews=(2, 4))
    _write(outdir / "basemap.tif", basemap(ctx, z, t_dem), t_dem, None, predictor=2)
    return [outdir / n for n in ("dem.tif", "ndvi_2019.tif", "ndvi_2024.tif", "basemap.tif")]
