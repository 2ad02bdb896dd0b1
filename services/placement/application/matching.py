"""Matching queries: the households that fit an offer, the open offers that fit a household.

The offer comes from its stream (always current); the households from placement's read
model of intake's events; the rent limits from the municipality's rules.
"""

from __future__ import annotations

from services.placement.adapters.households import searching
from services.placement.adapters.offers import as_received, offer_list, offers_proposed_for
from services.placement.adapters.rules import load_rules, rent_limits_of
from services.placement.application import access
from services.placement.domain import offer as of
from services.placement.domain.matching import assess, fits
from services.placement.domain.ranking import judge, page_of, ranked
from shared.application import CommandExecutor
from shared.contracts import placement as c
from shared.decider import NotFound
from shared.identity import Caller


class Matching:
    def __init__(self, commands: CommandExecutor) -> None:
        self.commands = commands

    async def for_offer(self, query: c.OfferMatchesQuery, caller: Caller) -> c.OfferMatches:
        """One page of the households still looking, in the asked order (best fits first by
        default), each with the reason per criterion."""
        scope = access.provider_scope(caller)
        state, _ = await self.commands.load(
            of.offer, of.stream_id(caller.municipality, query.offer_id)
        )
        if state.facts is None:
            raise NotFound("offer", "Wohnungsangebot nicht gefunden.")
        async with self.commands.db.read() as conn:
            households = (
                []
                if scope.nothing
                else await searching(conn, caller.municipality, provider=scope.provider)
            )
            limits = rent_limits_of(await load_rules(conn, caller.municipality))
        judged = judge(state.facts, households, limits)
        chosen = ranked(judged, query.sort, descending=query.descending, fits_only=query.fits_only)
        matches = [
            c.HouseholdMatch(
                household_id=j.household.household_id,
                provider=j.household.provider,
                adults=j.household.adults,
                minors=j.household.minors,
                registered_on=j.waiting_since,
                fits=j.fits,
                misfits=j.misfits,
                unknowns=j.unknowns,
                already_proposed=j.household.household_id in state.proposals,
                checks=j.checks,
            )
            for j in page_of(chosen, query.offset, query.per_page)
        ]
        return c.OfferMatches(
            offer_id=query.offer_id,
            matches=matches,
            page=query.info(len(chosen)),
            fitting=sum(1 for j in judged if j.fits),
        )

    async def for_household(
        self, query: c.HouseholdOffersQuery, caller: Caller
    ) -> c.HouseholdOffers:
        """Open offers for a household still looking, best fits first."""
        scope = access.provider_scope(caller)
        async with self.commands.db.read() as conn:
            found = (
                []
                if scope.nothing
                else await searching(
                    conn,
                    caller.municipality,
                    provider=scope.provider,
                    household_id=query.household_id,
                )
            )
            if not found:
                raise NotFound("household", "Haushalt nicht gefunden oder nicht mehr auf Suche.")
            household = found[0]
            open_offers = await offer_list(conn, caller.municipality, c.OfferStatus.open, None)
            proposed = await offers_proposed_for(conn, household.household_id)
            limits = rent_limits_of(await load_rules(conn, caller.municipality))
        results = []
        for offer in open_offers:
            checks = assess(as_received(offer), household, limits)
            results.append(
                c.OfferMatch(
                    offer=offer,
                    fits=fits(checks),
                    already_proposed=offer.offer_id in proposed,
                    checks=checks,
                )
            )
        if query.fits_only:
            results = [r for r in results if r.fits]
        results.sort(key=lambda r: (not r.fits, _unknowns(r.checks)))
        return c.HouseholdOffers(household_id=household.household_id, offers=results)


def _unknowns(checks: list[c.Check]) -> int:
    return sum(1 for check in checks if check.verdict is c.Verdict.unknown)
