"""Every kind of bad input the foundation issue lists gets a clear error naming the file."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ecomap.cli.main import main
from ecomap.errors import DataError
from ecomap.io.registry import open_path
from tests.io.fixtures import gbk_shapefile_without_cpg, geopackage


def _cli_error(capsys, path) -> str:
    code = main(["info", str(path), "--json"])
    out, err = capsys.readouterr()
    assert code == 2, (out, err)
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and "Traceback" not in err
    assert Path(path).name in lines[0]
    return lines[0]


def test_zero_byte_file(tmp_path, capsys):
    path = tmp_path / "empty.shp"
    path.touch()
    assert "empty" in _cli_error(capsys, path)


@pytest.mark.parametrize("companion", [".dbf", ".shx"])
def test_shapefile_missing_companion(tmp_path, capsys, companion):
    path = gbk_shapefile_without_cpg(tmp_path)
    os.remove(path.with_suffix(companion))
    assert companion in _cli_error(capsys, path)


def test_truncated_geopackage(tmp_path, capsys):
    path = geopackage(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    assert "GeoPackage" in _cli_error(capsys, path)


def test_not_a_geopackage(tmp_path, capsys):
    path = tmp_path / "x.gpkg"
    path.write_text("hello")
    assert "SQLite" in _cli_error(capsys, path)


def test_broken_json(tmp_path, capsys):
    path = tmp_path / "broken.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [ {"type": ')
    message = _cli_error(capsys, path)
    assert "GeoJSON" in message and "line 1" in message


def test_text_file_named_tif(tmp_path, capsys):
    path = tmp_path / "image.tif"
    path.write_text("this is not an image")
    assert "raster" in _cli_error(capsys, path)


def test_unknown_extension(tmp_path, capsys):
    path = tmp_path / "data.xyz"
    path.write_text("1 2 3")
    assert ".xyz" in _cli_error(capsys, path)


def test_missing_path(tmp_path, capsys):
    assert "no such file" in _cli_error(capsys, tmp_path / "nowhere.shp")


def test_empty_folder(tmp_path, capsys):
    folder = tmp_path / "empty_folder"
    folder.mkdir()
    assert "no data files" in _cli_error(capsys, folder)


def test_kml_with_external_entity_is_refused_and_secret_never_shown(tmp_path, capsys):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    path = tmp_path / "evil.kml"
    path.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE kml [<!ENTITY xxe SYSTEM "file://{secret}">]>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>&xxe;</name>
<Point><coordinates>108,37</coordinates></Point></Placemark></Document></kml>""")
    code = main(["info", str(path), "--json"])
    out, err = capsys.readouterr()
    assert code == 2 and err.startswith("error:") and "evil.kml" in err
    assert "TOP-SECRET-CONTENT" not in out + err


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_file_without_read_permission(tmp_path):
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="ecomap-perm-"))  # world-traversable, unlike pytest's tmp
    folder.chmod(0o755)
    path = geopackage(folder)
    path.chmod(0)
    if os.geteuid() != 0:
        with pytest.raises(DataError, match="permission"):
            open_path(path)
        return
    # root reads everything: check it as an unprivileged user, in a real process
    if shutil.which("setpriv") is None:
        pytest.skip("setpriv is needed to drop root privileges")
    result = subprocess.run(
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-m", "ecomap.cli",
         "info", str(path)], capture_output=True, text=True, env={**os.environ, "ECOMAP_LANG": "en"},
        cwd="/", timeout=120)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error:") and "permission" in result.stderr and "sample.gpkg" in result.stderr


def test_json_errors_do_not_half_print(tmp_path, capsys):
    path = tmp_path / "broken.geojson"
    path.write_text("{")
    main(["info", str(path), "--json"])
    out, _ = capsys.readouterr()
    assert out == ""
    with pytest.raises(json.JSONDecodeError):
        json.loads(out or "")
