"""Every knob in one table: name, environment variable, default and help.

Values come from the environment (SITROOM_*) unless a CLI flag overrides them; nothing else
reads os.environ for configuration.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: str
    help: str

    @property
    def env(self) -> str:
        return "SITROOM_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting("database_url", "sqlite:///sitroom.db",
            "SQLAlchemy URL of the event store; a bare path means a SQLite file."),
    Setting("home", str(Path.home() / ".local" / "share" / "sitroom"),
            "Folder for the compiled gazetteer and other built data."),
    Setting("max_document_bytes", str(5 * 1024 * 1024),
            "Inputs larger than this are rejected with an error instead of being read."),
    Setting("default_country", "",
            "ISO 3166-1 alpha-2 hint used when a report gives none (empty: no hint)."),
    Setting("tile_url", "",
            "XYZ tile URL template drawn under the country outlines on the desk, e.g. an internal tile server "
            "(https://tiles.example/{z}/{x}/{y}.png); empty: outlines only, fully offline."),
    Setting("write_token", "",
            "Token the web desk requires for edits (corrections, merges, splits); empty: the desk is read-only."),
)
_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> str:
    """The value of a setting: its environment variable if set, else its default."""
    setting = _BY_NAME[name]
    return os.environ.get(setting.env, setting.default)


def home() -> Path:
    return Path(get("home")).expanduser()


def database_url(override: str | None = None) -> str:
    """Normalise a --db value: a URL passes through, a file path becomes a SQLite URL."""
    value = override or get("database_url")
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser()}"
