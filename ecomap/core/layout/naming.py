"""Which field names a feature, and a feature name made safe as a file name.

Qt-free: used by the atlas (page names, file names) and by the data exports (KML
placemark names, parcel names).
"""

from __future__ import annotations

import re

from ecomap.core.themes import find_theme

#: fields that usually name a feature, in order of preference (when no catalogue theme says)
NAME_FIELDS = ("XZQMC", "XZMC", "MC", "NAME", "name", "名称", "XMMC", "HXMC", "HXMM", "DMMC", "CM", "DKMC",
               "地块名称", "项目名称", "乡镇名称", "Name")
_UNSAFE = re.compile(r'[\\/:*?"<>|\r\n\t]+')


def guess_name_field(layer, theme: str | None = None) -> str | None:
    """The column naming each feature: the theme's name field (:mod:`ecomap.core.themes`), else a usual name."""
    columns = list(getattr(layer, "attribute_columns", []) or [])
    found = find_theme(theme)
    if found is not None:
        field = found.role_field("name")
        if field in columns:
            return field
    for name in NAME_FIELDS:
        if name in columns:
            return name
    text = [c for c in columns if getattr(layer.features[c], "dtype", None) == object]
    return text[0] if text else None


def safe_filename(text: str, fallback: str) -> str:
    cleaned = _UNSAFE.sub("_", str(text)).strip(" .")
    return cleaned[:80] or fallback


