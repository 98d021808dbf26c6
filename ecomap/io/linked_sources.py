"""Files that name other files — GDAL VRTs, a GML's schemas — checked before GDAL follows them.

GDAL opens whatever such a file names: a VRT can read ``/etc/passwd`` as pixels, a
URL, a ``/vsi…`` path or a connection string, and a GML's schema can include any
file. EcoMap opens a VRT or a GML only when every file it names is a plain relative
path to a file in its own folder or below (``..`` may step between subfolders, never
above the folder; symbolic links are followed to where they lead), named relative to
the file itself rather than to the working folder. Anything else refuses the file,
naming the offending reference. A VRT's sources are themselves looked at: a nested
VRT is checked the same way (still within the first VRT's folder), any other XML
dataset description (a WMS service, a PDS label) is refused. Python pixel functions
are refused too. A vector (OGR) VRT is not a format EcoMap reads.

Schema references of a GML that are web addresses (``xsi:schemaLocation`` pointing
at schemas.opengis.net is in most GML files) are allowed: GDAL reads only the ``.xsd``
of the same name beside the GML, and the network is closed to it anyway
(:mod:`ecomap.io.gdal_config`); GML xlinks are never resolved. GML and GPX documents
that declare XML entities are refused, as KML ones are (:func:`ecomap.io.kml.check_prolog`).

A raster's ``.aux.xml`` side file needs no check: GDAL's PAM reader takes the SRS,
geotransform, GCPs, metadata and band statistics from it and names no other file.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ecomap.errors import DataError
from ecomap.i18n import tr
from ecomap.io.gdal_config import is_remote
from ecomap.io.kml import check_prolog, parse_xml

#: largest VRT or XSD read (a VRT mosaicking thousands of tiles is a few MB)
MAX_XML_BYTES = 64 * 1024 ** 2
#: VRTs nested in VRTs, at most
MAX_DEPTH = 8

#: elements whose text names a file GDAL opens (raster VRT sources, warped VRTs); GDAL
#: matches element and attribute names ignoring case, and so does this check
_FILE_ELEMENTS = {"sourcefilename", "sourcedataset"}
_SCHEMA_ELEMENTS = {"include", "import", "redefine"}
_WEB = re.compile(r"^https?://", re.IGNORECASE)
_XSI = "http://www.w3.org/2001/XMLSchema-instance"


def check(path: Path) -> None:
    """The checks for ``path``'s format, if it is one that names other files."""
    suffix = path.suffix.lower()
    if suffix == ".vrt":
        check_vrt(path)
    elif suffix == ".gml":
        check_gml(path)
    elif suffix == ".gpx":
        check_entities(path)


def check_vrt(path: Path, _root: Path | None = None, _depth: int = 0) -> None:
    """Refuse a VRT that names anything but files beside it (see the module docstring)."""
    root_folder = _root or path.absolute().parent.resolve()
    if _depth > MAX_DEPTH:
        raise DataError(path, tr("VRTs nested more than {n} deep; EcoMap refuses them").format(n=MAX_DEPTH))
    tree = parse_xml(_read(path), path)
    if tree.tag.lower() == "ogrvrtdatasource":
        raise DataError(path, tr("a vector (OGR) VRT, which EcoMap does not open: its sources may name any "
                                 "file; open the data it names instead"))
    if tree.tag.lower() != "vrtdataset":
        raise DataError(path, tr("not a GDAL VRT (its root element is <{tag}>)").format(tag=tree.tag))
    for elem in tree.iter():
        tag = elem.tag.lower()
        if tag == "pixelfunctionlanguage" and (elem.text or "").strip().lower() == "python" \
                or tag == "pixelfunctioncode":
            raise DataError(path, tr("the VRT runs Python code to compute its pixels; EcoMap refuses it"))
        if tag not in _FILE_ELEMENTS:
            continue
        source = (elem.text or "").strip()
        flag = next((v for k, v in elem.attrib.items() if k.lower() == "relativetovrt"), "0")
        number = re.match(r"\s*[+-]?\d+", flag)  # GDAL reads the flag with atoi()
        target = local_reference(path, source, root_folder, relative=bool(number and int(number.group())))
        _check_source(path, source, target, root_folder, _depth)


def check_gml(path: Path) -> None:
    """Refuse a GML that declares entities or names a schema file outside its folder."""
    _, attributes = check_entities(path)
    root_folder = path.absolute().parent.resolve()
    for name, value in attributes.items():
        local = name.rpartition(" ")[2] if " " in name else name.rpartition(":")[2]
        if local == "schemaLocation":
            locations = value.split()[1::2]  # namespace, location, namespace, location …
        elif local == "noNamespaceSchemaLocation":
            locations = value.split()
        else:
            continue
        for location in locations:
            if not _WEB.match(location):
                local_reference(path, location, root_folder)
    xsd = path.with_suffix(".xsd")
    if xsd.is_file():
        for elem in parse_xml(_read(xsd), xsd).iter():
            location = elem.get("schemaLocation") if elem.tag in _SCHEMA_ELEMENTS else None
            if location and not _WEB.match(location):
                local_reference(xsd, location, root_folder)


def check_entities(path: Path) -> tuple[str, dict[str, str]]:
    """Refuse an XML document whose prolog declares entities; its root element's name and attributes.

    Only the prolog is read. Its encoding is taken as Latin-1 (the prolog's markup is ASCII
    in every encoding these files come in, GBK included) unless a UTF-16 byte-order mark says otherwise.
    """
    try:
        with path.open("rb") as fh:
            head = fh.read(2)
            fh.seek(0)
            utf16 = head in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
            return check_prolog(fh, path, encoding=None if utf16 else "ISO-8859-1")
    except OSError as exc:
        raise DataError(path, tr("cannot read this file ({detail})").format(detail=exc.strerror)) from None


def local_reference(owner: Path, source: str, root_folder: Path, relative: bool = True) -> Path:
    """Where ``source``, named inside ``owner``, leads; DataError unless it is a file under ``root_folder``."""
    def refuse(reason: str) -> DataError:
        return DataError(owner, tr("refers to '{source}' ({reason}); EcoMap opens only files named relative to "
                                   "it, in its folder or below").format(source=source, reason=reason))

    if not source or source.startswith("<"):
        raise refuse(tr("not a file name"))
    if is_remote(source):
        raise refuse(tr("a network address, GDAL virtual file or connection string"))
    normal = source.replace("\\", "/")
    if normal.startswith("/") or re.match(r"^[A-Za-z]:", normal):
        raise refuse(tr("an absolute path"))
    if not relative:
        raise refuse(tr("relative to the working folder, not to the file"))
    target = (owner.absolute().parent / normal).resolve()
    if not target.is_relative_to(root_folder):
        raise refuse(tr("outside its folder"))
    return target


def _check_source(vrt: Path, source: str, target: Path, root_folder: Path, depth: int) -> None:
    try:
        with target.open("rb") as fh:
            head = fh.read(1024).lstrip(codecs.BOM_UTF8).lstrip()
    except OSError:
        return  # a missing source is GDAL's to report, as for any VRT
    if not head.startswith(b"<"):
        return
    if b"<vrtdataset" in head.lower():
        check_vrt(target, root_folder, depth + 1)
        return
    raise DataError(vrt, tr("refers to '{source}', an XML dataset description (such as a web map service), "
                            "which EcoMap does not open from a VRT").format(source=source))


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_XML_BYTES:
            raise DataError(path, tr("the file is larger than {limit} MB; EcoMap refuses it")
                            .format(limit=MAX_XML_BYTES // 1024 ** 2))
        return path.read_bytes()
    except OSError as exc:
        raise DataError(path, tr("cannot read this file ({detail})").format(detail=exc.strerror)) from None
