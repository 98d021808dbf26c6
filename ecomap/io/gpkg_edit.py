"""Writing attribute edits into a GeoPackage with plain sqlite3, safely.

What: a connection that GeoPackage triggers accept (GDAL's R-tree triggers call
``ST_IsEmpty``/``ST_MinX``…, which plain sqlite3 lacks, so every UPDATE of a feature
table would fail), one-transaction context (``BEGIN IMMEDIATE`` … ``COMMIT``, or
``ROLLBACK`` on any exception, so a crash leaves the file as it was: SQLite's rollback
journal restores it on the next open; another program's lock becomes
:class:`DatabaseLocked`, a message the GUI offers to retry), row reads, helper DDL for attribute tables
registered in ``gpkg_contents``, and the ``ecomap_audit`` table.

Why here and not in the editing commands: this is the file format; the commands
(:mod:`ecomap.services.editing`) decide *what* to write.
"""

from __future__ import annotations

import datetime as _dt
import math
import sqlite3
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from ecomap.errors import DataError
from ecomap.i18n import tr

AUDIT_TABLE = "ecomap_audit"
#: Columns after the table's own ``fid``; ``feature_fid`` is the edited feature's fid.
AUDIT_COLUMNS = ("command_id", "action", "user", "time", "layer", "feature_fid", "feature_key", "field",
                 "old_value", "new_value", "note")
#: Seconds to wait for another writer's lock before giving up (and asking the user to retry).
BUSY_TIMEOUT_S = 3.0
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6


class DatabaseLocked(DataError):
    """Another program holds the GeoPackage's write lock; nothing was written. Worth a retry."""

    def __init__(self, path):
        super().__init__(path, tr("another program (QGIS, ArcGIS or a second EcoMap) is writing to this "
                                  "GeoPackage and holds it locked, so the change was not saved; finish or "
                                  "close it there and try again"))


def sql_error(path, exc: sqlite3.Error) -> DataError:
    """The user-facing error for an sqlite3 failure on ``path``: :class:`DatabaseLocked` for a lock."""
    code = getattr(exc, "sqlite_errorcode", None)
    text = str(exc).lower()
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED) or (code is None and ("locked" in text or "busy" in text)):
        return DatabaseLocked(path)
    return DataError(path, tr("cannot write to the GeoPackage ({detail})").format(detail=exc))


@contextmanager
def sql_errors(path) -> Iterator[None]:
    """Turn sqlite3 errors raised in the block into :func:`sql_error`'s DataError."""
    try:
        yield
    except sqlite3.Error as exc:
        raise sql_error(path, exc) from None


class _Connection(sqlite3.Connection):
    """A connection that remembers which file it is (for the messages of its errors)."""

    path: Path | None = None


# ----------------------------------------------------------------------------- geometry SQL functions

def _envelope(blob) -> tuple[float, float, float, float] | None:
    """(minx, maxx, miny, maxy) of a GeoPackage geometry blob; None when empty or unreadable."""
    if blob is None or len(blob) < 8 or bytes(blob[:2]) != b"GP":
        return None
    flags = blob[3]
    if flags & 0b10000:  # empty flag
        return None
    order = "<" if flags & 1 else ">"
    env = (flags >> 1) & 0b111
    if env in (1, 2, 3, 4):
        minx, maxx, miny, maxy = struct.unpack_from(order + "4d", blob, 8)
        return minx, maxx, miny, maxy
    import shapely

    try:  # no envelope stored: the WKB follows the 8-byte header
        geom = shapely.from_wkb(bytes(blob[8:]))
    except Exception:  # noqa: BLE001 - a broken blob is "no envelope", as in GDAL
        return None
    if geom is None or geom.is_empty:
        return None
    minx, miny, maxx, maxy = geom.bounds
    return minx, maxx, miny, maxy


def _st_is_empty(blob):
    if blob is None:
        return None
    if len(blob) >= 4 and bytes(blob[:2]) == b"GP":
        return 1 if (blob[3] & 0b10000) or _envelope(blob) is None else 0
    return 1


def _coord(i):
    def f(blob):
        env = _envelope(blob)
        return None if env is None else env[i]
    return f


def connect(path, timeout: float | None = None) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit) with the GeoPackage SQL
    functions the R-tree triggers call; waits ``timeout`` (default :data:`BUSY_TIMEOUT_S`)
    for another program's lock."""
    path = Path(path)
    if not path.exists():
        raise DataError(path, tr("file not found"))
    try:
        con = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S if timeout is None else timeout,
                              isolation_level=None, factory=_Connection)
    except sqlite3.Error as exc:
        raise DataError(path, tr("cannot open the GeoPackage ({detail})").format(detail=exc)) from None
    con.path = path
    con.create_function("ST_IsEmpty", 1, _st_is_empty, deterministic=True)
    for name, i in (("ST_MinX", 0), ("ST_MaxX", 1), ("ST_MinY", 2), ("ST_MaxY", 3)):
        con.create_function(name, 1, _coord(i), deterministic=True)
    # used by the (deprecated) geometry-type trigger extension of older files
    con.create_function("ST_GeometryType", 1, lambda b: None, deterministic=True)
    con.create_function("ST_SRID", 1, lambda b: None if b is None or len(b) < 8 else
                        struct.unpack_from("<i" if b[3] & 1 else ">i", b, 4)[0], deterministic=True)
    con.create_function("GPKG_IsAssignable", 2, lambda a, b: 1, deterministic=True)
    return con


@contextmanager
def transaction(con: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: taken with the write lock at once, committed only if the
    block finishes, rolled back on any exception (and on KeyboardInterrupt).

    sqlite3 errors (another program's lock that outlasts the busy timeout, at BEGIN or
    at COMMIT) become :func:`sql_error`'s DataError; nothing of the block is kept then.
    """
    path = getattr(con, "path", None)
    with sql_errors(path):
        con.execute("BEGIN IMMEDIATE")
    try:
        yield con
        con.execute("COMMIT")
    except BaseException as exc:
        if con.in_transaction:
            try:
                con.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # closing the connection rolls back as well
        if isinstance(exc, sqlite3.Error):
            raise sql_error(path, exc) from None
        raise


def roll_back_interrupted(path) -> None:
    """Roll back what a writer killed mid-transaction left in the rollback journal of ``path``.

    SQLite does it on the first read of a read-write connection; read-only ones (GDAL's,
    the checks in :mod:`ecomap.io.ogr`) cannot, and would call the file damaged. Quiet
    when there is nothing to roll back, or when it cannot be done (a read-only folder):
    the reader's own checks then say what is wrong.
    """
    path = Path(path)
    if not (path.is_file() and Path(str(path) + "-journal").exists()):
        return
    try:
        con = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S)
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        pass


def release_for_replace(path, timeout: float = 1.0) -> None:
    """Make the GeoPackage ``path`` safe to replace by a rename.

    A rollback journal left beside it by a killed writer is rolled back now; left in
    place, SQLite would "roll it back" into the new file and corrupt it. A write-ahead
    log is checkpointed into the file for the same reason. A file another program is
    writing to is not pulled from under it: :class:`DatabaseLocked`.
    """
    path = Path(path)
    if not any(Path(str(path) + ending).exists() for ending in ("-journal", "-wal")):
        return
    try:
        con = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
    except sqlite3.Error:
        return  # not a database: nothing of it outlives the replace
    try:
        con.execute("BEGIN IMMEDIATE")  # takes the file's lock, rolling back a hot journal first
        con.execute("ROLLBACK")
        if con.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal":
            busy = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            if busy:
                raise DatabaseLocked(path)
    except sqlite3.OperationalError as exc:
        error = sql_error(path, exc)
        if isinstance(error, DatabaseLocked):
            raise error from None
    except sqlite3.DatabaseError:
        pass  # a damaged file: replacing it is what the user asked for
    finally:
        con.close()


# ----------------------------------------------------------------------------- values and rows

def sql_value(value):
    """A Python/numpy/pandas value as sqlite3 accepts it (NaN and NA → NULL)."""
    if value is None:
        return None
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    if isinstance(value, (np.bool_, bool)):
        return int(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, (float, np.floating)):
        v = float(value)
        return None if math.isnan(v) else v
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()[:10] if isinstance(value, _dt.date) and not isinstance(
            value, _dt.datetime) else value.isoformat()
    if hasattr(value, "isoformat"):  # pandas Timestamp
        return value.isoformat()
    return value


def quote(name: str) -> str:
    return '"' + str(name).replace('"', '""') + '"'


def table_columns(con: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in con.execute(f"PRAGMA table_info({quote(table)})")]


def table_exists(con: sqlite3.Connection, table: str) -> bool:
    return con.execute("SELECT 1 FROM sqlite_master WHERE type IN ('table','view') AND name=?",
                       (table,)).fetchone() is not None


def primary_key(con: sqlite3.Connection, table: str) -> str:
    """The INTEGER PRIMARY KEY column (``fid`` in GDAL's GeoPackages)."""
    for r in con.execute(f"PRAGMA table_info({quote(table)})"):
        if r[5]:
            return r[1]
    return "rowid"


def geometry_column(con: sqlite3.Connection, table: str) -> str | None:
    try:
        row = con.execute("SELECT column_name FROM gpkg_geometry_columns WHERE lower(table_name)=lower(?)",
                          (table,)).fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def read_row(con: sqlite3.Connection, table: str, fid: int, columns=None) -> dict | None:
    """Attributes of one feature (geometry left out); None when the feature is gone."""
    pk = primary_key(con, table)
    geom = geometry_column(con, table)
    cols = [c for c in (columns or table_columns(con, table)) if c != geom]
    sql = f"SELECT {', '.join(quote(c) for c in cols)} FROM {quote(table)} WHERE {quote(pk)}=?"
    row = con.execute(sql, (int(fid),)).fetchone()
    return None if row is None else dict(zip(cols, row))


def read_fids(con: sqlite3.Connection, table: str, key: str | None = None) -> tuple[np.ndarray, list | None]:
    """All fids in ascending order (the order GDAL reads them) and the ``key`` column's values."""
    pk = primary_key(con, table)
    if key:
        rows = con.execute(f"SELECT {quote(pk)}, {quote(key)} FROM {quote(table)} ORDER BY {quote(pk)}").fetchall()
        return np.array([r[0] for r in rows], dtype=np.int64), [r[1] for r in rows]
    rows = con.execute(f"SELECT {quote(pk)} FROM {quote(table)} ORDER BY {quote(pk)}").fetchall()
    return np.array([r[0] for r in rows], dtype=np.int64), None


def _now_utc() -> str:
    return _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")[:-4] + "Z"


def touch_contents(con: sqlite3.Connection, table: str) -> None:
    """Set ``gpkg_contents.last_change`` of a table (the GeoPackage spec asks for it)."""
    if table_exists(con, "gpkg_contents"):
        con.execute("UPDATE gpkg_contents SET last_change=? WHERE lower(table_name)=lower(?)",
                    (_now_utc(), table))


def ensure_attribute_table(con: sqlite3.Connection, table: str, columns: dict[str, str],
                           identifier: str = "", description: str = "") -> None:
    """Create an attribute table (``fid`` + ``columns`` name → SQL type) registered in
    ``gpkg_contents`` so that GDAL, QGIS and EcoMap list it; missing columns are added.
    Runs inside the caller's transaction."""
    if not table_exists(con, table):
        cols = ", ".join(f"{quote(c)} {t}".rstrip() for c, t in columns.items())
        con.execute(f"CREATE TABLE {quote(table)} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, {cols})")
        if table_exists(con, "gpkg_contents"):
            con.execute("INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description, "
                        "last_change, srs_id) VALUES (?, 'attributes', ?, ?, ?, 0)",
                        (table, identifier or table, description, _now_utc()))
        return
    present = set(table_columns(con, table))
    for c, t in columns.items():
        if c not in present:
            con.execute(f"ALTER TABLE {quote(table)} ADD COLUMN {quote(c)} {t}".rstrip())


def ensure_audit_table(con: sqlite3.Connection) -> None:
    # values are kept as text (GeoPackage columns need a declared type GDAL knows): 55.0 → "55.0"
    ensure_attribute_table(con, AUDIT_TABLE, {
        "command_id": "TEXT NOT NULL", "action": "TEXT NOT NULL", "user": "TEXT", "time": "TEXT",
        "layer": "TEXT", "feature_fid": "INTEGER", "feature_key": "TEXT", "field": "TEXT",
        "old_value": "TEXT", "new_value": "TEXT", "note": "TEXT",
    }, identifier="编辑审计记录", description="EcoMap edit audit trail: one row per changed field")


def insert_row(con: sqlite3.Connection, table: str, values: dict) -> int:
    cols = list(values)
    sql = (f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in cols)}) "
           f"VALUES ({', '.join('?' for _ in cols)})")
    cur = con.execute(sql, [sql_value(values[c]) for c in cols])
    return int(cur.lastrowid)


def read_audit(path_or_con, command_id: str | None = None) -> list[dict]:
    """Audit rows (oldest first), optionally of one command."""
    con = path_or_con if isinstance(path_or_con, sqlite3.Connection) else sqlite3.connect(str(path_or_con))
    try:
        if not table_exists(con, AUDIT_TABLE):
            return []
        cols = table_columns(con, AUDIT_TABLE)
        sql = f"SELECT * FROM {AUDIT_TABLE}"
        args: tuple = ()
        if command_id is not None:
            sql += " WHERE command_id=?"
            args = (command_id,)
        return [dict(zip(cols, r)) for r in con.execute(sql + " ORDER BY fid", args)]
    finally:
        if con is not path_or_con:
            con.close()
