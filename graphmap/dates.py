"""Dates as follow-up keeps them: ISO strings in the graph (both engines sort them alike),
Dutch in what staff read."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from graphmap.errors import ValidationError

MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


# The zones' own clock: "today" and the times staff read are Belgian, whatever zone the
# server's clock is set to (a container runs on UTC: until 1 or 2 a.m. it was yesterday there).
BRUSSELS = ZoneInfo("Europe/Brussels")


def today() -> date:
    """Today in Flanders."""
    return datetime.now(BRUSSELS).date()


def stamp() -> str:
    """When an organisation's register was last written, on the Belgian clock, to the second:
    what the next editor's "intussen gewijzigd … om HH:MM" reads."""
    return datetime.now(BRUSSELS).isoformat(timespec="seconds")


def now() -> str:
    """When something is recorded: UTC, to the microsecond, so changes of one day keep order."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def parse(value: date | str | None, what: str) -> date | None:
    """A date given as a date or as YYYY-MM-DD; None stays None; anything else is refused."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise ValidationError(f"{what}: {value!r} is geen datum (JJJJ-MM-DD)") from None


def not_to_come(day: date, what: str, today: date) -> date:
    """`day`, refused when it is still to come: what happened cannot have happened later."""
    if day > today:
        raise ValidationError(f"{what}: {day.isoformat()} ligt in de toekomst")
    return day


def dutch(value: date | str | None, empty: str = "datum onbekend") -> str:
    """12 maart 2026."""
    day = parse(value, "datum")
    if day is None:
        return empty
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short(value: date | str | None, empty: str = "—") -> str:
    """12-03-2026, the way Flemish staff write a date in a table."""
    day = parse(value, "datum")
    return day.strftime("%d-%m-%Y") if day else empty


def moment(value: str | None, empty: str = "—") -> str:
    """12-03-2026 14:05:09 of a recorded ISO time, on the Belgian clock: to the second."""
    if not value:
        return empty
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        return value  # shown as stored rather than hidden
    if at.tzinfo is not None:
        at = at.astimezone(BRUSSELS)
    return at.strftime("%d-%m-%Y %H:%M:%S")
