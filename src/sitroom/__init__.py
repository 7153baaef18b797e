"""sitroom: raw conflict reports in; coded, geocoded, deduplicated events out."""

__version__ = "0.1.0"
