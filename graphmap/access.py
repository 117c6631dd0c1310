"""Who acts, and who may see personal data: each one rule, kept here.

Every write that records history takes the acting user as `actor`, a plain string: the CLI
passes `cli_user()` ("cli:<operating-system user>"), the dashboard its signed-in user (see
`dashboard/session.py`; until there is a sign-in, the local demo user). The history shows
it as "by whom"; the seed's own facts are stated `SEED`, with the plan as their source.

Contact moments name people (a contact person, the staff member who wrote the note, the
owner of a next step) and their notes may too: that is personal data, like contact persons
themselves. `may_see_personal_data` is the one rule that decides who sees it, and `shown`
applies it to records before any page, download or report renders them.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterable

SEED = "seed"
DEMO_USER = "demo"  # the one trusted user of the local demo on 127.0.0.1 (no sign-in)
# Fields of follow-up records that name or describe people.
PERSONAL_FIELDS = frozenset(
    {"by", "note", "person", "person_name", "owner", "done_by", "done_note", "what"}
)
HIDDEN = "(afgeschermd)"


def cli_user() -> str:
    """The acting user of a command on this machine."""
    return f"cli:{getpass.getuser()}"


def may_see_personal_data(user: str, zone: str | None) -> bool:
    """Whether `user` may see the persons, authors and notes of `zone`'s follow-up.

    Today every user is trusted: the CLI user owns the database files, and the dashboard has
    no sign-in (it binds to 127.0.0.1, the local demo). Roles per zone decide it here once
    users exist (viewers: never; editors: their own zones).
    """
    return bool(user)


def shown(records: Iterable[dict], user: str) -> list[dict]:
    """The records as `user` may see them: personal fields hidden where the rule says so.

    Each record carries its `zone`; a hidden field keeps its key (so tables keep their shape)
    and reads `HIDDEN` when it held something.
    """
    result = []
    for record in records:
        if may_see_personal_data(user, record.get("zone")):
            result.append(record)
        else:
            result.append(
                {
                    key: (HIDDEN if value else value) if key in PERSONAL_FIELDS else value
                    for key, value in record.items()
                }
            )
    return result
