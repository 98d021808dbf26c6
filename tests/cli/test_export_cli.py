"""ecomap export-map, atlas and export-layer on a small project."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from PySide6.QtGui import QImage

from ecomap.cli.main import main
from ecomap.core.layout import briefing_layout
from ecomap.io.registry import open_path
from tests.core.layout_fixtures import write_project

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


@needs_poppler
def test_export_map_default_briefing_pdf(tmp_path, capsys):
    project = write_project(tmp_path)
    out = tmp_path / "map.pdf"
    assert main(["export-map", str(project), "--out", str(out), "--var", "unit=示范县自然资源局"]) == 0
    assert "map.pdf" in capsys.readouterr().out
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=False).stdout
    assert "示范县生态保护红线分布图" in text and "制图单位：示范县自然资源局" in text and "耕地为主" in text
    size = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=False).stdout
    assert re.search(r"Page size:\s+119[01](\.\d+)? x 84[12](\.\d+)? pts", size), size  # A3 landscape


def test_export_map_png_uses_the_project_layout_and_dpi(tmp_path):
    layout = briefing_layout("A4", "portrait", name="竖版")
    project = write_project(tmp_path, layouts=[layout.to_dict()])
    out = tmp_path / "map.png"
    assert main(["export-map", str(project), "--out", str(out), "--dpi", "100", "--title", "另一个图名"]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (827, 1169)  # A4 portrait at 100 dpi


def test_export_map_unknown_layout_exits_2(tmp_path, capsys):
    project = write_project(tmp_path)
    assert main(["export-map", str(project), "--layout", "没有这个版式", "--out", str(tmp_path / "x.pdf")]) == 2
    assert "error:" in capsys.readouterr().err


@needs_poppler
def test_atlas_pdf_and_folder(tmp_path, capsys):
    project = write_project(tmp_path)
    out = tmp_path / "atlas.pdf"
    assert main(["atlas", str(project), "--layout", "briefing", "--coverage", "乡镇", "--out", str(out),
                 "--dpi", "72"]) == 0
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=False).stdout
    assert re.search(r"Pages:\s+4\b", info)
    text = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(out), "-"], capture_output=True, text=True, check=False).stdout
    assert "石窑镇" in text
    folder = tmp_path / "pages"
    assert main(["atlas", str(project), "--layout", "briefing", "--coverage", "乡镇", "--out", str(folder),
                 "--format", "png", "--dpi", "30"]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["1_城关镇.png", "2_石窑镇.png", "3_马家沟镇.png", "4_柳湾镇.png"]


def test_atlas_unknown_coverage_exits_2(tmp_path, capsys):
    project = write_project(tmp_path)
    assert main(["atlas", str(project), "--layout", "briefing", "--coverage", "nope",
                 "--out", str(tmp_path / "a.pdf")]) == 2
    assert "nope" in capsys.readouterr().err


def test_export_layer_from_project_and_file(tmp_path, capsys):
    project = write_project(tmp_path)
    out = tmp_path / "towns.shp"
    assert main(["export-layer", str(project), "--layer", "乡镇", "--out", str(out), "--encoding", "GBK",
                 "--crs", "4490"]) == 0
    printed = capsys.readouterr().out
    assert "EPSG:4490" in printed
    (back,) = open_path(out)
    assert back.crs_info.epsg == 4490 and back.features["XZQMC"].tolist()[0] == "城关镇"
    assert (tmp_path / "towns.cpg").read_text() == "936"
    kml = tmp_path / "rivers.kmz"
    assert main(["export-layer", str(tmp_path / "county.gpkg"), "--layer", "rivers", "--out", str(kml)]) == 0
    (river,) = open_path(kml)
    assert river.features["HLMC"].tolist() == ["清水河"]


def test_export_layer_needs_a_layer_name_for_many_layers(tmp_path, capsys):
    write_project(tmp_path)
    assert main(["export-layer", str(tmp_path / "county.gpkg"), "--out", str(tmp_path / "x.gpkg")]) == 2
    assert "townships" in capsys.readouterr().err


def _undeclared_shapefile(folder):
    import pyogrio

    from tests.core.layout_fixtures import towns_frame

    path = folder / "no_prj.shp"
    pyogrio.write_dataframe(towns_frame(), path, encoding="UTF-8")
    path.with_suffix(".prj").unlink()
    return path


def test_export_layer_asks_for_crs_when_the_source_declares_none(tmp_path, capsys):
    source = _undeclared_shapefile(tmp_path)
    out = tmp_path / "out.gpkg"
    assert main(["export-layer", str(source), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "declares no coordinate system" in err and "--crs 4524" in err
    assert not out.exists()
    assert main(["export-layer", str(source), "--out", str(out), "--crs", "4524"]) == 0
    (back,) = open_path(out)
    assert back.crs_info.declared_epsg == 4524 and not back.crs_info.is_assumed


def test_export_layer_help_states_the_default_encodings(capsys):
    with pytest.raises(SystemExit):
        main(["export-layer", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "GBK by default" in text and "Shapefile and parcel TXT" in text and "UTF-8" in text
    assert "默认 GBK" in text


def test_shapefile_and_parcel_txt_default_to_gbk_as_the_help_says(tmp_path):
    project = write_project(tmp_path)
    shp, txt = tmp_path / "towns.shp", tmp_path / "towns.txt"
    for out in (shp, txt):
        assert main(["export-layer", str(project), "--layer", "乡镇", "--out", str(out)]) == 0
    assert shp.with_suffix(".cpg").read_text() == "936"
    assert "城关镇".encode("gbk") in shp.with_suffix(".dbf").read_bytes()
    raw = txt.read_bytes()
    assert "城关镇".encode("gbk") in raw and "城关镇".encode() not in raw


def test_export_layer_prints_the_renamed_fields(tmp_path, capsys):
    import geopandas as gpd
    import pyogrio
    import shapely

    source = tmp_path / "src.geojson"
    frame = gpd.GeoDataFrame({"fid": ["甲-1", "乙-2"], "名称": ["甲", "乙"]},
                             geometry=[shapely.Point(108.1, 37.2), shapely.Point(108.2, 37.3)], crs=4490)
    pyogrio.write_dataframe(frame, source, driver="GeoJSON")
    assert main(["export-layer", str(source), "--out", str(tmp_path / "p.gpkg")]) == 0
    assert "fid → fid_1" in capsys.readouterr().out
