"""Keep the translation catalogue in step with the code.

``python -m ecomap.i18n_tools`` collects every ``tr("…")`` literal under ``ecomap/``,
merges it into ``resources/translations/ecomap_zh_CN.ts`` (keeping translations
already there, marking vanished strings obsolete), takes new translations from
tab-separated files given with ``--tsv``, and compiles the ``.qm`` with lrelease.
``--check`` only reports strings without a Chinese translation.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from ecomap.core.atomic import atomic_write_text
from ecomap.i18n import CONTEXT, ts_path

PACKAGE = Path(__file__).resolve().parent


def collect_sources(root: Path = PACKAGE) -> dict[str, str]:
    """source string → 'file:line' of its first use."""
    found: dict[str, str] = {}
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "tr"
                    and node.args and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found.setdefault(node.args[0].value, f"{path.relative_to(root.parent)}:{node.lineno}")
    return found


def read_ts(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    table = {}
    for message in ET.parse(path).getroot().iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.text:
            table[message.findtext("source")] = translation.text
    return table


def read_tsv(paths: list[Path]) -> dict[str, str]:
    table = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if "\t" in line:
                source, target = line.split("\t", 1)
                if source.strip() and target.strip():
                    table[source] = target.strip()
    return table


def write_ts(path: Path, sources: dict[str, str], translations: dict[str, str], lang: str) -> None:
    ts = ET.Element("TS", version="2.1", language=lang)
    context = ET.SubElement(ts, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for source in sorted(sources):
        message = ET.SubElement(context, "message")
        file, _, line = sources[source].rpartition(":")
        ET.SubElement(message, "location", filename=file, line=line)
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation")
        if source in translations:
            translation.text = translations[source]
        else:
            translation.set("type", "unfinished")
    ET.indent(ts)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                      + ET.tostring(ts, encoding="unicode") + "\n", data_error=False)


def compile_qm(ts: Path) -> Path | None:
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    qm = ts.with_suffix(".qm")
    subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tsv", nargs="*", type=Path, default=[])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    path = ts_path("zh_CN")
    sources = collect_sources()
    translations = {**read_ts(path), **read_tsv(args.tsv)}
    missing = sorted(s for s in sources if s not in translations)
    if args.check:
        for source in missing:
            print(f"{sources[source]}: {source}")
        return 1 if missing else 0
    write_ts(path, sources, translations, "zh_CN")
    compile_qm(path)
    print(f"{len(sources)} strings, {len(missing)} untranslated → {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
