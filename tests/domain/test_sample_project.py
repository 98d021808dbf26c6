"""The sample project opens every layer and shows the county's key themes at county-wide scale."""

from ecomap.core.project import load_project
from ecomap.resources import sample_path
from ecomap.services.project_open import open_project_layers

KEY_THEMES = ("redlines", "subsidence", "restoration_projects", "mines", "water_sections", "townships")


def test_sample_project_opens_every_layer():
    project = load_project(sample_path("sample.ecomap"))
    pairs = open_project_layers(project)
    assert all(layer is not None for _, layer in pairs)
    assert {entry.id for entry, _ in pairs} >= set(KEY_THEMES)


def test_key_themes_are_visible_when_the_whole_county_is_on_screen():
    # a whole-county view on a laptop screen is about 1:250,000–1:400,000
    project = load_project(sample_path("sample.ecomap"))
    for entry in project.layers:
        if entry.id in KEY_THEMES:
            assert entry.visible, entry.id
            min_scale = (entry.style or {}).get("min_scale")
            assert min_scale is None or min_scale >= 400_000, (entry.id, min_scale)
