"""One small regional gazetteer per test session, built into a temporary SITROOM_HOME."""

import pytest

from sitroom import geo
from sitroom.geo.gazetteer import Gazetteer

# Enough countries for homonyms (Alexandria: EG and US; Paris: FR and US) and our Iraq/Syria focus.
TEST_COUNTRIES = ("IQ", "SY", "US", "EG", "FR", "GB", "JO")


@pytest.fixture(scope="session")
def gazetteer(tmp_path_factory) -> Gazetteer:
    home = tmp_path_factory.mktemp("sitroom-home")
    mp = pytest.MonkeyPatch()
    mp.setenv("SITROOM_HOME", str(home))
    path = geo.build_gazetteer(home / "gazetteer.sqlite", countries=TEST_COUNTRIES)
    geo.get_gazetteer.cache_clear()
    yield Gazetteer(path, auto_build=False)
    geo.get_gazetteer.cache_clear()
    mp.undo()
