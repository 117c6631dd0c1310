"""A zone's own targets, read from its plan: the kinds of partner it wants in a cluster.

A plan says so in a sentence such as "Vandaag ontbreken in de cluster welzijn nog de
woonzorgcentra", "de cluster welzijn wordt uitgebreid met voorzieningen van het VAPH" or
"het BO mist de link met de tandartsen". Such a sentence names a cluster (or a body, the AV
or the BO), says something is missing or to be brought in, and names kinds of partner
(`graphmap.ingest.kinds`). Each target is proposed with that sentence, for staff to confirm;
where only a body is named, the cluster is the kind's own.
"""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel

from graphmap.ingest.kinds import kinds_in
from graphmap.ingest.outline import Sentence

_CLUSTER = re.compile(
    r"\bcluster(?:overleg)?\s+(?:van\s+de\s+)?(?P<key>zorg|welzijn|pzon|lokale\s+besturen)\b"
    r"|\b(?P<compound>zorg|welzijns?|pzon)-?cluster\b",
    re.I,
)
_BODIES = (
    ("AV", re.compile(r"\b(?:AV|algemene vergadering)\b")),
    ("BO", re.compile(r"\b(?:BO|bestuursorgaan|raad van bestuur)\b")),
)
_INTENT = re.compile(
    r"\b(?:ontbre\w*|mist|missen|nog (?:niet|geen)|uitbreid\w*|uitgebreid|uit te breiden|"
    r"betrekken|betrokken (?:worden|te worden)|aantrekken|aansluiten|sluiten .*aan|"
    r"toetreden|vertegenwoordig\w*|zoeken|werven|plaats geven|opnemen|opgenomen|"
    r"versterken met|link met|willen we|we willen|op te nemen|te betrekken|aan te trekken|"
    r"te versterken)\b",
    re.I,
)


class TargetProposal(BaseModel):
    cluster: str
    category: str
    bodies: list[str]
    reason: str  # the sentence, shortened
    evidence: str  # the sentence that asks for it
    source: str  # the plan's section, e.g. "OD 1.2"


@cache
def _clusters() -> dict[str, str | None]:
    """Category key -> its default cluster kind (None: outside the clusters)."""
    from graphmap.ingest.seed import read_reference
    from graphmap.paths import seed_dir

    return {c.key: c.cluster for c in read_reference(seed_dir()).categories}


def _cluster_key(match: re.Match) -> str:
    word = (match.group("key") or match.group("compound")).lower()
    return {"welzijns": "welzijn", "lokale besturen": "lokale_besturen"}.get(
        " ".join(word.split()), " ".join(word.split())
    )


def targets_in(sentences: list[Sentence]) -> list[TargetProposal]:
    found: dict[tuple[str, str], TargetProposal] = {}
    categories = _clusters()
    for sentence in sentences:
        text = sentence.text
        if not _INTENT.search(text):
            continue
        cluster_match = _CLUSTER.search(text)
        bodies = [name for name, pattern in _BODIES if pattern.search(text)]
        if cluster_match is None and not bodies:
            continue
        for kind in kinds_in(text):
            default = categories.get(kind.category)
            if default is None:
                continue  # agencies, schools, other zones: not a partner kind of a cluster
            cluster = _cluster_key(cluster_match) if cluster_match else default
            key = (cluster, kind.category)
            if key in found:
                continue
            reason = text if len(text) <= 250 else text[:249].rstrip() + "…"
            found[key] = TargetProposal(
                cluster=cluster,
                category=kind.category,
                bodies=bodies,
                reason=f"{sentence.section}: {reason}" if sentence.section else reason,
                evidence=text,
                source=sentence.section or "plan",
            )
    return list(found.values())
