"""Nothing reaches outside: EcoMap refuses network and virtual paths, and GDAL cannot fetch either.

Every test asks a local web server (127.0.0.1) once itself, so that the server is
known to answer, then checks that EcoMap (or GDAL under EcoMap's configuration)
asked it nothing more.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyogrio
import pytest
import rasterio

from ecomap.cli.main import main as cli
from ecomap.core.project import LayerEntry, Project
from ecomap.errors import DataError
from ecomap.io import gdal_config
from ecomap.io.registry import list_datasets, open_path
from ecomap.services.project_open import open_project_entries

ROOT = Path(__file__).resolve().parents[2]


def _asked_nothing(server) -> None:
    server.probe()
    assert server.requests == ["GET /probe"]


def _geojson_with_crs_link(path, url):
    path.write_text(json.dumps({
        "type": "FeatureCollection",
        "crs": {"type": "link", "properties": {"href": f"{url}/crs.wkt", "type": "ogcwkt"}},
        "features": [{"type": "Feature", "properties": {"名称": name},
                      "geometry": {"type": "Point", "coordinates": xy}}
                     for name, xy in (("甲", [112.5, 37.8]), ("乙", [112.6, 37.9]))]}), encoding="utf-8")
    return path


def _gml_with_remote_links(path, url):
    path.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<ogr:FeatureCollection xmlns:ogr="http://ogr.maptools.org/" xmlns:gml="http://www.opengis.net/gml"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://ogr.maptools.org/ {url}/schema.xsd">
  <gml:featureMember><ogr:pt><ogr:geometryProperty xlink:href="{url}/geometry.gml#g1"/></ogr:pt></gml:featureMember>
  <gml:featureMember><ogr:pt><ogr:name>甲</ogr:name><ogr:geometryProperty><gml:Point srsName="EPSG:4326">
    <gml:coordinates>112.5,37.8</gml:coordinates></gml:Point></ogr:geometryProperty></ogr:pt></gml:featureMember>
  <gml:featureMember><ogr:pt><ogr:name>乙</ogr:name><ogr:geometryProperty><gml:Point srsName="EPSG:4326">
    <gml:coordinates>112.6,37.9</gml:coordinates></gml:Point></ogr:geometryProperty></ogr:pt></gml:featureMember>
</ogr:FeatureCollection>""", encoding="utf-8")
    return path


def _kml_with_network_link(path, url):
    path.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>外业</name>
  <NetworkLink><name>远程</name><Link><href>{url}/more.kml</href></Link></NetworkLink>
  <Placemark><name>甲</name><Point><coordinates>112.5,37.8</coordinates></Point></Placemark>
  <Placemark><name>乙</name><Point><coordinates>112.6,37.9</coordinates></Point></Placemark>
</Document></kml>""", encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["CPL_VSIL_CURL_ALLOWED_FILENAME", "GDAL_HTTP_PROXY", "GML_SKIP_RESOLVE_ELEMS"])
def test_both_bundled_gdals_see_the_options(name):
    expected = gdal_config.OPTIONS[name]
    assert pyogrio.get_gdal_config_option(name) == expected
    assert rasterio.env.get_gdal_config(name) == expected


def test_pyogrio_registers_no_network_or_vrt_driver():
    """As the entry points import it: EcoMap's io package before pyogrio (a fresh interpreter,
    since pyogrio registers its drivers once, when first imported)."""
    code = ("import ecomap.io.registry, pyogrio; d = set(pyogrio.list_drivers()); "
            "print('GeoJSON' in d, sorted(d & {'OGR_VRT', 'HTTP', 'WFS', 'OAPIF', 'GPSBabel', 'PDS4'}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT,
                          check=False)
    assert done.stdout.split("\n")[0] == "True []", done.stdout + done.stderr
    assert "Unable to find driver" not in done.stderr  # only drivers that exist are skipped


@pytest.mark.parametrize("source", [
    "/vsicurl/{url}/a.geojson", "{url}/a.geojson", "https://127.0.0.1:1/a.tif", "ftp://127.0.0.1:1/a.shp",
    "/vsis3/bucket/a.tif", "/vsigs/bucket/a.tif", "/vsiaz/container/a.tif", "/vsiadls/fs/a.tif",
    "/vsioss/bucket/a.tif", "/vsiswift/bucket/a.tif", "/vsihdfs/a.tif", "/vsiwebhdfs/{url}/a.tif",
    "/vsizip//vsicurl/{url}/a.zip/a.shp", "/vsistdin/", "PG:dbname=x", "WMS:{url}/wms",
])
def test_network_and_virtual_paths_are_refused_before_gdal(source, web_server):
    source = source.format(url=web_server.url)
    for opener in (open_path, list_datasets):
        with pytest.raises(DataError, match="not a local file"):
            opener(source)
    _asked_nothing(web_server)


def test_gdal_itself_cannot_fetch_through_any_network_file_system(web_server, monkeypatch):
    """Even names handed straight to GDAL, past EcoMap's checks, fetch nothing: every cloud file
    system is pointed at the local server, so a request would show there (and go nowhere else)."""
    host = f"127.0.0.1:{web_server.port}"
    monkeypatch.setenv("AWS_S3_ENDPOINT", host)
    monkeypatch.setenv("AWS_HTTPS", "NO")
    monkeypatch.setenv("AWS_NO_SIGN_REQUEST", "YES")
    monkeypatch.setenv("AWS_VIRTUAL_HOSTING", "FALSE")
    monkeypatch.setenv("CPL_GS_ENDPOINT", f"{web_server.url}/")
    monkeypatch.setenv("GS_NO_SIGN_REQUEST", "YES")
    monkeypatch.setenv("OSS_ENDPOINT", host)
    monkeypatch.setenv("OSS_HTTPS", "NO")
    monkeypatch.setenv("OSS_ACCESS_KEY_ID", "x")
    monkeypatch.setenv("OSS_SECRET_ACCESS_KEY", "x")
    monkeypatch.setenv("AZURE_STORAGE_CONNECTION_STRING",
                       f"DefaultEndpointsProtocol=http;AccountName=a;AccountKey=eA==;BlobEndpoint={web_server.url}/a")
    monkeypatch.setenv("SWIFT_STORAGE_URL", f"{web_server.url}/v1")
    monkeypatch.setenv("SWIFT_AUTH_TOKEN", "x")
    names = [f"/vsicurl/{web_server.url}/a.tif", "/vsis3/bucket/a.tif", "/vsigs/bucket/a.tif",
             "/vsiaz/container/a.tif", "/vsiadls/container/a.tif", "/vsioss/bucket/a.tif",
             "/vsiswift/bucket/a.tif", f"/vsiwebhdfs/{web_server.url}/webhdfs/v1/a.tif"]
    for name in names:
        with pytest.raises(Exception):  # noqa: B017  (each library has its own "cannot open")
            pyogrio.read_info(name.replace(".tif", ".geojson"))
        with pytest.raises(Exception):  # noqa: B017
            rasterio.open(name)
    _asked_nothing(web_server)


def test_gdal_http_client_is_closed_too(tmp_path, web_server, monkeypatch):
    """GDAL's own HTTP client (not /vsicurl/): a VRT source URL opened by rasterio directly, a
    web map service description, a GeoJSON CRS link, GML xlinks that GDAL is told to resolve."""
    vrt = tmp_path / "remote.vrt"
    vrt.write_text(f"""<VRTDataset rasterXSize="2" rasterYSize="2"><VRTRasterBand dataType="Byte" band="1">
<SimpleSource><SourceFilename>{web_server.url}/a.tif</SourceFilename><SourceBand>1</SourceBand></SimpleSource>
</VRTRasterBand></VRTDataset>""")
    wms = tmp_path / "service.xml"
    wms.write_text(f"""<GDAL_WMS><Service name="WMS"><ServerUrl>{web_server.url}/wms?</ServerUrl><Layers>a</Layers>
</Service><DataWindow><UpperLeftX>-180</UpperLeftX><UpperLeftY>90</UpperLeftY><LowerRightX>180</LowerRightX>
<LowerRightY>-90</LowerRightY><SizeX>256</SizeX><SizeY>256</SizeY></DataWindow></GDAL_WMS>""")
    for path in (vrt, wms):
        try:
            with rasterio.open(path) as ds:
                ds.read(1, out_shape=(2, 2))
        except rasterio.errors.RasterioError:
            pass
    pyogrio.read_info(_geojson_with_crs_link(tmp_path / "link.geojson", web_server.url))
    monkeypatch.setenv("GML_SKIP_RESOLVE_ELEMS", "NONE")
    pyogrio.read_dataframe(_gml_with_remote_links(tmp_path / "links.gml", web_server.url))
    _asked_nothing(web_server)


@pytest.mark.parametrize("make, suffix", [(_geojson_with_crs_link, ".geojson"), (_gml_with_remote_links, ".gml"),
                                          (_kml_with_network_link, ".kml")])
def test_files_naming_urls_open_and_render_without_a_request(make, suffix, tmp_path, web_server):
    path = make(tmp_path / f"data{suffix}", web_server.url)
    layers = open_path(path)
    assert sum(len(lyr.features) for lyr in layers) >= 1
    out = tmp_path / "map.png"
    assert cli(["render", str(path), "--out", str(out), "--size", "160x120", "--repeat", "1"]) == 0
    assert out.stat().st_size > 0
    _asked_nothing(web_server)


def test_vrt_naming_a_url_is_refused_naming_it(tmp_path, web_server):
    vrt = tmp_path / "remote.vrt"
    vrt.write_text(f"""<VRTDataset rasterXSize="2" rasterYSize="2"><VRTRasterBand dataType="Byte" band="1">
<SimpleSource><SourceFilename>/vsicurl/{web_server.url}/a.tif</SourceFilename></SimpleSource>
</VRTRasterBand></VRTDataset>""")
    with pytest.raises(DataError) as exc_info:
        open_path(vrt)
    assert f"/vsicurl/{web_server.url}/a.tif" in exc_info.value.message
    assert "network address" in exc_info.value.message
    _asked_nothing(web_server)


def test_project_entry_with_a_vsicurl_source_is_refused_with_a_message(tmp_path, web_server):
    good = _geojson_with_crs_link(tmp_path / "ok.geojson", web_server.url)
    remote = f"/vsicurl/{web_server.url}/roads.geojson"
    project = Project(layers=[LayerEntry(source=remote, name="道路"), LayerEntry(source=good.name, name="点")],
                      path=tmp_path / "p.ecomap")
    asked = []
    (_, bad_layer, error), (_, layer, ok) = open_project_entries(project, on_missing=asked.append)
    assert bad_layer is None and remote in error and "not a local file" in error
    assert asked == []  # a URL is not a missing file to locate
    assert layer is not None and ok is None  # the project's other layers still open
    _asked_nothing(web_server)
