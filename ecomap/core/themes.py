"""What core knows about thematic layers: only what the layer above it registered.

Default styles, Chinese field names, name fields and recognising a layer's theme all
come from the domain catalogue (:mod:`ecomap.domain.catalogue`), which sits above core.
So core asks a :class:`ThemeCatalogue` registered with :func:`set_theme_catalogue`.
:mod:`ecomap.services` registers the domain's when it is imported, and every package
above services (``ecomap.cli``, ``ecomap.gui``, ``ecomap.app``) imports ``ecomap.services``
in its ``__init__``, so their code always sees the domain's themes. Core used on its own
knows no theme: layers get plain styles and their own field names.

A theme object needs ``id``, ``title_zh``, ``title_en``, ``fields`` (each with ``name``,
``alias`` and ``match_keys()``) and ``role_field(role)``, as
:class:`ecomap.domain.schema.Theme` has.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Protocol


class ThemeCatalogue(Protocol):
    """The theme knowledge core uses (the domain catalogue's functions, by these names)."""

    def get_theme(self, theme_id: str):
        """The theme with this id; KeyError when there is none."""

    def match_theme(self, columns: Iterable, layer_name: str = "", geometry_type=None) -> tuple:
        """(theme or None, {source column: canonical field}, unmapped columns) of a layer."""

    def default_style(self, theme_id: str) -> dict | None:
        """The theme's default style as a dict (None for attribute tables); KeyError when unknown."""

    def normalize_key(self, name) -> str:
        """Comparison key of a field or layer name (case, width and separators folded)."""


class NoThemes:
    """The catalogue core has when none was registered: knows no theme."""

    def get_theme(self, theme_id: str):
        raise KeyError(f"unknown theme {theme_id!r}")

    def match_theme(self, columns: Iterable, layer_name: str = "", geometry_type=None) -> tuple:
        return None, {}, list(columns)

    def default_style(self, theme_id: str) -> dict | None:
        raise KeyError(f"unknown theme {theme_id!r}")

    def normalize_key(self, name) -> str:
        return unicodedata.normalize("NFKC", str(name)).casefold().strip()


NO_THEMES = NoThemes()
_catalogue: ThemeCatalogue = NO_THEMES


def set_theme_catalogue(catalogue: ThemeCatalogue | None) -> ThemeCatalogue:
    """Make ``catalogue`` the one core asks (None: no themes); returns the one it replaces."""
    global _catalogue
    previous = _catalogue
    _catalogue = catalogue if catalogue is not None else NO_THEMES
    return previous


def theme_catalogue() -> ThemeCatalogue:
    return _catalogue


def find_theme(theme_id: str | None):
    """The registered catalogue's theme ``theme_id``, or None (no id, or unknown)."""
    if not theme_id:
        return None
    try:
        return _catalogue.get_theme(theme_id)
    except KeyError:
        return None
