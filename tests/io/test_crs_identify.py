"""Declared CRSs of Chinese data identified to their EPSG code, whatever the WKT calls them.

Expected codes come from outside EcoMap: Esri's own WKT list with its EPSG wkids
(tests/data/real/esri_proj_codes, npm @esri/proj-codes), CRS names looked up in the
PROJ database, and GDAL's ecw_cs.wkt.
"""

from __future__ import annotations

import json
import warnings
from functools import lru_cache

import geopandas as gpd
import pyogrio
import pytest
from pyproj import CRS, Transformer
from pyproj.database import query_crs_info
from pyproj.enums import WktVersion
from real_corpus import committed
from shapely.geometry import Point

from ecomap.core.crs import chinese_crs
from ecomap.io.crs_detect import identify_declared, resolve_crs
from ecomap.io.registry import open_path

GREENWICH = 'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]'


@lru_cache(maxsize=1)
def _proj_names() -> dict[str, int]:
    return {i.name: int(i.code) for i in query_crs_info(auth_name="EPSG") if not i.deprecated}


def epsg_named(name: str) -> int:
    """The EPSG code PROJ's database gives this CRS name."""
    return _proj_names()[name]


def _esri(kind: str) -> list[dict]:
    key = "ProjectedCoordinateSystems" if kind == "projcs" else "GeographicCoordinateSystems"
    data = json.loads(committed(f"esri_proj_codes/china_{kind}.json").read_text(encoding="utf-8"))
    return data[key]


ESRI = [r for r in _esri("projcs") + _esri("geogcs") if "D_New_Beijing" not in r["wkt"]]
NEW_BEIJING = [r for r in _esri("projcs") + _esri("geogcs") if "D_New_Beijing" in r["wkt"]]


def test_the_corpus_covers_every_zone_of_the_three_datums():
    codes = {r["wkid"] for r in ESRI}
    # domain.md §8.1: Xian 1980 3° zones with prefix 2349–2369, Beijing 1954 6° without 21453–21463 …
    for lo, hi in ((4491, 4554), (2327, 2390), (21413, 21423), (21453, 21463), (2401, 2442)):
        assert set(range(lo, hi + 1)) <= codes


@pytest.mark.parametrize("record", ESRI, ids=lambda r: f"{r['wkid']}-{r['name']}")
def test_every_esri_wkt_of_the_three_datums_is_identified(record):
    found = identify_declared(CRS.from_wkt(record["wkt"]))
    if record["wkid"] == 4480:  # the 3-D CGCS2000 is not the 2-D geographic CRS
        assert found.epsg != 4490 and found.assumed_epsg is None
        return
    if record["deprecated"] == "no":
        assert found.epsg == record["wkid"] and found.matched_by == "datum_parameters"
    else:  # the deprecated "Beijing_1954_GK_Zone_13N": the same projection under its current code
        assert CRS.from_epsg(found.epsg).equals(CRS.from_epsg(record["wkid"]), ignore_axis_order=True)
        assert not CRS.from_epsg(found.epsg).is_deprecated
    assert found.assumed_epsg is None


@pytest.mark.parametrize("record", NEW_BEIJING[::8], ids=lambda r: r["name"])
def test_new_beijing_is_not_taken_for_beijing_1954(record):
    # same Krassowsky ellipsoid, same zones, another datum: PROJ's identification decides
    found = identify_declared(CRS.from_wkt(record["wkt"]))
    assert chinese_crs(found.epsg) is None and found.assumed_epsg is None


def _gcs(name, datum, spheroid, a, rf):
    return f'GEOGCS["{name}",DATUM["{datum}",SPHEROID["{spheroid}",{a},{rf}]],{GREENWICH}]'


def _projcs(name, gcs, fe, cm, method="Gauss_Kruger", extra=True):
    params = (f'PARAMETER["False_Easting",{fe}],PARAMETER["Central_Meridian",{cm}]'
              + (',PARAMETER["False_Northing",0.0],PARAMETER["Scale_Factor",1.0],'
                 'PARAMETER["Latitude_Of_Origin",0.0]' if extra else ""))
    return f'PROJCS["{name}",{gcs},PROJECTION["{method}"],{params},UNIT["Meter",1.0]]'


CGCS_A = _gcs("GCS_CGCS_2000", "D_CGCS_2000", "CGCS2000", 6378137, 298.257222101004)
CGCS_B = _gcs("CGCS_2000", "D_2000", "S_2000", 6378137.0, 298.2572221010041)
CGCS_C = _gcs("GCS_CGCS_2000", "China_2000", "CGCS2000", 6378137, 298.257222101)
XIAN_IAG = _gcs("GCS_Xian_1980", "D_Xian_1980", "Xian_1980_IAG_75", 6378140.0, 298.257)
BEIJING_K = _gcs("GCS_Beijing_1954", "D_Beijing_1954", "Krasovsky_1940", 6378245.0, 298.3)
BEIJING_SHORT = _gcs("Beijing54", "BJ54", "Krasovsky", 6378245, 298.3)

# spellings seen in .prj files written by Chinese tools and web GIS code, with the PROJ name
SPELLINGS = [
    (CGCS_A, "China Geodetic Coordinate System 2000"),
    (CGCS_B, "China Geodetic Coordinate System 2000"),
    (CGCS_C, "China Geodetic Coordinate System 2000"),
    (XIAN_IAG, "Xian 1980"),
    (BEIJING_SHORT, "Beijing 1954"),
    (_projcs("CGCS_2000_3_degree_Transverse_Mercator_zone_40", CGCS_A, 40500000, 120, "Transverse_Mercator"),
     "CGCS2000 / 3-degree Gauss-Kruger zone 40"),
    (_projcs("CGCS2000_3_Degree_GK_CM_114E", CGCS_B, 500000, 114), "CGCS2000 / 3-degree Gauss-Kruger CM 114E"),
    (_projcs("CGCS_2000_129", CGCS_C, 500000, 129, "Transverse_Mercator"),
     "CGCS2000 / 3-degree Gauss-Kruger CM 129E"),
    (_projcs("CGCS2000_GK_Zone_19", CGCS_A, 19500000, 111), "CGCS2000 / Gauss-Kruger zone 19"),
    (_projcs("Xian_1980_3_Degree_GK_Zone_38", XIAN_IAG, 38500000.0, 114.0),
     "Xian 1980 / 3-degree Gauss-Kruger zone 38"),
    (_projcs("Xian_1980_GK_Zone_19", XIAN_IAG, 19500000.0, 111.0), "Xian 1980 / Gauss-Kruger zone 19"),
    (_projcs("Xian_1980_GK3_NO38", XIAN_IAG, 500000.0, 114.0), "Xian 1980 / 3-degree Gauss-Kruger CM 114E"),
    (_projcs("Beijing_1954_3_Degree_GK_CM_117E", BEIJING_K, 500000.0, 117.0),
     "Beijing 1954 / 3-degree Gauss-Kruger CM 117E"),
    (_projcs("Beijing_1954_GK_Zone_20", BEIJING_SHORT, 20500000, 117), "Beijing 1954 / Gauss-Kruger zone 20"),
]


@pytest.mark.parametrize("wkt,name", SPELLINGS, ids=[n for _w, n in SPELLINGS])
def test_non_standard_spellings_are_identified(wkt, name):
    found = identify_declared(CRS.from_wkt(wkt))
    assert found.epsg == epsg_named(name) and found.assumed_epsg is None


@pytest.mark.parametrize("wkt,name", SPELLINGS[5:], ids=[n for _w, n in SPELLINGS[5:]])
def test_the_same_spellings_in_a_shapefile_prj(tmp_path, wkt, name):
    path = tmp_path / "parcels.shp"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # written without a CRS on purpose: the .prj comes next
        gpd.GeoDataFrame({"id": [1]}, geometry=[Point(500_000, 3_000_000)]).to_file(path, engine="pyogrio")
    path.with_suffix(".prj").write_text(wkt, encoding="ascii")
    (layer,) = open_path(path)
    assert layer.crs_info.declared_epsg == epsg_named(name)
    assert layer.crs_info.declared_wkt is not None and not layer.crs_info.is_assumed


HAND_WRITTEN = [
    # only a projection, a central meridian, a false easting and an ellipsoid
    ('PROJCS["Gauss",GEOGCS["GCS",DATUM["D_",SPHEROID["",6378140,298.257]],' + GREENWICH + '],'
     'PROJECTION["Transverse_Mercator"],PARAMETER["Central_Meridian",114],PARAMETER["False_Easting",38500000],'
     'UNIT["Meter",1]]', "Xian 1980 / 3-degree Gauss-Kruger zone 38"),
    ('PROJCS["Gauss",GEOGCS["GCS",DATUM["D_",SPHEROID["",6378140,298.257]],' + GREENWICH + '],'
     'PROJECTION["Gauss_Kruger"],PARAMETER["Central_Meridian",114],PARAMETER["False_Easting",38500000],'
     'UNIT["Meter",1]]', "Xian 1980 / 3-degree Gauss-Kruger zone 38"),
    (_projcs("Gauss", _gcs("GCS_User", "D_User", "user", 6378137, 298.257222101), 38500000, 114,
             "Transverse_Mercator"), "CGCS2000 / 3-degree Gauss-Kruger zone 38"),
    (_projcs("unnamed", _gcs("unnamed", "unknown", "unnamed", 6378245, 298.3), 500000, 117,
             "Transverse_Mercator", extra=False), "Beijing 1954 / 3-degree Gauss-Kruger CM 117E"),
    (_gcs("GCS_User", "D_User", "user", 6378140, 298.257), "Xian 1980"),
]


@pytest.mark.parametrize("wkt,name", HAND_WRITTEN, ids=range(len(HAND_WRITTEN)))
def test_an_ellipsoid_and_parameters_only_give_an_assumed_code(wkt, name):
    declared = CRS.from_wkt(wkt)
    info = resolve_crs(declared, None)
    assert info.declared_epsg is None and info.assumed_epsg == epsg_named(name)
    assert info.matched_by == "ellipsoid_parameters" and "names no datum" in info.reason
    assert info.declared_wkt == declared.to_wkt()  # the .prj is never dropped
    assert info.is_known and not info.is_assumed and info.notes


def test_a_hand_written_gauss_kruger_proj_cannot_compute_with_still_places_the_data():
    wkt, name = HAND_WRITTEN[1]  # "Gauss_Kruger" with missing parameters: PROJ knows no such method
    info = resolve_crs(CRS.from_wkt(wkt), None)
    to_lonlat = Transformer.from_crs(info.crs(), 4610, always_xy=True)
    expected = Transformer.from_crs(epsg_named(name), 4610, always_xy=True)
    assert to_lonlat.transform(38383243.971, 2582988.976) == pytest.approx(
        expected.transform(38383243.971, 2582988.976))


@pytest.mark.parametrize("wkt", [
    # Foshan's local grid: a central meridian of 113.001025°
    _projcs("fs", XIAN_IAG, 500000.0, 113.001025),
    # a local false northing
    _projcs("Xian_1980_3_Degree_GK_CM_120E", XIAN_IAG, 200048.066, 120.0).replace(
        'PARAMETER["False_Northing",0.0]', 'PARAMETER["False_Northing",-3889958.45]'),
    # UTM-like scale factor
    _projcs("x", CGCS_A, 500000.0, 117.0, "Transverse_Mercator").replace(
        'PARAMETER["Scale_Factor",1.0]', 'PARAMETER["Scale_Factor",0.9996]'),
    # zone 38 in the false easting, zone 39's central meridian
    _projcs("x", XIAN_IAG, 38500000.0, 117.0),
    # a central meridian that is no 3° zone's
    _projcs("x", XIAN_IAG, 500000.0, 113.0),
], ids=["local-cm", "false-northing", "k-0.9996", "zone-mismatch", "cm-113"])
def test_local_and_other_grids_are_not_forced_onto_a_zone(wkt):
    info = resolve_crs(CRS.from_wkt(wkt), None)
    assert chinese_crs(info.declared_epsg) is None and info.assumed_epsg is None
    assert info.declared_wkt is not None and info.crs() is not None


def test_a_datum_named_xian_on_krassowsky_goes_by_the_ellipsoid():
    gcs = _gcs("GCS_Xian_1980", "D_Xian_1980", "Krasovsky_1940", 6378245.0, 298.3)
    info = resolve_crs(CRS.from_wkt(_projcs("x", gcs, 39500000.0, 117.0)), None)
    assert info.declared_epsg is None
    assert info.assumed_epsg == epsg_named("Beijing 1954 / 3-degree Gauss-Kruger zone 39")
    assert "named Xian 1980" in info.reason


def _gdal_ecw_line(code: str) -> str:
    """A line of GDAL's own ecw_cs.wkt (ER Mapper datum names), as the pyogrio wheel ships it."""
    path = pyogrio.get_gdal_data_path() + "/ecw_cs.wkt"
    with open(path, encoding="ascii") as fh:
        return next(line.split(",", 1)[1] for line in fh if line.startswith(code + ","))


def test_gdal_ecw_definitions():
    beijing = identify_declared(CRS.from_wkt(_gdal_ecw_line("BEIJING")))
    assert beijing.epsg == epsg_named("Beijing 1954")
    # ER Mapper's XIAN80 sits on GRS 1980, not on Xian 1980's IAG 1975 ellipsoid: said, not hidden
    xian = identify_declared(CRS.from_wkt(_gdal_ecw_line("XIAN80")))
    assert xian.epsg is None and xian.assumed_epsg == epsg_named("China Geodetic Coordinate System 2000")
    assert "named Xian 1980" in xian.reason


def test_a_towgs84_set_in_the_prj_does_not_hide_the_zone():
    wkt = _projcs("x", XIAN_IAG.replace('298.257]', '298.257],TOWGS84[24,-123,-94,0.02,-0.25,-0.13,1.1]'),
                  38500000.0, 114.0, "Transverse_Mercator")
    declared = CRS.from_wkt(wkt)
    assert declared.is_bound
    info = resolve_crs(declared, None)
    assert info.declared_epsg == epsg_named("Xian 1980 / 3-degree Gauss-Kruger zone 38")
    assert "TOWGS84" in info.declared_wkt or "BOUNDCRS" in info.declared_wkt


def test_other_named_datums_on_the_same_ellipsoid_stay_what_they_are():
    # Pulkovo 1942's Gauss-Krüger zone 20 has Beijing 1954 zone 20's ellipsoid and parameters
    code = epsg_named("Pulkovo 1942 / Gauss-Kruger zone 20")
    esri = CRS.from_epsg(code).to_wkt(WktVersion.WKT1_ESRI)
    found = identify_declared(CRS.from_wkt(esri))
    assert found.epsg == code and found.assumed_epsg is None


def test_wgs84_utm_is_left_to_proj():
    esri = CRS.from_epsg(32650).to_wkt(WktVersion.WKT1_ESRI)
    found = identify_declared(CRS.from_wkt(esri))
    assert found.epsg == 32650 and found.matched_by == "proj_database"
