"""A GBK Shapefile inside a ZIP archive (GBK member names, as Chinese Windows zips them) gets the
same DBF text check as one on disk: the check reads the DBF bytes through the archive.

Expected values are the bytes written into the DBF, decoded here by Python."""

from __future__ import annotations

import warnings

import pyogrio

from ecomap.io import registry
from ecomap.io.registry import open_path
from tests.io.attribute_fixtures import patched_shapefile
from tests.io.test_formats_zip import shapefile_parts, zip_files

WHOLE = "清徐县东于镇王答村"
CUT = WHOLE.encode("gbk")[:15]  # seven characters and the first byte of the eighth
VALUES = ["山西省太原市清徐县".encode("gbk"), CUT, "阳曲县黄寨镇".encode("gbk")]
GARBLED = [b"\xff\xfe\xff", b"ok", b"\x80\xff"]  # bytes no encoding of the file decodes


def zipped_gbk_shapefile(tmp_path, **kw):
    """资料/村界.shp in 村界.zip, member names stored in GBK; its CJMC values cut one character short."""
    src = tmp_path / "src"
    src.mkdir()
    shp = patched_shapefile(src, "村界", {"CJMC": VALUES, "BZ": GARBLED}, **kw)
    return zip_files(tmp_path / "村界.zip", {f"资料/{p.name}": p for p in shapefile_parts(shp)}, gbk_names=True)


def test_gbk_text_inside_a_zip_is_checked_against_the_dbf_bytes(tmp_path):
    path = zipped_gbk_shapefile(tmp_path)
    (layer,) = open_path(path)
    assert layer.source.layer == "资料/村界.shp"
    assert (layer.encoding.encoding, layer.encoding.guessed) == ("GBK", True)
    got = layer.features["CJMC"].tolist()
    assert got == [VALUES[0].decode("gbk"), CUT[:-1].decode("gbk"), VALUES[2].decode("gbk")]
    assert got[1] == WHOLE[:7]
    assert len([n for n in layer.notes if "CJMC" in n]) == 1  # the half character left out is said
    assert layer.features["BZ"].tolist() == [v.decode("gbk", errors="replace") for v in GARBLED]
    notes = [n for n in layer.notes if "BZ" in n]
    assert len(notes) == 1 and "2" in notes[0]
    # GDAL alone, reading the member in place, empties what it cannot convert and says nothing
    gdal_path, gdal_layer = registry.gdal_location(layer.source)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        alone = pyogrio.read_dataframe(gdal_path, layer=gdal_layer, encoding="GBK", read_geometry=False)
    assert alone["BZ"].tolist()[0] != layer.features["BZ"].tolist()[0]


def test_the_zipped_layer_is_recognised_as_a_shapefile_for_changing_the_encoding(tmp_path):
    (layer,) = open_path(zipped_gbk_shapefile(tmp_path))
    assert registry.is_shapefile(layer)
    (recoded,) = open_path(layer.source.path, layer=layer.source.layer, encoding="GB18030")
    assert recoded.encoding.encoding == "GB18030" and recoded.encoding.method == "user"
    assert recoded.features["CJMC"].tolist()[1] == WHOLE[:7]  # GB18030 reads the GBK text and its cut alike
