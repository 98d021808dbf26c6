"""ZIP archives read in place: Chinese member names, nested folders, several datasets, safety limits.

Expected values come from pyogrio reading the same data unzipped (or GDAL's own
/vsizip/ with the name GDAL lists), never from EcoMap's reader.
"""

from __future__ import annotations

import json
import warnings
import zipfile
from pathlib import Path

import geopandas as gpd
import pyogrio
import pytest
import shapely

from ecomap.cli.main import main
from ecomap.core.project import (
    LayerEntry,
    Project,
    load_project,
    save_project,
)
from ecomap.errors import DataError
from ecomap.io import archive as archive_module
from ecomap.io.registry import gdal_location, list_datasets, open_path
from ecomap.services.project_open import open_project_entries
from tests.io.fixtures import gbk_shapefile_without_cpg, geopackage

REAL = Path(__file__).parent.parent / "data" / "real"


class _LegacyName(zipfile.ZipInfo):
    """A member whose name is stored as raw GBK bytes without the UTF-8 flag, as Chinese Windows writes."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("gbk"), self.flag_bits & ~0x800


def zip_files(target: Path, files: dict[str, Path], gbk_names: bool = False) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for name, src in files.items():
            info = _LegacyName(name) if gbk_names else zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, src.read_bytes())
    return target


def shapefile_parts(shp: Path) -> list[Path]:
    return sorted(p for p in shp.parent.iterdir() if p.stem == shp.stem)


def _frame_without_geometry(frame) -> list:
    return frame.drop(columns=frame.geometry.name).values.tolist()


@pytest.fixture
def gbk_zip(tmp_path):
    """数据/矿山/图斑.shp with .cpg (GBK) and .prj, member names in GBK without the UTF-8 flag."""
    src = tmp_path / "src"
    src.mkdir()
    frame = gpd.GeoDataFrame({"名称": ["林地", "草地", "采煤沉陷区"], "面积": [1.5, 2.5, 3.0]},
                             geometry=[shapely.box(i, 0, i + 1, 1) for i in range(3)], crs=4490)
    pyogrio.write_dataframe(frame, src / "图斑.shp", encoding="GBK")
    parts = {f"数据/矿山/{p.name}": p for p in shapefile_parts(src / "图斑.shp")}
    assert {Path(n).suffix for n in parts} >= {".shp", ".shx", ".dbf", ".cpg", ".prj"}
    return zip_files(tmp_path / "交付.zip", parts, gbk_names=True), src / "图斑.shp"


def test_gbk_member_names_are_decoded_and_read_in_place(gbk_zip):
    path, original = gbk_zip
    with zipfile.ZipFile(path) as z:  # the fixture really is what Chinese Windows writes
        assert all(not i.flag_bits & 0x800 for i in z.infolist())
        assert "数据/矿山/图斑.shp" not in z.namelist()
    # GDAL lists such names as CP437 mojibake: the name the user reads does not open
    with pytest.raises(pyogrio.errors.DataSourceError):
        pyogrio.read_info(f"/vsizip/{{{path}}}/数据/矿山/图斑.shp")
    (layer,) = open_path(path)
    assert layer.name == "图斑"
    assert (layer.source.path, layer.source.layer) == (path, "数据/矿山/图斑.shp")
    assert layer.encoding.encoding == "GBK" and layer.encoding.method == "cpg"
    expected = pyogrio.read_dataframe(original)
    assert _frame_without_geometry(layer.features) == _frame_without_geometry(expected)
    assert layer.crs_info.epsg == 4490


def test_gdal_location_names_the_member_as_gdal_lists_it(gbk_zip):
    path, _ = gbk_zip
    (layer,) = open_path(path)
    gdal_path, name = gdal_location(layer.source)
    info = pyogrio.read_info(gdal_path, layer=name)
    assert info["features"] == 3 and "名称" in list(info["fields"])


def test_encoding_of_a_zipped_shapefile_without_cpg_is_detected_from_the_dbf_bytes(tmp_path):
    shp = gbk_shapefile_without_cpg(tmp_path)
    path = zip_files(tmp_path / "hx.zip", {f"a/b/c/{p.name}": p for p in shapefile_parts(shp)})
    (layer,) = open_path(path)
    assert layer.encoding.encoding == "GBK" and layer.encoding.guessed
    expected = pyogrio.read_dataframe(shp, encoding="GBK")
    assert layer.features["HXMC"].tolist() == expected["HXMC"].tolist()
    # the user's choice wins, and the same key reopens the layer
    (again,) = open_path(path, layer=layer.source.layer, encoding="GB18030")
    assert again.encoding.method == "user" and again.features["HXMC"].tolist() == expected["HXMC"].tolist()


def test_geopackage_deep_inside_gives_every_table(tmp_path):
    gpkg = geopackage(tmp_path)
    path = zip_files(tmp_path / "g.zip", {"一/二/三/县.gpkg": gpkg})
    layers = open_path(path)
    names = [str(n) for n, _ in pyogrio.list_layers(gpkg)]
    assert sorted(lyr.name for lyr in layers) == sorted(names)
    assert {lyr.source.layer for lyr in layers} == {f"一/二/三/县.gpkg|{n}" for n in names}
    for lyr in layers:
        assert len(lyr.features) == pyogrio.read_info(gpkg, layer=lyr.name)["features"]
    (one,) = open_path(path, layer=f"一/二/三/县.gpkg|{names[0]}")
    assert one.name == names[0]


def test_several_datasets_are_listed_and_all_opened(tmp_path):
    shp = gbk_shapefile_without_cpg(tmp_path)
    gpkg = geopackage(tmp_path)
    files = {f"红线/{p.name}": p for p in shapefile_parts(shp)}
    files["库/县.gpkg"] = gpkg
    path = zip_files(tmp_path / "多个.zip", files)
    datasets = list_datasets(path)
    assert [d.label for d in datasets] == ["库/县.gpkg", "红线/红线.shp"]
    assert all(d.path == path and d.layer == d.label for d in datasets)
    layers = open_path(path)
    assert len(layers) == 1 + len(pyogrio.list_layers(gpkg))
    for dataset in datasets:
        assert open_path(dataset.path, layer=dataset.layer)


def test_cli_info_lists_every_dataset_of_an_archive(tmp_path, capsys):
    shp = gbk_shapefile_without_cpg(tmp_path)
    gpkg = geopackage(tmp_path)
    files = {f"红线/{p.name}": p for p in shapefile_parts(shp)} | {"库/县.gpkg": gpkg}
    path = zip_files(tmp_path / "多个.zip", files)
    assert main(["info", str(path), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    expected = {"红线"} | {str(n) for n, _ in pyogrio.list_layers(gpkg)}
    assert {layer["name"] for layer in info["layers"]} == expected


def test_folder_with_datasets_and_an_archive_lists_the_archive_members(tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    shp = gbk_shapefile_without_cpg(folder)
    inner = tmp_path / "inner"
    inner.mkdir()
    gpkg = geopackage(inner)
    zip_files(folder / "包.zip", {"x/县.gpkg": gpkg})
    labels = [(d.path.name, d.layer) for d in list_datasets(folder)]
    assert labels == [("包.zip", "x/县.gpkg"), (shp.name, None)]
    assert len(open_path(folder)) == 1 + len(pyogrio.list_layers(gpkg))


def test_a_zip_member_round_trips_through_a_saved_project(tmp_path, gbk_zip):
    path, _ = gbk_zip
    (layer,) = open_path(path)
    project = Project(title="t", layers=[LayerEntry(source=str(layer.source.path), layer=layer.source.layer,
                                                    name=layer.name)])
    saved = save_project(project, tmp_path / "p.ecomap")
    stored = json.loads(saved.read_text(encoding="utf-8"))["layers"][0]
    assert stored["source"] == "交付.zip" and stored["layer"] == "数据/矿山/图斑.shp"  # relative, member kept
    reopened = load_project(saved)
    assert reopened.missing_layers() == []
    ((_entry, again, error),) = list(open_project_entries(reopened))
    assert error is None
    assert _frame_without_geometry(again.features) == _frame_without_geometry(layer.features)
    assert shapely.equals(again.geometry, layer.geometry).all()


def test_stray_unreadable_member_becomes_a_note(tmp_path):
    shp = gbk_shapefile_without_cpg(tmp_path)
    bad = tmp_path / "readme.json"
    bad.write_text("{not json", encoding="utf-8")
    files = {p.name: p for p in shapefile_parts(shp)} | {"说明/readme.json": bad}
    (layer,) = open_path(zip_files(tmp_path / "z.zip", files))
    assert any("readme.json" in note for note in layer.notes)


def test_missing_dbf_inside_the_archive_is_named(tmp_path):
    shp = gbk_shapefile_without_cpg(tmp_path)
    files = {p.name: p for p in shapefile_parts(shp) if p.suffix != ".dbf"}
    with pytest.raises(DataError, match="红线.dbf"):
        open_path(zip_files(tmp_path / "z.zip", files))


def test_kml_inside_is_read_by_the_kml_reader_and_reopens(tmp_path):
    kml = tmp_path / "doc.kml"
    kml.write_text('<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2">'
                   "<Document><name>外业</name><Placemark><name>井</name><Point><coordinates>117.1,39.7"
                   "</coordinates></Point></Placemark></Document></kml>", encoding="utf-8")
    path = zip_files(tmp_path / "k.zip", {"野外/doc.kml": kml})
    (layer,) = open_path(path)
    assert layer.source.path == path and layer.source.layer.startswith("野外/doc.kml|")
    assert layer.features["name"].tolist() == ["井"]
    (again,) = open_path(path, layer=layer.source.layer)
    assert again.name == layer.name


def test_gml_inside_gets_no_gfs_written_into_the_archive(tmp_path):
    gml = tmp_path / "a.gml"
    frame = gpd.GeoDataFrame({"名称": ["林地"]}, geometry=[shapely.Point(110, 35)], crs=4490)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pyogrio.write_dataframe(frame, gml, driver="GML", layer="图斑", XSISCHEMA="OFF")
    path = zip_files(tmp_path / "g.zip", {"d/a.gml": gml})
    before = path.read_bytes()
    (layer,) = open_path(path)
    assert layer.features["名称"].tolist() == ["林地"]
    assert path.read_bytes() == before


def test_raster_only_archive_says_to_unpack(tmp_path):
    tif = tmp_path / "dem.tif"
    tif.write_bytes(b"II*\x00" + b"\x00" * 100)
    with pytest.raises(DataError, match="dem.tif"):
        open_path(zip_files(tmp_path / "r.zip", {"dem.tif": tif}))


# --------------------------------------------------------------------------- safety
def test_zip_bomb_ratio_is_refused(tmp_path):
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.geojson", b"\x00" * (20 * 1024 * 1024))
    info = zipfile.ZipFile(path).infolist()[0]
    assert info.file_size / info.compress_size > archive_module.MAX_RATIO
    with pytest.raises(DataError, match="zip bomb"):
        open_path(path)


def test_total_uncompressed_budget(tmp_path, monkeypatch, gbk_zip):
    path, _ = gbk_zip
    total = sum(i.file_size for i in zipfile.ZipFile(path).infolist())
    monkeypatch.setattr(archive_module, "MAX_TOTAL_BYTES", total - 1)
    with pytest.raises(DataError, match="unpacks to"):
        open_path(path)


def test_unsafe_member_name_is_refused(tmp_path):
    shp = gbk_shapefile_without_cpg(tmp_path)
    with pytest.raises(DataError, match="unsafe file name"):
        open_path(zip_files(tmp_path / "z.zip", {f"../{p.name}": p for p in shapefile_parts(shp)}))


def test_password_protected_archive_is_refused(tmp_path):
    path = tmp_path / "locked.zip"
    with zipfile.ZipFile(path, "w") as z:
        info = zipfile.ZipInfo("a.geojson")
        info.flag_bits |= 0x1
        z.writestr(info, b"{}")
    with pytest.raises(DataError, match="password"):
        open_path(path)


def test_not_a_zip(tmp_path):
    path = tmp_path / "fake.zip"
    path.write_bytes(b"not a zip at all")
    with pytest.raises(DataError, match="ZIP"):
        open_path(path)


def test_real_pyogrio_shapefile_zipped_matches_the_unzipped_one(tmp_path):
    shp = REAL / "pyogrio" / "naturalearth_lowres" / "naturalearth_lowres.shp"
    path = zip_files(tmp_path / "ne.zip", {f"naturalearth_lowres/{p.name}": p for p in shapefile_parts(shp)})
    (layer,) = open_path(path)
    expected = pyogrio.read_dataframe(shp)
    assert len(layer.features) == len(expected)
    assert layer.features["name"].tolist() == expected["name"].tolist()
    assert shapely.equals(layer.geometry, expected.geometry.values).all()


def test_utf8_names_without_the_flag_are_decoded_too(tmp_path):
    class Utf8NoFlag(zipfile.ZipInfo):
        def _encodeFilenameFlags(self):
            return self.filename.encode("utf-8"), self.flag_bits & ~0x800

    gpkg = geopackage(tmp_path)
    path = tmp_path / "u.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(Utf8NoFlag("成果/县.gpkg"), gpkg.read_bytes())
    assert list_datasets(path)[0].label == "成果/县.gpkg"
    assert len(open_path(path)) == len(pyogrio.list_layers(gpkg))


def test_entries_sharing_their_compressed_data_are_refused(tmp_path):
    import os
    import struct

    path = tmp_path / "overlap.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr("a.geojson", os.urandom(1024 * 1024))
    data = path.read_bytes()
    cd_at = data.rindex(b"PK\x01\x02")
    eocd_at = data.rindex(b"PK\x05\x06")
    central = data[cd_at:eocd_at]
    twin = central.replace(b"a.geojson", b"b.geojson")  # a second entry pointing at the same bytes
    eocd = bytearray(data[eocd_at:])
    struct.pack_into("<HHI", eocd, 8, 2, 2, len(central) * 2)
    path.write_bytes(data[:cd_at] + central + twin + bytes(eocd))
    infos = zipfile.ZipFile(path).infolist()
    assert [i.header_offset for i in infos] == [0, 0]
    with pytest.raises(DataError, match="overlap"):
        open_path(path)
