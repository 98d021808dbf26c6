"""Helpers for tests that check what an edit did to a GeoPackage file."""

from __future__ import annotations

import sqlite3


def dump(path):
    """Everything a user could lose: every table's rows (geometry blobs included)."""
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: con.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}
    finally:
        con.close()


def two_project_gpkg(path):
    """A GeoPackage with two restoration projects (P1, P2, both 在建) and one history row."""
    import geopandas as gpd
    import pandas as pd
    import shapely

    gpd.GeoDataFrame({"XMBH": ["P1", "P2"], "WCJD": [10.0, 20.0], "XMJD": ["在建", "在建"], "version": [1, 1]},
                     geometry=[shapely.box(0, 0, 1, 1), shapely.box(2, 0, 3, 1)], crs=4524).to_file(
        path, layer="restoration_projects")
    gpd.GeoDataFrame(pd.DataFrame({"XMBH": ["P1"], "RQ": ["2024-03-01"], "YJD": ["前期"], "XJD": ["在建"],
                                   "SM": ["开工"]})).to_file(path, layer="restoration_history")
    return path
