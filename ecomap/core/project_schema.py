"""What a project file (``.ecomap``) may contain, as data, and the check run on every load.

:data:`PROJECT_SCHEMA` lists each key with its type and range; styles follow
:data:`ecomap.core.style.STYLE_SCHEMA`, the one style vocabulary. :func:`validate_project`
returns the project with whatever does not fit *set aside* (see
:mod:`ecomap.core.json_check`: a bad optional value falls back to its default, a bad
layer, bookmark or group is left out) and a note for each, so that a hand-edited or
damaged project still opens with everything usable in it, and says what it left out.

Unknown keys are ignored with a note: a project is saved again from the model, which
keeps only what it understands, so keeping them would be a promise the next save breaks.
"""

from __future__ import annotations

import re
import uuid

from ecomap.core.json_check import Note, check, shown
from ecomap.core.style import STYLE_SCHEMA
from ecomap.i18n import tr

MAX_LAYERS = 10_000
MAX_GROUPS = 10_000
MAX_BOOKMARKS = 10_000
MAX_LAYOUTS = 1_000
MAX_GROUP_DEPTH = 16  # "a/b/c": three levels
MAX_PATH = 4_096  # characters of a data source path
MAX_NAME = 1_000  # characters of a title, a layer or group name


def _group_problem(path: str) -> str | None:
    depth = len([p for p in path.split("/") if p])
    if depth > MAX_GROUP_DEPTH:
        return tr("groups nested deeper than {n} levels").format(n=MAX_GROUP_DEPTH)
    return None


def _extent_problem(ext: list) -> str | None:
    if ext[0] < ext[2] and ext[1] < ext[3]:
        return None
    return tr("{value} is not an extent (xmin < xmax, ymin < ymax)").format(value=shown(ext))


_NAME = {"type": "string", "maxLength": MAX_NAME}
_GROUP = {"type": "string", "maxLength": MAX_NAME * MAX_GROUP_DEPTH, "format": _group_problem}
_EXTENT = {"type": "array", "prefixItems": [{"type": "number"}] * 4, "format": _extent_problem}

LAYER_SCHEMA = {"type": "object", "required": ["source"], "properties": {
    "source": {"type": "string", "minLength": 1, "maxLength": MAX_PATH},
    "layer": {"type": ["string", "null"], "maxLength": MAX_NAME},
    "name": _NAME,
    "style": {**STYLE_SCHEMA, "type": ["object", "null"]},
    "visible": {"type": "boolean"},
    "opacity": {"type": "number", "minimum": 0, "maximum": 1},
    "group": {**_GROUP, "type": ["string", "null"]},
    "theme": {"type": ["string", "null"], "maxLength": 200},
    "id": {"type": "string", "minLength": 1, "maxLength": 200},
    "repair_geometry": {"type": "boolean"},
}}

BOOKMARK_SCHEMA = {"type": "object", "required": ["name", "extent"], "properties": {
    "name": _NAME, "extent": _EXTENT, "crs": {"type": "string", "maxLength": MAX_NAME}}}

PROJECT_SCHEMA = {"type": "object", "properties": {
    "format": {"type": "string"},
    "version": {"type": "integer", "minimum": 0},
    "title": _NAME,
    "crs": {"type": ["string", "null"], "maxLength": 20_000},  # WKT may be long
    "extent": {**_EXTENT, "type": ["array", "null"]},
    "groups": {"type": "array", "maxItems": MAX_GROUPS, "items": _GROUP},
    "layers": {"type": "array", "maxItems": MAX_LAYERS, "items": LAYER_SCHEMA},
    "bookmarks": {"type": "array", "maxItems": MAX_BOOKMARKS, "items": BOOKMARK_SCHEMA},
    # the layout model reads its own keys; here only its shape is bounded
    "layouts": {"type": "array", "maxItems": MAX_LAYOUTS,
                "items": {"type": "object", "additionalProperties": True, "atomic": True}},
    "group_state": {"type": "object", "additionalProperties": {
        "type": "object", "properties": {"visible": {"type": "boolean"}, "expanded": {"type": "boolean"}}}},
}}


def validate_project(data: dict, name: str | None = None) -> tuple[dict, list[str]]:
    """(the project's dictionary with what does not fit set aside, one note per problem).

    Layer ids must be unique (the tree and the layouts refer to layers by id): a repeated
    id is replaced by a new one. ``name`` (the file) is named if nothing usable is left.
    """
    clean, notes = check(data, PROJECT_SCHEMA, name=name)
    texts = [_with_layer_name(n, data) for n in notes]
    seen: set[str] = set()
    for i, layer in enumerate(clean.get("layers", [])):
        lid = layer.get("id")
        if lid is None:
            continue
        if lid in seen:
            layer["id"] = uuid.uuid4().hex[:12]
            note = Note(f"layers[{i}].id", tr("{value} is the id of another layer; a new id was given")
                        .format(value=shown(lid)), None)
            texts.append(_with_layer_name(note, data))
        seen.add(lid)
    return clean, texts


_LAYER_INDEX = re.compile(r"^layers\[(\d+)\]")


def _with_layer_name(note: Note, data: dict) -> str:
    """The note, with the name of the layer it is about (a JSON path alone means little to a user)."""
    m = _LAYER_INDEX.match(note.where)
    layers = data.get("layers")
    if m and isinstance(layers, list) and int(m.group(1)) < len(layers):
        entry = layers[int(m.group(1))]
        label = entry.get("name") if isinstance(entry, dict) else None
        if isinstance(label, str) and label and len(label) <= MAX_NAME:
            return tr("{note} (layer “{name}”)").format(note=str(note), name=label)
    return str(note)
