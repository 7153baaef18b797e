"""Test-wide setup: one compiled gazetteer per geo-code version, shared by every test.

Building the gazetteer takes about half a minute, so it is cached under .pytest_cache keyed by
a hash of the code and data that produce it; a change to either builds a fresh one.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GEO = ROOT / "src" / "sitroom" / "geo"


def _geo_fingerprint() -> str:
    digest = hashlib.sha256()
    for path in sorted(GEO.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".csv", ".txt", ".gz", ".md", ".json"):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


if "SITROOM_TEST_KEEP_HOME" not in os.environ:
    home = ROOT / ".pytest_cache" / f"sitroom-home-{_geo_fingerprint()}"
    home.mkdir(parents=True, exist_ok=True)
    os.environ["SITROOM_HOME"] = str(home)
