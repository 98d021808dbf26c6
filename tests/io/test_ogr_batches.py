"""Reading a layer batch by batch: the same frame as pyogrio reads whole, nothing kept of GDAL's batches."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pyarrow as pa
import pyogrio
import shapely

from ecomap.io import ogr


def _write(tmp_path, n=95):
    rng = np.random.default_rng(3)
    xy = rng.uniform(0, 1000, (n, 2)) + [36_436_000.0, 3_897_000.0]
    frame = gpd.GeoDataFrame({"DLBM": [f"{i % 7:04d}" for i in range(n)], "TBMJ": rng.uniform(1, 9, n),
                              "N": np.arange(n, dtype=np.int64)},
                             geometry=shapely.buffer(shapely.points(xy), 5.0), crs="EPSG:4524")
    path = tmp_path / "parcels.gpkg"
    frame.to_file(path, layer="parcels", driver="GPKG", engine="pyogrio")
    return path


def test_small_batches_read_the_whole_layer(tmp_path):
    path = _write(tmp_path)
    got = ogr.read_frame(path, "parcels", batch_size=8)
    want = pyogrio.read_dataframe(path, layer="parcels")
    assert list(got["DLBM"]) == list(want["DLBM"])
    np.testing.assert_array_equal(got["TBMJ"].to_numpy(), want["TBMJ"].to_numpy())
    np.testing.assert_array_equal(got["N"].to_numpy(), want["N"].to_numpy())
    assert shapely.equals_exact(np.asarray(got.geometry.array), np.asarray(want.geometry.array), 0).all()


def test_kept_attributes_are_copies_of_the_batch():
    batch = pa.record_batch({"a": pa.array(np.arange(5.0)), "s": pa.array(["x", None, "yz", "", "w"]),
                             "l": pa.array([[1], [], None, [2, 3], [4]])})
    copied = ogr._detached(batch)
    assert copied.equals(batch) and copied.schema == batch.schema
    theirs = {b.address for col in batch.columns for b in col.buffers() if b is not None and b.size}
    ours = {b.address for col in copied.columns for b in col.buffers() if b is not None and b.size}
    assert not theirs & ours
    empty = batch.select([])
    assert ogr._detached(empty).num_rows == empty.num_rows
