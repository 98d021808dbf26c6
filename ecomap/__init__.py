"""EcoMap — a desktop GIS for county natural-resources and ecology-environment offices."""

__version__ = "0.1.0"
