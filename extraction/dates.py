"""Anchor relative date expressions of a sentence to the article date.

News dates events relative to publication: "on Thursday", "yesterday",
"last week". Given the document date, :func:`anchor_date` turns the first
such expression of an evidence sentence into a calendar value:

- a day (``YYYY-MM-DD``): today, yesterday, (on) Monday..Sunday (the most
  recent such day on or before the article date; "last Monday" is strictly
  before it);
- an ISO week (``YYYY-Www``): this week, last week;
- a month (``YYYY-MM``): this month, earlier this month, last month;
- a year (``YYYY``): this year, last year.

No expression, or no valid document date, gives None. The value is stored
as :attr:`extraction.records.Relation.event_date`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RELATIVE = re.compile(
    r"\b(?:(?P<last>last|this)\s+(?P<unit>week|month|year)"
    r"|(?P<lastday>last\s+)?(?P<weekday>" + "|".join(_WEEKDAYS) + r")"
    r"|(?P<word>today|yesterday))\b",
    re.IGNORECASE,
)


def parse_doc_date(value: str | None) -> date | None:
    """The calendar date of a document date string (ISO ``YYYY-MM-DD``, optionally with a time), or None.

    value: the document's ``date`` field.
    """
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def anchor_date(sentence: str, doc_date: date | None) -> str | None:
    """The date the first relative expression of a sentence points to, or None.

    sentence: the evidence sentence. doc_date: the article date (see :func:`parse_doc_date`).
    """
    if doc_date is None:
        return None
    m = _RELATIVE.search(sentence)
    if m is None:
        return None
    if m.group("word"):
        day = doc_date if m.group("word").lower() == "today" else doc_date - timedelta(days=1)
        return day.isoformat()
    if m.group("weekday"):
        back = (doc_date.weekday() - _WEEKDAYS.index(m.group("weekday").lower())) % 7
        if m.group("lastday") and back == 0:
            back = 7
        return (doc_date - timedelta(days=back)).isoformat()
    unit, last = m.group("unit").lower(), m.group("last").lower() == "last"
    if unit == "week":
        year, week, _ = (doc_date - timedelta(days=7 if last else 0)).isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "month":
        first = doc_date.replace(day=1)
        month = (first - timedelta(days=1)) if last else first
        return f"{month.year}-{month.month:02d}"
    return str(doc_date.year - 1 if last else doc_date.year)
