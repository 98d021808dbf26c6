"""ecomap render: a PNG and the timing JSON of qgis_render.py."""

from __future__ import annotations

import json

import geopandas as gpd
import shapely
from PySide6.QtGui import QImage

from ecomap.cli.main import main

X0, Y0 = 36_436_000.0, 3_897_000.0


def test_render_writes_png_and_json(tmp_path, capsys):
    path = tmp_path / "parcels.gpkg"
    gpd.GeoDataFrame({"DLBM": ["0103", "0301"]}, geometry=[shapely.box(X0, Y0, X0 + 100, Y0 + 100),
                                                           shapely.box(X0 + 200, Y0, X0 + 300, Y0 + 100)],
                     crs="EPSG:4524").to_file(path, engine="pyogrio")
    views = tmp_path / "views.json"
    views.write_text(json.dumps({"views": [{"cx": 0.5, "cy": 0.5, "zoom": 1}, {"cx": 0.2, "cy": 0.5, "zoom": 4}]}))
    out = tmp_path / "out.png"
    rc = main(["render", str(path), "--out", str(out), "--size", "160x90", "--views", str(views), "--json",
               "--repeat", "1"])
    assert rc == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    for key in ("open_s", "first_s", "warm_s", "views_s", "views_mean_s", "views_p95_s"):
        assert key in result
    assert len(result["views_s"]) == 2
    img = QImage(str(out))
    assert (img.width(), img.height()) == (160, 90)
    # default style: semi-transparent green over white in the middle of the first parcel
    c = img.pixelColor(int(160 / 2 - 160 * 0.25), 45)
    assert c.green() > c.red() and c.green() > c.blue()


def test_bad_size_is_a_clean_error(tmp_path, capsys):
    rc = main(["render", str(tmp_path / "x.gpkg"), "--out", str(tmp_path / "o.png"), "--size", "big"])
    assert rc == 2
    assert "error:" in capsys.readouterr().err


def test_a_single_point_is_drawn_in_a_view_around_it(tmp_path, capsys):
    src = tmp_path / "one.geojson"
    gpd.GeoDataFrame({"名称": ["取水口"]}, geometry=[shapely.Point(110.5, 37.2)], crs=4326).to_file(src)
    out = tmp_path / "one.png"
    assert main(["render", str(src), "--out", str(out), "--size", "200x150"]) == 0
    image = QImage(str(out))
    centre = image.pixelColor(100, 75)
    corner = image.pixelColor(2, 2)
    assert centre != corner  # the marker sits in the middle of the picture
