"""Field and theme descriptions for the thematic layer catalogue.

A :class:`Theme` is one kind of thematic layer (red lines, subsidence areas, water
sections …): its geometry, its fields in the canonical order of the sample data and
what each field *means* (a role key such as ``"code"`` or ``"depth_max"``), so that
analyses ask for ``theme.role_field("depth_max")`` instead of a hard-coded name.

Real data arrives with other field names (红线编码 / HXBM / LHDM …), so every field
lists its known variants; :func:`normalize_key` folds case, width, punctuation and
unit suffixes before comparing, and DBF-truncated forms of the names are generated
automatically (a shapefile keeps only 10 bytes, i.e. five GBK characters).

No Qt here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ecomap.i18n import language

#: Field value types: ISO text for dates ('YYYY-MM-DD').
FIELD_TYPES = ("str", "int", "float", "date")
GEOMETRY_TYPES = ("Point", "LineString", "Polygon", None)

_BRACKETED = re.compile(r"[\(（\[【<《][^\)）\]】>》]*[\)）\]】>》]")
_PUNCT = re.compile(r"[\s_\-\.·:：/\\%％,，、'\"`]+")
_DBF_NAME_BYTES = 10


def normalize_key(name) -> str:
    """Comparison key of a field or layer name.

    NFKC (full width → half width, ₅ → 5), case-folded, bracketed unit suffixes such as
    "(hm²)" or "（万元）" dropped, separators removed: "NH3-N" → "nh3n",
    "修复面积（公顷）" → "修复面积".
    """
    s = unicodedata.normalize("NFKC", str(name)).casefold().strip()
    stripped = _BRACKETED.sub("", s)
    s = stripped if stripped.strip() else s
    return _PUNCT.sub("", s)


def dbf_truncations(name: str) -> tuple[str, ...]:
    """The forms a name takes when a shapefile cuts it to 10 bytes (GBK or UTF-8)."""
    out = []
    for encoding in ("gbk", "utf-8"):
        try:
            raw = name.encode(encoding)
        except UnicodeEncodeError:
            continue
        if len(raw) > _DBF_NAME_BYTES:
            cut = raw[:_DBF_NAME_BYTES].decode(encoding, errors="ignore")
            if cut and cut not in out and len(cut) >= 2:
                out.append(cut)
    return tuple(out)


@dataclass(frozen=True)
class Field:
    """One attribute of a theme.

    ``name`` is the canonical (pinyin-abbreviation) name used by the sample data;
    ``alias`` the Chinese alias shown as the column title; ``alias_en`` its English
    gloss; ``role`` what analyses look it up by; ``values`` the allowed values of an
    enumerated field; ``variants`` other names seen in real data; ``unit`` e.g. "hm²".
    ``computed`` fields are not stored in the data (e.g. a water class joined in by an
    analysis) but styles may refer to them.
    """

    name: str
    alias: str
    alias_en: str
    type: str = "str"
    role: str | None = None
    values: tuple | None = None
    variants: tuple[str, ...] = ()
    unit: str | None = None
    nullable: bool = True
    computed: bool = False

    def __post_init__(self):
        if self.type not in FIELD_TYPES:
            raise ValueError(f"field {self.name}: unknown type {self.type!r}")

    def match_keys(self) -> tuple[tuple[str, int], ...]:
        """(normalized key, priority) pairs: 0 canonical name, 1 aliases, 2 variants, 3 truncations."""
        seen: dict[str, int] = {}

        def add(text: str, prio: int) -> None:
            key = normalize_key(text)
            if key and key not in seen:
                seen[key] = prio

        add(self.name, 0)
        add(self.alias, 1)
        add(self.alias_en, 1)
        for v in self.variants:
            add(v, 2)
        for text in (self.alias, *self.variants):
            for cut in dbf_truncations(text):
                add(cut, 3)
        return tuple(seen.items())

    @property
    def label(self) -> str:
        """Column title in the user's language (the Chinese alias unless the UI is English)."""
        return self.alias_en if language() == "en" else self.alias

    def to_json(self) -> dict:
        return {"name": self.name, "alias": self.alias, "alias_en": self.alias_en, "type": self.type,
                "role": self.role, "values": list(self.values) if self.values else None,
                "variants": list(self.variants), "unit": self.unit, "computed": self.computed}


@dataclass(frozen=True)
class Theme:
    """A kind of thematic layer: identity, geometry, schema and recognisable names."""

    id: str
    title_zh: str
    title_en: str
    geometry: str | None  # "Point" | "LineString" | "Polygon" | None (attribute table)
    fields: tuple[Field, ...]
    #: words that identify the theme in a layer or file name (any case, any language)
    layer_names: tuple[str, ...] = ()
    description: str = ""
    _by_name: dict = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self):
        if self.geometry not in GEOMETRY_TYPES:
            raise ValueError(f"theme {self.id}: unknown geometry {self.geometry!r}")
        names = [f.name for f in self.fields]
        if len(set(names)) != len(names):
            raise ValueError(f"theme {self.id}: duplicate field names")
        roles = [f.role for f in self.fields if f.role]
        if len(set(roles)) != len(roles):
            raise ValueError(f"theme {self.id}: duplicate roles")
        object.__setattr__(self, "_by_name", {f.name: f for f in self.fields})

    def __repr__(self) -> str:
        return f"Theme({self.id!r})"

    @property
    def title(self) -> str:
        """Title in the user's language. The catalogue carries both languages itself
        (like field aliases, they are data), so no ``tr`` catalogue entry is needed."""
        return self.title_en if language() == "en" else self.title_zh

    @property
    def is_table(self) -> bool:
        return self.geometry is None

    @property
    def stored_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if not f.computed)

    @property
    def field_names(self) -> tuple[str, ...]:
        """Names of the stored fields, in canonical order."""
        return tuple(f.name for f in self.stored_fields)

    def field(self, name: str) -> Field | None:
        return self._by_name.get(name)

    def role_field(self, role: str) -> str | None:
        """Canonical name of the field with this role, or None."""
        for f in self.fields:
            if f.role == role:
                return f.name
        return None

    @property
    def roles(self) -> dict[str, str]:
        return {f.role: f.name for f in self.fields if f.role}

    def aliases(self) -> dict[str, str]:
        """Canonical name → Chinese alias (what a VectorLayer's ``field_aliases`` wants)."""
        return {f.name: f.alias for f in self.fields}

    def to_json(self) -> dict:
        return {"id": self.id, "title_zh": self.title_zh, "title_en": self.title_en,
                "geometry": self.geometry, "fields": [f.to_json() for f in self.fields],
                "layer_names": list(self.layer_names)}
