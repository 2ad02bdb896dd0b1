"""Which role may reach which part of the API at all — deny by default.

The gateway's rule is coarse on purpose: it keeps a role out of whole areas (an analyst
never reaches an endpoint that answers with a case id or a name; a volunteer only their
tandems). The services decide everything finer — provider scoping (404 for another
provider's household), who may run which command — and the gateway does not repeat it.

A route template that no rule names is refused for every role: a new endpoint is closed
until someone decides who may use it (the permission matrix test fails until then).
"""

from __future__ import annotations

from shared.identity import Role

C, W, H, V, A, ADM = (
    Role.coordinator,
    Role.caseworker,
    Role.housing_office,
    Role.volunteer,
    Role.analyst,
    Role.admin,
)
EVERYONE = frozenset(Role)
CASE_STAFF = frozenset({C, W, ADM})

# Longest matching prefix wins; a template matches a prefix at a "/" boundary.
AREAS: dict[str, frozenset[Role]] = {
    "/api/session": EVERYONE,
    "/api/households": CASE_STAFF,
    "/api/inquiries": frozenset({C, ADM}),
    # Placement shows households on offers: the case staff only.
    "/api/households/{household_id}/offers": frozenset({C, W}),
    "/api/landlords": frozenset({C, W}),
    "/api/offers": frozenset({C, W}),
    "/api/placement": frozenset({C, W}),
    "/api/prevention": frozenset({C, W, H}),
    "/api/volunteers": CASE_STAFF,
    "/api/tandems": CASE_STAFF | {V},
    "/api/tandem-households": CASE_STAFF | {V},
    "/api/office-hours": CASE_STAFF,
    "/api/consultations": CASE_STAFF,
    "/api/workshops": CASE_STAFF,
    "/api/caseboard": CASE_STAFF,
    # Drill-downs list case ids: everyone who reads reports except the analyst.
    "/api/reports": frozenset({C, W, H, ADM}),
    "/api/households/{household_id}/access-log": frozenset({C}),
    # Who received a household's data: the coordination and the household's own provider.
    "/api/households/{household_id}/disclosures": frozenset({C, W}),
    # Case notes: who may act on the household (intake scopes each answer again).
    "/api/households/{household_id}/notes": frozenset({C, W}),
    # The staff UI: each page calls the services with the same caller, so their rules hold.
    "/ui": EVERYONE,
    "/ui/haushalte": frozenset({C, W, ADM}),
    "/ui/haushalte/{household_id}/notizen": frozenset({C, W}),
    # The household search: who reads households (intake scopes each answer again).
    "/ui/suche": frozenset({C, W, ADM}),
    "/ui/bericht": frozenset({C, W, H, ADM}),
    "/ui/wohnungen": frozenset({C, W}),
    "/ui/ehrenamt": CASE_STAFF,
    "/ui/tandems": frozenset({V}),
    "/ui/praevention": frozenset({C, W, H}),
    # The inquiry inbox, like its API: the coordination (the admin only reads).
    "/ui/anfragen": frozenset({C, ADM}),
    # The due list (reporting scopes it like the caseboard; the housing office: prevention).
    "/api/follow-ups": frozenset({C, W, H, ADM}),
    "/api/follow-up-rules": frozenset({C, W, H, ADM}),
    "/ui/heute": frozenset({C, W, H, ADM}),
    "/ui/fristen": frozenset({C, W, H, ADM}),
    # My appointments and calendar subscription: the roles whose contexts keep appointments
    # (each owner scopes its answer). The feed itself (/kalender) is no area of a caller:
    # its secret URL is the credential (calendar/feed.py).
    "/ui/termine": frozenset({C, W, H}),
    # Letter templates speak for the municipality: the coordination's alone.
    "/ui/briefvorlagen": frozenset({C}),
    # Accounts of the municipality (accounts/): its admin only.
    "/ui/konten": frozenset({ADM}),
}

# Aggregate figures only: no template here answers with an id or a name.
ANALYST_TEMPLATES = frozenset(
    {
        "/api/reports/figures",
        "/api/reports/yearly/{year}",
        "/api/reports/stock",
        "/api/reports/figures.csv",
        "/api/reports/changes",
        "/api/reports/report.html",
        "/api/reports/report.pdf",
        "/ui/bericht",
    }
)


def allowed_roles(template: str) -> frozenset[Role]:
    """The roles that may call the route with this path template."""
    roles = frozenset[Role]()
    longest = -1
    for prefix, area_roles in AREAS.items():
        if (template == prefix or template.startswith(prefix + "/")) and len(prefix) > longest:
            roles, longest = area_roles, len(prefix)
    if template in ANALYST_TEMPLATES:
        roles = roles | {A}
    return roles


# Administration looks, it does not change cases: its writes end here, whatever a service
# would say. Signing out is a change every role makes.
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Setting one's own mail address is no change to a case either.
# Managing the municipality's accounts is the admin's own work (accounts/), no case data.
ADMIN_WRITES = frozenset(
    {
        "/api/session",
        "/ui/abmelden",
        "/ui/konto",
        "/ui/konten/neu",
        "/ui/konten/{user_id}",
        "/ui/konten/{user_id}/deaktivieren",
        "/ui/konten/{user_id}/reaktivieren",
        "/ui/konten/{user_id}/passwort",
        # One's own password, like one's own address.
        "/ui/passwort",
    }
)


def may_call(role: Role, method: str, template: str) -> bool:
    """Whether the gateway lets `role` through to this route at all."""
    if role is ADM and method not in READ_METHODS and template not in ADMIN_WRITES:
        return False
    return role in allowed_roles(template)
