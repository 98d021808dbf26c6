"""Attribute edits written to a GeoPackage that never lose data: commands, one transaction each, audited, checked.

What:

* :class:`EditTarget` binds an in-memory :class:`~ecomap.core.layers.VectorLayer` (or
  nothing) to its GeoPackage table: the feature id (``fid``) of every row, the key
  column shown to people (项目编号) and the ``version`` column.
* :class:`FeatureEdit` is one command: set some fields of one feature. ``apply()``
  (also the redo) and ``undo()`` each run in ONE sqlite transaction that writes the
  feature (``UPDATE … WHERE fid=? AND version IS ? AND <field> IS <value I saw>``),
  the journal rows the theme's policy asks for (a stage change → restoration_history)
  and one ``ecomap_audit`` row per field (OS user, ISO time, layer, feature fid, field, old,
  new, command id). Zero rows updated means someone else changed the feature since it
  was read: the transaction is rolled back and :class:`Conflict` carries their values
  so the user chooses — overwrite (``apply(force=True)``), take theirs
  (:meth:`EditSession.reload`) or cancel. Nothing is ever overwritten silently.
* Validation (:mod:`ecomap.domain.edit_rules`) runs before the first apply and raises
  :class:`EditRejected` with translated messages.
* After a commit the layer in memory gets the new values
  (:func:`ecomap.core.editing.apply_committed`: a new frame, so the layer's caches and
  listeners follow) and every listener of the :class:`EditSession` is called with an
  :class:`~ecomap.core.editing.EditEvent` — the GUI adapter turns that into a Qt signal.

Crash safety comes from SQLite: the write happens between ``BEGIN IMMEDIATE`` and
``COMMIT``; a process killed in between leaves a hot journal that the next opener
rolls back (tests/crash/ kills edits at random points). When another program holds
the file's lock past the busy timeout, the edit raises :class:`DatabaseLocked` (a
:class:`DataError`) with nothing written, in memory or on disk, and nothing
announced: the caller may retry the same command.

No widgets here (plain callbacks; QtCore is not even needed). The file format itself
is :mod:`ecomap.io.gpkg_edit`; the model this shares with the views is
:mod:`ecomap.core.editing`.
"""

from __future__ import annotations

import datetime as _dt
import getpass
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ecomap.core.editing import EditEvent, EditRejected, apply_committed, plain_value, same_value
from ecomap.errors import DataError
from ecomap.i18n import tr
from ecomap.io import gpkg_edit as g
from ecomap.io.gpkg_edit import DatabaseLocked

__all__ = ["Conflict", "DatabaseLocked", "EditEvent", "EditRejected", "EditSession", "EditTarget",
           "FeatureEdit", "bind"]

VERSION_COLUMN = "version"


# ----------------------------------------------------------------------------- conflicts

class Conflict(Exception):
    """The feature changed in the file since we read it (or was deleted).

    ``mine``: field → the value this edit wants; ``base``: field → the value it was
    based on; ``theirs``: the feature's current values (all fields, None when deleted).
    """

    def __init__(self, target: EditTarget, fid: int, mine: dict, base: dict, theirs: dict | None,
                 their_version=None, base_version=None):
        self.target, self.fid = target, int(fid)
        self.mine, self.base, self.theirs = dict(mine), dict(base), None if theirs is None else dict(theirs)
        self.their_version, self.base_version = their_version, base_version
        super().__init__(self.message())

    @property
    def deleted(self) -> bool:
        return self.theirs is None

    @property
    def key(self) -> str:
        return self.target.key_of_fid(self.fid, self.theirs)

    def changed_fields(self) -> list[str]:
        """Fields of this edit whose stored value is no longer what the edit was based on."""
        if self.theirs is None:
            return list(self.mine)
        return [f for f in self.mine if not same_value(self.theirs.get(f), self.base.get(f))]

    def message(self) -> str:
        if self.deleted:
            return tr("{layer} {key}: the feature was deleted by someone else").format(
                layer=self.target.title, key=self.key)
        return tr("{layer} {key} was changed by someone else after you opened it").format(
            layer=self.target.title, key=self.key)


# ----------------------------------------------------------------------------- binding

@dataclass(eq=False)
class EditTarget:
    """One GeoPackage table, optionally mirrored by an in-memory layer (rows ↔ fids)."""

    path: Path
    table: str
    fids: np.ndarray = field(repr=False)  # fid of each in-memory row (or of each table row, fid order)
    layer: object | None = field(default=None, repr=False)  # VectorLayer whose .features mirror the table
    key_column: str | None = None
    version_column: str | None = None
    policy: object | None = field(default=None, repr=False)  # ecomap.domain.edit_rules.EditPolicy
    columns: tuple[str, ...] = field(default=(), repr=False)

    @property
    def title(self) -> str:
        """What to call the layer in messages: the theme's title, else the table name."""
        title = getattr(self.policy, "title", None)
        return (title(self.table) if callable(title) else None) or self.table

    def row_of(self, fid: int) -> int | None:
        hits = np.flatnonzero(self.fids == int(fid))
        return int(hits[0]) if len(hits) else None

    def fid_of(self, row: int) -> int:
        return int(self.fids[int(row)])

    def memory_row(self, row: int) -> dict:
        """The row as the user sees it (None for missing values); {} without a layer."""
        if self.layer is None:
            return {}
        frame = self.layer.features
        geom = frame.geometry.name if hasattr(frame, "geometry") else None
        rec = frame.iloc[int(row)]
        return {c: plain_value(rec[c]) for c in frame.columns if c != geom}

    def key_of_fid(self, fid: int, values: dict | None = None) -> str:
        if self.key_column and values and values.get(self.key_column) is not None:
            return str(values[self.key_column])
        row = self.row_of(fid)
        if self.key_column and row is not None and self.layer is not None:
            v = plain_value(self.layer.features.iloc[row][self.key_column])
            if v is not None:
                return str(v)
        return f"#{fid}"


def bind(path, table: str, layer=None, key_column: str | None = None, policy=None) -> EditTarget:
    """An :class:`EditTarget` for ``table`` of the GeoPackage ``path``.

    With a layer, its rows are matched to fids: GDAL reads a GeoPackage in fid order,
    which is checked against the key column; when the counts or keys disagree the rows
    are matched by the (unique) key instead, else :class:`DataError`.
    """
    path = Path(path)
    con = g.connect(path)
    try:
        with g.sql_errors(path):
            if not g.table_exists(con, table):
                raise DataError(path, tr("no table named \"{table}\"").format(table=table))
            columns = tuple(g.table_columns(con, table))
            key = key_column if key_column in columns else None
            fids, keys = g.read_fids(con, table, key)
    finally:
        con.close()
    version = VERSION_COLUMN if VERSION_COLUMN in columns else None
    if layer is not None:
        frame = layer.features
        n = len(frame)
        mem_keys = None if key is None or key not in frame.columns else [plain_value(v) for v in frame[key]]
        if len(fids) != n or (mem_keys is not None and [_norm_key(k) for k in keys] != [_norm_key(k) for k in
                                                                                         mem_keys]):
            if mem_keys is None or len(set(map(_norm_key, keys))) != len(keys):
                raise DataError(path, tr("the layer \"{table}\" in memory no longer matches the file; "
                                         "reload it before editing").format(table=table))
            lookup = {_norm_key(k): f for k, f in zip(keys, fids)}
            try:
                fids = np.array([lookup[_norm_key(k)] for k in mem_keys], dtype=np.int64)
            except KeyError:
                raise DataError(path, tr("the layer \"{table}\" in memory no longer matches the file; "
                                         "reload it before editing").format(table=table)) from None
    return EditTarget(path, table, fids, layer, key, version, policy, columns)


def _norm_key(v):
    return None if v is None else str(v).strip()


# ----------------------------------------------------------------------------- session

class EditSession:
    """Edits of one user; listeners hear of every committed change."""

    def __init__(self, user: str | None = None, clock: Callable[[], _dt.datetime] | None = None):
        self.user = user or _os_user()
        self.clock = clock or (lambda: _dt.datetime.now().astimezone())
        self.listeners: list[Callable[[EditEvent], None]] = []

    def announce(self, event: EditEvent) -> None:
        for listener in list(self.listeners):
            listener(event)

    def edit(self, target: EditTarget, row: int, changes: dict, *, note: str = "",
             revert: bool = False) -> FeatureEdit:
        """Validate and apply a change of one row; returns the applied command."""
        cmd = FeatureEdit(self, target, row, changes, note=note, revert=revert)
        cmd.apply()
        return cmd

    def reload(self, target: EditTarget, fids) -> None:
        """Take the file's current values into memory ("take theirs")."""
        con = g.connect(target.path)
        try:
            with g.sql_errors(target.path):
                values = {int(f): g.read_row(con, target.table, int(f)) for f in fids}
        finally:
            con.close()
        rows, fields_ = [], set()
        for fid, current in values.items():
            row = target.row_of(fid)
            if row is None or current is None:
                continue
            apply_committed(target.layer, row, current)
            rows.append(row)
            fields_ |= set(current)
        if rows:
            self.announce(EditEvent(target, tuple(rows), tuple(sorted(fields_)), "reload"))


# ----------------------------------------------------------------------------- the command

@dataclass(eq=False)
class FeatureEdit:
    """Set ``changes`` (column → value) on one feature; undoable; see the module docstring."""

    session: EditSession
    target: EditTarget
    row: int
    changes: dict
    note: str = ""
    revert: bool = False
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    state: str = field(default="new", init=False)  # "new" | "applied" | "undone"

    def __post_init__(self):
        self.fid = self.target.fid_of(self.row)
        known = set(self.target.columns)
        unknown = [c for c in self.changes if c not in known or c == self.target.version_column]
        if unknown:
            raise DataError(self.target.path, tr("cannot edit field(s) {fields} of \"{table}\"").format(
                fields=", ".join(map(str, unknown)), table=self.target.table))
        self.before = self.target.memory_row(self.row) or self._read_current()
        self.new = {c: _coerce(self.target, c, g.sql_value(v)) for c, v in self.changes.items()}
        self.old = {c: g.sql_value(self.before.get(c)) for c in self.new}
        vcol = self.target.version_column
        self.base_version = g.sql_value(self.before.get(vcol)) if vcol else None
        self.version = self.base_version  # the version the file has after our last write

    def _read_current(self) -> dict:
        con = g.connect(self.target.path)
        try:
            with g.sql_errors(self.target.path):
                return g.read_row(con, self.target.table, self.fid) or {}
        finally:
            con.close()

    # -- descriptions
    @property
    def key(self) -> str:
        return self.target.key_of_fid(self.fid, self.before)

    def text(self) -> str:
        """Short description for the undo history."""
        policy = self.target.policy
        names = "、".join(policy.label(c) if policy is not None else c for c in self.new)
        return tr("Edit {key}: {fields}").format(key=self.key, fields=names)

    @property
    def changed(self) -> dict:
        return {c: v for c, v in self.new.items() if not same_value(v, self.old.get(c))}

    # -- validation
    def validate(self) -> None:
        policy = self.target.policy
        if policy is None:
            return
        after = {**self.before, **self.new}
        messages = policy.validate(self.before, after, revert=self.revert)
        if messages:
            raise EditRejected(self.target.path, messages)

    # -- apply / undo
    def apply(self, force: bool = False) -> None:
        """First apply (validated) or redo. ``force`` writes over a concurrent change."""
        if self.state == "applied":
            return
        if self.state == "new":
            self.validate()
        action = "edit" if self.state == "new" else "redo"
        self._write(expected=self.old, values=self.new, action=action, force=force)
        self.state = "applied"

    def undo(self, force: bool = False) -> None:
        """Write the old values back — itself a checked, audited transaction."""
        if self.state != "applied":
            return
        self._write(expected=self.new, values=self.old, action="undo", force=force)
        self.state = "undone"

    redo = apply

    def _write(self, expected: dict, values: dict, action: str, force: bool) -> None:
        t = self.target
        vcol = t.version_column
        con = g.connect(t.path)
        try:
            with g.transaction(con):
                current = g.read_row(con, t.table, self.fid) if force else None
                if force and current is None:
                    raise Conflict(t, self.fid, values, expected, None, None, self.version)
                base = {c: current[c] for c in values} if force else expected
                base_version = (current.get(vcol) if force else self.version) if vcol else None
                new_version = (int(base_version or 0) + 1) if vcol else None
                sets = {**values, **({vcol: new_version} if vcol else {})}
                where = [f"{g.quote(g.primary_key(con, t.table))} = ?"]
                args = [self.fid]
                for c, v in ({vcol: base_version} if vcol else {}).items():
                    where.append(f"{g.quote(c)} IS ?")
                    args.append(v)
                for c, v in base.items():
                    where.append(f"{g.quote(c)} IS ?")
                    args.append(v)
                sql = (f"UPDATE {g.quote(t.table)} SET {', '.join(f'{g.quote(c)} = ?' for c in sets)} "
                       f"WHERE {' AND '.join(where)}")
                cur = con.execute(sql, [*sets.values(), *args])
                if cur.rowcount != 1:
                    theirs = g.read_row(con, t.table, self.fid)
                    raise Conflict(t, self.fid, values, expected, theirs,
                                   theirs.get(vcol) if (theirs and vcol) else None, base_version)
                before_row = {**self.before, **base}
                after_row = {**self.before, **values}
                if t.policy is not None:
                    for table, row in t.policy.journal(before_row, after_row, note=self.note,
                                                       undo=(action == "undo")):
                        g.ensure_attribute_table(con, table, {c: "TEXT" for c in row})
                        g.insert_row(con, table, row)
                        g.touch_contents(con, table)
                self._audit(con, action, base, values, force)
                g.touch_contents(con, t.table)
                stored = g.read_row(con, t.table, self.fid) or sets  # the whole row, as committed
        finally:
            con.close()
        self.version = new_version
        row = t.row_of(self.fid)
        if row is not None:
            apply_committed(t.layer, row, stored)
        self.session.announce(EditEvent(t, (row,) if row is not None else (), tuple(sets), action, self.id))

    def _audit(self, con, action: str, old: dict, new: dict, force: bool) -> None:
        g.ensure_audit_table(con)
        when = self.session.clock().isoformat(timespec="seconds")
        note = self.note + ("; " if self.note and force else "") + ("overwrote a concurrent change" if force
                                                                      else "")
        for c, value in new.items():
            g.insert_row(con, g.AUDIT_TABLE, {
                "command_id": self.id, "action": action, "user": self.session.user, "time": when,
                "layer": self.target.table, "feature_fid": self.fid, "feature_key": self.key, "field": c,
                "old_value": old.get(c), "new_value": value, "note": note or None})


# ----------------------------------------------------------------------------- helpers

def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (e.g. a service): still record something
        return "unknown"


def _coerce(target: EditTarget, column: str, value):
    """Whole numbers for a float column are stored as floats (100 → 100.0), as the file does."""
    frame = getattr(target.layer, "features", None)
    if (isinstance(value, int) and not isinstance(value, bool) and frame is not None and column in frame.columns
            and pd.api.types.is_float_dtype(frame[column].dtype)):
        return float(value)
    return value
