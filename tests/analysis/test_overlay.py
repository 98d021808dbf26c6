"""Overlap reports checked against geopandas.overlay / sjoin / clip with pyproj.Geod areas."""

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from helpers import X0, Y0, box, geod_areas, layer, random_polygons

from ecomap.analysis import overlay
from ecomap.core.feedback import Cancelled, Feedback
from ecomap.errors import DataError


@pytest.fixture
def parcels_and_zones():
    rng = np.random.default_rng(11)
    parcels = random_polygons(rng, 400, (X0, Y0, X0 + 4000, Y0 + 4000), 120)
    zones = random_polygons(rng, 6, (X0 + 500, Y0 + 500, X0 + 3500, Y0 + 3500), 900, vertices=12)
    classes = rng.choice(["旱地", "林地", "草地"], len(parcels))
    a = layer("landuse", parcels, DLMC=classes, BSM=[f"P{i}" for i in range(len(parcels))])
    b = layer("redlines", zones, HXBM=[f"R{i}" for i in range(len(zones))], HXMC=[f"红线{i}" for i in range(6)],
              HXLX=["水源涵养"] * 6)
    return a, b


def _expected_pairs(a, b):
    fa = a.features.assign(a_fid=a.features.index)
    fb = b.features.assign(b_fid=b.features.index)
    ov = gpd.overlay(fa, fb, how="intersection", keep_geom_type=True)
    ov["area_m2"] = geod_areas(ov.geometry.array)
    return ov[ov["area_m2"] >= overlay.MIN_AREA_M2].sort_values(["a_fid", "b_fid"]).reset_index(drop=True)


def test_polygon_overlap_matches_geopandas_overlay(parcels_and_zones):
    a, b = parcels_and_zones
    result = overlay.run(a, b)
    expected = _expected_pairs(a, b)
    got = result.table.sort_values(["a_fid", "b_fid"]).reset_index(drop=True)
    assert len(got) == len(expected) > 50
    assert (got["a_fid"].to_numpy() == expected["a_fid"].to_numpy()).all()
    assert (got["b_fid"].to_numpy() == expected["b_fid"].to_numpy()).all()
    assert np.allclose(got["area_m2"], expected["area_m2"], rtol=1e-5, atol=1e-3)
    assert np.allclose(got["area_mu"] * 10000 / 15, got["area_m2"])
    assert np.allclose(got["area_ha"] * 10000, got["area_m2"])
    parcel_area = geod_areas(a.geometry)[got["a_fid"].to_numpy()]
    assert np.allclose(got["share_a"], got["area_m2"] / parcel_area, rtol=1e-5)
    assert got["b_name"].str.startswith("红线").all()
    assert len(result.geometries) == len(result.table)


def test_swapping_the_sides_gives_the_same_pairs(parcels_and_zones):
    a, b = parcels_and_zones
    ab = overlay.run(a, b).table.sort_values(["a_fid", "b_fid"]).reset_index(drop=True)
    ba = overlay.run(b, a).table.sort_values(["b_fid", "a_fid"]).reset_index(drop=True)
    assert (ab["a_fid"].to_numpy() == ba["b_fid"].to_numpy()).all()
    assert np.allclose(ab["area_m2"], ba["area_m2"], rtol=1e-9)
    assert np.allclose(ab["share_a"], ba["share_b"], rtol=1e-9)


def test_tabulation_by_class_and_zone(parcels_and_zones):
    a, b = parcels_and_zones
    result = overlay.run(a, b, by_a=["DLMC"], by_b=["HXBM"])
    summary = result.summary()
    pairs = _expected_pairs(a, b)
    summed = pairs.groupby(["HXBM", "DLMC"])["area_m2"].sum()
    got = summary.set_index(["HXBM", "DLMC"])
    assert set(got.index) == set(summed.index)
    assert np.allclose(got.loc[summed.index, "feature_area_m2"], summed, rtol=1e-5)
    # the random parcels overlap each other: the land each class covers in each zone is their union
    dissolved = pairs.dissolve(by=["HXBM", "DLMC"])
    covered = pd.Series(geod_areas(dissolved.geometry.array), index=dissolved.index)
    assert np.allclose(got.loc[covered.index, "area_m2"], covered, rtol=1e-5)
    assert (got["area_m2"] < got["feature_area_m2"] * (1 - 1e-4)).any()  # the fixture has overlaps
    assert (got["area_m2"] <= got["feature_area_m2"] * (1 + 1e-9)).all()
    assert np.allclose(got["area_ha"] * 10000, got["area_m2"])
    plain = result.summary(dissolve_overlaps=False).set_index(["HXBM", "DLMC"])
    assert "feature_area_m2" not in plain and np.allclose(plain.loc[summed.index, "area_m2"], summed, rtol=1e-5)


def test_total_overlap_counts_shared_land_once(parcels_and_zones):
    a, b = parcels_and_zones
    result = overlay.run(a, b)
    union_a = shapely.union_all(a.geometry)
    union_b = shapely.union_all(b.geometry)
    expected = geod_areas([shapely.intersection(union_a, union_b)])[0]
    assert result.covered_area_m2() == pytest.approx(expected, rel=1e-5)
    assert result.covered_area_m2() < result.table["area_m2"].sum()


def test_touching_is_not_an_overlap():
    a = layer("a", [box(0, 0, 100, 100), box(200, 0, 300, 100)], NAME=["left", "right"])
    b = layer("b", [box(100, 0, 200, 100)], NAME=["middle"])  # shares an edge with both
    assert len(overlay.run(a, b)) == 0
    c = layer("c", [box(99.99, 0, 200, 100)], NAME=["overlapping"])
    result = overlay.run(a, c)
    assert list(result.table["a_name"]) == ["left"]
    assert result.table["area_m2"].iloc[0] == pytest.approx(0.01 * 100, rel=1e-3)


def test_points_in_polygons_match_sjoin():
    rng = np.random.default_rng(5)
    pts = [shapely.Point(X0 + x, Y0 + y) for x, y in rng.uniform(0, 4000, (300, 2))]
    zones = random_polygons(rng, 8, (X0, Y0, X0 + 4000, Y0 + 4000), 700)
    farms = layer("farms", pts, YZCMC=[f"养殖场{i}" for i in range(300)])
    ban = layer("breeding_ban_zones", zones, MC=[f"禁养区{i}" for i in range(8)], QYLX=["禁养区"] * 8)
    result = overlay.run(farms, ban)
    assert result.kind == "count"
    joined = gpd.sjoin(farms.features, ban.features, predicate="intersects")
    expected = sorted(zip(joined.index, joined["index_right"]))
    assert sorted(zip(result.table["a_fid"], result.table["b_fid"])) == expected
    assert result.summary()["count"].sum() == len(expected)


def test_lines_inside_polygons_match_clip_lengths():
    rivers = layer("rivers", [shapely.LineString([(X0 - 500, Y0 + 50), (X0 + 1500, Y0 + 50)]),
                              shapely.LineString([(X0 + 50, Y0 - 500), (X0 + 50, Y0 + 5000)])], HLMC=["甲河", "乙河"])
    zones = layer("redlines", [box(0, 0, 1000, 1000)], HXMC=["红线"])
    result = overlay.run(rivers, zones)
    assert result.kind == "length"
    lengths = dict(zip(result.table["a_name"], result.table["length_m"]))
    clipped = gpd.clip(rivers.features, zones.features)
    geo = clipped.to_crs(4490)
    from helpers import GEOD
    expected = {n: GEOD.geometry_length(g) for n, g in zip(clipped["HLMC"], geo.geometry)}
    for name, value in expected.items():
        assert lengths[name] == pytest.approx(value, rel=1e-5)


def test_other_crs_is_reprojected(parcels_and_zones):
    a, b = parcels_and_zones
    b_geo = layer("redlines_geo", b.features.to_crs(4490).geometry, crs="EPSG:4490", HXBM=b.features["HXBM"])
    same = overlay.run(a, b).table
    moved = overlay.run(a, b_geo).table
    assert len(same) == len(moved)
    assert np.allclose(np.sort(same["area_m2"]), np.sort(moved["area_m2"]), rtol=1e-4)


def test_two_point_layers_are_refused():
    pts = layer("p", [shapely.Point(X0, Y0)], N=["a"])
    with pytest.raises(DataError):
        overlay.run(pts, pts)


def test_unknown_group_field_is_a_data_error(parcels_and_zones):
    a, b = parcels_and_zones
    with pytest.raises(DataError):
        overlay.run(a, b, by_a=["NOPE"])


def test_cancel_stops_the_overlay(parcels_and_zones):
    a, b = parcels_and_zones
    fb = Feedback(on_progress=lambda v, _text: fb.cancel() if v > 0.05 else None)
    with pytest.raises(Cancelled):
        overlay.run(a, b, feedback=fb)


def test_summary_defaults_to_b_features(parcels_and_zones):
    a, b = parcels_and_zones
    result = overlay.run(a, b)
    summary = result.summary()
    assert list(summary.columns[:2]) == ["b_fid", "b_name"]
    assert summary["feature_area_m2"].sum() == pytest.approx(result.table["area_m2"].sum())
    assert (summary["area_m2"] <= summary["feature_area_m2"] * (1 + 1e-9)).all()
    assert isinstance(result.to_geodataframe(), gpd.GeoDataFrame)
    assert pd.api.types.is_integer_dtype(summary["count"])


def test_invalid_polygons_are_repaired_not_fatal():
    bowtie = shapely.Polygon([(X0, Y0), (X0 + 100, Y0 + 100), (X0 + 100, Y0), (X0, Y0 + 100)])
    assert not bowtie.is_valid
    a = layer("a", [bowtie], N=["bowtie"])
    b = layer("b", [box(50, 0, 150, 100), box(-10, 40, 60, 60)], N=["right", "left"])
    result = overlay.run(a, b)
    assert len(result) == 2
    fixed = shapely.make_valid(bowtie)
    expected = geod_areas([shapely.intersection(fixed, g) for g in b.geometry])
    assert np.allclose(np.sort(result.table["area_m2"]), np.sort(expected), rtol=1e-6)
