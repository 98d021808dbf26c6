"""Where the shipped resources (translations, symbology, icons) and the sample live."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    return ROOT.joinpath("resources", *parts)


def sample_path(*parts: str) -> Path:
    return ROOT.joinpath("sample_data", *parts)
