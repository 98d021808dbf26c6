"""The domain catalogue as core's theme knowledge (:mod:`ecomap.core.themes`).

Core draws, names and recognises layers through a registered catalogue because it may
not import the domain; this module is that registration. ``ecomap.services`` calls
:func:`install` when it is imported.
"""

from __future__ import annotations

from ecomap.core.themes import set_theme_catalogue
from ecomap.domain import catalogue
from ecomap.domain.schema import normalize_key


class DomainThemes:
    """:class:`ecomap.core.themes.ThemeCatalogue` backed by :mod:`ecomap.domain.catalogue`."""

    def get_theme(self, theme_id: str):
        return catalogue.get_theme(theme_id)

    def match_theme(self, columns, layer_name: str = "", geometry_type=None) -> tuple:
        return catalogue.match_theme(columns, layer_name, geometry_type)

    def default_style(self, theme_id: str) -> dict | None:
        return catalogue.default_style(theme_id)

    def normalize_key(self, name) -> str:
        return normalize_key(name)


DOMAIN_THEMES = DomainThemes()


def install() -> None:
    """Make the domain catalogue the one core asks."""
    set_theme_catalogue(DOMAIN_THEMES)
