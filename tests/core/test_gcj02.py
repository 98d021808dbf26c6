"""GCJ-02 / BD-09 against the published reference values (wandergis/coordtransform README, domain.md §8.2)."""

import numpy as np
import pytest

from ecomap.core import gcj02


def test_wgs84_to_gcj02_matches_reference():
    lon, lat = gcj02.wgs84_to_gcj02(116.404, 39.915)
    assert lon == pytest.approx(116.41024449916938, abs=1e-12)
    assert lat == pytest.approx(39.91640428150164, abs=1e-12)


def test_bd09_reference_values():
    assert gcj02.gcj02_to_bd09(116.404, 39.915) == pytest.approx((116.41036949371029, 39.92133699351021), abs=1e-12)
    assert gcj02.bd09_to_gcj02(116.404, 39.915) == pytest.approx((116.39762729119315, 39.90865673957631), abs=1e-12)


def test_inverse_is_exact_to_a_millimetre_in_five_cities():
    lon = np.array([116.40, 121.47, 113.26, 104.07, 87.62])
    lat = np.array([39.90, 31.23, 23.13, 30.67, 43.79])
    glon, glat = gcj02.wgs84_to_gcj02(lon, lat)
    offset_m = np.hypot((glon - lon) * 111_000 * np.cos(np.radians(lat)), (glat - lat) * 111_000)
    assert np.all((offset_m > 100) & (offset_m < 800))  # typical 270–620 m
    back_lon, back_lat = gcj02.gcj02_to_wgs84(glon, glat)
    err_m = np.hypot((back_lon - lon) * 111_000, (back_lat - lat) * 111_000)
    assert err_m.max() < 1e-3


def test_one_step_inverse_would_be_worse_than_iteration():
    glon, glat = 116.404, 39.915
    flon, flat = gcj02.wgs84_to_gcj02(glon, glat)
    one_step = (2 * glon - flon, 2 * glat - flat)
    exact = gcj02.gcj02_to_wgs84(glon, glat)
    assert abs(one_step[0] - exact[0]) > 1e-7  # the naive inverse leaves metre-level error
    assert gcj02.wgs84_to_gcj02(*exact) == pytest.approx((glon, glat), abs=1e-9)


def test_outside_china_is_unchanged():
    assert gcj02.wgs84_to_gcj02(2.35, 48.85) == (2.35, 48.85)
    assert gcj02.gcj02_to_wgs84(-74.0, 40.7) == (-74.0, 40.7)


def test_bd09_round_trip():
    lon, lat = gcj02.bd09_to_wgs84(*gcj02.wgs84_to_bd09(112.86, 23.34))
    assert (lon, lat) == pytest.approx((112.86, 23.34), abs=1e-6)
