"""The committed sample county: schema, geometry, the stories analyses must find, determinism."""

from pathlib import Path

import numpy as np
import pandas as pd
import pyogrio
import pytest
import rasterio
import shapely
from rasterio.features import rasterize

from ecomap.domain import catalogue as cat
from ecomap.domain import lifecycle as lc
from ecomap.domain.sample_county import GPKG_LAYERS, RASTERS, generate
from ecomap.resources import sample_path

GPKG = sample_path("county.gpkg")


@pytest.fixture(scope="module")
def layers():
    if not GPKG.exists():
        pytest.fail("sample_data/county.gpkg is missing: run python sample_data/generate.py")
    return {name: pyogrio.read_dataframe(GPKG, layer=name) for name in GPKG_LAYERS}


@pytest.fixture(scope="module")
def reference_date():
    meta = pyogrio.read_dataframe(GPKG, layer="metadata")
    return dict(zip(meta["key"], meta["value"]))["reference_date"]


# ----------------------------------------------------------------------------- schema and geometry


def test_layers_follow_the_catalogue(layers):
    listed = {name for name, _ in pyogrio.list_layers(GPKG)}
    assert listed == set(GPKG_LAYERS) | {"metadata"}
    for name, df in layers.items():
        theme = cat.get_theme(name)
        cols = [c for c in df.columns if c != "geometry"]
        assert tuple(cols) == theme.field_names, name
        for f in theme.stored_fields:
            if f.values:
                present = set(df[f.name].dropna())
                assert present <= set(f.values), (name, f.name, present - set(f.values))
            if not f.nullable:
                assert df[f.name].notna().all(), (name, f.name)
        assert len(df) > 0


def test_each_layer_is_recognised_by_its_columns(layers):
    for name, df in layers.items():
        cols = [c for c in df.columns if c != "geometry"]
        geom = cat.get_theme(name).geometry
        theme, mapping, unmapped = cat.match_theme(cols, name, geom)
        assert theme is not None and theme.id == name, (name, theme)
        assert not unmapped and set(mapping.values()) == set(cols)
        if name != "county":  # XZQDM/XZQMC/MJ alone could be any admin level: the name decides
            assert cat.match_theme(cols, "数据")[0].id == name
    assert cat.match_theme(list(layers["county"].columns), "数据")[0] is None
    assert cat.match_theme(list(layers["county"].columns), "示范县县界")[0].id == "county"


def test_crs_and_location(layers):
    county = layers["county"]
    assert county.crs.to_epsg() == 4524
    minx, miny, maxx, maxy = county.total_bounds
    assert 36_400_000 < minx < maxx < 36_500_000  # zone prefix 36, west of the 108°E meridian
    assert 4_100_000 < miny < maxy < 4_200_000
    assert county["XZQDM"].str.fullmatch(r"\d{6}").all()


def test_geometries_are_valid(layers):
    for name, df in layers.items():
        if "geometry" in df:
            assert shapely.is_valid(df.geometry.values).all(), name
            assert not df.geometry.is_empty.any(), name


def test_townships_tile_the_county_exactly(layers):
    county = layers["county"].geometry.iloc[0]
    towns = layers["townships"]
    assert 8 <= len(towns) <= 12
    assert towns["XZQDM"].str.fullmatch(r"\d{9}").all()
    assert towns["XZQDM"].str[:6].eq(layers["county"]["XZQDM"].iloc[0]).all()
    assert towns["XZQMC"].str.endswith(("镇", "乡")).all()
    areas = shapely.area(towns.geometry.values)
    union = shapely.union_all(towns.geometry.values)
    assert abs(areas.sum() - county.area) < 1.0  # m²: no overlaps
    assert shapely.symmetric_difference(union, county).area < 1.0  # no gaps
    # irregular boundaries, not straight Voronoi edges
    assert shapely.get_num_coordinates(towns.geometry.values).min() > 200


# ----------------------------------------------------------------------------- stories


def test_farms_inside_ban_zones_not_disposed(layers):
    farms, zones = layers["farms"], layers["breeding_ban_zones"]
    ban = zones[zones["QYLX"] == "禁养区"]
    assert set(ban["JYLB"]) == {1, 2, 3, 4, 5}
    assert ban["BH"].str.fullmatch(r"jy0[1-5]-\d\d").all()
    assert (zones["QYLX"] == "限养区").any()
    inside = farms.sjoin(ban[["BH", "geometry"]], predicate="within")
    assert len(inside[inside["CZFS"] == "未处置"]) >= 1
    assert ((inside["CZFS"] == "关闭") & (inside["SFFY"] == "是")).any()  # 复养
    assert ((inside["CZFS"] == "关闭") & (inside["SFFY"] == "否")).any()
    assert inside["SZJYQ"].isna().any()  # one is missing from the ledger
    outside = farms[~farms.index.isin(inside.index)]
    assert outside["CZFS"].isna().all()


def test_red_line_overlaps(layers):
    red = shapely.union_all(layers["redlines"].geometry.values)
    proj = layers["restoration_projects"]
    overlap = shapely.area(shapely.intersection(proj.geometry.values, red))
    assert (overlap > 1e4).sum() >= 1  # at least one project overlaps by > 1 hm²
    mines = layers["mines"]
    assert shapely.intersects(mines.geometry.values, red).any()
    areas = layers["mine_areas"]
    assert (shapely.area(shapely.intersection(areas.geometry.values, red)) > 1e4).sum() >= 2
    codes = layers["redlines"]
    assert set(codes["LXBM"]) <= set(cat.get_theme("redlines").field("LXBM").values)
    assert (codes["HXBM"].str.len() == 11).all()
    assert abs(codes["TBMJ"] - shapely.area(codes.geometry.values) / 1e4).max() < 0.01
    assert shapely.area(shapely.intersection_all(codes.geometry.values)) == 0


def test_one_township_has_far_more_subsidence(layers):
    towns = layers["townships"]
    subs = layers["subsidence"]
    per_town = pd.Series(
        [shapely.area(shapely.intersection(g, shapely.union_all(subs.geometry.values))) for g in towns.geometry],
        index=towns["XZQMC"]).sort_values(ascending=False)
    assert per_town.iloc[0] > 2 * per_town.iloc[1]
    assert per_town.index[0] == "石窑镇"
    assert set(subs["WDZT"]) == {"稳沉", "未稳沉", "预测"}
    assert (subs["ZDXCSD"] < 1).any() and (subs["ZDXCSD"] > 3).any()
    assert (subs["PJXCSD"] < subs["ZDXCSD"]).all()
    linked = subs["ZLXMBH"].dropna()
    assert len(linked) and linked.isin(layers["restoration_projects"]["XMBH"]).all()


def test_overdue_rectification_items(layers, reference_date):
    items = layers["rectification_items"]
    overdue = [lc.is_overdue(s, d, reference_date) for s, d in zip(items["ZT"], items["ZGSX"])]
    assert 3 <= sum(overdue) < len(items) / 2
    assert items["GLXMBH"].dropna().isin(layers["restoration_projects"]["XMBH"]).all()
    assert items["GLXMBH"].notna().sum() >= 5
    assert items["XHRQ"].notna().eq(items["ZT"] == "已销号").all()
    assert set(items["WTLY"]) >= {"中央第二轮督察", "中央督察回头看", "省级督察", "信访交办"}
    assert (items["version"] >= 1).all()


def test_restoration_history_is_a_legal_lifecycle(layers):
    proj = layers["restoration_projects"].set_index("XMBH")
    hist = layers["restoration_history"]
    assert set(proj["XMJD"]) == set(lc.RESTORATION.states)
    for code, rows in hist.groupby("XMBH", sort=False):
        rows = rows.sort_values("RQ", kind="stable")
        assert rows["YJD"].iloc[0] is None or pd.isna(rows["YJD"].iloc[0])
        for old, new in zip(rows["YJD"].iloc[1:], rows["XJD"].iloc[1:]):
            assert lc.can_advance_stage(old, new) or lc.can_advance_stage(old, new, revert=True)
        assert (rows["YJD"].iloc[1:].to_numpy() == rows["XJD"].iloc[:-1].to_numpy()).all()
        assert rows["XJD"].iloc[-1] == proj.loc[code, "XMJD"]
        assert proj.loc[code, "version"] == len(rows)
    assert (hist["SM"].str.contains("退回")).any()  # one project was sent back
    done = proj[proj["XMJD"].isin(lc.RESTORATION_COMPLETED)]
    assert (done["WCJD"] == 100).all() and done["SJWGRQ"].notna().all()
    assert (proj["LJWCTZ"] <= proj["JHTZ"]).all()
    not_started = proj[proj["XMJD"].isin(["储备", "前期"])]
    assert not_started["SJKGRQ"].isna().all()


def _classify(row, lake):
    """Single-factor class rank (0 = Ⅰ … 5 = 劣Ⅴ), independent of ecomap.domain.water_quality."""
    limits = {"CODMn": (2, 4, 6, 10, 15), "COD": (15, 15, 20, 30, 40), "BOD5": (3, 3, 4, 6, 10),
              "NH3N": (0.15, 0.5, 1, 1.5, 2), "TP": (0.01, 0.025, 0.05, 0.1, 0.2) if lake else (
                  0.02, 0.1, 0.2, 0.3, 0.4)}
    if lake:
        limits["TN"] = (0.2, 0.5, 1, 1.5, 2)
    ranks = [next((k for k, lim in enumerate(lims) if row[p] <= lim), 5) for p, lims in limits.items()]
    ranks.append(next((k for k, lim in enumerate((7.5, 6, 5, 3, 2)) if row["DO"] >= lim), 5))
    if not 6 <= row["pH"] <= 9:
        ranks.append(5)
    return max(ranks)


def test_water_sections_and_measurements(layers):
    sections, meas = layers["water_sections"], layers["water_measurements"]
    assert 10 <= len(sections) <= 14
    assert (sections["STLX"] == "湖库").sum() >= 2
    assert set(sections["DMJB"]) <= {"国考", "省考", "市考"}
    assert set(sections["SZMB"]) <= {"Ⅱ", "Ⅲ", "Ⅳ"}
    months = [f"{y}-{m:02d}" for y in (2023, 2024, 2025) for m in range(1, 13)]
    for code in sections["DMBM"]:
        assert meas.loc[meas["DMBM"] == code, "JCNY"].tolist() == months
    assert meas[["pH", "DO", "CODMn", "COD", "BOD5", "NH3N", "TP"]].notna().all().all()
    lake_codes = set(sections.loc[sections["STLX"] == "湖库", "DMBM"])
    assert meas.loc[meas["DMBM"].isin(lake_codes), "TN"].notna().all()
    assert meas["TN"].isna().any()
    target = dict(zip(sections["DMBM"], sections["SZMB"].map("ⅠⅡⅢⅣⅤ".index)))
    ranks = np.array([_classify(r, r["DMBM"] in lake_codes) for _, r in meas.iterrows()])
    fails = ranks > meas["DMBM"].map(target).to_numpy()
    assert fails.any() and (ranks == 5).sum() >= 2
    failing_sections = set(meas.loc[fails, "DMBM"])
    assert 1 <= len(failing_sections) <= len(sections) // 2
    assert fails.mean() < 0.15  # mostly compliant
    # seasonal: the rainy months carry more permanganate than the dry winter
    m = meas["JCNY"].str[5:].astype(int)
    assert meas.loc[m.isin([7, 8]), "CODMn"].mean() > meas.loc[m.isin([12, 1, 2]), "CODMn"].mean()


def test_ndvi_recovers_only_where_projects_finished(layers):
    with rasterio.open(sample_path("ndvi_2019.tif")) as a, rasterio.open(sample_path("ndvi_2024.tif")) as b:
        assert a.crs.to_epsg() == 4524 and a.transform == b.transform and a.nodata == b.nodata
        n19, n24, transform, nodata = a.read(1), b.read(1), a.transform, a.nodata
    valid = (n19 != nodata) & (n24 != nodata)
    proj = layers["restoration_projects"]
    done = proj[proj["XMJD"].isin(lc.RESTORATION_COMPLETED)]
    assert len(done) >= 3
    change = n24 - n19
    for geom in done.geometry:
        mask = rasterize([(geom, 1)], out_shape=n19.shape, transform=transform).astype(bool) & valid
        assert change[mask].mean() >= 0.15
    any_project = rasterize([(g, 1) for g in proj.geometry], out_shape=n19.shape, transform=transform)
    rest = valid & ~any_project.astype(bool)
    assert abs(change[rest].mean()) < 0.03
    assert np.percentile(np.abs(change[rest]), 95) < 0.08
    assert -0.2 < n19[valid].min() and n24[valid].max() < 1


def test_rasters(layers):
    with rasterio.open(sample_path("dem.tif")) as dem:
        assert dem.crs.to_epsg() == 4524 and dem.res == (30.0, 30.0)
        assert dem.overviews(1) and dem.compression.name.lower() == "deflate"
        z = dem.read(1, out_shape=(dem.height // 4, dem.width // 4))
        county = layers["county"].total_bounds
        b = dem.bounds
        assert b.left <= county[0] and b.bottom <= county[1] and b.right >= county[2] and b.top >= county[3]
    assert 900 < z.min() < z.max() < 2200 and z.max() - z.min() > 200
    with rasterio.open(sample_path("basemap.tif")) as bm:
        assert bm.count == 3 and bm.dtypes[0] == "uint8" and bm.crs.to_epsg() == 4524
    total = sum(sample_path(n).stat().st_size for n in (*RASTERS, "county.gpkg"))
    assert total < 30e6


# ----------------------------------------------------------------------------- determinism


def _assert_same_layers(a: Path, b: Path):
    for name in (*GPKG_LAYERS, "metadata"):
        left = pyogrio.read_dataframe(a, layer=name)
        right = pyogrio.read_dataframe(b, layer=name)
        assert list(left.columns) == list(right.columns), name
        attrs = [c for c in left.columns if c != "geometry"]
        pd.testing.assert_frame_equal(pd.DataFrame(left[attrs]), pd.DataFrame(right[attrs]), obj=name)
        if "geometry" in left:
            same = shapely.equals_exact(left.geometry.values, right.geometry.values, tolerance=1e-6)
            assert same.all(), name


def test_regeneration_is_identical(tmp_path):
    generate(tmp_path)
    _assert_same_layers(tmp_path / "county.gpkg", GPKG)
    for name in RASTERS:
        with rasterio.open(tmp_path / name) as new, rasterio.open(sample_path(name)) as old:
            assert new.profile == old.profile, name
            assert np.array_equal(new.read(), old.read()), name
            assert new.overviews(1) == old.overviews(1)
