""" "Today" is the day in Flanders, whatever zone the server's clock runs in (a container on
UTC, a laptop abroad): staff who enter today's date are never told it lies in the future,
and tomorrow is never today."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from dashboard import session
from graphmap import dates, engagement
from graphmap.errors import ValidationError


@pytest.fixture
def clock_zone(monkeypatch):
    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


# Far behind and far ahead of Brussels: at any hour of the day, the machine's own date differs
# from Flanders' in at least one of them.
@pytest.mark.parametrize("zone", ["Etc/GMT+12", "Etc/GMT-14"])
def test_today_is_the_day_in_flanders_on_a_clock_in_another_zone(seeded, clock_zone, zone):
    clock_zone(zone)
    flanders = datetime.now(ZoneInfo("Europe/Brussels")).date()
    assert dates.today() == session.today() == flanders
    engagement.set_status(seeded, "pallion", "maasland", "welzijn", "contacted", actor="t",
                          on=flanders)  # fmt: skip
    with pytest.raises(ValidationError, match="ligt in de toekomst"):
        engagement.set_status(
            seeded, "vaph", "maasland", "welzijn", "contacted", actor="t",
            on=flanders + timedelta(days=1),
        )  # fmt: skip


def test_a_recorded_moment_reads_on_the_belgian_clock():
    assert dates.moment("2026-07-01T10:00:00+00:00") == "01-07-2026 12:00:00"  # summer
    assert dates.moment("2026-12-01T10:00:00+00:00") == "01-12-2026 11:00:00"  # winter
