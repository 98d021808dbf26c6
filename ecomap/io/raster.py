"""Rasters: GeoTIFF and the other raster formats of the registry, as RasterLayers.

Each file is opened only by the GDAL driver its extension allows (the registry's
``driver``): GDAL otherwise picks one by the content, and a ".tif" holding a VRT
or a web map service description would be followed wherever it points. A VRT's
sources have been checked by the registry before (:mod:`ecomap.io.linked_sources`).
"""

from __future__ import annotations

from pathlib import Path

import rasterio
from rasterio.errors import RasterioError, RasterioIOError

from ecomap.core.layers import DataSource
from ecomap.core.raster import RasterLayer
from ecomap.errors import DataError
from ecomap.i18n import tr
from ecomap.io.crs_detect import resolve_crs


def read(path: Path) -> list[RasterLayer]:
    from ecomap.io.registry import format_of

    fmt = format_of(path)
    try:
        with rasterio.open(path, driver=fmt.driver if fmt is not None else None) as ds:
            bounds = tuple(float(v) for v in ds.bounds)
            declared = None
            if ds.crs is not None:
                from pyproj import CRS

                declared = CRS.from_wkt(ds.crs.to_wkt())
            # a declared CRS is identified as it is: a raster's grid cannot be swapped or wrapped
            crs_info = resolve_crs(declared, bounds if declared is None else None)
            layer = RasterLayer(
                name=path.stem, source=DataSource(path), crs_info=crs_info,
                width=ds.width, height=ds.height, band_count=ds.count, dtype=str(ds.dtypes[0]),
                nodata=ds.nodata, bounds=bounds, overview_factors=list(ds.overviews(1)) if ds.count else [],
            )
    except RasterioIOError as exc:
        if "not recognized as" in str(exc) or "not a supported" in str(exc):
            raise DataError(path, tr("not a raster image that GDAL can read")) from None
        raise DataError(path, tr("cannot read the raster ({detail})").format(
            detail=str(exc).splitlines()[0])) from None
    except RasterioError as exc:
        raise DataError(path, tr("cannot read the raster ({detail})").format(
            detail=str(exc).splitlines()[0])) from None
    if crs_info.is_assumed:
        layer.notes.append(tr("the file declares no coordinate system; assumed EPSG:{epsg} because {reason}")
                           .format(epsg=crs_info.assumed_epsg, reason=crs_info.reason))
    return [layer]
