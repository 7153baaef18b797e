"""Gazetteer commands beyond build/info (registered on `sitroom gazetteer`)."""

from __future__ import annotations

from pathlib import Path

import typer


def register(gazetteer_app: typer.Typer) -> None:
    """Add geo commands to the `sitroom gazetteer` group."""

    @gazetteer_app.command("add")
    def gazetteer_add(
        file: Path = typer.Argument(..., help="A GeoNames dump (IQ.txt, allCountries.txt, or zipped) or a "
                                              "place CSV: name, aliases, lat, lon, country, admin1, feature type."),
    ) -> None:
        """Add places to the gazetteer; they are kept and survive every rebuild."""
        from sitroom import geo
        from sitroom.geo.sources import SourceError, add_source

        try:
            kept = add_source(file)
        except SourceError as exc:
            typer.echo(f"sitroom gazetteer add: {exc}", err=True)
            raise typer.Exit(1) from exc
        written = geo.build_gazetteer()
        geo.get_gazetteer.cache_clear()
        typer.echo(f"added {kept.name} (kept at {kept}); gazetteer rebuilt at {written}", err=True)
