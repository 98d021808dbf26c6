"""VRTs (and GML schemas) are opened only when every file they name lies beside them."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
import rasterio
from rasterio.transform import from_origin

from ecomap.errors import DataError
from ecomap.io.registry import open_path

PASSWD = Path("/etc/passwd")


def _tile(path: Path, west: float, values: np.ndarray) -> Path:
    with rasterio.open(path, "w", driver="GTiff", width=4, height=4, count=1, dtype="uint8", crs="EPSG:4524",
                       transform=from_origin(west, 4_200_040.0, 10.0, 10.0)) as ds:
        ds.write(values, 1)
    return path


def _simple_source(name: str, relative: str = "1", x_off: int = 0, tag: str = "SourceFilename") -> str:
    return (f'<SimpleSource><{tag} relativeToVRT="{relative}">{name}</{tag}><SourceBand>1</SourceBand>'
            f'<SrcRect xOff="0" yOff="0" xSize="4" ySize="4"/><DstRect xOff="{x_off}" yOff="0" xSize="4" ySize="4"/>'
            "</SimpleSource>")


def _vrt(path: Path, sources: str, width: int = 8, extra: str = "") -> Path:
    path.write_text(f"""<VRTDataset rasterXSize="{width}" rasterYSize="4">
  <SRS>EPSG:4524</SRS><GeoTransform>38500000.0, 10.0, 0.0, 4200040.0, 0.0, -10.0</GeoTransform>
  <VRTRasterBand dataType="Byte" band="1"{extra}>{sources}</VRTRasterBand>
</VRTDataset>""", encoding="utf-8")
    return path


def _raw_band_vrt(path: Path, source: str, relative: str = "0") -> Path:
    path.write_text(f"""<VRTDataset rasterXSize="16" rasterYSize="4">
  <VRTRasterBand dataType="Byte" band="1" subClass="VRTRawRasterBand">
    <SourceFilename relativetoVRT="{relative}">{source}</SourceFilename>
    <ImageOffset>0</ImageOffset><PixelOffset>1</PixelOffset><LineOffset>16</LineOffset>
  </VRTRasterBand>
</VRTDataset>""", encoding="utf-8")
    return path


@pytest.fixture
def tiles(tmp_path):
    a = np.arange(16, dtype="uint8").reshape(4, 4)
    b = (np.arange(16, dtype="uint8") + 100).reshape(4, 4)
    _tile(tmp_path / "west.tif", 38_500_000.0, a)
    _tile(tmp_path / "east.tif", 38_500_040.0, b)
    return tmp_path, np.hstack([a, b])


def test_mosaic_of_two_geotiffs_beside_it_opens(tiles):
    folder, expected = tiles
    vrt = _vrt(folder / "mosaic.vrt", _simple_source("west.tif") + _simple_source("east.tif", x_off=4))
    (layer,) = open_path(vrt)
    assert (layer.width, layer.height) == (8, 4)
    assert layer.bounds == pytest.approx((38_500_000.0, 4_200_000.0, 38_500_080.0, 4_200_040.0))
    with rasterio.open(vrt) as ds:
        assert np.array_equal(ds.read(1), expected)


def test_mosaic_in_a_subfolder_and_nested_vrt_open(tiles):
    folder, _ = tiles
    (folder / "tiles").mkdir()
    for name in ("west.tif", "east.tif"):
        (folder / name).rename(folder / "tiles" / name)
    inner = _vrt(folder / "tiles" / "inner.vrt", _simple_source("west.tif") + _simple_source("east.tif", x_off=4))
    outer = _vrt(folder / "outer.vrt", _simple_source("tiles/../tiles/inner.vrt", x_off=0).replace(
        'xSize="4" ySize="4"/><DstRect xOff="0" yOff="0" xSize="4"', 'xSize="8" ySize="4"/><DstRect xOff="0" '
        'yOff="0" xSize="8"'))
    assert inner.exists()
    (layer,) = open_path(outer)
    assert layer.width == 8


@pytest.mark.skipif(not PASSWD.is_file(), reason="needs /etc/passwd")
def test_vrt_reading_etc_passwd_as_pixels_is_refused_naming_it(tmp_path):
    vrt = _raw_band_vrt(tmp_path / "passwd.vrt", str(PASSWD))
    with rasterio.open(vrt) as ds:  # what GDAL alone would do: the file's bytes as pixels
        assert ds.read(1)[0].tobytes() == PASSWD.read_bytes()[:16]
    with pytest.raises(DataError) as exc_info:
        open_path(vrt)
    assert "/etc/passwd" in exc_info.value.message and "absolute path" in exc_info.value.message
    assert "root:" not in exc_info.value.user_message()


@pytest.mark.parametrize("source, relative, reason", [
    ("/etc/passwd", "1", "absolute path"),
    ("../../../../../../../../etc/passwd", "1", "outside its folder"),
    ("sub/../../outside.tif", "1", "outside its folder"),
    ("west.tif", "0", "relative to the working folder"),
    ("C:\\Windows\\win.ini", "1", "absolute path"),
    ("/vsizip/data.zip/west.tif", "1", "network address, GDAL virtual file"),
    ("file:///etc/passwd", "1", "network address, GDAL virtual file"),
    ("GTIFF_DIR:1:west.tif", "1", "network address, GDAL virtual file"),
    ("<VRTDataset rasterXSize='1' rasterYSize='1'/>", "1", "not a file name"),
])
def test_sources_outside_the_folder_are_refused(tiles, source, relative, reason):
    folder, _ = tiles
    vrt = _vrt(folder / "bad.vrt", _simple_source(source.replace("<", "&lt;"), relative), width=4)
    with pytest.raises(DataError) as exc_info:
        open_path(vrt)
    assert source in exc_info.value.message and reason in exc_info.value.message


def test_element_names_in_any_letter_case_are_checked(tiles):
    """GDAL matches VRT element and attribute names ignoring case."""
    folder, _ = tiles
    vrt = _vrt(folder / "upper.vrt", _simple_source("/etc/passwd", tag="SOURCEFILENAME"), width=4)
    with pytest.raises(DataError, match="absolute path"):
        open_path(vrt)


def test_symbolic_link_leading_outside_is_refused(tiles):
    folder, _ = tiles
    outside = folder.parent / f"{folder.name}-outside.tif"
    _tile(outside, 38_500_000.0, np.zeros((4, 4), dtype="uint8"))
    os.symlink(outside, folder / "link.tif")
    with pytest.raises(DataError, match="outside its folder"):
        open_path(_vrt(folder / "link.vrt", _simple_source("link.tif"), width=4))


def test_raw_band_beside_the_vrt_opens(tmp_path):
    (tmp_path / "pixels.raw").write_bytes(bytes(range(64)))
    (layer,) = open_path(_raw_band_vrt(tmp_path / "raw.vrt", "pixels.raw", relative="1"))
    with rasterio.open(layer.source.path) as ds:
        assert ds.read(1).tobytes() == bytes(range(64))


def test_nested_vrt_in_disguise_is_checked_too(tiles):
    folder, _ = tiles
    _raw_band_vrt(folder / "inner.tif", str(PASSWD))  # a VRT named .tif
    with pytest.raises(DataError, match="absolute path"):
        open_path(_vrt(folder / "outer.vrt", _simple_source("inner.tif"), width=4))


def test_a_vrt_named_tif_is_not_followed(tmp_path):
    disguised = _raw_band_vrt(tmp_path / "image.tif", str(PASSWD))
    with pytest.raises(DataError, match="not a raster") as exc_info:
        open_path(disguised)
    assert "root:" not in exc_info.value.user_message()


def test_web_service_description_as_a_source_is_refused(tiles):
    folder, _ = tiles
    (folder / "wms.xml").write_text("<GDAL_WMS><Service name='WMS'><ServerUrl>http://127.0.0.1:1/</ServerUrl>"
                                    "</Service></GDAL_WMS>")
    with pytest.raises(DataError, match="XML dataset description"):
        open_path(_vrt(folder / "wms.vrt", _simple_source("wms.xml"), width=4))


def test_python_pixel_function_is_refused(tiles):
    folder, _ = tiles
    extra = ' subClass="VRTDerivedRasterBand"'
    code = ("<PixelFunctionType>f</PixelFunctionType><PixelFunctionLanguage>Python</PixelFunctionLanguage>"
            "<PixelFunctionCode><![CDATA[import os\ndef f(*a, **k): os.system('true')]]></PixelFunctionCode>")
    vrt = _vrt(folder / "py.vrt", code + _simple_source("west.tif"), width=4, extra=extra)
    with pytest.raises(DataError, match="Python"):
        open_path(vrt)


def test_vector_vrt_is_refused(tmp_path):
    vrt = tmp_path / "layers.vrt"
    vrt.write_text('<OGRVRTDataSource><OGRVRTLayer name="p"><SrcDataSource>CSV:/etc/passwd</SrcDataSource>'
                   "</OGRVRTLayer></OGRVRTDataSource>")
    with pytest.raises(DataError, match="vector"):
        open_path(vrt)


def test_vrt_with_entities_is_refused(tiles):
    folder, _ = tiles
    vrt = folder / "xxe.vrt"
    vrt.write_text('<?xml version="1.0"?><!DOCTYPE VRTDataset [<!ENTITY src SYSTEM "file:///etc/passwd">]>'
                   + _vrt(folder / "tmp.vrt", _simple_source("&src;"), width=4).read_text())
    with pytest.raises(DataError, match="declares entities"):
        open_path(vrt)


# --------------------------------------------------------------------------- GML schemas
def _gml(path: Path, schema_location: str = "") -> Path:
    attr = f' xsi:schemaLocation="http://ogr.maptools.org/ {schema_location}"' if schema_location else ""
    path.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<ogr:FeatureCollection xmlns:ogr="http://ogr.maptools.org/" xmlns:gml="http://www.opengis.net/gml"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"{attr}>
  <gml:featureMember><ogr:p><ogr:geometryProperty><gml:Point srsName="EPSG:4326">
    <gml:coordinates>112.5,37.8</gml:coordinates></gml:Point></ogr:geometryProperty></ogr:p></gml:featureMember>
</ogr:FeatureCollection>""", encoding="utf-8")
    return path


def test_gml_written_by_gdal_with_its_schema_opens(tmp_path):
    import geopandas as gpd
    from shapely import Point

    path = tmp_path / "wells.gml"
    gpd.GeoDataFrame({"name": ["甲"]}, geometry=[Point(112.5, 37.8)], crs=4326).to_file(path, driver="GML")
    assert "schemas.opengis.net" in path.with_suffix(".xsd").read_text()  # a web address, never fetched
    (layer,) = open_path(path)
    assert layer.features["name"].tolist() == ["甲"]


@pytest.mark.parametrize("location, reason", [("/etc/passwd", "absolute path"),
                                              ("../schemas/p.xsd", "outside its folder"),
                                              ("file:///tmp/p.xsd", "network address")])
def test_gml_naming_a_schema_outside_its_folder_is_refused(tmp_path, location, reason):
    with pytest.raises(DataError) as exc_info:
        open_path(_gml(tmp_path / "p.gml", location))
    assert location in exc_info.value.message and reason in exc_info.value.message


def test_gml_schema_including_a_file_outside_is_refused(tmp_path):
    gml = _gml(tmp_path / "p.gml", "p.xsd")
    (tmp_path / "p.xsd").write_text('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
                                    '<xs:include schemaLocation="/etc/passwd"/></xs:schema>')
    with pytest.raises(DataError, match="absolute path") as exc_info:
        open_path(gml)
    assert "p.xsd" in str(exc_info.value)
