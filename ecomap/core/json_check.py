"""Check JSON-shaped data against a schema written as data, and set aside what does not fit.

A hand-edited or hostile file must never reach code that assumes its types, yet one bad
value must not cost the user the whole file. :func:`check` walks the value and the
schema together and returns a cleaned copy plus one :class:`Note` per problem, each
naming the offending key as a JSON path (``layers[3].style.opacity``). What does not
fit is *set aside*: an optional key is dropped (its default applies), a list item is
left out, and a problem in a required key sets aside the smallest object around it
that may be left out. ``strict=True`` raises :class:`ecomap.errors.DataError` on the
first problem instead (styles built in code or shipped in resources are never wrong).

The schema vocabulary is a small subset of JSON Schema's, plus what JSON Schema cannot
say (finite numbers, formats that are functions, a tagged union):

``type``          "object" | "array" | "string" | "number" | "integer" | "boolean" |
                  "null" | "json", or a list of them (``["string", "null"]``);
                  "json" is any JSON value nested at most ``maxDepth`` levels
``enum``          the allowed values
``minimum`` / ``maximum`` / ``exclusiveMinimum``   bounds of numbers (always finite)
``minLength`` / ``maxLength``                      of strings (``maxLength`` defaults
                  to :data:`MAX_TEXT`)
``format``        a function ``value -> problem text or None``, run after the type check
``items`` / ``prefixItems`` / ``minItems`` / ``maxItems``   of arrays (``maxItems``
                  defaults to :data:`MAX_ITEMS`)
``atomic``        True: the array or object is one value (a dash pattern, a layout whose
                  keys the checker does not know), so any bad part sets aside all of it
``properties`` / ``required``                      of objects
``additionalProperties``   False (default: unknown keys are dropped with a note), True
                  (kept unchecked as "json") or a schema for every other value
``cases``         with ``discriminator``: the object's schema is ``cases[obj[discriminator]]``

Why not the ``jsonschema`` package: its messages are English and not translatable, it
accepts NaN and Infinity as numbers (Python's ``json`` reads them), and it reports
problems but cannot set them aside — all three are what this module is for.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

from ecomap.errors import DataError
from ecomap.i18n import tr

MAX_TEXT = 10_000  # characters of a string without its own maxLength
MAX_ITEMS = 100_000  # items of a list without its own maxItems
MAX_DEPTH = 32  # nesting of a free-form "json" value without its own maxDepth
_SHOWN = 40  # characters of an offending value quoted in a note


@dataclass(frozen=True)
class Note:
    """One problem: where (JSON path), what is wrong, and what was set aside because of it."""

    where: str
    problem: str
    set_aside: str | None  # JSON path of the part left out; None: the key was only ignored

    def __str__(self) -> str:
        if self.set_aside is None:
            return tr("{where}: {problem}").format(where=self.where, problem=self.problem)
        if self.set_aside == self.where:
            return tr("{where}: {problem} — set aside").format(where=self.where, problem=self.problem)
        return tr("{where}: {problem} — {part} set aside").format(where=self.where, problem=self.problem,
                                                                   part=self.set_aside)


class _Unfit(Exception):
    """A value that does not fit its schema (caught by the nearest part that may be left out)."""

    def __init__(self, where: str, problem: str):
        super().__init__(where, problem)
        self.where = where
        self.problem = problem


class _Strict(Exception):
    pass


def shown(value) -> str:
    """A value as it stands in the file, cut to a length fit for a message."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def key_path(parent: str, key: str) -> str:
    if key.isidentifier():
        return f"{parent}.{key}" if parent else key
    return f"{parent}[{json.dumps(key, ensure_ascii=False)}]"


def check(value, schema: dict, root: str = "", *, strict: bool = False, name: str | None = None):
    """(cleaned value, [Note]) of ``value`` against ``schema``; ``root`` starts the JSON paths.

    A value that does not fit at the root raises DataError (nothing is left to use), as
    does any problem when ``strict``. ``name`` is the file or thing named in that error.
    """
    checker = _Checker(strict)
    try:
        out = checker.value(value, schema, root)
    except _Unfit as exc:
        raise DataError(name, str(Note(exc.where, exc.problem, None))) from None
    except _Strict:
        first = checker.notes[0]
        raise DataError(name, str(Note(first.where, first.problem, None))) from None
    return out, checker.notes


def is_number(value) -> bool:
    """A finite JSON number (not a boolean, not NaN or Infinity)."""
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and math.isfinite(value))


class _Checker:
    def __init__(self, strict: bool):
        self.strict = strict
        self.notes: list[Note] = []

    def note(self, where: str, problem: str, set_aside: str | None) -> None:
        if self.strict and set_aside is None:
            return  # an unknown key: ignored, as readers of this vocabulary always did
        self.notes.append(Note(where, problem, set_aside))
        if self.strict:
            raise _Strict()

    # ------------------------------------------------------------------ dispatch

    def value(self, value, schema: dict, where: str):
        types = schema.get("type", "json")
        types = [types] if isinstance(types, str) else list(types)
        if value is None and "null" in types:
            return None
        if "enum" in schema and value not in schema["enum"]:
            choices = ", ".join(shown(v) for v in schema["enum"])
            raise _Unfit(where, tr("{value} is not one of {choices}").format(value=shown(value), choices=choices))
        kind = _kind_of(value, types)
        if kind is None:
            raise _Unfit(where, _type_problem(value, schema, [t for t in types if t != "null"]))
        if kind == "number" or kind == "integer":
            self.number(value, schema, where, kind)
        elif kind == "string":
            self.string(value, schema, where)
        elif kind == "array":
            value = self.array(value, schema, where)
        elif kind == "object":
            value = self.object(value, schema, where)
        elif kind == "json":
            self.json(value, schema.get("maxDepth", MAX_DEPTH), where)
        fmt = schema.get("format")
        if fmt is not None:
            problem = fmt(value)
            if problem:
                raise _Unfit(where, problem)
        return value

    # ------------------------------------------------------------------ scalars

    def number(self, value, schema: dict, where: str, kind: str) -> None:
        lo, hi = schema.get("minimum"), schema.get("maximum")
        above = schema.get("exclusiveMinimum")
        if ((lo is not None and value < lo) or (hi is not None and value > hi)
                or (above is not None and value <= above)):
            raise _Unfit(where, _type_problem(value, schema, [kind]))

    def string(self, value: str, schema: dict, where: str) -> None:
        if len(value) < schema.get("minLength", 0):
            raise _Unfit(where, tr("empty text") if not value else
                         tr("{value} is too short").format(value=shown(value)))
        limit = schema.get("maxLength", MAX_TEXT)
        if len(value) > limit:
            raise _Unfit(where, tr("text longer than {n} characters").format(n=limit))

    def json(self, value, depth: int, where: str) -> None:
        """Free-form JSON: bounded nesting, finite numbers (iteratively: no recursion limit)."""
        stack = [(value, 0)]
        seen = 0
        while stack:
            item, level = stack.pop()
            seen += 1
            if seen > MAX_ITEMS:
                raise _Unfit(where, tr("more than {n} values").format(n=MAX_ITEMS))
            if isinstance(item, float) and not math.isfinite(item):
                raise _Unfit(where, tr("{value} is not a number").format(value=shown(item)))
            if isinstance(item, (dict, list)):
                if level >= depth:
                    raise _Unfit(where, tr("nested deeper than {n} levels").format(n=depth))
                children = item.values() if isinstance(item, dict) else item
                stack.extend((child, level + 1) for child in children)
            elif isinstance(item, str) and len(item) > MAX_TEXT:
                raise _Unfit(where, tr("text longer than {n} characters").format(n=MAX_TEXT))

    # ------------------------------------------------------------------ containers

    def array(self, value: list, schema: dict, where: str) -> list:
        n = len(value)
        fixed = schema.get("prefixItems")
        if fixed is not None:
            if n != len(fixed):
                raise _Unfit(where, tr("{n} items where {k} are expected").format(n=n, k=len(fixed)))
            return [self.value(v, s, f"{where}[{i}]") for i, (v, s) in enumerate(zip(value, fixed, strict=True))]
        limit = schema.get("maxItems", MAX_ITEMS)
        if n > limit:
            raise _Unfit(where, tr("{n} items, more than {limit}").format(n=n, limit=limit))
        items = schema.get("items", {"type": "json"})
        atomic = schema.get("atomic", False)
        out = []
        for i, v in enumerate(value):
            at = f"{where}[{i}]"
            try:
                out.append(self.value(v, items, at))
            except _Unfit as exc:
                if atomic:
                    raise
                self.note(exc.where, exc.problem, at)
        if len(out) < schema.get("minItems", 0):
            raise _Unfit(where, tr("{n} items, fewer than {k}").format(n=len(out), k=schema["minItems"]))
        return out

    def object(self, value: dict, schema: dict, where: str) -> dict:
        tag = schema.get("discriminator")
        if tag is not None:
            cases = schema["cases"]
            at = key_path(where, tag)
            if tag not in value:
                raise _Unfit(at, tr("missing"))
            if not isinstance(value[tag], str) or value[tag] not in cases:
                choices = ", ".join(shown(v) for v in cases)
                raise _Unfit(at, tr("{value} is not one of {choices}").format(value=shown(value[tag]),
                                                                              choices=choices))
            schema = cases[value[tag]]
        props = schema.get("properties", {})
        required = schema.get("required", ())
        extra = schema.get("additionalProperties", False)
        out = {}
        for key, v in value.items():
            at = key_path(where, key)
            sub = props.get(key)
            if sub is None:
                if extra is False:
                    self.note(at, tr("unknown key, ignored"), None)
                    continue
                sub = {"type": "json"} if extra is True else extra
            try:
                out[key] = self.value(v, sub, at)
            except _Unfit as exc:
                if key in required or schema.get("atomic", False):
                    raise
                self.note(exc.where, exc.problem, at)
        for key in required:
            if key not in value:
                raise _Unfit(key_path(where, key), tr("missing"))
        return out


def _kind_of(value, types: list[str]) -> str | None:
    """Which of ``types`` the value is, or None."""
    if isinstance(value, bool):
        return "boolean" if "boolean" in types else _json(types)
    if isinstance(value, int):  # Python ints are exact and finite, however long
        return "integer" if "integer" in types else ("number" if "number" in types else _json(types))
    if isinstance(value, float) and "number" in types:
        return "number" if math.isfinite(value) else None
    for kind, py in (("string", str), ("array", list), ("object", dict)):
        if isinstance(value, py) and kind in types:
            return kind
    return _json(types)


def _json(types: list[str]) -> str | None:
    return "json" if "json" in types else None


def _type_problem(value, schema: dict, types: list[str]) -> str:
    v = shown(value)
    kind = types[0] if types else "json"
    if kind in ("number", "integer"):
        lo = schema.get("minimum")
        hi = schema.get("maximum")
        above = schema.get("exclusiveMinimum")
        whole = kind == "integer"
        if lo is not None and hi is not None:
            text = tr("{value} is not a whole number between {lo} and {hi}") if whole else \
                tr("{value} is not a number between {lo} and {hi}")
            return text.format(value=v, lo=_num(lo), hi=_num(hi))
        if above is not None and hi is not None:
            text = tr("{value} is not a number above {lo} and at most {hi}")
            return text.format(value=v, lo=_num(above), hi=_num(hi))
        if lo is not None:
            text = tr("{value} is not a whole number of at least {lo}") if whole else \
                tr("{value} is not a number of at least {lo}")
            return text.format(value=v, lo=_num(lo))
        if above is not None:
            return tr("{value} is not a number above {lo}").format(value=v, lo=_num(above))
        return (tr("{value} is not a whole number") if whole else tr("{value} is not a number")).format(value=v)
    if kind == "string":
        return tr("{value} is not text").format(value=v)
    if kind == "boolean":
        return tr("{value} is not true or false").format(value=v)
    if kind == "array":
        return tr("{value} is not a list").format(value=v)
    if kind == "object":
        return tr("{value} is not a JSON object").format(value=v)
    return tr("{value} is not allowed here").format(value=v)


def _num(x) -> str:
    return f"{x:g}" if isinstance(x, float) else str(x)
