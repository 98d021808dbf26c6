"""The analyses on the sample county (sample_data/county.gpkg); skipped until it exists."""

import numpy as np
import pytest
import shapely

from ecomap.resources import sample_path

GPKG = sample_path("county.gpkg")
pytestmark = pytest.mark.skipif(not GPKG.exists(), reason="sample data not generated")


@pytest.fixture(scope="module")
def county():
    from ecomap.services.workspace_open import open_workspace

    return open_workspace(GPKG)


def square_in(geom, half=40.0):
    p = geom.representative_point()
    return shapely.box(p.x - half, p.y - half, p.x + half, p.y + half)


def test_screening_inside_each_constraint(county):
    from ecomap.analysis import footprint, screening

    screener = screening.Screener(county)
    kinds = {kind for _, kind in [(p.title, p.constraint.kind) for p in screener.constraints]}
    assert {"redline", "drinking_water", "subsidence", "breeding_ban", "grazing"} <= kinds
    red = county.get("redlines").layer
    result = screener.run(footprint.make(square_in(red.geometry[0]), red.crs_info.crs()))
    assert result.verdict == "不符合"
    assert any(o.layer == "redlines" and o.share == pytest.approx(1.0) for o in result.overlaps)
    assert {n.layer for n in result.nearest} >= {"water_sections", "drinking_water_zones"}
    dw = county.get("drinking_water_zones").layer
    levels = dw.features["BHQJB"].to_numpy()
    level2 = np.flatnonzero(levels == "二级保护区")[0]
    inner = shapely.difference(dw.geometry[level2], shapely.union_all(dw.geometry[levels == "一级保护区"]).buffer(100))
    result = screener.run(footprint.make(square_in(inner, 20), dw.crs_info.crs()))
    assert "water.level2" in [r.rule.id for r in result.rules]
    assert result.verdict in ("需论证", "不符合")  # a red line may also cover the spot
    bounds = county.get("county").layer.bounds
    outside = shapely.box(bounds[2] + 1000, bounds[3] + 1000, bounds[2] + 1100, bounds[3] + 1100)
    far = screener.run(footprint.make(outside, red.crs_info.crs()))
    assert far.verdict == "无法判定" and far.overlaps == []
    assert far.coverage.source == "county" and far.coverage.inside_share == 0.0


def test_township_statistics_add_up(county):
    from ecomap.analysis import stats
    from ecomap.core.measure import ellipsoidal_areas

    result = stats.run(county.get("townships"), [county.get("redlines"), county.get("farms")])
    red = county.get("redlines").layer
    total = ellipsoidal_areas(np.array([shapely.union_all(red.geometry)], dtype=object), red.crs_info.crs())[0]
    in_towns = result.table.loc[result.table["layer"] == "redlines", "area_m2"].sum()
    assert in_towns == pytest.approx(total, rel=1e-3)
    farms = result.table.loc[result.table["layer"] == "farms", "count"].sum()
    assert farms == county.get("farms").layer.feature_count


def test_vegetation_recovery_finds_the_finished_projects(county):
    from ecomap.analysis import zonal

    projects = county.get("restoration_projects")
    table = zonal.vegetation_recovery(projects, sample_path("ndvi_2019.tif"), sample_path("ndvi_2024.tif"))
    finished = projects.layer.features["XMJD"].isin(["竣工", "验收"]).to_numpy()
    assert (table["recovered"].to_numpy() == finished).all()
    slope = zonal.mean_slope(projects, sample_path("dem.tif"))
    assert (slope["slope_mean"] > 0).all() and (slope["slope_mean"] < 45).all()


PROJECT = sample_path("sample.ecomap")


@pytest.mark.skipif(not PROJECT.exists(), reason="sample project not generated")
def test_cli_on_the_sample_project(capsys):
    import json

    from ecomap.cli.main import main

    red = pytest.importorskip("pyogrio").read_dataframe(GPKG, layer="redlines").geometry.iloc[0]
    wkt = square_in(red).wkt
    assert main(["screen", str(PROJECT), "--footprint", wkt, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["verdict"] == "不符合"
    assert "生态保护红线" in {o["layer"] for o in data["overlaps"]}  # the project's layer titles
    assert main(["zonal", str(PROJECT), "生态修复项目", "--recovery", "ndvi_2019", "ndvi_2024", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert sum(r["recovered"] is True for r in rows) == 5
    assert main(["stats", str(PROJECT), "--units", "townships", "--layers", "redlines", "farms", "--json"]) == 0
    by_unit = json.loads(capsys.readouterr().out)["by_unit"]
    assert len(by_unit) == 10 and sum(r["畜禽养殖场|count"] for r in by_unit) == 30


def _geod_gap(a, b, crs) -> float:
    """Shortest geodesic distance between the vertices of two geometries, densified to 5 m (brute force)."""
    import geopandas as gpd
    from pyproj import Geod

    pa, pb = (shapely.get_coordinates(gpd.GeoSeries([shapely.segmentize(g.boundary, 5.0)], crs=crs)
                                      .to_crs(4490).iloc[0]) for g in (a, b))
    ia, ib = np.meshgrid(np.arange(len(pa)), np.arange(len(pb)), indexing="ij")
    d = Geod(ellps="GRS80").inv(pa[ia.ravel(), 0], pa[ia.ravel(), 1], pb[ib.ravel(), 0], pb[ib.ravel(), 1])[2]
    return float(np.min(d))


def test_screening_far_away_in_a_township_and_near_a_red_line(county):
    from ecomap.analysis import footprint, screening

    screener = screening.Screener(county)
    red = county.get("redlines").layer
    crs = red.crs_info.crs()
    inside_red = square_in(red.geometry[0])
    # 1. the same parcel moved 250 km east: outside the county, no verdict
    shifted = shapely.affinity.translate(inside_red, 250_000, 0)
    far = screener.run(footprint.make(shifted, crs))
    assert far.verdict == "无法判定" and far.overlaps == [] and far.townships == []
    boundary = shapely.union_all(county.get("county").layer.geometry)
    expected = _geod_gap(shifted, boundary, crs)
    assert far.coverage.distance_m == pytest.approx(expected, abs=0.5)
    assert far.coverage.distance_m > 200_000
    assert far.conclusion_zh() == (f"无法判定：选址位于约束图层覆盖范围之外（距县界 "
                                   f"{far.coverage.distance_m / 1000:,.1f} km）")
    # 2. a parcel inside one township is named with it
    towns = county.get("townships")
    name_col = towns.label_column()
    k = int(np.argmax(shapely.area(towns.layer.geometry)))
    parcel = square_in(towns.layer.geometry[k], 30)
    assert shapely.within(parcel, towns.layer.geometry[k])
    result = screener.run(footprint.make(parcel, crs))
    assert result.township_names() == [str(towns.layer.features[name_col].iloc[k])]
    assert result.townships[0].share == pytest.approx(1.0, rel=1e-9)
    # 3. a parcel 50 m east of a red-line vertex with nothing of the red line further east
    union = shapely.union_all(red.geometry)
    county_area = boundary
    xy = shapely.get_coordinates(union)
    squares = shapely.box(xy[:, 0] + 50, xy[:, 1] - 50, xy[:, 0] + 150, xy[:, 1] + 50)
    fits = (shapely.within(squares, county_area) & ~shapely.intersects(squares, union)
            & np.isclose(shapely.distance(squares, union), 50.0, atol=1e-6))
    i = int(np.flatnonzero(fits)[0])
    near = screener.run(footprint.make(squares[i], crs))
    hits = [n for n in near.nearby if n.constraint == "redline"]
    assert hits and min(n.distance_m for n in hits) == pytest.approx(
        _geod_gap(squares[i], union, crs), abs=0.05)
    assert min(n.distance_m for n in hits) < 50.0  # ellipsoidal metres, below the zone's grid metres
    assert "redline.near" in [r.rule.id for r in near.rules]
