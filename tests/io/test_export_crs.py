"""The CRS an export writes: declared as declared, assumed only once confirmed, none as none."""

from __future__ import annotations

import json
import sqlite3

import pyogrio
import pytest
import shapely
from pyproj import CRS

from ecomap.errors import DataError
from ecomap.io.export import (
    AssumedCrsError,
    ExportItem,
    assumed_crs_items,
    export_layer,
    export_layers,
)
from ecomap.io.registry import open_path
from tests.core.layout_fixtures import layer, mines_frame, towns_frame
from tests.io.fixtures import towns_without_prj

ALL_FORMATS = ["gpkg", "shp", "geojson", "kml", "kmz", "csv", "xlsx", "txt"]


@pytest.fixture
def undeclared(tmp_path):
    """The towns as a Shapefile whose .prj was lost: EcoMap assumes EPSG:4524 from the zone prefix."""
    lyr = towns_without_prj(tmp_path)
    assert lyr.crs_info.is_assumed and lyr.crs_info.assumed_epsg == 4524
    return lyr


@pytest.mark.parametrize("ext", ALL_FORMATS)
def test_an_assumed_crs_is_refused_in_every_format(undeclared, tmp_path, ext):
    target = tmp_path / f"out.{ext}"
    with pytest.raises(AssumedCrsError) as caught:
        export_layer(undeclared, target)
    assert caught.value.assumed_epsg == 4524 and caught.value.layer_name == "towns"
    assert "declares no coordinate system" in caught.value.user_message() and "4524" in caught.value.user_message()
    assert isinstance(caught.value, DataError)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["src"]  # nothing written, no temporary left


def test_a_confirmed_assumed_crs_is_written_as_the_layers_crs(undeclared, tmp_path):
    export_layer(undeclared, tmp_path / "out.gpkg", crs_confirmed=True)
    assert CRS.from_user_input(pyogrio.read_info(tmp_path / "out.gpkg")["crs"]).to_epsg() == 4524
    export_layer(undeclared, tmp_path / "out.shp", crs_confirmed=True)
    assert CRS.from_wkt((tmp_path / "out.prj").read_text()).to_epsg() == 4524


def test_naming_the_crs_reprojects_from_the_assumed_one_and_says_so(undeclared, tmp_path):
    result = export_layer(undeclared, tmp_path / "out.gpkg", crs=4490)
    assert any("assumed EPSG:4524" in n for n in result.notes)
    back = pyogrio.read_dataframe(tmp_path / "out.gpkg")
    assert back.crs.to_epsg() == 4490
    expected = shapely.normalize(towns_frame().to_crs(4490).geometry.values)
    assert shapely.equals_exact(shapely.normalize(back.geometry.values), expected, tolerance=1e-9).all()
    result = export_layer(undeclared, tmp_path / "same.gpkg", crs=4524)  # the assumed code confirms it
    assert result.crs.to_epsg() == 4524 and not result.notes


def test_the_gui_helper_lists_the_layers_that_need_asking(undeclared):
    declared = layer(towns_frame(), "乡镇")
    items = [ExportItem(undeclared), ExportItem(declared)]
    assert [i.layer for i in assumed_crs_items(items)] == [undeclared]
    assert assumed_crs_items(items, crs="EPSG:4490") == []
    assert assumed_crs_items(items, suffix=".csv", geometry="none") == []
    items[0].crs_confirmed = True
    assert assumed_crs_items(items) == []


def test_a_table_without_coordinates_needs_no_crs(undeclared, tmp_path):
    export_layer(undeclared, tmp_path / "attrs.csv", geometry="none")
    assert (tmp_path / "attrs.csv").read_text(encoding="utf-8-sig").splitlines()[0] == "XZQMC,XZQDM,LX,RK,MJ"


def _without_crs():
    frame = mines_frame().set_crs(None, allow_override=True)
    lyr = layer(frame, "矿山")
    lyr.crs_info = type(lyr.crs_info)()
    return lyr


def test_a_layer_without_crs_is_written_without_one(tmp_path):
    lyr = _without_crs()
    export_layer(lyr, tmp_path / "m.gpkg")
    assert pyogrio.read_info(tmp_path / "m.gpkg")["crs"] is None
    with sqlite3.connect(tmp_path / "m.gpkg") as con:
        (organization,) = con.execute("SELECT organization FROM gpkg_spatial_ref_sys JOIN gpkg_geometry_columns "
                                      "USING (srs_id)").fetchone()
    assert organization.upper() in ("NONE", "GDAL")  # an "undefined" system, not an EPSG one
    result = export_layer(lyr, tmp_path / "m.shp")
    assert not (tmp_path / "m.prj").exists() and ".prj" not in {p.suffix for p in result.paths}
    result = export_layer(lyr, tmp_path / "m.geojson")
    data = json.loads((tmp_path / "m.geojson").read_text(encoding="utf-8"))
    assert "crs" not in data and data["features"][0]["geometry"]["coordinates"][0] > 36_000_000  # not reprojected
    assert any("no coordinate system" in n for n in result.notes)
    with pytest.raises(DataError, match="KML"):
        export_layer(lyr, tmp_path / "m.kml")
    with pytest.raises(DataError, match="cannot be reprojected"):
        export_layer(lyr, tmp_path / "m2.gpkg", crs=4490)


def test_a_declared_crs_without_an_epsg_code_is_written_as_declared(tmp_path):
    local = CRS.from_proj4("+proj=tmerc +lat_0=0 +lon_0=108.5 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs")
    frame = mines_frame()
    frame = frame.set_geometry(frame.geometry.translate(-36_000_000 + 43_000, 0)).set_crs(local, allow_override=True)
    lyr = layer(frame, "矿山")
    lyr.crs_info = type(lyr.crs_info)(declared_wkt=local.to_wkt())
    for ext in ("gpkg", "shp"):
        export_layer(lyr, tmp_path / f"m.{ext}")
        written = CRS.from_user_input(pyogrio.read_info(tmp_path / f"m.{ext}")["crs"])
        assert written.to_epsg() is None and written.to_proj4() == local.to_proj4(), ext


def test_a_declared_crs_reaches_every_format_that_records_one(tmp_path):
    lyr = layer(towns_frame(), "乡镇")
    export_layers([ExportItem(lyr)], tmp_path / "t.gpkg")
    assert CRS.from_user_input(pyogrio.read_info(tmp_path / "t.gpkg")["crs"]).to_epsg() == 4524
    export_layer(lyr, tmp_path / "t.shp")
    assert CRS.from_wkt((tmp_path / "t.prj").read_text()).to_epsg() == 4524
    export_layer(lyr, tmp_path / "t.txt")
    (back,) = open_path(tmp_path / "t.txt")
    assert back.crs_info.epsg == 4524 and "带号=36" in (tmp_path / "t.txt").read_bytes().decode("gbk")
