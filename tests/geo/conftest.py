"""One small regional gazetteer per test session, built into a temporary folder.

Tests pass it explicitly; it is never installed as the process-wide gazetteer, so tests of other
stages keep the full one (a regional build lacks, say, Afghanistan).
"""

import pytest

from sitroom import geo
from sitroom.geo.gazetteer import Gazetteer

# Enough countries for homonyms (Alexandria: EG and US; Paris: FR and US) and our Iraq/Syria focus.
TEST_COUNTRIES = ("IQ", "SY", "US", "EG", "FR", "GB", "JO")


@pytest.fixture(scope="session")
def gazetteer(tmp_path_factory) -> Gazetteer:
    home = tmp_path_factory.mktemp("sitroom-geo")
    path = geo.build_gazetteer(home / "gazetteer.sqlite", countries=TEST_COUNTRIES)
    return Gazetteer(path, auto_build=False)
