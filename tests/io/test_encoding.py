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
    assert decode_sample("红线".encode()) == "UTF-8"
    assert decode_sample("红线".encode("gbk")) == "GBK"
    assert decode_sample("㐀".encode("gb18030")) == "GB18030"


def test_decode_sample_tolerates_a_character_cut_at_the_end_of_a_value():
    names = ["黄河沿岸水土保持红线", "白于山水源涵养红线", "北部防风固沙区"]
    values = [n.encode("gbk") for n in names]
    values[1] = values[1][:9]  # four characters and half of the fifth
    with pytest.raises(UnicodeDecodeError):
        b"\n".join(values).decode("gbk")  # a strict decode refuses the sample
    assert decode_sample(b"\n".join(values)) == "GBK"
    utf8 = [n.encode() for n in names]
    utf8[0] = utf8[0][:11]  # three characters and two bytes of the fourth
    assert decode_sample(b"\n".join(utf8)) == "UTF-8"
    four_byte = "𠀀𠀁".encode("gb18030")  # outside GBK: four bytes each in GB18030
    assert decode_sample("林地".encode("gb18030") + b"\n" + four_byte[:7]) == "GB18030"


def test_cut_character_is_tolerated_only_at_the_end_of_a_value():
    middle = "红线".encode("gbk")[:3] + b"\n" + "湿地".encode("gbk")  # fine: the cut ends its value
    assert decode_sample(middle) == "GBK"
    garbled = b"\xff\xfe\xfd" + "红线".encode("gbk")  # undecodable at the start: no encoding reads it
    assert decode_sample(garbled + b"\n" + garbled) is None


def test_gbk_shapefile_without_cpg_with_a_value_cut_in_half_is_detected(tmp_path):
    from ecomap.io.registry import open_path
    from tests.io.attribute_fixtures import patched_shapefile

    names = ["山西省太原市清徐县", "山西省太原市阳曲县", "太原市小店区"]
    # the tool that wrote the file cut the text at a 17-byte field: the 9-character names lose
    # the second byte of their last character
    values = [n.encode("gbk")[:17] for n in names]
    path = patched_shapefile(tmp_path, "行政区", {"XZQMC": values, "XZQDM": [b"140121", b"140122", b"140105"]},
                             ldid=0x57)
    assert not path.with_suffix(".cpg").exists()
    info = detect_shapefile_encoding(path)
    assert (info.encoding, info.guessed, info.method) == ("GBK", True, "sample")
    (layer,) = open_path(path)
    assert layer.features["XZQMC"].tolist() == ["山西省太原市清徐", "山西省太原市阳曲", "太原市小店区"]
    notes = [n for n in layer.notes if "XZQMC" in n]
    assert len(notes) == 1 and "2" in notes[0]
