"""The analyst's desk: a FastAPI app with an offline map, timeline, filters, provenance and review."""
