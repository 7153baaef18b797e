"""Resolve given names of a test text with a gazetteer: the helper the resolution tests share."""

from sitroom.geo import geoparse


def spans(text, *names):
    """The character span of the first occurrence of each name."""
    out = []
    for n in names:
        start = text.index(n)
        out.append((start, start + len(n)))
    return out


def resolve(gz, text, *names):
    """{mention text: resolved Place} for the given names of `text`."""
    return {t.text: t.place for t in geoparse(text, spans=spans(text, *names), gazetteer=gz)}
