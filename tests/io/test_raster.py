import numpy as np
import pytest

from ecomap.cli.main import main
from ecomap.core.raster import build_overviews
from ecomap.io.registry import open_path
from tests.io.fixtures import ZONE36_ORIGIN, geotiff


def test_geotiff_layer_facts(tmp_path):
    (layer,) = open_path(geotiff(tmp_path))
    assert layer.kind == "raster"
    assert (layer.width, layer.height, layer.band_count, layer.dtype) == (100, 80, 1, "float32")
    assert layer.nodata == -9999 and layer.crs_info.declared_epsg == 4524
    assert layer.bounds == pytest.approx((ZONE36_ORIGIN[0], ZONE36_ORIGIN[1], ZONE36_ORIGIN[0] + 1000,
                                          ZONE36_ORIGIN[1] + 800))


def test_windowed_decimated_read_masks_nodata_and_outside(tmp_path):
    (layer,) = open_path(geotiff(tmp_path))
    x0, y0 = ZONE36_ORIGIN
    block = layer.read((x0, y0 + 700, x0 + 100, y0 + 800), out_shape=(10, 10))
    assert block.shape == (1, 10, 10)
    assert block.mask[0, 0, 0] and not block.mask[0, 5, 5]  # the nodata corner is masked
    assert block[0, 1, 1] == 101  # row 1, col 1 of the source
    outside = layer.read((x0 - 200, y0, x0 - 100, y0 + 100), out_shape=(4, 4))
    assert outside.mask.all()
    coarse = layer.read(layer.bounds, out_shape=(8, 10))
    assert coarse.shape == (1, 8, 10) and np.isfinite(coarse.mean())


def test_raster_without_crs_gets_an_assumed_one(tmp_path):
    (layer,) = open_path(geotiff(tmp_path, crs=None))
    assert layer.crs_info.declared_epsg is None and layer.crs_info.assumed_epsg == 4524


def test_build_overviews(tmp_path):
    import rasterio
    from rasterio.transform import from_origin

    path = tmp_path / "big.tif"
    with rasterio.open(path, "w", driver="GTiff", width=512, height=512, count=1, dtype="uint8",
                       crs="EPSG:4524", transform=from_origin(*ZONE36_ORIGIN, 1, 1)) as ds:
        ds.write(np.full((512, 512), 7, dtype="uint8"), 1)
    assert build_overviews(path) == [2, 4, 8]
    (layer,) = open_path(path)
    assert layer.overview_factors == [2, 4, 8]


def test_info_json_for_a_raster(tmp_path, capsys):
    import json

    assert main(["info", str(geotiff(tmp_path)), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["kind"] == "raster"
    assert {k: info[k] for k in ("width", "height", "band_count", "dtype", "nodata")} == {
        "width": 100, "height": 80, "band_count": 1, "dtype": "float32", "nodata": -9999.0}
    crs = info["crs"]
    assert {k: crs[k] for k in ("epsg", "name", "assumed_epsg")} == {
        "epsg": 4524, "name": "CGCS2000 / 3-degree Gauss-Kruger zone 36", "assumed_epsg": None}
    assert crs["declared"] and crs["datum_shift"] is None
    assert len(info["bounds"]) == 4
