"""XXE and billion laughs in GPX and GML (GDAL's expat reads them): refused before GDAL, and
GDAL itself neither reads an external entity nor expands nested ones. KML has its own
tests in tests/io/test_kml.py (EcoMap parses KML itself)."""

from __future__ import annotations

import pyogrio
import pytest

from ecomap.errors import DataError
from ecomap.io.registry import open_path

SECRET = "SECRET-5d1e-NEVER-SHOWN"
_LAUGHS = '<!ENTITY lol "lol">' + "".join(
    f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))


def _gpx(doctype: str, name: str) -> str:
    return f"""<?xml version="1.0"?>
<!DOCTYPE gpx [{doctype}]>
<gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1">
<wpt lat="37.8" lon="112.5"><name>{name}</name></wpt></gpx>"""


def _gml(doctype: str, name: str) -> str:
    return f"""<?xml version="1.0"?>
<!DOCTYPE ogr:FeatureCollection [{doctype}]>
<ogr:FeatureCollection xmlns:ogr="http://ogr.maptools.org/" xmlns:gml="http://www.opengis.net/gml">
<gml:featureMember><ogr:p><ogr:name>{name}</ogr:name><ogr:geometryProperty><gml:Point>
<gml:coordinates>112.5,37.8</gml:coordinates></gml:Point></ogr:geometryProperty></ogr:p></gml:featureMember>
</ogr:FeatureCollection>"""


def _all_text(path) -> str:
    out = []
    for name, _ in pyogrio.list_layers(path):
        out.append(pyogrio.read_dataframe(path, layer=name).astype(str).to_string())
    return "\n".join(out)


@pytest.mark.parametrize("make, suffix", [(_gpx, ".gpx"), (_gml, ".gml")])
def test_external_entity_is_refused_and_never_read(tmp_path, capsys, make, suffix):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    path = tmp_path / f"evil{suffix}"
    path.write_text(make(f'<!ENTITY xxe SYSTEM "{secret.as_uri()}">', "&xxe;"))
    with pytest.raises(DataError, match="declares entities") as exc_info:
        open_path(path)
    out, err = capsys.readouterr()
    assert SECRET not in exc_info.value.user_message() + out + err
    assert SECRET not in _all_text(path)  # GDAL on its own does not read it either


@pytest.mark.parametrize("make, suffix", [(_gpx, ".gpx"), (_gml, ".gml")])
def test_billion_laughs_is_refused_and_gdal_never_expands_it(tmp_path, make, suffix):
    path = tmp_path / f"laughs{suffix}"
    path.write_text(make(_LAUGHS, "&lol9;"))
    with pytest.raises(DataError, match="declares entities"):
        open_path(path)
    try:
        text = _all_text(path)
    except pyogrio.errors.DataSourceError as exc:  # GDAL's GPX reader stops it itself
        assert "laugh" in str(exc)
    else:
        assert "lollol" not in text


def test_doctype_without_entities_is_fine(tmp_path):
    path = tmp_path / "plain.gpx"
    path.write_text(_gpx("", "井"))
    (layer,) = open_path(path)
    assert layer.features["name"].tolist() == ["井"]


def test_gbk_declared_gpx_passes_the_entity_check(tmp_path):
    path = tmp_path / "gbk.gpx"
    path.write_bytes(_gpx("", "水井").replace('version="1.0"?>', 'version="1.0" encoding="GB2312"?>', 1)
                     .encode("gbk"))
    (layer,) = open_path(path)
    assert layer.features["name"].tolist() == ["水井"]
