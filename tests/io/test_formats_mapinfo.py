"""MapInfo TAB and MIF/MID: GBK Charset, Transverse Mercator CoordSys with Chinese central meridians.

Expected values come from GDAL itself (pyogrio reading the same file, with the
encoding set by hand where the file does not say) and from pyproj.
"""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path

import geopandas as gpd
import pyogrio
import pytest
import shapely
from pyproj import CRS, Transformer

from ecomap.errors import DataError
from ecomap.io.registry import file_filter, open_path

NAMES = ["林地", "草地", "采煤沉陷区"]


def _write_tab(folder: Path, name: str = "图斑", epsg: int = 4545) -> Path:
    x0, y0 = (500_000.0, 3_800_000.0) if epsg == 4545 else (39_500_000.0, 4_400_000.0)
    frame = gpd.GeoDataFrame({"名称": NAMES, "面积": [1.5, 2.5, 3.0]},
                             geometry=[shapely.box(x0 + i * 200, y0, x0 + i * 200 + 100, y0 + 100) for i in range(3)],
                             crs=epsg)
    path = folder / f"{name}.tab"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pyogrio.write_dataframe(frame, path, driver="MapInfo File", layer_options={"ENCODING": "CP936"})
    return path


MIF_HEADER = ('Version 300\nCharset "{charset}"\nDelimiter ","\n'
              'CoordSys Earth Projection 8, 104, "m", 117, 0, 1, 39500000, 0\n'
              "Columns 2\n  名称 Char(20)\n  编号 Integer\nData\n\n")
MIF_BODY = ("Point 39500100 4400100\n    Symbol (35,0,12)\n"
            "Pline 2\n39500000 4400000\n39501000 4401000\n"
            "Region 1\n  4\n39500000 4400000\n39500500 4400000\n39500500 4400500\n39500000 4400000\n")
MID = '"水源井",1\n"河道",2\n"禁养区",3\n'


def _write_mif(folder: Path, charset: str = "WindowsSimpChinese", name: str = "监测") -> Path:
    path = folder / f"{name}.mif"
    path.write_bytes((MIF_HEADER.format(charset=charset) + MIF_BODY).encode("gbk"))
    path.with_suffix(".mid").write_bytes(MID.encode("gbk"))
    return path


def test_tab_with_gbk_charset_reads_as_gdal_decodes_it(tmp_path):
    path = _write_tab(tmp_path)
    assert b"WindowsSimpChinese" in path.read_bytes() and "名称".encode("gbk") in path.read_bytes()
    (layer,) = open_path(path)
    expected = pyogrio.read_dataframe(path)  # GDAL honours the Charset itself
    assert expected["名称"].tolist() == NAMES
    assert layer.features["名称"].tolist() == NAMES
    assert layer.encoding.encoding == "GBK" and layer.encoding.method == "charset" and not layer.encoding.guessed
    assert shapely.equals_exact(layer.geometry, expected.geometry.values, tolerance=1e-6).all()
    operation = CRS.from_wkt(layer.crs_info.declared_wkt).coordinate_operation
    params = {p.name: p.value for p in operation.params}
    assert operation.method_name == "Transverse Mercator"
    assert params["Longitude of natural origin"] == 108 and params["False easting"] == 500_000


def test_mif_transverse_mercator_on_central_meridian_117_with_zone_prefix(tmp_path):
    path = _write_mif(tmp_path)
    (layer,) = open_path(path)
    assert layer.features["名称"].tolist() == ["水源井", "河道", "禁养区"]
    assert layer.features["编号"].tolist() == [1, 2, 3]
    assert layer.geometry_type == "Mixed"
    assert not layer.crs_info.is_assumed
    # the same point through an independently built CRS from the CoordSys parameters
    reference = CRS.from_proj4("+proj=tmerc +lon_0=117 +lat_0=0 +k=1 +x_0=39500000 +y_0=0 +ellps=WGS84 +units=m")
    ours = Transformer.from_crs(layer.crs_info.crs(), 4326, always_xy=True).transform(39500100, 4400100)
    theirs = Transformer.from_crs(reference, 4326, always_xy=True).transform(39500100, 4400100)
    assert ours == pytest.approx(theirs, abs=1e-9)
    assert layer.bounds == pytest.approx(tuple(pyogrio.read_info(path, force_total_bounds=True)["total_bounds"]))


def test_neutral_charset_over_gbk_bytes_is_guessed(tmp_path):
    path = _write_mif(tmp_path, charset="Neutral")
    with pytest.raises(UnicodeDecodeError):  # what GDAL's UTF-8 default makes of it
        pyogrio.read_dataframe(path)
    (layer,) = open_path(path)
    expected = pyogrio.read_dataframe(path, encoding="GBK")
    assert layer.encoding.encoding == "GBK" and layer.encoding.guessed
    assert layer.features["名称"].tolist() == expected["名称"].tolist() == ["水源井", "河道", "禁养区"]


def test_nonearth_coordsys_counts_as_undeclared_and_the_coordinates_decide(tmp_path):
    path = tmp_path / "cad.mif"
    path.write_bytes(('Version 300\nCharset "WindowsSimpChinese"\nDelimiter ","\n'
                      'CoordSys NonEarth Units "m" Bounds (39000000, 4000000) (40000000, 5000000)\n'
                      "Columns 1\n  名称 Char(10)\nData\n\nPoint 39500100 4400100\n").encode("gbk"))
    path.with_suffix(".mid").write_bytes('"井"\n'.encode("gbk"))
    assert pyogrio.read_info(path)["crs"].startswith("LOCAL_CS")
    (layer,) = open_path(path)
    # CGCS2000 3° Gauss-Krüger zone 39 is EPSG:4527 (4488 + zone)
    assert layer.crs_info.is_assumed and layer.crs_info.assumed_epsg == 4527
    assert any("NonEarth" in note for note in layer.notes)


def test_missing_mid_is_named(tmp_path):
    path = _write_mif(tmp_path)
    path.with_suffix(".mid").unlink()
    with pytest.raises(DataError, match="监测.mid"):
        open_path(path)


def test_missing_dat_is_named(tmp_path):
    path = _write_tab(tmp_path)
    path.with_suffix(".dat").unlink()
    with pytest.raises(DataError, match="图斑.dat"):
        open_path(path)


def test_raster_registration_tab_is_refused_clearly(tmp_path):
    path = tmp_path / "影像.tab"
    path.write_bytes(b'!table\n!version 300\n!charset WindowsSimpChinese\n\nDefinition Table\n'
                     b'  File "img.jpg"\n  Type "RASTER"\n  (0,0) (0,0) Label "Pt 1",\n')
    with pytest.raises(DataError, match="raster"):
        open_path(path)


def test_tab_inside_a_zip_with_gbk_member_names(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    tab = _write_tab(src, epsg=4527)

    class Legacy(zipfile.ZipInfo):
        def _encodeFilenameFlags(self):
            return self.filename.encode("gbk"), self.flag_bits & ~0x800

    path = tmp_path / "mapinfo.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for part in sorted(src.iterdir()):
            z.writestr(Legacy(f"成果/{part.name}"), part.read_bytes())
    (layer,) = open_path(path)
    assert layer.name == "图斑" and layer.source.layer == "成果/图斑.tab"
    assert layer.features["名称"].tolist() == pyogrio.read_dataframe(tab)["名称"].tolist()


def test_file_dialog_filter_offers_the_new_types():
    text = file_filter()
    for pattern in ("*.zip", "*.tab", "*.mif", "*.gpx", "*.gml"):
        assert pattern in text.split(";;")[0]
