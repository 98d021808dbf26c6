"""Committed values reach a layer as a new frame: a frame someone took before the edit
(a render job, the attribute table, a shallow copy) keeps its values."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ecomap.core.editing import apply_committed, frame_with_values
from ecomap.core.layers import DataSource, VectorLayer


def _layer() -> VectorLayer:
    frame = gpd.GeoDataFrame({
        "XMBH": ["P1", "P2", "P3"], "WCJD": [10.0, 20.0, 0.0], "XMJD": ["在建", "在建", "前期"],
        "version": np.array([1, 1, 1], dtype=np.int64),
    }, geometry=[shapely.box(i, 0, i + 1, 1) for i in range(3)], crs=4524)
    return VectorLayer("projects", frame, DataSource("p.gpkg", "restoration_projects"))


def test_an_edit_leaves_the_frame_a_snapshot_holds_unchanged():
    layer = _layer()
    snapshot = layer.features
    shallow = snapshot.copy(deep=False)  # shares every column's data with the layer's frame
    progress = snapshot["WCJD"].to_numpy()
    heard = []
    layer.listeners.append(heard.append)

    apply_committed(layer, 1, {"XMJD": "竣工", "WCJD": 100.0, "version": 2})

    assert heard == [layer]
    assert layer.features is not snapshot
    assert layer.features["XMJD"].tolist() == ["在建", "竣工", "前期"]
    assert layer.features["WCJD"].tolist() == [10.0, 100.0, 0.0]
    assert layer.features["version"].tolist() == [1, 2, 1]
    for before in (snapshot, shallow):
        assert before["XMJD"].tolist() == ["在建", "在建", "前期"]
        assert before["WCJD"].tolist() == [10.0, 20.0, 0.0]
        assert before["version"].tolist() == [1, 1, 1]
    assert progress.tolist() == [10.0, 20.0, 0.0]


def test_unchanged_columns_and_dtypes_are_kept():
    layer = _layer()
    apply_committed(layer, 0, {"WCJD": None, "version": 5})
    frame = layer.features
    assert np.isnan(frame["WCJD"].iloc[0]) and frame["WCJD"].dtype == np.float64
    assert frame["version"].dtype == np.int64
    assert isinstance(frame, gpd.GeoDataFrame) and frame.geometry.name == "geometry" and frame.crs == 4524
    assert shapely.equals(frame.geometry.values, _layer().features.geometry.values).all()


def test_a_value_the_column_cannot_hold_makes_it_an_object_column():
    layer = _layer()
    snapshot = layer.features
    apply_committed(layer, 2, {"version": "v3"})
    assert layer.features["version"].tolist() == [1, 1, "v3"]
    assert snapshot["version"].tolist() == [1, 1, 1] and snapshot["version"].dtype == np.int64


def test_columns_the_frame_lacks_change_nothing():
    frame = _layer().features
    assert frame_with_values(frame, 0, {"NOPE": 1}) is frame
    assert frame_with_values(pd.DataFrame({"a": [1, 2]}), 1, {"a": 7})["a"].tolist() == [1, 7]
