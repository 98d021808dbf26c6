"""File formats: readers, writers, encoding and CRS detection.

GDAL is configured to read local files only (:mod:`ecomap.io.gdal_config`) here, before
any reader module imports pyogrio or rasterio.
"""

from ecomap.io import gdal_config as _gdal_config

_gdal_config.apply()
