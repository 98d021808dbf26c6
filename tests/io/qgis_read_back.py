"""Read exported files with QGIS and print what it sees as JSON (run by /usr/bin/python3, not the venv).

Input on stdin: ``{"key": {"uri": ..., "provider": "ogr" | "delimitedtext"}, ...}``.
Output: ``{"key": {"layers": [...]} | {"error": ...}}`` where each layer lists its name,
feature count, CRS authid, whether it has Z/M, field names, and every feature's
attributes (as text) with its first vertex. An OGR source with several layers (a KML
with one folder per category) is opened layer by layer, as QGIS's data source manager
offers them.
"""

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import QgsApplication, QgsDataProvider, QgsVectorLayer, QgsWkbTypes


def first_vertex(feature):
    geometry = feature.geometry()
    if geometry is None or geometry.isEmpty():
        return None
    vertex = next(iter(geometry.vertices()))
    return [vertex.x(), vertex.y(), vertex.z() if vertex.is3D() else None, vertex.m() if vertex.isMeasure() else None]


def describe(layer):
    fields = [f.name() for f in layer.fields()]
    features = []
    for feature in layer.getFeatures():
        values = {}
        for name, value in zip(fields, feature.attributes()):
            values[name] = None if value is None or (hasattr(value, "isNull") and value.isNull()) else str(value)
        features.append({"attributes": values, "first": first_vertex(feature)})
    wkb = layer.wkbType()
    return {"name": layer.name(), "count": layer.featureCount(), "authid": layer.crs().authid(),
            "has_z": QgsWkbTypes.hasZ(wkb), "has_m": QgsWkbTypes.hasM(wkb), "fields": fields,
            "features": features}


def read(uri, provider):
    layer = QgsVectorLayer(uri, "probe", provider)
    if not layer.isValid():
        return {"error": "QGIS cannot open " + uri}
    if provider != "ogr":
        return {"layers": [describe(layer)]}
    names = [entry.split(QgsDataProvider.SUBLAYER_SEPARATOR)[1] for entry in layer.dataProvider().subLayers()]
    if len(names) <= 1:
        return {"layers": [describe(layer)]}
    layers = []
    for name in names:
        sub = QgsVectorLayer(uri + "|layername=" + name, name, "ogr")
        layers.append(describe(sub) if sub.isValid() else {"name": name, "error": "invalid"})
    return {"layers": layers}


def main():
    requests = json.load(sys.stdin)
    app = QgsApplication([], False)
    app.setPrefixPath("/usr", True)
    app.initQgis()
    out = {key: read(spec["uri"], spec.get("provider", "ogr")) for key, spec in requests.items()}
    sys.stdout.write(json.dumps(out, ensure_ascii=False))
    sys.stdout.flush()
    os._exit(0)  # exitQgis() after headless use can crash on some builds; the answer is out


if __name__ == "__main__":
    main()
