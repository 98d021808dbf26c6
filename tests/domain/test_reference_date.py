"""The data's reference date, from the GeoPackage file or from its metadata table already in memory."""

from __future__ import annotations

import sqlite3

import numpy as np
import pandas as pd

from ecomap.domain import fields as fl


def metadata_gpkg(path, rows):
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE metadata (fid INTEGER PRIMARY KEY, key TEXT, value TEXT)")
    con.executemany("INSERT INTO metadata (key, value) VALUES (?, ?)", rows)
    con.commit()
    con.close()
    return path


def test_the_table_in_memory_says_what_the_file_says(tmp_path):
    rows = [("county_name", "示范县"), ("参考日期", "2025-06-30"), ("reference_date", "2025-11-30")]
    path = metadata_gpkg(tmp_path / "a.gpkg", rows)
    frame = pd.DataFrame(rows, columns=["key", "value"])
    assert fl.reference_date_in(frame) == fl.reference_date_of(path) == np.datetime64("2025-06-30")  # first row


def test_without_a_usable_date_the_default_is_taken(tmp_path):
    default = np.datetime64("2020-01-02")
    for frame in (None, pd.DataFrame({"key": ["county"], "value": ["x"]}), pd.DataFrame({"k": [1]}),
                  pd.DataFrame({"key": ["reference_date"], "value": ["not a day"]})):
        assert fl.reference_date_in(frame, default) == default
