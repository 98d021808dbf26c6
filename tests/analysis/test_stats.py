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
    ov = gpd.overlay(red.features, towns.features, how="intersection", keep_geom_type=True)
    ov["area"] = geod_areas(ov.geometry.array)
    expected = ov.groupby("XZQMC")["area"].sum()
    got = result.table[result.table["layer"] == "redlines"].set_index("unit")
    for town, area in expected.items():
        assert got.loc[town, "area_m2"] == pytest.approx(area, rel=1e-5)
        town_area = geod_areas([towns.features.set_index("XZQMC").geometry[town]])[0]
        assert got.loc[town, "share"] == pytest.approx(area / town_area, rel=1e-5)
    joined = gpd.sjoin(farms.features, towns.features, predicate="intersects").groupby("XZQMC").size()
    counts = result.table[result.table["layer"] == "farms"].set_index("unit")["count"]
    assert counts.to_dict() == joined.to_dict()
    lengths = result.table[result.table["layer"] == "rivers"].set_index("unit")["length_m"]
    assert lengths.sum() == pytest.approx(4000, rel=1e-3)
    wide = result.wide()
    assert list(wide["unit"]) == ["甲镇", "乙镇"]
    assert {"redlines|area_ha", "redlines|share", "farms|count", "rivers|length_km"} <= set(wide.columns)
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
