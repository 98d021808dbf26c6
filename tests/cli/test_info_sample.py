"""`ecomap info` on the sample county shows every layer with Chinese attributes intact (issue 3)."""

import json

from ecomap.cli.main import main
from ecomap.domain.catalogue import SAMPLE_LAYERS, SAMPLE_TABLES
from ecomap.resources import sample_path


def test_every_sample_layer_is_described(capsys):
    assert main(["info", str(sample_path("county.gpkg")), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    layers = {layer["name"]: layer for layer in info["layers"]}
    expected = {s.layer for s in SAMPLE_LAYERS if s.kind == "vector"} | set(SAMPLE_TABLES)
    assert expected <= set(layers)
    for name in expected - set(SAMPLE_TABLES):
        layer = layers[name]
        assert layer["crs"]["epsg"] == 4524, name
        assert layer["feature_count"] > 0 and layer["invalid_geometries"] == 0, name
    assert layers["townships"]["sample"]["XZQMC"].endswith(("镇", "乡"))
    assert layers["redlines"]["area_m2"] > 0
    assert layers["water_measurements"]["geometry_type"] is None
    aliases = {f["name"]: f["alias"] for f in layers["redlines"]["fields"]}
    assert "红线" in "".join(a or "" for a in aliases.values())


def test_every_sample_raster_is_described(capsys):
    for s in SAMPLE_LAYERS:
        if s.kind != "raster":
            continue
        assert main(["info", str(sample_path(s.path)), "--json"]) == 0
        info = json.loads(capsys.readouterr().out)
        assert info["kind"] == "raster" and info["crs"]["epsg"] == 4524
