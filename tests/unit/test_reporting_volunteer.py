"""Volunteer programme figures: active and new volunteers, tandems, office hours,
consultations by channel and by who came, workshops, attendances, certificates and
placements while a tandem was active."""

from __future__ import annotations

from pathlib import Path
from uuid import uuid4

from shared.contracts import volunteer as v
from support.builders.reporting import at, day, world


async def test_the_volunteer_programme_of_a_year(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        veteran, newcomer, gone = uuid4(), uuid4(), uuid4()
        for volunteer, on in (
            (veteran, "2024-03-01"),
            (newcomer, "2025-05-01"),
            (gone, "2024-01-01"),
        ):
            w.record(
                v.VolunteerRegistered(volunteer_id=volunteer, provider="drk", occurred_at=at(on)),
                f"volunteer:{volunteer}",
                provider="drk",
            )
        w.record(
            v.VolunteerLeft(volunteer_id=gone, occurred_at=at("2024-12-01")),
            f"volunteer:{gone}",
            provider="drk",
        )
        tandem, household = uuid4(), uuid4()
        w.record(
            v.TandemFormed(
                tandem_id=tandem,
                volunteer_id=veteran,
                household_id=household,
                provider="drk",
                occurred_at=at("2025-02-01"),
            ),
            f"tandem:{tandem}",
            provider="drk",
        )
        w.record(
            v.PlacementSupportConfirmed(
                household_id=household,
                tandem_id=tandem,
                volunteer_id=veteran,
                placement_event_id=uuid4(),
                offer_id=uuid4(),
                provider="drk",
                adults=2,
                minors=3,
                lease_signed_on=day("2025-08-01"),
                occurred_at=at("2025-08-01"),
            ),
            f"tandem:{tandem}",
            provider="drk",
        )
        w.record(
            v.TandemEnded(
                tandem_id=tandem,
                volunteer_id=veteran,
                household_id=household,
                reason=v.TandemEndReason.flat_found,
                occurred_at=at("2025-08-15"),
            ),
            f"tandem:{tandem}",
            provider="drk",
        )
        hour = uuid4()
        w.record(
            v.OfficeHourHeld(
                office_hour_id=hour,
                provider="drk",
                duration_minutes=120,
                occurred_at=at("2025-03-03"),
            ),
            f"office_hour:{hour}",
            provider="drk",
        )
        for channel, visitor, appointment in (
            ("in_person", "tandem", False),
            ("in_person", "refugee_alone", False),
            ("email", "volunteer_alone", True),
        ):
            w.record(
                v.ConsultationHeld(
                    consultation_id=uuid4(),
                    provider="drk",
                    channel=v.ConsultationChannel(channel),
                    visitor=v.Visitor(visitor),
                    topic=v.ConsultationTopic.flat_search,
                    duration_minutes=20,
                    appointment=appointment,
                    office_hour_id=None if appointment else hour,
                    occurred_at=at("2025-03-03"),
                ),
                f"office_hour:{hour}",
                provider="drk",
            )
        workshop = uuid4()
        stream = f"workshop:{workshop}"
        w.record(
            v.WorkshopHeld(
                workshop_id=workshop,
                provider="drk",
                topic=v.WorkshopTopic.heating_and_ventilation,
                site="kalk",
                duration_minutes=90,
                occurred_at=at("2025-04-04"),
            ),
            stream,
            provider="drk",
        )
        for attendee in (uuid4(), uuid4()):
            w.record(
                v.WorkshopAttended(
                    workshop_id=workshop, attendee_id=attendee, occurred_at=at("2025-04-04")
                ),
                stream,
                provider="drk",
            )
            w.record(
                v.CertificateIssued(
                    certificate_id=uuid4(),
                    workshop_id=workshop,
                    attendee_id=attendee,
                    topic=v.WorkshopTopic.heating_and_ventilation,
                    occurred_at=at("2025-04-05"),
                ),
                stream,
                provider="drk",
            )
        await w.apply()

        figures = await w.figures()
        values = {f.key: f.value for f in figures.every_figure()}
        assert (values["volunteers_active"], values["volunteers_registered"]) == (2, 1)
        assert (values["tandems_formed"], values["tandems_ended"]) == (1, 1)
        assert figures.figure("tandems_ended").item("reason", "flat_found") == 1
        assert values["office_hours_held"] == 1
        consultations = figures.figure("consultations")
        assert consultations.value == 3
        assert consultations.item("channel", "in_person") == 2
        assert consultations.item("visitor", "tandem") == 1
        assert values["consultations_by_appointment"] == 1
        assert values["workshops_held"] == 1
        assert figures.figure("workshops_held").item("topic", "heating_and_ventilation") == 1
        assert (values["workshop_attendances"], values["certificates_issued"]) == (2, 2)
        assert values["placements_volunteer_supported"] == 1
        assert values["persons_placed_volunteer_supported"] == 5
        # In 2024 the volunteer who left in December was still active.
        assert (await w.values("2024-01-01", "2024-12-31"))["volunteers_active"] == 2
        assert (await w.values(provider="caritas"))["volunteers_active"] == 0
