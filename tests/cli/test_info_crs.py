"""`ecomap info` on the coordinate systems county offices inherit: what it shows, and why."""

from __future__ import annotations

import json
import warnings

import geopandas as gpd
from pyproj.database import query_crs_info
from shapely.geometry import Point

from ecomap.cli.main import main

HAND_WRITTEN_PRJ = ('PROJCS["Gauss",GEOGCS["GCS",DATUM["D_",SPHEROID["",6378140,298.257]],PRIMEM["Greenwich",0],'
                    'UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],'
                    'PARAMETER["Central_Meridian",114],PARAMETER["False_Easting",38500000],UNIT["Meter",1]]')
ESRI_XIAN_ZONE_38 = ('PROJCS["Xian_1980_3_Degree_GK_Zone_38",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",'
                     'SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],'
                     'UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],'
                     'PARAMETER["False_Easting",38500000.0],PARAMETER["False_Northing",0.0],'
                     'PARAMETER["Central_Meridian",114.0],PARAMETER["Scale_Factor",1.0],'
                     'PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]')


def _code(name: str) -> int:
    return next(int(i.code) for i in query_crs_info(auth_name="EPSG") if i.name == name and not i.deprecated)


def _shapefile(tmp_path, prj: str | None):
    path = tmp_path / "parcels.shp"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # written without a CRS on purpose
        gpd.GeoDataFrame({"id": [1, 2]}, geometry=[Point(38383243.971, 2582988.976),
                                                   Point(38383261.067, 2582983.339)]).to_file(path, engine="pyogrio")
    if prj is not None:
        path.with_suffix(".prj").write_text(prj, encoding="ascii")
    return path


def _info(capsys, path, *args):
    assert main(["info", str(path), *args]) == 0
    return capsys.readouterr().out


def test_a_prj_with_only_an_ellipsoid_shows_an_assumed_code_and_why(tmp_path, capsys):
    (layer,) = json.loads(_info(capsys, _shapefile(tmp_path, HAND_WRITTEN_PRJ), "--json"))["layers"]
    crs = layer["crs"]
    assert crs["epsg"] is None and crs["declared"]
    assert crs["assumed_epsg"] == _code("Xian 1980 / 3-degree Gauss-Kruger zone 38")
    assert crs["matched_by"] == "ellipsoid_parameters" and "IAG 1975" in crs["reason"]
    assert any("EPSG:2362" in note for note in layer["notes"])


def test_a_xian_1980_layer_is_told_what_combining_it_with_cgcs2000_takes(tmp_path, capsys):
    path = _shapefile(tmp_path, ESRI_XIAN_ZONE_38)
    crs = json.loads(_info(capsys, path, "--json"))["layers"][0]["crs"]
    assert crs["epsg"] == _code("Xian 1980 / 3-degree Gauss-Kruger zone 38")
    assert crs["datum_shift"]["options"] == [] and "7-parameter" in crs["datum_shift"]["note"]
    table = _info(capsys, path)
    assert "EPSG:2362 Xian 1980 / 3-degree Gauss-Kruger zone 38" in table
    assert "Note: to combine Xian 1980 data with CGCS2000 data" in table


def test_no_prj_says_the_datum_is_only_assumed(tmp_path, capsys):
    crs = json.loads(_info(capsys, _shapefile(tmp_path, None), "--json"))["layers"][0]["crs"]
    assert crs["epsg"] is None and crs["assumed_epsg"] == _code("CGCS2000 / 3-degree Gauss-Kruger zone 38")
    assert "assumed to be CGCS2000" in crs["reason"] and crs["datum_shift"] is None
