"""Core's theme knowledge is what the layer above registered: styles, aliases, name fields, recognition."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pytest
import shapely

from ecomap.core.default_styles import apply_theme_aliases, default_style_for, detect_theme
from ecomap.core.layers import DataSource, VectorLayer
from ecomap.core.layout.naming import guess_name_field
from ecomap.core.themes import NO_THEMES, set_theme_catalogue, theme_catalogue
from ecomap.core.workspace import describe_layer

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Field:
    name: str
    alias: str

    def match_keys(self):
        return ((self.name.lower(), 0), (self.alias, 1))


@dataclass
class Theme:
    id: str = "wells"
    title_zh: str = "水井"
    title_en: str = "Wells"
    fields: list = field(default_factory=lambda: [Field("JMC", "井名"), Field("JSD", "井深")])

    def role_field(self, role):
        return "JMC" if role == "name" else None


class Wells:
    """A catalogue that knows one theme, recognised by its JMC column."""

    theme = Theme()

    def get_theme(self, theme_id):
        if theme_id != "wells":
            raise KeyError(theme_id)
        return self.theme

    def match_theme(self, columns, layer_name="", geometry_type=None):
        columns = list(columns)
        if "JMC" in columns:
            return self.theme, {"JMC": "JMC"}, [c for c in columns if c != "JMC"]
        return None, {}, columns

    def default_style(self, theme_id):
        self.get_theme(theme_id)
        return {"type": "single", "symbol": {"fill": "#0000ffff", "marker": "square", "size": 3.0}}

    def normalize_key(self, name):
        return str(name).lower()


@pytest.fixture
def catalogue():
    def use(new):
        set_theme_catalogue(new)

    previous = theme_catalogue()
    yield use
    set_theme_catalogue(previous)


def wells_layer():
    frame = gpd.GeoDataFrame({"NAME": ["1号"], "JMC": ["东井"], "JSD": [30.0]}, geometry=[shapely.Point(0, 0)],
                             crs=4527)
    return VectorLayer("wells", frame, DataSource(Path("wells.gpkg")))


def test_the_registered_catalogue_styles_names_and_recognises(catalogue):
    catalogue(Wells())
    layer = wells_layer()
    assert default_style_for(layer, "wells").symbol.fill == "#0000ffff"
    assert detect_theme(layer) == ("wells", {"JMC": "井名"})
    apply_theme_aliases(layer, "wells")
    assert layer.field_aliases == {"JMC": "井名", "JSD": "井深"}
    assert guess_name_field(layer, "wells") == "JMC"
    wl = describe_layer(layer)
    assert wl.theme_id == "wells" and wl.column("name") == "JMC" and wl.matches("水井")


def test_without_a_catalogue_core_knows_no_theme(catalogue):
    catalogue(NO_THEMES)
    layer = wells_layer()
    assert default_style_for(layer, "wells").symbol.marker == "circle"  # a plain point style
    assert detect_theme(layer) == (None, {})
    apply_theme_aliases(layer, "wells")
    assert layer.field_aliases == {}
    assert guess_name_field(layer, "wells") == "NAME"  # a usual name field
    assert describe_layer(layer).theme is None


def _catalogue_after(statement: str) -> str:
    code = f"{statement}; from ecomap.core.themes import theme_catalogue; print(type(theme_catalogue()).__name__)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_core_alone_imports_no_domain_and_every_entry_package_registers_it():
    assert _catalogue_after("import sys, ecomap.core.default_styles, ecomap.core.workspace, "
                            "ecomap.core.layout.naming, ecomap.core.project_bridge; "
                            "assert not [m for m in sys.modules if m.startswith(('ecomap.domain', 'ecomap.io'))]"
                            ) == "NoThemes"
    for package in ("ecomap.cli", "ecomap.gui", "ecomap.app"):
        assert _catalogue_after(f"import {package}") == "DomainThemes", package
