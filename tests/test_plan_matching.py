"""A plan's names matched against the register (`organisations.Register`): the same answers
as comparing each name with every registered one, with each registered name made into its
keys once, however many names a plan gives.

On a server of 60 zones (30,000 organisations) a plan's preview normalised every registered
name again for every name the plan gives: two minutes for seed 003."""

from __future__ import annotations

import random
from pathlib import Path

import yaml
from rapidfuzz import fuzz

from graphmap.ingest import dedupe, organisations
from graphmap.ingest.organisations import (
    ALIKE_FLOOR,
    MATCH_THRESHOLD,
    Register,
    normalise,
    variants,
)

SEED = Path(__file__).resolve().parents[1] / "seed"
PLACES = ["Genk", "Hasselt", "Lommel", "Maaseik", "Bree", "Peer", "Zele", "Zulte"]


def _named(node) -> list[dict]:
    """Every {id, name} in a seed file."""
    if isinstance(node, dict):
        own = [{"id": node["id"], "name": node["name"]}] if {"id", "name"} <= node.keys() else []
        return own + [o for value in node.values() for o in _named(value)]
    if isinstance(node, list):
        return [o for item in node for o in _named(item)]
    return []


def _register() -> list[dict]:
    """The seed's organisations and, beside them, alike ones: another place, number or part
    of a region, a word more or less, reordered."""
    found = {}
    for path in sorted(SEED.rglob("*.yaml")):
        for org in _named(yaml.safe_load(path.read_text(encoding="utf-8"))):
            found.setdefault(org["id"], org)
    seed = list(found.values())
    rng = random.Random(7)
    alike = []
    for n, org in enumerate(seed * 6):
        name = org["name"]
        change = n % 6
        if change == 0:
            name = f"{name} {rng.choice(PLACES)}"
        elif change == 1:
            name = f"{name} {rng.randint(1, 3)}"
        elif change == 2:
            name = f"{name} {rng.choice(['Noord', 'Zuid'])}"
        elif change == 3:
            name = " ".join(reversed(name.split()))
        elif change == 4:
            name = name.replace("e", "", 1)
        else:
            name = f"vzw {name}"
        alike.append({"id": f"alike-{n}", "name": name})
    return seed + alike


def _each_against_each(name: str, existing: list[dict]):
    """The answer by definition: every key of the name against every key of every one."""
    best_id, best = None, 0.0
    wanted = variants(name)
    for org in existing:
        for have in variants(org["name"]) | {normalise(org["id"].replace("-", " "))}:
            for want in wanted:
                if min(len(have), len(want)) < 3 or dedupe.different(want, have):
                    continue
                score = max(fuzz.ratio(want, have), fuzz.token_sort_ratio(want, have))
                if score > best:
                    best_id, best = org["id"], score
    if best < ALIKE_FLOOR:
        best = 0.0
    return (best_id if best >= MATCH_THRESHOLD else None), round(best, 1)


def test_the_register_answers_as_comparing_each_name_with_every_one():
    existing = _register()
    register = Register(existing)
    rng = random.Random(11)
    names = [org["name"] for org in rng.sample(existing, 30)]
    names += [name.upper() for name in names[:5]]
    names += [f"{name} (vzw)" for name in names[5:10]]
    names += [name[:-2] for name in names[10:15]]
    names += ["Pallion", "Gemeente Zele", "Thuisverpleging De Voorzorg", "Iets heel anders"]
    for name in names:
        found = register.match(name)
        assert (found.id, found.score) == _each_against_each(name, existing), name


def test_a_registered_name_is_made_into_keys_once_however_many_names_are_matched(monkeypatch):
    existing = _register()
    calls = []
    real = organisations.variants
    monkeypatch.setattr(organisations, "variants", lambda name: calls.append(name) or real(name))
    register = Register(existing)
    asked = [org["name"] for org in existing[:40]] + ["Pallion"] * 20
    for name in asked:
        register.match(name)
    register.named_in(normalise("Pallion en het OCMW Genk werken samen"))
    register.holds_words("pallion")
    # Each registered name once, and each distinct name asked once.
    assert len(calls) == len(existing) + len(set(asked))


def test_names_apart_in_the_one_word_that_names_each_are_two_organisations():
    # qa15: a plan's "Huisartsenkring Dijlevallei" was taken for the register's
    # "Huisartsenkring Demervallei" (88.9 alike as names): the action linked to another
    # zone's kring. A region the register does not know as a place tells them apart, as a
    # municipality does; a typo in the word still finds the organisation.
    register = Register(
        [
            {"id": "hak-demervallei", "name": "Huisartsenkring Demervallei"},
            {"id": "apb-proefdal", "name": "Apothekersvereniging Proefdal"},
        ]
    )
    for other in (
        "Huisartsenkring Dijlevallei",
        "Huisartsenkring Demerdal",
        "Huisartsenkring Dendervallei",
        "Apothekersvereniging Proefkamp",
    ):
        assert register.match(other).id is None, other
    assert register.match("Huisartsenkring Demervalei").id == "hak-demervallei"
    assert register.match("Apothekersvereniging Proefdaal").id == "apb-proefdal"


def test_a_registered_organisation_the_text_names_by_its_acronym_shows_that_sentence(tmp_path):
    """The preview showed the register's VAPH, found in the text as "VAPH", with no sentence
    at all: the one naming it was looked for by the register's full name only."""
    from graphmap.ingest.plan.reading import read_plan

    plan = tmp_path / "plan.txt"
    plan.write_text(
        "Strategische doelstelling 1: Netwerk\n"
        "Operationele doelstelling 1.1: Partners\n"
        "Actie 1.1.1: We brengen VAPH-voorzieningen in de cluster welzijn\n"
        "Trekker: CAW Oost-Vlaanderen\n"
    )
    vaph = {"id": "vaph", "name": "Vlaams Agentschap voor Personen met een Handicap (VAPH)"}
    found = {m.id: m.evidence for m in read_plan(plan, "testzone", [vaph]).organisation_matches}
    assert found["vaph"] == "Actie 1.1.1: We brengen VAPH-voorzieningen in de cluster welzijn"
