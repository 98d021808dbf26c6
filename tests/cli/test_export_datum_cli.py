"""ecomap export-layer from Xian 1980 to CGCS2000: refused with what to do, then done as told."""

from __future__ import annotations

import numpy as np
import pyogrio
import shapely
from pyproj import CRS
from real_corpus import REAL

from ecomap.cli.main import main

PROVINCE = REAL / "cinrad_data" / "Province.shp"  # .prj: GCS_XiAn_1980


def _coords(path):
    return shapely.get_coordinates(pyogrio.read_dataframe(path).geometry.array)


def test_without_a_choice_it_exits_2_and_names_both_ways_out(tmp_path, capsys):
    out = tmp_path / "省界.gpkg"
    assert main(["export-layer", str(PROVINCE), "--out", str(out), "--crs", "4490"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ")
    assert "Xian 1980" in err and "--towgs84 dx,dy,dz,rx,ry,rz,ds" in err and "--datum-shift none" in err
    assert "--datum-shift file" not in err  # the Shapefile carries no parameters
    assert not out.exists()


def test_datum_shift_none_writes_the_coordinates_unchanged_with_a_note(tmp_path, capsys):
    out = tmp_path / "省界.gpkg"
    assert main(["export-layer", str(PROVINCE), "--out", str(out), "--crs", "4490", "--datum-shift", "none"]) == 0
    printed = capsys.readouterr().out
    assert "EPSG:4490" in printed and "100 m" in printed
    assert CRS.from_user_input(pyogrio.read_info(out)["crs"]).to_epsg() == 4490
    np.testing.assert_allclose(_coords(out), _coords(PROVINCE), atol=1e-9)


def test_towgs84_moves_the_coordinates(tmp_path, capsys):
    out = tmp_path / "省界.gpkg"
    assert main(["export-layer", str(PROVINCE), "--out", str(out), "--crs", "4490",
                 "--towgs84", "24,-123,-94,0.02,-0.25,-0.13,1.1"]) == 0
    assert np.abs(_coords(out) - _coords(PROVINCE)).max() > 1e-4
    assert main(["export-layer", str(PROVINCE), "--out", str(out), "--crs", "4490", "--towgs84", "1,2"]) == 2
    assert "seven numbers" in capsys.readouterr().err
    assert main(["export-layer", str(PROVINCE), "--out", str(out), "--crs", "4490", "--datum-shift", "file"]) == 2
    assert "gives no datum transformation parameters" in capsys.readouterr().err
