"""Project files are checked against the schema on load: bad entries are set aside and named, never a crash."""

from __future__ import annotations

import copy
import dataclasses
import json
import math
import random
import re
from pathlib import Path

import pytest

from ecomap.core import project as project_module
from ecomap.core.project import LayerEntry, Project, load_project
from ecomap.core.project_schema import LAYER_SCHEMA, MAX_GROUP_DEPTH, PROJECT_SCHEMA
from ecomap.core.style import style_from_dict
from ecomap.errors import DataError

SAMPLE = Path(__file__).parents[2] / "sample_data" / "sample.ecomap"


@pytest.fixture(scope="module")
def sample() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def _layer_index(data: dict, layer_name: str) -> int:
    return next(i for i, e in enumerate(data["layers"]) if e.get("layer") == layer_name)


def _load(tmp_path, data, text: str | None = None) -> Project:
    path = tmp_path / "p.ecomap"
    path.write_text(text if text is not None else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return load_project(path)


def test_the_sample_project_validates_with_nothing_set_aside(sample):
    project = load_project(SAMPLE)
    assert project.notes == []
    assert len(project.layers) == len(sample["layers"])
    assert [e.id for e in project.layers] == [e["id"] for e in sample["layers"]]
    for entry in project.layers:
        style_from_dict(entry.style)


def test_every_field_a_project_saves_is_in_the_schema():
    # a field added to the model but not to the schema would be dropped from every project on load
    assert {f.name for f in dataclasses.fields(LayerEntry)} <= set(LAYER_SCHEMA["properties"])
    saved = Project(title="t", extent=(0.0, 0.0, 1.0, 1.0), group_state={"a": {"visible": False, "expanded": True}},
                    layers=[LayerEntry(source="a.gpkg", layer="x", group="a", theme="redline")]).to_dict()
    assert set(saved) <= set(PROJECT_SCHEMA["properties"])
    assert Project.from_dict(saved).notes == []


def _at(data, index, *keys):
    node = data["layers"][index]
    for k in keys[:-1]:
        node = node[k]
    return node, keys[-1]


# (what to change: layer table, keys inside the layer, bad value), what the note says
BAD_VALUES = [
    ("redlines", ("style", "opacity"), "half", 'style.opacity: "half" is not a number between 0 and 1 — set aside'),
    ("redlines", ("style", "symbol", "stroke_width"), -1, "symbol.stroke_width: -1 is not a number between 0 and 100"),
    ("redlines", ("style", "symbol", "size"), math.nan, "symbol.size: NaN is not a number between 0 and 200"),
    ("redlines", ("style", "symbol", "dash"), [1e9, 1e9], "symbol.dash[0]: 1000000000.0 is not a number above 0"),
    ("redlines", ("style", "symbol", "dash"), [1] * 1000, "symbol.dash: 1000 items, more than 32"),
    ("redlines", ("style", "symbol", "fill"), "notacolor", 'symbol.fill: "notacolor" is not a colour'),
    ("redlines", ("style", "symbol", "hatch"), "zigzag", 'symbol.hatch: "zigzag" is not one of'),
    ("redlines", ("style", "min_scale"), -5, "style.min_scale: -5 is not a number above 0"),
    ("redlines", ("opacity",), 1.5, "opacity: 1.5 is not a number between 0 and 1"),
    ("redlines", ("visible",), "yes", 'visible: "yes" is not true or false'),
    ("mines", ("style", "field"), 12, "style.field: 12 is not text"),
    ("mines", ("style", "categories", 0, "symbol", "opacity"), math.inf, "opacity: Infinity is not a number"),
    ("subsidence", ("style", "classes"), 2.5, "style.classes: 2.5 is not a whole number between 1 and 255"),
    ("subsidence", ("style", "ranges", 0, "upper"), "x", 'ranges[0].upper: "x" is not a number — '),
]


@pytest.mark.parametrize(("table", "keys", "value", "message"), BAD_VALUES)
def test_a_bad_value_is_set_aside_and_named_by_its_json_path(tmp_path, sample, table, keys, value, message):
    data = copy.deepcopy(sample)
    i = _layer_index(data, table)
    node, key = _at(data, i, *keys)
    node[key] = value
    project = _load(tmp_path, data)
    assert len(project.layers) == len(sample["layers"])  # only the value went, not the layer
    (note,) = project.notes
    path = f"layers[{i}]." + ".".join(str(k) for k in keys)
    assert note.startswith(path.replace(".0.", "[0]."))
    assert message in note, note
    assert sample["layers"][i]["name"] in note  # and which layer, in the user's words
    entry = project.layers[i]
    kept = dataclasses.asdict(entry)
    for k in keys:
        kept = kept[k] if isinstance(kept, (dict, list)) and (k in kept if isinstance(kept, dict) else k < len(kept)) \
            else "(gone)"
    assert json.dumps(kept) != json.dumps(value)  # what is there now is a default or the next item
    style_from_dict(entry.style)


def test_a_bad_style_type_drops_the_style_not_the_layer(tmp_path, sample):
    data = copy.deepcopy(sample)
    i = _layer_index(data, "rivers")
    data["layers"][i]["style"]["type"] = "pie"
    project = _load(tmp_path, data)
    assert project.layers[i].style is None and project.layers[i].layer == "rivers"
    assert project.notes[0].startswith(f'layers[{i}].style.type: "pie" is not one of "single"')
    assert project.notes[0].endswith(f"— layers[{i}].style set aside (layer “河流”)")


def test_a_layer_without_a_usable_source_is_set_aside(tmp_path, sample):
    data = copy.deepcopy(sample)
    data["layers"][3]["source"] = 5
    del data["layers"][5]["source"]
    project = _load(tmp_path, data)
    assert len(project.layers) == len(sample["layers"]) - 2
    assert sample["layers"][3]["id"] not in [e.id for e in project.layers]
    assert project.notes[0].startswith("layers[3].source: 5 is not text — layers[3] set aside")
    assert project.notes[1].startswith("layers[5].source: missing — layers[5] set aside")


def test_groups_nested_too_deep_are_set_aside(tmp_path, sample):
    data = copy.deepcopy(sample)
    deep = "/".join(f"g{k}" for k in range(MAX_GROUP_DEPTH + 1))
    data["groups"].append(deep)
    data["layers"][0]["group"] = deep
    project = _load(tmp_path, data)
    assert deep not in project.groups and project.layers[0].group is None
    assert [n.split(":")[0] for n in project.notes] == [f"groups[{len(sample['groups'])}]", "layers[0].group"]


def test_duplicated_layer_ids_get_new_ones(tmp_path, sample):
    data = copy.deepcopy(sample)
    data["layers"][4]["id"] = data["layers"][2]["id"]
    project = _load(tmp_path, data)
    ids = [e.id for e in project.layers]
    assert len(set(ids)) == len(ids) and ids[2] == sample["layers"][2]["id"]
    (note,) = project.notes
    assert note.startswith(f'layers[4].id: "{sample["layers"][2]["id"]}" is the id of another layer')


def test_unknown_keys_are_ignored_with_a_note(tmp_path, sample):
    data = copy.deepcopy(sample)
    data["colour_scheme"] = "dark"
    data["layers"][0]["blink"] = True
    project = _load(tmp_path, data)
    assert len(project.layers) == len(sample["layers"])
    assert project.notes == ["layers[0].blink: unknown key, ignored (layer “离线底图”)",
                             "colour_scheme: unknown key, ignored"]


def test_view_bookmarks_and_layouts_that_do_not_fit(tmp_path, sample):
    data = copy.deepcopy(sample)
    data["extent"] = [0, 0, math.inf, 1]
    data["bookmarks"] = [{"name": "ok", "extent": [0, 0, 1, 1], "crs": "EPSG:4524"},
                         {"name": "flipped", "extent": [1, 0, 0, 1]}, {"extent": [0, 0, 1, 1]}]
    deep: list = []
    for _ in range(100):
        deep = [deep]
    data["layouts"] = [{"name": "deep", "items": deep}, "a layout is an object"]
    data["version"] = "one"
    project = _load(tmp_path, data)
    assert project.extent is None
    assert [b.name for b in project.bookmarks] == ["ok"]
    assert project.layouts == []
    where = [n.split(":")[0] for n in project.notes]
    assert where == ["version", "extent[2]", "bookmarks[1].extent", "bookmarks[2].name", "layouts[0].items",
                     "layouts[1]"]


@pytest.mark.parametrize(("text", "message"), [
    ("", "damaged (line 1"),
    ("{ not json", "damaged (line 1"),
    ("[1, 2]", "not an EcoMap project"),
    ("null", "not an EcoMap project"),
    ('{"format": "ecomap-project", "version": 99}', "newer EcoMap"),
    ('{"format": "ecomap-project", "layers": ' + "[" * 100_000 + "]" * 100_000 + "}", "damaged"),
    ('{"format": "ecomap-project", "title": ' + "9" * 5000 + "}", "damaged"),
])
def test_files_with_nothing_usable_are_one_clear_error(tmp_path, text, message):
    with pytest.raises(DataError, match=re.escape(message)) as info:
        _load(tmp_path, None, text)
    assert info.value.path and info.value.path.endswith("p.ecomap")


def test_a_truncated_project_is_a_clear_error(tmp_path):
    raw = SAMPLE.read_bytes()
    for cut in (1, len(raw) // 3, len(raw) - 3):
        path = tmp_path / "cut.ecomap"
        path.write_bytes(raw[:cut])
        with pytest.raises(DataError, match="damaged"):
            load_project(path)


def test_bytes_that_are_not_utf8_and_a_byte_order_mark(tmp_path):
    path = tmp_path / "p.ecomap"
    path.write_bytes(b'{"format": "ecomap-project", "title": "\xca\xbe\xb7\xb6"}')  # GBK
    with pytest.raises(DataError, match="not an EcoMap project"):
        load_project(path)
    path.write_bytes(b"\xef\xbb\xbf" + SAMPLE.read_bytes())
    assert load_project(path).notes == []


def test_a_huge_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(project_module, "MAX_PROJECT_MB", 0.01)  # 10 KiB; the sample is 36 KiB
    with pytest.raises(DataError, match="larger than 0.01 MB"):
        load_project(SAMPLE)


HOSTILE = ["half", "", "x" * 20_000, -1, 0, 1e308, -1e308, math.nan, math.inf, True, None, [], [[[]]],
           {}, {"type": "pie"}, 10 ** 30, [1] * 50]


def _paths(node):
    """Every (container, key) in a JSON tree."""
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for k, v in items:
        yield node, k
        if isinstance(v, (dict, list)):
            yield from _paths(v)


def test_random_hostile_values_never_crash_and_what_loads_is_usable(tmp_path, sample):
    rng = random.Random(20240607)
    places = list(_paths(sample))
    path = tmp_path / "p.ecomap"
    for _ in range(150):
        data = copy.deepcopy(sample)
        for _ in range(rng.randint(1, 4)):
            container, key = rng.choice(places)
            target = data  # the same place in the copy, found by the path to it in the original
            for k in _locate(sample, container):
                target = target[k]
            target[key] = copy.deepcopy(rng.choice(HOSTILE))
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        try:
            project = load_project(path)
        except DataError:
            continue
        for entry in project.layers:
            if entry.style is not None:
                style_from_dict(entry.style)  # what passed the check is a style the renderer can build
        again = Project.from_dict(project.to_dict())
        assert again.notes == [], again.notes  # and saving it again writes a clean project


def _locate(root, container, prefix=()):
    if root is container:
        return list(prefix)
    items = root.items() if isinstance(root, dict) else enumerate(root)
    for k, v in items:
        if isinstance(v, (dict, list)):
            found = _locate(v, container, (*prefix, k))
            if found is not None:
                return found
    return None
