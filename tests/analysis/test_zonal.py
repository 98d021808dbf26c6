"""Zonal statistics against per-polygon masks from rasterio (an independent rasterization)."""

import numpy as np
import pytest
import rasterio
import shapely
from helpers import X0, Y0, layer
from rasterio.features import geometry_mask
from rasterio.transform import from_origin

from ecomap.analysis import zonal
from ecomap.core.feedback import Cancelled, Feedback

NODATA = -9999.0


def write_raster(path, data, x0=X0, y0=Y0 + 1000, pixel=10.0, nodata=NODATA, crs="EPSG:4524", dtype=None):
    data = np.asarray(data)
    with rasterio.open(path, "w", driver="GTiff", width=data.shape[1], height=data.shape[0], count=1,
                       dtype=dtype or data.dtype, crs=crs, transform=from_origin(x0, y0, pixel, pixel),
                       nodata=nodata) as ds:
        ds.write(data.astype(dtype or data.dtype), 1)
    return path


def expected_stats(path, geoms, all_touched=False):
    with rasterio.open(path) as ds:
        data = ds.read(1).astype(float)
        nodata = ds.nodata
        out = []
        for g in geoms:
            inside = ~geometry_mask([g], data.shape, ds.transform, all_touched=all_touched)
            v = data[inside]
            v = v[(v != nodata) & np.isfinite(v)]
            out.append(v)
    return out


@pytest.fixture
def raster(tmp_path):
    rng = np.random.default_rng(4)
    data = rng.normal(0.5, 0.2, (100, 120)).astype("float32")
    data[10:20, 30:50] = NODATA
    data[60, :] = np.nan
    return write_raster(tmp_path / "ndvi.tif", data)


@pytest.fixture
def polygons():
    rng = np.random.default_rng(8)
    geoms = []
    for _ in range(25):
        cx, cy = X0 + rng.uniform(0, 1200), Y0 + rng.uniform(0, 1000)
        t = np.sort(rng.uniform(0, 2 * np.pi, 9))
        r = rng.uniform(20, 250, 9)
        geoms.append(shapely.make_valid(shapely.Polygon(np.c_[cx + r * np.cos(t), cy + r * np.sin(t)])))
    ring = shapely.Polygon(shapely.box(X0 + 100, Y0 + 100, X0 + 500, Y0 + 500).exterior,
                           [shapely.box(X0 + 200, Y0 + 200, X0 + 400, Y0 + 400).exterior.coords])
    multi = shapely.MultiPolygon([shapely.box(X0 + 600, Y0 + 600, X0 + 700, Y0 + 700),
                                  shapely.box(X0 + 800, Y0 + 600, X0 + 900, Y0 + 700)])
    outside = shapely.box(X0 + 1150, Y0 + 900, X0 + 1500, Y0 + 1300)  # partly off the raster
    geoms += [ring, multi, outside, shapely.box(X0 + 5000, Y0 + 5000, X0 + 5100, Y0 + 5100)]
    return layer("restoration_projects", geoms, XMBH=[f"XM{i}" for i in range(len(geoms))])


@pytest.mark.parametrize("all_touched", [False, True])
def test_statistics_match_per_polygon_masks(raster, polygons, all_touched):
    table = zonal.run(polygons, raster, stats=zonal.STATISTICS, all_touched=all_touched)
    expected = expected_stats(raster, polygons.geometry, all_touched)
    assert len(table) == len(expected)
    for i, v in enumerate(expected):
        row = table.iloc[i]
        assert row["count"] == len(v), i
        if len(v) == 0:
            assert np.isnan(row["mean"]) and np.isnan(row["median"])
            continue
        assert row["mean"] == pytest.approx(v.mean(), rel=1e-9)
        assert row["median"] == pytest.approx(np.median(v), rel=1e-9)
        assert row["min"] == pytest.approx(v.min()) and row["max"] == pytest.approx(v.max())
        assert row["std"] == pytest.approx(v.std(), rel=1e-6, abs=1e-9)
        assert row["sum"] == pytest.approx(v.sum(), rel=1e-9)
    assert table["nodata"].sum() > 0
    assert list(table["name"][:2]) == ["XM0", "XM1"]


def test_integer_and_float64_rasters(tmp_path, polygons):
    rng = np.random.default_rng(1)
    for dtype in ("int16", "float64", "int32"):
        data = rng.integers(0, 3000, (100, 120)).astype(dtype)
        path = write_raster(tmp_path / f"{dtype}.tif", data, nodata=0, dtype=dtype)
        table = zonal.run(polygons, path, stats=("count", "mean", "median", "max"))
        for i, v in enumerate(expected_stats(path, polygons.geometry)):
            if len(v):
                assert table["median"][i] == pytest.approx(np.median(v))
                assert table["mean"][i] == pytest.approx(v.mean())


def test_polygons_in_another_crs_are_reprojected(raster, polygons):
    geo = layer("geo", polygons.features.to_crs(4490).geometry, crs="EPSG:4490",
                XMBH=polygons.features["XMBH"])
    a = zonal.run(polygons, raster, stats=("count", "mean"))
    b = zonal.run(geo, raster, stats=("count", "mean"))
    assert np.abs(a["count"] - b["count"]).max() <= 2  # reprojection moves vertices by micrometres


def test_vegetation_recovery(tmp_path, polygons):
    before = np.full((100, 120), 0.3, "float32")
    after = before.copy()
    after[:, :60] = 0.45  # the western half recovered by +0.15
    b = write_raster(tmp_path / "b.tif", before)
    a = write_raster(tmp_path / "a.tif", after)
    t = zonal.vegetation_recovery(polygons, b, a, min_gain=0.1)
    west = t["mean_after"] > 0.4499  # wholly in the western half
    assert (t["recovered"][west] == True).all()
    assert (t.loc[(t["mean_after"] < 0.31), "recovered"] == False).all()
    assert t["recovered"].iloc[-1] is None  # the polygon far outside the rasters
    assert t["change_mean"][west].to_numpy() == pytest.approx(0.15, abs=1e-6)
    strict = zonal.vegetation_recovery(polygons, b, a, min_gain=0.1, min_ndvi=0.5)
    assert not (strict["recovered"] == True).any()


def test_mean_slope_of_a_plane(tmp_path):
    # z rises 1 m per 10 m pixel eastwards: slope atan(0.1) everywhere
    data = np.tile(np.arange(120, dtype="float32"), (100, 1))
    dem = write_raster(tmp_path / "dem.tif", data)
    polys = layer("p", [shapely.box(X0 + 100, Y0 + 100, X0 + 400, Y0 + 400),
                        shapely.box(X0 - 100, Y0 + 100, X0 + 5, Y0 + 400)], N=["inner", "edge"])
    t = zonal.mean_slope(polys, dem)
    assert t["slope_mean"][0] == pytest.approx(np.degrees(np.arctan(0.1)), rel=1e-5)
    assert t["slope_mean"][1] == pytest.approx(np.degrees(np.arctan(0.1)), rel=1e-5) or np.isnan(t["slope_mean"][1])


def test_cancel_stops_zonal_statistics(raster, polygons):
    fb = Feedback(on_progress=lambda v, _text: fb.cancel() if v >= 0.1 else None)
    with pytest.raises(Cancelled):
        zonal.run(polygons, raster, feedback=fb)


def test_group_stats_directly():
    owner = np.array([0, 0, 0, 2, 2])
    values = np.array([3.0, -1.0, 2.0, 5.0, 7.0], "float32")
    out = zonal.group_stats(owner, values, 3, ("count", "mean", "median", "min", "max", "std"))
    assert out["count"].tolist() == [3, 0, 2]
    assert out["median"][0] == 2.0 and out["median"][2] == 6.0 and np.isnan(out["median"][1])
    assert out["min"][0] == -1.0 and out["max"][2] == 7.0
    assert out["std"][2] == pytest.approx(1.0)


def test_bad_inputs(raster, polygons):
    from ecomap.errors import DataError
    with pytest.raises(DataError):
        zonal.run(polygons, raster, stats=("mode",))
    with pytest.raises(DataError):
        zonal.run(polygons, raster, band=2)
    with pytest.raises(DataError):
        zonal.run(layer("pts", [shapely.Point(X0, Y0)], N=["a"]), raster)


@pytest.mark.parametrize("all_touched", [False, True])
def test_every_table_states_its_pixel_rule_and_flags_few_pixels(raster, polygons, all_touched):
    table = zonal.run(polygons, raster, stats=("mean",), all_touched=all_touched, min_pixels=25)
    counts = np.array([len(v) for v in expected_stats(raster, polygons.geometry, all_touched)])
    assert table.attrs["pixel_rule"] == ("all_touched" if all_touched else "centre")
    assert table.attrs["min_pixels"] == 25
    assert (table["few_pixels"].to_numpy() == (counts < 25)).all()
    assert table["few_pixels"].any() and not table["few_pixels"].all()
    notes = zonal.notes_zh(table)
    assert ("all-touched" in notes["像元规则"]) == all_touched
    assert f"共 {int((counts < 25).sum())} 个" in notes["像元过少"]
    assert len(zonal.notes(table)) == 2


def test_recovery_and_slope_carry_the_rule_and_the_flag(tmp_path, polygons):
    flat = write_raster(tmp_path / "flat.tif", np.full((100, 120), 0.3, "float32"))
    t = zonal.vegetation_recovery(polygons, flat, flat, all_touched=True)
    assert t.attrs["pixel_rule"] == "all_touched" and t.attrs["min_pixels"] == zonal.DEFAULT_MIN_PIXELS
    low = np.minimum(t["count_before"], t["count_after"]) < zonal.DEFAULT_MIN_PIXELS
    assert (t["few_pixels"] == low).all() and t["few_pixels"].iloc[-1]  # the polygon off the raster
    slope = zonal.mean_slope(polygons, flat, min_pixels=0)
    assert slope.attrs["pixel_rule"] == "centre" and not slope["few_pixels"].any()
    from ecomap.errors import DataError
    with pytest.raises(DataError):
        zonal.run(polygons, flat, min_pixels=-1)


def test_tile_runs_skip_the_tiles_between_polygons():
    runs = zonal._tile_runs(np.array([0, 40, 70]), np.array([10, 50, 80]), 16)
    assert runs == [(0, 16), (32, 80)]
    assert zonal._tile_runs(np.array([5]), np.array([6]), 16) == [(0, 16)]


def test_tiled_raster_read_in_runs_of_tiles_gives_the_mask_statistics(tmp_path, polygons):
    rng = np.random.default_rng(5)
    data = rng.normal(0.5, 0.2, (100, 120)).astype("float32")
    data[40:45, :] = NODATA
    path = tmp_path / "tiled.tif"
    with rasterio.open(path, "w", driver="GTiff", width=120, height=100, count=1, dtype="float32", crs="EPSG:4524",
                       transform=from_origin(X0, Y0 + 1000, 10.0, 10.0), nodata=NODATA, tiled=True,
                       blockxsize=16, blockysize=16) as ds:
        ds.write(data, 1)
    # polygons in the left and right thirds only: every strip has a gap of untouched tiles
    left = [shapely.box(X0 + 3, Y0 + 3 + 90 * k, X0 + 242, Y0 + 72 + 90 * k) for k in range(10)]
    right = [shapely.Point(X0 + 1001, Y0 + 52 + 90 * k).buffer(60) for k in range(10)]
    zones = layer("zones", left + right, XMBH=[f"Z{i}" for i in range(20)])
    table = zonal.run(zones, path, stats=zonal.STATISTICS)
    striped = zonal.run(zones, write_raster(tmp_path / "striped.tif", data), stats=zonal.STATISTICS)
    assert table.equals(striped)  # read in runs of tiles or in whole strips: the same numbers
    for i, v in enumerate(expected_stats(path, zones.geometry)):
        row = table.iloc[i]
        assert row["count"] == len(v) > 0, i
        assert row["mean"] == pytest.approx(v.mean(), rel=1e-9)
        assert row["median"] == pytest.approx(np.median(v), rel=1e-9)
        assert row["std"] == pytest.approx(v.std(), rel=1e-6, abs=1e-9)
        assert row["min"] == pytest.approx(v.min()) and row["max"] == pytest.approx(v.max())
    assert table["nodata"].sum() > 0


def test_strip_statistics_of_spans_equal_those_of_pixels():
    rng = np.random.default_rng(2)
    lengths = rng.integers(1, 30, 200).astype(np.int32)
    span_owner = rng.integers(0, 7, 200)
    values = rng.normal(0, 1, int(lengths.sum())).astype("float32")
    valid = rng.random(len(values)) > 0.1
    owner = np.repeat(span_owner, lengths)
    stats = ("count", "nodata", "sum", "mean", "median", "min", "max", "std")
    by_span = zonal.merge_stats([zonal.strip_stats(values, valid, lengths, span_owner, 8, stats)], 8, stats)
    by_pixel = zonal.merge_stats([zonal.partial_stats(owner[valid], values[valid], 8, stats, owner[~valid])], 8,
                                 stats)
    for key in stats:
        assert np.allclose(by_span[key], by_pixel[key], rtol=1e-12, equal_nan=True), key
    assert by_span["count"][7] == 0 and np.isnan(by_span["median"][7])
