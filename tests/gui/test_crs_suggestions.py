"""The CRS question offers Xian 1980 and Beijing 1954 next to CGCS2000: the numbers cannot tell them apart."""

from __future__ import annotations

from pyproj.database import query_crs_info

from ecomap.gui.crs_dialog import suggest_epsg


def _code(name: str) -> int:
    return next(int(i.code) for i in query_crs_info(auth_name="EPSG") if i.name == name and not i.deprecated)


def test_prefixed_3_degree_zone():
    codes = [c for c, _why in suggest_epsg((38_383_000, 2_582_000, 38_384_000, 2_583_000))]
    assert codes[:3] == [_code("CGCS2000 / 3-degree Gauss-Kruger zone 38"),
                         _code("Xian 1980 / 3-degree Gauss-Kruger zone 38"),
                         _code("Beijing 1954 / 3-degree Gauss-Kruger zone 38")]


def test_prefixed_6_degree_zone():
    codes = [c for c, _why in suggest_epsg((19_400_000, 3_000_000, 19_410_000, 3_010_000))]
    assert codes[:3] == [_code("CGCS2000 / Gauss-Kruger zone 19"), _code("Xian 1980 / Gauss-Kruger zone 19"),
                         _code("Beijing 1954 / Gauss-Kruger zone 19")]


def test_longitude_latitude():
    suggestions = suggest_epsg((116.0, 39.0, 117.0, 40.0))
    codes = [c for c, _why in suggestions]
    assert codes[0] == 4490 and {_code("Xian 1980"), _code("Beijing 1954")} <= set(codes)
    assert dict(suggestions)[_code("Xian 1980")] == "Xian 1980 longitude/latitude"


def test_eastings_without_zone_number():
    codes = [c for c, _why in suggest_epsg((400_000, 4_400_000, 410_000, 4_410_000), lon_hint=117.2)]
    assert codes[:3] == [_code("CGCS2000 / 3-degree Gauss-Kruger CM 117E"),
                         _code("Xian 1980 / 3-degree Gauss-Kruger CM 117E"),
                         _code("Beijing 1954 / 3-degree Gauss-Kruger CM 117E")]
