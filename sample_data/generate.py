"""Regenerate the sample county (示范县) into sample_data/ or OUTDIR.

    python -m sample_data.generate [OUTDIR]
    python sample_data/generate.py [OUTDIR]

The generator is deterministic: rerunning it gives the same files. The logic lives
in ecomap.domain.sample_county; this script only picks the output directory.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ecomap.domain.sample_county import generate


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    outdir = Path(args[0]) if args else Path(__file__).resolve().parent
    for path in generate(outdir):
        print(f"{path}  {path.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
