"""Datum shifts: only what the EPSG database publishes, or a user's named 7-parameter set.

What is published is read straight from PROJ's database with SQL; the user's set is
checked against PROJ's own ``+towgs84`` machinery, which EcoMap does not use.
"""

from __future__ import annotations

import os
import sqlite3

import numpy as np
import pyproj
import pytest
from pyproj import CRS, Transformer

from ecomap.core.datum_shift import (
    bursa_wolf_shift,
    datum_shift_options,
    datum_shift_summary,
    parse_seven_parameters,
)

TABLES = ("helmert_transformation", "grid_transformation", "other_transformation", "concatenated_operation")
#: a plausible local set (translations in m, rotations in arc-seconds, scale in ppm)
SEVEN = (24.0, -123.0, -94.0, 0.02, -0.25, -0.13, 1.1)


def published(src: int, dst: int) -> set[tuple[str, float | None]]:
    """(name, accuracy) of the EPSG transformations between two geographic CRSs, either way."""
    con = sqlite3.connect(os.path.join(pyproj.datadir.get_data_dir(), "proj.db"))
    rows = set()
    for table in TABLES:
        rows |= set(con.execute(
            f"SELECT name, accuracy FROM {table} WHERE deprecated = 0 AND source_crs_auth_name = 'EPSG' "
            "AND ((source_crs_code = ? AND target_crs_code = ?) OR (source_crs_code = ? AND target_crs_code = ?))",
            (str(src), str(dst), str(dst), str(src))).fetchall())
    con.close()
    return rows


@pytest.mark.parametrize("src", [4610, 4214])
def test_nothing_is_published_from_xian_1980_or_beijing_1954_to_cgcs2000(src):
    assert published(src, 4490) == set()
    assert datum_shift_options(src, 4490) == ()


def test_the_published_beijing_1954_to_wgs84_sets_are_listed_with_their_accuracy():
    expected = published(4214, 4326)
    assert len(expected) >= 1
    options = datum_shift_options(4214, 4326)
    assert {(o.name, o.accuracy_m) for o in options} == expected
    assert all(o.area and o.origin == "proj" for o in options)


def test_projected_codes_are_taken_to_their_datum():
    # Beijing 1954 3° zone 25 and WGS 84 / UTM 50N: the datums are Beijing 1954 and WGS 84
    assert datum_shift_options(2401, 32650) == datum_shift_options(4214, 4326)
    assert datum_shift_options(4526, 4490) == ()  # the same datum: nothing to shift


def test_a_user_seven_parameter_set_matches_proj_towgs84():
    shift = bursa_wolf_shift(4610, SEVEN)
    assert shift.origin == "user" and shift.accuracy_m is None and "7-parameter" in shift.name
    lon, lat = np.array([108.9, 113.3, 87.6]), np.array([34.3, 23.1, 43.8])
    x, y = shift.transformer().transform(lon, lat)
    # PROJ's own route: a bound CRS carrying the same +towgs84, to WGS 84 (whose ellipsoid
    # differs from CGCS2000's by 0.1 mm in the semi-minor axis)
    bound = CRS.from_proj4("+proj=longlat +a=6378140 +rf=298.257 +towgs84=" + ",".join(map(str, SEVEN)))
    ex, ey = Transformer.from_crs(bound, 4326, always_xy=True).transform(lon, lat)
    assert np.allclose(x, ex, rtol=0, atol=1e-9) and np.allclose(y, ey, rtol=0, atol=1e-9)
    assert np.abs(x - lon).min() > 1e-4  # the set does move the points (by about 20 m)


def test_coordinate_frame_rotations_are_position_vector_ones_reversed():
    frame = bursa_wolf_shift(4214, SEVEN, convention="coordinate_frame")
    dx, dy, dz, rx, ry, rz, ds = SEVEN
    vector = bursa_wolf_shift(4214, (dx, dy, dz, -rx, -ry, -rz, ds))
    assert frame.transformer().transform(116.4, 39.9) == pytest.approx(vector.transformer().transform(116.4, 39.9),
                                                                       abs=1e-12)
    with pytest.raises(ValueError):
        bursa_wolf_shift(4214, SEVEN, convention="rotation_first")


def test_projected_xian_zone_to_cgcs2000_zone():
    shift = bursa_wolf_shift(2362, SEVEN, 4526)
    assert (shift.source_epsg, shift.target_epsg) == (4610, 4490)
    e, n = shift.transformer(2362, 4526).transform(38383243.971, 2582988.976)
    bound = CRS.from_proj4("+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=38500000 +y_0=0 +a=6378140 +rf=298.257 "
                           "+towgs84=" + ",".join(map(str, SEVEN)) + " +units=m")
    target = CRS.from_proj4("+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=38500000 +y_0=0 +datum=WGS84 +units=m")
    ee, en = Transformer.from_crs(bound, target, always_xy=True).transform(38383243.971, 2582988.976)
    assert (e, n) == pytest.approx((ee, en), abs=0.001)


@pytest.mark.parametrize("text,values", [
    ("24,-123,-94,0.02,-0.25,-0.13,1.1", SEVEN),
    ("24，-123，-94，0.02，-0.25，-0.13，1.1", SEVEN),  # Chinese commas
    (" 24 -123 -94 0.02 -0.25 -0.13 1.1 ", SEVEN),
])
def test_seven_parameters_from_text(text, values):
    assert parse_seven_parameters(text) == values
    assert bursa_wolf_shift(4610, text).pipeline == bursa_wolf_shift(4610, values).pipeline


@pytest.mark.parametrize("text", [",,,,,,", "1,2,3,4,5,6", "1,2,3,4,5,6,x", "1,2,3,4,5,6,7,8", "1,2,3,4,5,6,nan"])
def test_bad_seven_parameter_text_is_refused_with_a_message(text):
    with pytest.raises(ValueError, match="seven numbers"):
        parse_seven_parameters(text)


def test_summary_for_ecomap_info():
    xian = datum_shift_summary(2362)
    assert xian["source_epsg"] == 4610 and xian["options"] == []
    assert "7-parameter" in xian["note"] and "Xian 1980" in xian["note"]
    assert datum_shift_summary(CRS.from_epsg(21420))["source_epsg"] == 4214
    assert datum_shift_summary(4526) is None and datum_shift_summary(4326) is None
    assert datum_shift_summary(None) is None
