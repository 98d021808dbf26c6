"""The datasets the crash trials write, and how to tell the old one, the new one and anything else apart.

Each kind knows how to lay down its *old* state (copied byte for byte from a
pristine copy, so resetting a trial does not use the code under test), how to write
the *new* state through EcoMap (the operation a trial kills), and how to judge what
is on disk afterwards. The judgement reads the files twice: first through EcoMap's
own reader (the next open a user would do, which completes an interrupted swap), then
independently — pyogrio for features and geometry, ``sqlite3`` for GeoPackage
integrity, ``json`` for project files — and compares with facts that come from the
data made here, not from the writer.

A state is ``"old"``, ``"new"``, ``"absent"`` (nothing there) or ``"partial: …"``.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import warnings
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely

OLD_COUNT = 70
SIZES = {"tiny": 300, "small": 1500, "large": 6000}  # features of the new dataset


def polygons(n: int, gen: str, seed: int) -> gpd.GeoDataFrame:
    rng = np.random.default_rng(seed)
    x = 112.0 + rng.random(n) * 0.5
    y = 36.0 + rng.random(n) * 0.5
    geoms = shapely.buffer(shapely.points(x, y), 0.001, quad_segs=8)
    return gpd.GeoDataFrame({"ident": np.arange(n, dtype=np.int64), "gen": gen, "名称": [f"图斑{i}" for i in range(n)]},
                            geometry=geoms, crs=4490)


def points(n: int, gen: str, seed: int) -> gpd.GeoDataFrame:
    rng = np.random.default_rng(seed)
    geoms = shapely.points(112.0 + rng.random(n) * 0.5, 36.0 + rng.random(n) * 0.5)
    return gpd.GeoDataFrame({"ident": np.arange(n, dtype=np.int64), "gen": gen, "名称": [f"点{i}" for i in range(n)]},
                            geometry=geoms, crs=4490)


def as_layer(frame: gpd.GeoDataFrame, folder: Path, name: str):
    """A VectorLayer as a user has it: read by EcoMap from a GeoPackage declaring its CRS."""
    from ecomap.io.registry import open_path

    path = folder / f"{name}.gpkg"
    frame.to_file(path, layer=name, engine="pyogrio")
    return open_path(path)[0]


def _listing(place: Path) -> set[str]:
    return set(os.listdir(place))


class Kind:
    """One writer under test; ``place`` is the folder its dataset lives in."""

    name = ""
    may_start_absent = True

    def prepare(self, work: Path, size: str) -> None:
        """Make the inputs and the pristine old dataset (in ``work``)."""
        raise NotImplementedError

    def reset(self, place: Path, initial: str) -> None:
        """Empty ``place`` and lay down the old dataset (``initial == "old"``) or nothing."""
        shutil.rmtree(place, ignore_errors=True)
        place.mkdir(parents=True)
        if initial == "old":
            for file in sorted(self.pristine.iterdir()):
                shutil.copy2(file, place / file.name)

    def write_new(self, place: Path) -> None:
        raise NotImplementedError

    def write_next(self, place: Path) -> None:
        """The next write to the same place (uninterrupted) after a trial."""
        self.write_new(place)

    def instrument(self, steps) -> None:
        """Count (and kill at) steps EcoMap takes that are not file-system calls; in the child only."""

    def observe(self, place: Path) -> str:
        raise NotImplementedError

    def expected_files(self, place: Path) -> set[str]:
        """The names a complete dataset (old or new) has in ``place``."""
        raise NotImplementedError

    def after_next_ok(self, place: Path) -> str:
        """The state after :meth:`write_next`: "new" when all is well."""
        return self.observe(place)


# ----------------------------------------------------------------------------- exports

class ExportKind(Kind):
    """A layer exported with :func:`ecomap.io.export.export_layer` to ``target``."""

    def __init__(self, name: str, target: str, points: bool = False, **options):
        self.name, self.target, self.points, self.options = name, target, points, options

    def prepare(self, work: Path, size: str) -> None:
        from ecomap.io.export import export_layer

        make = points if self.points else polygons
        self.new_count = SIZES[size]
        self.old_frame, self.new_frame = make(OLD_COUNT, "old", 1), make(self.new_count, "new", 2)
        src = work / "src"
        src.mkdir(parents=True, exist_ok=True)
        self.old_layer = as_layer(self.old_frame, src, f"src_{self.name}_old")
        self.new_layer = as_layer(self.new_frame, src, f"src_{self.name}_new")
        self.pristine = work / "pristine"
        self.pristine.mkdir()
        export_layer(self.old_layer, self.pristine / self.target, name="图层", **self.options)
        state = self.observe(self.pristine)
        if state != "old":
            raise RuntimeError(f"{self.name}: the pristine old dataset reads as {state}")
        self.old_files = _listing(self.pristine)

    def write_new(self, place: Path) -> None:
        from ecomap.io.export import export_layer

        export_layer(self.new_layer, place / self.target, name="图层", **self.options)

    def expected_files(self, place: Path) -> set[str]:
        return set(self.old_files)

    def observe(self, place: Path) -> str:
        from ecomap.errors import DataError
        from ecomap.io.registry import open_path

        path = place / self.target
        if not path.exists():
            leftovers = _listing(place) & self.expected_files(place)
            return "absent" if not leftovers else f"partial: {sorted(leftovers)} without {self.target}"
        ecomap_error = None
        if path.suffix.lower() not in (".xlsx",):  # EcoMap reads XLSX as a table elsewhere
            try:
                open_path(path)
            except DataError as exc:
                ecomap_error = exc.message
        try:
            count, gens, geoms = self._read_independently(path)
        except Exception as exc:  # noqa: BLE001 - any failure to read back is a broken dataset
            return f"partial: unreadable ({type(exc).__name__}: {str(exc)[:120]})"
        for state, n in (("old", OLD_COUNT), ("new", self.new_count)):
            if count == n and gens == {state} and geoms == n:
                if ecomap_error:
                    return f"partial: reads independently as {state} but EcoMap says {ecomap_error}"
                return state
        return f"partial: {count} features, gen {sorted(gens)[:3]}, {geoms} with geometry"

    def _read_independently(self, path: Path) -> tuple[int, set, int]:
        """(feature count, the values of ``gen``, features with a geometry) as pyogrio reads the file."""
        suffix = path.suffix.lower()
        if suffix == ".gpkg":
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                if con.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                    raise ValueError("sqlite integrity check failed")
            finally:
                con.close()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if suffix == ".csv":
                frame = pyogrio.read_dataframe(path, X_POSSIBLE_NAMES="经度", Y_POSSIBLE_NAMES="纬度",
                                               KEEP_GEOM_COLUMNS="NO")
                return len(frame), set(frame["gen"]), int((~frame.geometry.isna()).sum())
            if suffix == ".xlsx":
                frame = pyogrio.read_dataframe(path, layer="图层", read_geometry=False)
                xy = frame["经度"].notna() & frame["纬度"].notna()
                return len(frame), set(frame["gen"]), int(xy.sum())
            layers = [str(n) for n in pyogrio.list_layers(path)[:, 0]]
            frames = [pyogrio.read_dataframe(path, layer=n) for n in layers]
        frame = pd.concat(frames, ignore_index=True) if frames else gpd.GeoDataFrame()
        geoms = np.asarray(frame.geometry.array, dtype=object) if len(frame) else np.array([])
        present = int((~(shapely.is_missing(geoms) | shapely.is_empty(geoms))).sum()) if len(geoms) else 0
        gens = set(frame["gen"]) if "gen" in frame.columns else set()
        return len(frame), gens, present


# ----------------------------------------------------------------------------- project file

class ProjectKind(Kind):
    """A project saved with :func:`ecomap.core.project.save_project`."""

    name = "project"
    target = "县级生态.ecomap"

    def prepare(self, work: Path, size: str) -> None:
        from ecomap.core.project import LayerEntry, Project, save_project

        self.new_count = SIZES[size] // 3

        def project(n, gen):
            return Project(title=gen, layers=[LayerEntry(source=f"数据/{gen}_{i}.gpkg", layer=f"图层{i}",
                                                         name=f"{gen} {i}", group="基础数据",
                                                         style={"type": "single", "symbol": {"fill": "#ff000080"}})
                                              for i in range(n)])

        self.old_project, self.new_project = project(3, "old"), project(self.new_count, "new")
        self.pristine = work / "pristine"
        self.pristine.mkdir()
        save_project(self.old_project, self.pristine / self.target)

    def write_new(self, place: Path) -> None:
        from ecomap.core.project import save_project

        save_project(self.new_project, place / self.target)

    def expected_files(self, place: Path) -> set[str]:
        return {self.target}

    def observe(self, place: Path) -> str:
        from ecomap.core.project import load_project
        from ecomap.errors import DataError

        path = place / self.target
        if not path.exists():
            return "absent"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            load_project(path)
        except (ValueError, DataError) as exc:
            return f"partial: {type(exc).__name__}: {str(exc)[:120]}"
        n = len(data.get("layers", []))
        for state, want in (("old", 3), ("new", self.new_count)):
            if data.get("title") == state and n == want and all(e["name"].startswith(state) for e in data["layers"]):
                return state
        return f"partial: title {data.get('title')!r}, {n} layers"


# ----------------------------------------------------------------------------- GeoPackage edits

class EditKind(Kind):
    """An attribute edit (:class:`ecomap.services.editing.FeatureEdit`) of a GeoPackage table.

    Old: feature P1 in 在建 at 10 %, version 1, one history row, no audit. New: 竣工 at
    100 %, version 2, a second history row, two audit rows — all or nothing.
    """

    name = "gpkg-edit"
    target = "county.gpkg"
    may_start_absent = False

    def prepare(self, work: Path, size: str) -> None:
        from ecomap.io.registry import open_path

        n = SIZES[size]
        self.count = n
        self.pristine = work / "pristine"
        self.pristine.mkdir()
        path = self.pristine / self.target
        frame = polygons(n, "old", 3)
        frame["XMBH"] = [f"P{i + 1}" for i in range(n)]
        frame["WCJD"] = 10.0
        frame["XMJD"] = "在建"
        frame["version"] = 1
        frame.to_file(path, layer="restoration_projects", engine="pyogrio")
        gpd.GeoDataFrame(pd.DataFrame({"XMBH": ["P1"], "RQ": ["2024-03-01"], "YJD": ["前期"], "XJD": ["在建"],
                                       "SM": ["开工"]})).to_file(path, layer="restoration_history",
                                                                 engine="pyogrio")
        self.layer = open_path(path, layer="restoration_projects")[0]

    def _edit(self, place: Path, row: int) -> None:
        from ecomap.domain.edit_rules import policy_for
        from ecomap.services import editing as ed

        path = place / self.target
        target = ed.bind(path, "restoration_projects", self.layer, "XMBH",
                         policy_for("restoration_projects", self.layer.features.columns, path))
        ed.EditSession(user="crash").edit(target, row, {"XMJD": "竣工", "WCJD": 100.0})

    def write_new(self, place: Path) -> None:
        self._edit(place, 0)

    def write_next(self, place: Path) -> None:
        self._edit(place, 1)

    def instrument(self, steps) -> None:
        from ecomap.io import gpkg_edit as g

        real_connect = g.connect

        def connect(*args, **kwargs):
            con = real_connect(*args, **kwargs)
            con.execute("PRAGMA cache_size=1")  # changed pages reach the file before COMMIT
            con.set_trace_callback(lambda _sql: steps.step())
            return con

        g.connect = connect

    def expected_files(self, place: Path) -> set[str]:
        return {self.target}

    def _facts(self, place: Path) -> tuple:
        con = sqlite3.connect(place / self.target)  # rolls back a hot journal, as any next opener does
        try:
            if con.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                raise ValueError("sqlite integrity check failed")
            rows = {r[0]: r[1:] for r in con.execute(
                "SELECT XMBH, XMJD, WCJD, version FROM restoration_projects WHERE XMBH IN ('P1', 'P2')")}
            audit = con.execute("SELECT count(*) FROM ecomap_audit").fetchone()[0] if con.execute(
                "SELECT 1 FROM sqlite_master WHERE name='ecomap_audit'").fetchone() else 0
            history = con.execute("SELECT count(*) FROM restoration_history").fetchone()[0]
        finally:
            con.close()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            frame = pyogrio.read_dataframe(place / self.target, layer="restoration_projects")
        present = int((~(shapely.is_missing(frame.geometry.values) | shapely.is_empty(frame.geometry.values))).sum())
        return rows, audit, history, len(frame), present

    def observe(self, place: Path) -> str:
        from ecomap.errors import DataError
        from ecomap.io.registry import open_path

        try:
            open_path(place / self.target, layer="restoration_projects")
            rows, audit, history, count, present = self._facts(place)
        except (DataError, ValueError, sqlite3.Error) as exc:
            return f"partial: {type(exc).__name__}: {str(exc)[:120]}"
        if count != self.count or present != self.count:
            return f"partial: {count} features, {present} with geometry"
        p1 = rows.get("P1")
        if p1 == ("在建", 10.0, 1) and (audit, history) == (0, 1):
            return "old"
        if p1 == ("竣工", 100.0, 2) and (audit, history) == (2, 2):
            return "new"
        return f"partial: P1 {p1}, {audit} audit rows, {history} history rows"

    def after_next_ok(self, place: Path) -> str:
        try:
            rows, _audit, _history, count, present = self._facts(place)
        except (ValueError, sqlite3.Error) as exc:
            return f"partial: {type(exc).__name__}: {exc}"
        if rows.get("P2") != ("竣工", 100.0, 2) or count != self.count or present != self.count:
            return f"partial: the next edit did not commit (P2 {rows.get('P2')})"
        return "new"


def all_kinds() -> list[Kind]:
    return [
        ExportKind("shp", "图斑.shp"),
        ExportKind("gpkg", "图斑.gpkg"),
        ExportKind("geojson", "图斑.geojson"),
        ExportKind("kml", "图斑.kml"),
        ExportKind("kmz", "图斑.kmz"),
        ExportKind("csv", "点位.csv", points=True),
        ExportKind("xlsx", "点位.xlsx", points=True),
        ProjectKind(),
        EditKind(),
    ]
