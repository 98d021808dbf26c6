"""The table of Chinese datums and zones against the PROJ database, and CrsInfo's rules."""

from __future__ import annotations

import re

import pytest
from pyproj import CRS
from pyproj.database import query_crs_info

from ecomap.core.crs import CHINESE_DATUMS, CrsInfo, chinese_crs, same_zone_on_other_datums

#: the PROJ names of each datum's CRSs in the table, and the datum's geographic CRS name
NAMES = {
    "CGCS2000": ("CGCS2000", "China Geodetic Coordinate System 2000"),
    "Xian1980": ("Xian 1980", "Xian 1980"),
    "Beijing1954": ("Beijing 1954", "Beijing 1954"),
}
ZONE_NAME = re.compile(r"^(?P<datum>.+) / (?P<three>3-degree )?Gauss-Kruger (zone (?P<zone>\d+)|CM (?P<cm>\d+)E)$")


def proj_rows():
    """(code, datum key, width, zone, prefixed) of every current Chinese GK CRS PROJ knows."""
    prefixes = {prefix: key for key, (prefix, _geo) in NAMES.items()}
    for info in query_crs_info(auth_name="EPSG"):
        m = ZONE_NAME.match(info.name)
        if info.deprecated or not m or m["datum"] not in prefixes:
            continue
        width = 3 if m["three"] else 6
        zone = int(m["zone"]) if m["zone"] else (int(m["cm"]) // 3 if width == 3 else (int(m["cm"]) + 3) // 6)
        yield int(info.code), prefixes[m["datum"]], width, zone, m["zone"] is not None


def test_every_zone_in_proj_is_in_the_table_and_nothing_else():
    rows = list(proj_rows())
    assert len(rows) == 3 * (21 + 21 + 11 + 11)
    for code, datum, width, zone, prefixed in rows:
        assert chinese_crs(code) is not None, code
        row = chinese_crs(code)
        assert (row.datum, row.width, row.zone, row.prefixed) == (datum, width, zone, prefixed), code
        proj = CRS.from_epsg(code).to_dict()
        assert (proj["lon_0"], proj["x_0"], proj["k"]) == (row.central_meridian, row.false_easting, 1)


def test_geographic_rows():
    for key, (_prefix, geographic) in NAMES.items():
        code = CHINESE_DATUMS[key].geographic
        assert CRS.from_epsg(code).name == geographic and chinese_crs(code).width is None
        ellipsoid = CRS.from_epsg(code).ellipsoid
        assert ellipsoid.semi_major_metre == CHINESE_DATUMS[key].semi_major
        assert ellipsoid.inverse_flattening == pytest.approx(CHINESE_DATUMS[key].inverse_flattening, abs=1e-9)


def test_domain_table_ranges():
    # shared/domain.md §8.1
    ranges = {"CGCS2000": [(4491, 4501), (4502, 4512), (4513, 4533), (4534, 4554)],
              "Xian1980": [(2327, 2337), (2338, 2348), (2349, 2369), (2370, 2390)],
              "Beijing1954": [(21413, 21423), (21453, 21463), (2401, 2421), (2422, 2442)]}
    for datum, spans in ranges.items():
        for lo, hi in spans:
            assert all(chinese_crs(c).datum == datum for c in range(lo, hi + 1))
    assert chinese_crs(4326) is None and chinese_crs(2400) is None and chinese_crs(None) is None


def test_same_zone_on_other_datums():
    assert same_zone_on_other_datums(4526) == [2362, 2414]  # zone 38 with prefix
    assert same_zone_on_other_datums(2436) == [4548, 2384]  # 3° CM 117E without prefix
    assert same_zone_on_other_datums(4490) == [4610, 4214]
    assert same_zone_on_other_datums(32650) == []


def test_crs_info_keeps_an_unusable_declared_wkt_and_works_in_the_assumed_code():
    wkt = ('PROJCS["Gauss",GEOGCS["GCS",DATUM["D_",SPHEROID["",6378140,298.257]],PRIMEM["Greenwich",0],'
           'UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["Central_Meridian",114],'
           'PARAMETER["False_Easting",38500000],UNIT["Meter",1]]')
    info = CrsInfo(declared_wkt=wkt, assumed_epsg=2362, reason="…")
    assert info.crs().to_epsg() == 2362 and info.name == "Gauss" and info.epsg == 2362
    assert CrsInfo(declared_wkt=CRS.from_epsg(4526).to_wkt(), assumed_epsg=4526).crs().name.startswith("CGCS2000")
    data = info.to_json()
    assert data["epsg"] is None and data["assumed_epsg"] == 2362 and data["declared"]
    assert data["assumed_name"] == "Xian 1980 / 3-degree Gauss-Kruger zone 38"
    assert data["datum_shift"]["source_epsg"] == 4610
