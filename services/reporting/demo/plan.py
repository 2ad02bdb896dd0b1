"""Deciding a year, seeded and without I/O: who is registered when, which flats come in,
who moves where, which prevention cases run how. Every date keeps the rules the services
enforce (nothing in the future, nothing before what it follows)."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from services.reporting.demo import names
from services.reporting.demo import plan_help as helpers
from services.reporting.demo.model import (
    PROVIDERS,
    Household,
    Landlord,
    Offer,
    Placement,
    Tandem,
    Volunteer,
    Year,
)
from shared.clock import BUSINESS_TZ, today

LANDLORDS = (
    ("municipal_housing_company", "GAG Immobilien"),
    ("housing_company", "Wohnungsgesellschaft Rhein"),
    ("housing_company", "Genossenschaft Süd"),
    ("private", "Privat Müller"),
    ("private", "Privat Özdemir"),
)


class Planner:
    """The random choices of one year; `rng` is the only source of chance."""

    def __init__(self, year: int, seed: int, municipality: str) -> None:
        self.rng = random.Random(seed)
        self.plan = Year(year=year, seed=seed, municipality=municipality)
        self.horizon = min(date(year, 12, 31), today() - timedelta(days=1))
        self.plan.landlords = [Landlord(kind, name) for kind, name in LANDLORDS]

    def day(self, first: date, last: date) -> date:
        """A day between `first` and `last` (both included; `first` if they cross)."""
        span = (min(last, self.horizon) - first).days
        return first + timedelta(days=self.rng.randint(0, span)) if span > 0 else first

    def after(self, day: date, low: int, high: int) -> date:
        return min(day + timedelta(days=self.rng.randint(low, high)), self.horizon)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, *options: str, weights: tuple[float, ...] | None = None) -> str:
        return self.rng.choices(options, weights=weights)[0]

    def moment(self, day: date, hour: int) -> datetime:
        return datetime.combine(day, time(hour), tzinfo=BUSINESS_TZ)

    # ------------------------------------------------------------ households

    def household(self) -> Household:
        y = self.plan
        registered = self.day(y.first, self.horizon - timedelta(days=60))
        h = Household(
            provider=self.pick(*PROVIDERS, weights=(0.45, 0.35, 0.2)),
            registered_on=registered,
            adults=self.rng.choice((1, 1, 2, 2, 2, 3)),
            minors=self.rng.choice((0, 0, 1, 2, 3, 4, 5)),
            kind=self.pick(
                "shelter",
                "city_rented_flat",
                "requisitioned_flat",
                "assigned_flat",
                weights=(0.6, 0.2, 0.1, 0.1),
            ),
            wbs=self.chance(0.5),
        )
        if self.chance(0.85):
            result = self.pick("ready", "ready_with_support", "not_yet", weights=(0.55, 0.3, 0.15))
            h.readiness = (self.after(registered, 5, 30), result)
        if self.chance(0.2):
            h.tandem = self.tandem(h)
        ready = h.readiness is not None and h.readiness[1] != "not_yet"
        if ready and self.chance(0.5):
            h.placement = self.placement(h)
        if h.placement is None:
            helpers.settle_unplaced(self, h)
        elif h.tandem is not None:
            h.tandem.ended = (self.after(h.placement.moved_on, 1, 10), "flat_found")
        return h

    def tandem(self, h: Household) -> Tandem:
        since = date(self.plan.year - 1, 6, 1)
        registered = self.day(since, h.registered_on)
        volunteer = Volunteer(h.provider, registered, self.after(registered, 0, 14))
        self.plan.volunteers.append(volunteer)
        formed = self.after(max(h.registered_on, volunteer.agreement_on), 1, 20)
        return Tandem(volunteer, formed)

    def placement(self, h: Household) -> Placement | None:
        assert h.readiness is not None
        start = h.readiness[0]
        if h.tandem is not None:
            start = max(start, h.tandem.formed_on)
        declined = None
        if self.chance(0.25):
            other = self.offer(self.after(start, -20, -1))
            proposed = self.after(start, 1, 10)
            refused = self.after(proposed, 1, 10)
            withdrawn = self.after(refused, 1, 5)
            other.end, other.tried = ("withdrawn", withdrawn, "let_elsewhere"), True
            declined = (other, proposed, refused, withdrawn)
            start = withdrawn
        offer = self.offer(self.after(start, -20, 0))
        proposed = self.after(max(start, offer.received_on), 1, 15)
        decided = self.after(proposed, 1, 10)
        viewing = self.after(decided, 0, 7)
        guarantees = helpers.guarantees(self, viewing)
        ready = max([viewing, decided, *(g.decided_on for g in guarantees)])
        lease = ready + timedelta(days=self.rng.randint(1, 10))
        if lease > self.horizon:
            # By identity: two offers planned alike are equal, and `list.remove` would drop
            # the first equal one, maybe one another household's placement uses.
            dropped = {id(offer), id(declined[0]) if declined is not None else None}
            self.plan.offers = [o for o in self.plan.offers if id(o) not in dropped]
            return None
        moved = self.after(lease, 0, 14)
        accompanied = h.tandem is not None and h.tandem.formed_on <= viewing
        placement = Placement(
            offer, proposed, decided, viewing, accompanied, guarantees, lease, moved, declined
        )
        if self.chance(0.7):
            answer = self.pick("accepted", "declined", weights=(0.6, 0.4))
            reason = self.pick("not_needed", "household_declined", "not_reachable")
            decided_on = self.after(lease, 3, 20)
            placement.aftercare = (answer, decided_on, reason if answer == "declined" else None)
        return placement

    def offer(self, received: date) -> Offer:
        received = max(received, date(self.plan.year - 1, 12, 1))
        landlord = self.rng.choices(self.plan.landlords, weights=(0.5, 0.15, 0.1, 0.15, 0.1))[0]
        private = landlord.kind == "private"
        source = (
            self.pick("private_landlord", "volunteer_network", "public_relations")
            if private
            else self.pick("housing_company_quota", "public_relations", weights=(0.8, 0.2))
        )
        offer = Offer(
            landlord, received, source, not private and self.chance(0.5), self.chance(0.4)
        )
        self.plan.offers.append(offer)
        return offer


def generate(year: int, households: int, seed: int = 7, municipality: str = "koeln") -> Year:
    """A year with `households` households in move-out management and all around them."""
    planner = Planner(year, seed, municipality)
    planner.plan.households = [planner.household() for _ in range(households)]
    helpers.surroundings(planner, households)
    namer = names.Namer(seed)
    for index, h in enumerate(planner.plan.households):
        h.people = namer.people(index, h.registered_on, h.adults, h.minors, h.birth_on)
    return planner.plan
