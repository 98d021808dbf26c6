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
