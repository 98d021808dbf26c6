"""Placeholders, dates, scales and CRS wording on layouts."""

import datetime

from ecomap.core.layout.text import crs_description, format_date, format_scale, substitute


def test_substitute_known_and_unknown():
    assert substitute("{title}（{XZQMC}）", {"title": "图", "XZQMC": "城关镇"}) == "图（城关镇）"
    assert substitute("{nothing}", {}) == "{nothing}"  # a typo shows on the proof
    assert substitute("{n} 个", {"n": 3.0}) == "3 个"


def test_lines_with_empty_values_are_dropped():
    text = "制图单位：{unit}\n数据来源：{source}"
    assert substitute(text, {"unit": "示范县自然资源局", "source": ""}) == "制图单位：示范县自然资源局"
    assert substitute(text, {"unit": "", "source": ""}) == ""


def test_format_scale():
    assert format_scale(50_000) == "1:50 000"
    assert format_scale(123_456) == "1:123 000"
    assert format_scale(None) == ""


def test_date_in_chinese(chinese):
    assert format_date(datetime.date(2025, 3, 9)) == "2025年3月"


def test_crs_description_names_datum_zone_and_meridian(chinese):
    text = crs_description("EPSG:4524")
    assert "36" in text and "108" in text
    assert crs_description("EPSG:4326").startswith("WGS 84")


def test_crs_description_english():
    assert crs_description("EPSG:4524") == ("China Geodetic Coordinate System 2000, Gauss-Krüger projection, "
                                            "3° zones, zone 36 (central meridian 108°E)")
    assert "6° zones, zone 18" in crs_description("EPSG:4496")
    assert "Xi'an 1980" in crs_description("EPSG:2383")
