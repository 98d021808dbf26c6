import pytest
from pyproj import CRS, Transformer

from ecomap.io.crs_detect import datum_from_text, gauss_kruger_epsg, infer_from_bounds, resolve_crs


@pytest.mark.parametrize("zone,width,datum,prefixed,expected", [
    (36, 3, "CGCS2000", True, 4524), (39, 3, "CGCS2000", True, 4527), (39, 3, "CGCS2000", False, 4548),
    (25, 3, "CGCS2000", True, 4513), (45, 3, "CGCS2000", True, 4533), (13, 6, "CGCS2000", True, 4491),
    (20, 6, "CGCS2000", False, 4509), (40, 3, "Xian1980", True, 2364), (25, 3, "Beijing1954", True, 2401),
    (13, 6, "Beijing1954", True, 21413),
])
def test_gauss_kruger_codes(zone, width, datum, prefixed, expected):
    assert gauss_kruger_epsg(zone, width, datum, prefixed) == expected
    crs = CRS.from_epsg(expected)
    cm = crs.to_dict()["lon_0"]
    assert cm == (3 * zone if width == 3 else 6 * zone - 3)


def test_domain_example_point_converts_to_guangdong():
    inference = infer_from_bounds((38383243.971, 2582988.976, 38383243.971, 2582988.976))
    assert inference.epsg == 4526 and not inference.swapped
    lon, lat = Transformer.from_crs(4526, 4490, always_xy=True).transform(38383243.971, 2582988.976)
    assert lat == pytest.approx(23.34, abs=0.01) and lon == pytest.approx(112.86, abs=0.01)


def test_lonlat_and_swapped_lonlat():
    assert infer_from_bounds((107.5, 36.8, 108.5, 37.4)).epsg == 4490
    swapped = infer_from_bounds((36.8, 107.5, 37.4, 108.5))
    assert swapped.epsg == 4490 and swapped.swapped


def test_unprefixed_gk_is_not_guessed():
    inference = infer_from_bounds((400000, 4100000, 450000, 4150000))
    assert inference.epsg is None and inference.reason


def test_declared_crs_is_kept_and_not_marked_assumed():
    info = resolve_crs(CRS.from_epsg(4524), (36400000, 4100000, 36401000, 4101000))
    assert info.declared_epsg == 4524 and info.assumed_epsg is None and not info.is_assumed


@pytest.mark.parametrize("text,datum", [("2000国家大地坐标系", "CGCS2000"), ("80国家大地坐标系", "Xian1980"),
                                        ("西安80", "Xian1980"), ("北京54", "Beijing1954"), ("CGCS2000", "CGCS2000")])
def test_datum_names(text, datum):
    assert datum_from_text(text) == datum


def test_a_file_without_crs_says_the_datum_is_assumed():
    for bounds in ((38383243.971, 2582988.976, 38383300.0, 2583000.0), (107.5, 36.8, 108.5, 37.4)):
        inference = infer_from_bounds(bounds)
        assert inference.epsg in (4526, 4490)
        assert "assumed to be CGCS2000" in inference.reason and "Xian 1980" in inference.reason
    info = resolve_crs(None, (38383243.971, 2582988.976, 38383300.0, 2583000.0))
    assert info.is_assumed and info.matched_by == "coordinates" and "Beijing 1954" in info.reason


def test_swapped_data_under_a_declared_xian_1980_zone_is_still_swapped():
    # northings in x, zone-38 eastings in y, and a .prj saying Xian 1980 3° zone 38 (EPSG:2362)
    bounds = (2582988.976, 38383243.971, 2583000.0, 38383300.0)
    assert resolve_crs(CRS.from_epsg(2362), bounds).swapped_axes
    assert not resolve_crs(CRS.from_epsg(2362), (38383243.971, 2582988.976, 38383300.0, 2583000.0)).swapped_axes
    assert not resolve_crs(CRS.from_epsg(2363), bounds).swapped_axes  # zone 39 declared: not the same zone


@pytest.mark.parametrize("bounds,wrapped", [
    ((200.0, 10.0, 250.5, 30.25), True),     # all west longitudes written as 180–360
    ((100.0, 10.0, 250.0, 30.0), True),      # nothing below 0, something above 180
    ((100.0, 20.0, 140.0, 40.0), False),     # east longitudes: the same in both conventions
    ((-10.0, 10.0, 200.0, 30.0), False),     # mixed conventions: not clearly 0–360
])
def test_longitudes_0_to_360_under_a_declared_geographic_crs(bounds, wrapped):
    info = resolve_crs(CRS.from_epsg(4326), bounds)
    assert info.longitudes_wrapped is wrapped and info.declared_epsg == 4326
    assert bool(info.notes) is wrapped


def test_no_crs_and_0_to_360_numbers_are_not_taken_for_longitudes():
    # small numbers with no CRS may be a local grid in metres
    assert not resolve_crs(None, (200.0, 10.0, 250.0, 30.0)).longitudes_wrapped
