"""Farms in breeding-ban zones (vectorised join) and grazing rest periods (no Qt)."""

import geopandas as gpd
import numpy as np
import pytest
import shapely

from ecomap.domain.ban_zones import disposal_counts, farms_in_ban_zones, grazing_in_force

X0, Y0 = 36_460_000.0, 4_140_000.0


@pytest.fixture
def zones():
    return gpd.GeoDataFrame({
        "BH": ["jy01-01", "jy04-01", "xy01"],
        "MC": ["水源地", "居民区", "限养区"],
        "QYLX": ["禁养区", "禁养区", "限养区"],
        "JYLB": [1, 4, None],
        "JYLX": ["饮用水水源保护区", "城镇居民区和文化教育科学研究区", "限养区"],
    }, geometry=[shapely.box(X0, Y0, X0 + 1000, Y0 + 1000), shapely.box(X0 + 2000, Y0, X0 + 3000, Y0 + 1000),
                 shapely.box(X0 + 4000, Y0, X0 + 5000, Y0 + 1000)], crs=4524)


@pytest.fixture
def farms():
    xs = np.array([100, 200, 300, 2500, 4500, 8000, 9000])
    return gpd.GeoDataFrame({
        "YZCMC": ["甲", "乙", "丙", "丁", "戊", "己", "庚"],
        "SZJYQ": ["jy01-01", "jy01-01", None, "jy01-01", None, "jy04-01", None],
        "CZFS": ["未处置", "关闭", None, "搬迁", None, "关闭", None],
        "SFFY": [None, "是", None, "否", None, "否", None],
    }, geometry=gpd.points_from_xy(X0 + xs, np.full(len(xs), Y0 + 500)), crs=4524)


def test_farms_in_ban_zones(farms, zones):
    r = farms_in_ban_zones(farms, zones).set_index("name")
    # 戊 is in a restricted zone only, 庚 is nowhere: neither is listed
    assert set(r.index) == {"甲", "乙", "丙", "丁", "己"}
    assert r.loc["甲", "unresolved"] and r.loc["甲", "zone_code"] == "jy01-01"
    assert r.loc["乙", "restocked"] and r.loc["乙", "needs_action"]
    assert r.loc["丙", "not_in_ledger"] and r.loc["丙", "disposal"] == "未处置"
    assert r.loc["丁", "zone_mismatch"]  # the ledger says jy01-01, the map jy04-01
    assert not r.loc["己", "inside"] and r.loc["己", "outside"]  # registered but outside any ban zone
    assert not r.loc["丁", "needs_action"]
    # the farms needing action come first
    ordered = farms_in_ban_zones(farms, zones)
    assert ordered["needs_action"].tolist() == [True, True, True, False, False]


def test_disposal_counts(farms, zones):
    c = disposal_counts(farms_in_ban_zones(farms, zones))
    assert c == {"关闭": 1, "搬迁": 1, "转产": 0, "未处置": 2, "复养": 1}


def test_join_reprojects_the_farms(farms, zones):
    r = farms_in_ban_zones(farms.to_crs(4490), zones)
    assert set(r[r["inside"]]["name"]) == {"甲", "乙", "丙", "丁"}


@pytest.fixture
def grazing():
    return gpd.GeoDataFrame({
        "QYBH": ["JM-01", "JM-05", "JM-08", "JM-20", "JM-30"],
        "GKLX": ["全年禁牧", "季节性休牧", "草畜平衡", "季节性休牧", "全年禁牧"],
        "QSRQ": ["2021-01-01", "2021-01-01", "2021-01-01", "2021-01-01", "2026-01-01"],
        "ZZRQ": ["2025-12-31", "2025-12-31", "2025-12-31", None, "2030-12-31"],
        "XMKSR": [None, "04-01", None, "11-15", None],
        "XMJSR": [None, "06-30", None, "02-28", None],
    }, geometry=[shapely.box(0, 0, 1, 1)] * 5, crs=4524)


@pytest.mark.parametrize("day, expected", [
    ("2025-11-30", {"JM-01", "JM-20"}),
    ("2025-05-01", {"JM-01", "JM-05"}),
    ("2025-06-30", {"JM-01", "JM-05"}),
    ("2025-07-01", {"JM-01"}),
    ("2026-01-10", {"JM-20", "JM-30"}),  # JM-01's term ended; JM-20's window wraps the year end
])
def test_grazing_in_force(grazing, day, expected):
    g = grazing_in_force(grazing, day)
    assert set(g[g["in_force"]]["code"]) == expected


def test_grazing_until_dates(grazing):
    g = grazing_in_force(grazing, "2025-12-01").set_index("code")
    assert g.loc["JM-01", "until"] == "2025-12-31" and g.loc["JM-01", "kind"] == "ban"
    assert g.loc["JM-20", "until"] == "2026-02-28" and g.loc["JM-20", "days_left"] == 89
    assert g.loc["JM-05", "kind"] == "" and g.loc["JM-05", "window"] == "04-01–06-30"
