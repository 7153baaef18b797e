"""Reports of one massacre, the record the merge tests build their cases from."""

from __future__ import annotations

from datetime import date

from sitroom.model import Event


def report(doc: str, start: int = 0, **kw) -> Event:
    """A massacre in Mopti region on 23 March 2019, as reported in document `doc`."""
    values = dict(
        doc_id=doc, event_date=date(2019, 3, 23), time_precision=1, event_type="Violence against civilians",
        sub_event_type="Attack", actor1="Unidentified Armed Group (Mali)", country="Mali", country_code="ML",
        admin1="Mopti", geo_precision=1, mention_start=start, mention_end=start + 1,
    )
    values.update(kw)
    return Event(**values)
