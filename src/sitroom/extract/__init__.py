"""Extraction: a Document in, its incident Events out (rule-based, every field with evidence)."""

from sitroom.extract.pipeline import extract_events

__all__ = ["extract_events"]
