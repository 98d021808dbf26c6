"""Hostile project files: sources naming system files, climbing out, the network, huge numbers.

Each bad layer becomes a message on that layer (never a traceback, never the content of
the file it names); the layers that are fine still open.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ecomap.cli.main import main as cli
from ecomap.core.project import load_project
from ecomap.errors import DataError
from ecomap.services.project_open import open_project_entries

GOOD = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"名称": "甲"}, "geometry": {"type": "Point", "coordinates": [112.5, 37.8]}},
    {"type": "Feature", "properties": {"名称": "乙"}, "geometry": {"type": "Point", "coordinates": [112.6, 37.9]}}]}


def _project(folder: Path, sources: list[str], **extra) -> Path:
    (folder / "good.geojson").write_text(json.dumps(GOOD), encoding="utf-8")
    data = {"format": "ecomap-project", "version": 1, "title": "t",
            "layers": [{"source": s, "name": f"L{i}"} for i, s in enumerate([*sources, "good.geojson"])], **extra}
    path = folder / "p.ecomap"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("source, says", [
    ("/etc/passwd", "unknown file type"),
    ("../../../../../../../../etc/passwd", "unknown file type"),
    ("../../../../../../../../etc/shadow.geojson", "not found"),
    ("/vsicurl/http://127.0.0.1:1/roads.geojson", "not a local file"),
    ("http://127.0.0.1:1/roads.geojson", "not a local file"),
    ("/vsizip//etc/x.zip/a.shp", "not a local file"),
    ("PG:dbname=gis", "not a local file"),
])
def test_bad_sources_become_messages_and_the_rest_opens(tmp_path, source, says):
    project = load_project(_project(tmp_path, [source]))
    (_, bad, error), (_, good, ok) = open_project_entries(project)
    assert bad is None and says in error
    assert "root:" not in error  # nothing of the file named is shown
    assert good is not None and ok is None and len(good.features) == 2


@pytest.mark.parametrize("extra", [
    {"extent": [1e308, -1e308, 1e308, 1e308]}, {"version": 10 ** 400}, {"extent": [1, 2, 3, 10 ** 400]},
    {"crs": "+proj=longlat +nadgrids=@http://127.0.0.1:1/grid.tif"},
])
def test_huge_numbers_and_odd_values_never_crash_loading(tmp_path, extra):
    path = _project(tmp_path, [], **extra)
    try:
        project = load_project(path)
    except DataError:
        return  # refused with a message: fine
    entries = open_project_entries(project)
    assert entries[-1][1] is not None


def test_cli_reports_a_hostile_project_in_one_line(tmp_path, capsys):
    path = _project(tmp_path, ["/vsicurl/http://127.0.0.1:1/a.geojson"])
    code = cli(["info", str(path)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert code in (0, 2)
