import ecomap.services  # noqa: F401 - registers the domain catalogue as core's theme knowledge (ecomap.core.themes)
