from pathlib import Path

import pytest

from ecomap.io.encoding import decode_sample, detect_shapefile_encoding
from tests.io.fixtures import gbk_shapefile_without_cpg


def _set_ldid(dbf: Path, value: int) -> None:
    data = bytearray(dbf.read_bytes())
    data[29] = value
    dbf.write_bytes(bytes(data))


@pytest.mark.parametrize("cpg,expected", [("UTF-8", "UTF-8"), ("65001", "UTF-8"), ("936", "GBK"),
                                          ("GB2312", "GBK"), ("cp936", "GBK"), ("GB18030", "GB18030")])
def test_cpg_spellings(tmp_path, cpg, expected):
    path = gbk_shapefile_without_cpg(tmp_path)
    path.with_suffix(".cpg").write_text(cpg)
    info = detect_shapefile_encoding(path)
    assert (info.encoding, info.guessed, info.method) == (expected, False, "cpg")


def test_ldid_gbk_is_trusted(tmp_path):
    path = gbk_shapefile_without_cpg(tmp_path)
    _set_ldid(path.with_suffix(".dbf"), 0x4D)
    info = detect_shapefile_encoding(path)
    assert (info.encoding, info.guessed, info.method) == ("GBK", False, "ldid")


def test_system_ansi_ldid_falls_back_to_the_bytes(tmp_path):
    # ArcGIS on a Chinese PC writes 0x57 ("system ANSI"), which means GBK there
    path = gbk_shapefile_without_cpg(tmp_path)
    _set_ldid(path.with_suffix(".dbf"), 0x57)
    info = detect_shapefile_encoding(path)
    assert (info.encoding, info.guessed) == ("GBK", True)


def test_western_ldid_does_not_mangle_chinese(tmp_path):
    path = gbk_shapefile_without_cpg(tmp_path)
    _set_ldid(path.with_suffix(".dbf"), 0x03)  # says cp1252, bytes are GBK
    assert detect_shapefile_encoding(path).encoding == "GBK"


def test_utf8_without_cpg_is_recognised(tmp_path):
    import geopandas as gpd
    from shapely.geometry import Point

    path = tmp_path / "u.shp"
    gpd.GeoDataFrame({"名称": ["水源地一级保护区"]}, geometry=[Point(1, 2)], crs=4490).to_file(
        path, encoding="UTF-8", engine="pyogrio")
    path.with_suffix(".cpg").unlink(missing_ok=True)
    info = detect_shapefile_encoding(path)
    assert (info.encoding, info.guessed, info.method) == ("UTF-8", True, "sample")


def test_decode_sample():
    assert decode_sample(b"plain ascii") is None
    assert decode_sample("红线".encode("utf-8")) == "UTF-8"
    assert decode_sample("红线".encode("gbk")) == "GBK"
    assert decode_sample("㐀".encode("gb18030")) == "GB18030"
