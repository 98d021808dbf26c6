"""The sample county (示范县): a deterministic, plausible Loess-plateau coal-mining county.

``generate(outdir)`` writes ``county.gpkg`` (all vector layers, the attribute tables
``water_measurements`` / ``restoration_history`` and a key/value ``metadata`` table)
and the rasters ``dem.tif``, ``ndvi_2019.tif``, ``ndvi_2024.tif``, ``basemap.tif``.
Layer names are English (catalogue theme ids), field names the catalogue's canonical
pinyin abbreviations with the Chinese aliases written to ``gpkg_data_columns``.

Determinism: every random draw comes from a named stream seeded from a constant,
noise is hash-based, and the GeoPackage timestamps are pinned (OGR_CURRENT_DATE), so
a rerun with the same library versions gives the same bytes; across versions the
values stay the same up to floating-point noise of GEOS.

See sample_data/README.md for the stories the analyses are expected to find.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pandas as pd
import pyogrio

from ecomap.domain.catalogue import THEMES, get_theme
from ecomap.domain.sample_county import (
    geography,
    issues,
    mining,
    protection,
    rasters,
    restoration,
    water,
)
from ecomap.domain.sample_county.base import (
    BASE_SEED,
    COUNTY_CODE,
    COUNTY_NAME,
    EPSG,
    GENERATOR_VERSION,
    PROVINCE,
    REFERENCE_DATE,
    County,
)

__all__ = [
    "COUNTY_CODE",
    "COUNTY_NAME",
    "EPSG",
    "GPKG_LAYERS",
    "RASTERS",
    "REFERENCE_DATE",
    "build",
    "generate",
    "write_gpkg",
]

#: Layers of county.gpkg in the order they are written.
GPKG_LAYERS: tuple[str, ...] = (
    "county", "townships", "villages", "roads", "rivers", "lakes", "redlines", "subsidence", "grazing_zones",
    "breeding_ban_zones", "farms", "water_sections", "water_measurements", "drinking_water_zones", "mines",
    "mine_areas", "tailings_ponds", "restoration_projects", "restoration_history", "rectification_items",
)
RASTERS: tuple[str, ...] = ("dem.tif", "ndvi_2019.tif", "ndvi_2024.tif", "basemap.tif")
_PINNED_DATE = f"{REFERENCE_DATE}T00:00:00Z"


def build() -> County:
    """Build every vector layer in memory (order matters: later stages use earlier ones)."""
    ctx = County()
    geography.build_admin(ctx)
    geography.build_water(ctx)
    mining.build_coalfield(ctx)
    geography.build_villages(ctx)
    geography.build_roads(ctx)
    mining.build_mines(ctx)
    protection.build_redlines(ctx)
    protection.build_drinking_water(ctx)
    protection.build_ban_zones(ctx)
    protection.build_farms(ctx)
    protection.build_grazing(ctx)
    mining.build_subsidence(ctx)
    mining.build_tailings(ctx)
    restoration.build_restoration(ctx)
    water.build_sections(ctx)
    water.build_measurements(ctx)
    water.attach_latest_class(ctx)
    issues.build_items(ctx)
    ctx.layers["townships"] = ctx.townships
    return ctx


def metadata_table() -> pd.DataFrame:
    rows = [
        ("reference_date", REFERENCE_DATE), ("county_name", COUNTY_NAME), ("county_code", COUNTY_CODE),
        ("province", PROVINCE), ("crs", f"EPSG:{EPSG}"),
        ("crs_note", "CGCS2000 3度带高斯-克吕格投影 第36带（带号加在东坐标前）"),
        ("generator", "ecomap.domain.sample_county"), ("generator_version", GENERATOR_VERSION),
        ("seed", str(BASE_SEED)), ("note", "虚构示范数据，仅用于演示与测试 / fictional sample data"),
    ]
    return pd.DataFrame(rows, columns=["key", "value"])


def _write_aliases(path: Path) -> None:
    """Record Chinese aliases in gpkg_data_columns (GeoPackage schema extension)."""
    con = sqlite3.connect(path)
    try:
        con.execute("""CREATE TABLE IF NOT EXISTS gpkg_data_columns (
            table_name TEXT NOT NULL, column_name TEXT NOT NULL, name TEXT, title TEXT, description TEXT,
            mime_type TEXT, constraint_name TEXT,
            CONSTRAINT pk_gdc PRIMARY KEY (table_name, column_name),
            CONSTRAINT gdc_tn UNIQUE (table_name, name))""")
        con.execute("""CREATE TABLE IF NOT EXISTS gpkg_extensions (
            table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
            scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))""")
        registered = con.execute("SELECT 1 FROM gpkg_extensions WHERE table_name='gpkg_data_columns' "
                                 "AND extension_name='gpkg_schema'").fetchone()
        if not registered:
            con.execute("INSERT INTO gpkg_extensions VALUES ('gpkg_data_columns', NULL, 'gpkg_schema', "
                        "'http://www.geopackage.org/spec121/#extension_schema', 'read-write')")
        for layer in GPKG_LAYERS:
            theme = get_theme(layer)
            for f in theme.stored_fields:
                con.execute("INSERT OR REPLACE INTO gpkg_data_columns (table_name, column_name, name, title, "
                            "description) VALUES (?, ?, ?, ?, ?)",
                            (layer, f.name, f.alias, f.alias, f.alias_en + (f" ({f.unit})" if f.unit else "")))
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()


def write_gpkg(ctx: County, path: Path) -> Path:
    """Write all layers, tables and the metadata table to one GeoPackage (replacing it)."""
    path = Path(path)
    if path.exists():
        path.unlink()
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": _PINNED_DATE})
    try:
        for layer in GPKG_LAYERS:
            theme = THEMES[layer]
            df = ctx.layers[layer]
            options = {"IDENTIFIER": theme.title_zh, "DESCRIPTION": theme.title_en}
            if theme.geometry is None:
                pyogrio.write_dataframe(pd.DataFrame(df), path, layer=layer, driver="GPKG",
                                        layer_options=options)
            else:
                pyogrio.write_dataframe(df, path, layer=layer, driver="GPKG",
                                        promote_to_multi=theme.geometry != "Point", layer_options=options)
        pyogrio.write_dataframe(metadata_table(), path, layer="metadata", driver="GPKG",
                                layer_options={"IDENTIFIER": "元数据", "DESCRIPTION": "Sample metadata"})
    finally:
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": None})
    _write_aliases(path)
    return path


def generate(outdir: str | Path, rasters_too: bool = True) -> list[Path]:
    """Write the sample county into ``outdir``; returns the files written."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    ctx = build()
    files = [write_gpkg(ctx, out / "county.gpkg")]
    if rasters_too:
        files += rasters.write_rasters(ctx, out)
    from ecomap.domain.sample_county.project import write_project

    files.append(write_project(out, tuple(ctx.layers["county"].total_bounds)))
    return files
