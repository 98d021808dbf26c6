import pytest

from ecomap.core import coords
from ecomap.errors import DataError


def test_format_dms():
    assert coords.format_dms(116.40416666, "E", "W") == "116°24′15.0″E"
    assert coords.format_dms(-33.5, "N", "S") == "33°30′00.0″S"
    assert coords.format_dms(10.99999999, "E", "W") == "11°00′00.0″E"


@pytest.mark.parametrize("text, value", [
    ("116.404", 116.404), ("116°24′15″E", 116.404166), ("116度24分15秒", 116.404166),
    ("33 30 0 S", -33.5), ("-33°30'", -33.5), ("39°54′N", 39.9),
])
def test_parse_angle(text, value):
    assert coords.parse_angle(text)[0] == pytest.approx(value, abs=1e-5)


def test_parse_lonlat_orders_by_hemisphere_letters():
    assert coords.parse_lonlat("39°54′N, 116°24′E") == pytest.approx((116.4, 39.9))
    assert coords.parse_lonlat("116.4，39.9") == pytest.approx((116.4, 39.9))
    with pytest.raises(DataError):
        coords.parse_lonlat("200, 10")
    with pytest.raises(DataError):
        coords.parse_lonlat("116.4")


@pytest.mark.parametrize("text, value", [("1:50000", 50000), ("1：5万", 50000), ("50,000", 50000), ("1:2.5万", 25000)])
def test_parse_scale(text, value):
    assert coords.parse_scale(text) == value


@pytest.mark.parametrize("text", ["2:500", "abc", "1:-5", "0"])
def test_parse_scale_rejects(text):
    with pytest.raises(DataError):
        coords.parse_scale(text)


def test_format_scale():
    assert coords.format_scale(50000.4) == "1:50,000"
