"""Names, birth dates and contacts for the people of the demo year, so that search, titles
and lists can be tried on households that look like the ones a city like Köln serves.

Drawn from a random generator of their own (seeded from the plan's seed), after the plan
is made: the plan's choices, and so every figure, stay exactly what they were without
names. Personal data goes to intake's tables only, never into an event, so no figure can
depend on it. Two households never share a phone number or a family name with a birth
date: intake would flag them as possible duplicates, which the demo does not intend.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

# Given names (female, male) and family names per origin; real spellings with diacritics.
ORIGINS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "arabic": (
        ("Fatima", "Amira", "Leila", "Rania", "Yasmin", "Nour", "Huda", "Samira", "Aya"),
        ("Mohammed", "Ahmad", "Omar", "Khaled", "Youssef", "Hassan", "Karim", "Samir", "Ali"),
        ("Haddad", "Nasser", "Al-Hassan", "Khalil", "Mansour", "Saleh", "Darwish", "Aziz"),
    ),
    "kurdish": (
        ("Berfîn", "Rojda", "Jiyan", "Helin", "Avîn", "Zozan", "Dilan", "Nazdar"),
        ("Azad", "Rênas", "Serhat", "Dilşad", "Baran", "Rêbaz", "Hejar", "Kawa"),
        ("Barzani", "Xelîl", "Hesen", "Sîdo", "Amedî", "Botanî", "Zaxoyî"),
    ),
    "persian": (
        ("Shirin", "Maryam", "Parisa", "Nasrin", "Laleh", "Azadeh", "Mahsa", "Roya"),
        ("Reza", "Mehdi", "Dariush", "Kian", "Arash", "Babak", "Farhad", "Hossein"),
        ("Hosseini", "Rahimi", "Karimi", "Moradi", "Tehrani", "Jafari", "Sadeghi"),
    ),
    "dari": (
        ("Zahra", "Marzia", "Frishta", "Sima", "Nilofar", "Mursal", "Parwana", "Shabnam"),
        ("Ahmad Shah", "Mustafa", "Jawad", "Farid", "Naweed", "Sayed", "Hamid", "Wahid"),
        ("Ahmadi", "Rahmani", "Hakimi", "Sultani", "Nazari", "Popal", "Wardak", "Haidari"),
    ),
    "tigrinya": (
        ("Selam", "Helen", "Senait", "Mebrat", "Freweini", "Saba", "Yordanos", "Hiwet"),
        ("Tesfay", "Yonas", "Dawit", "Mehari", "Biniam", "Kidane", "Amanuel", "Filmon"),
        ("Tesfaye", "Gebremedhin", "Haile", "Berhane", "Kahsay", "Tekle", "Woldu"),
    ),
    "turkish": (
        ("Ayşe", "Elif", "Zeynep", "Gülşen", "Hatice", "Emine", "Büşra", "Özlem"),
        ("Mehmet", "Mustafa", "Emre", "Hüseyin", "Murat", "Oğuz", "Cem", "İbrahim"),
        ("Öztürk", "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Aydın", "Doğan", "Güneş"),
    ),
    "ukrainian": (
        ("Olena", "Iryna", "Natalija", "Oksana", "Tetjana", "Switlana", "Kateryna", "Julija"),
        ("Oleksandr", "Andrij", "Serhij", "Dmytro", "Mykola", "Wolodymyr", "Bohdan", "Taras"),
        ("Kovalenko", "Bondarenko", "Schewtschenko", "Tkatschenko", "Melnyk", "Kravtschuk"),
    ),
    "romani": (
        ("Esma", "Ljuba", "Sabina", "Mirela", "Dragana", "Ramona", "Florica", "Jelena"),
        ("Dragan", "Bajram", "Sead", "Florin", "Nikola", "Ramadan", "Ilija", "Mirsad"),
        ("Ramić", "Stojanović", "Mustafić", "Rostaș", "Demirović", "Nikolić", "Bajrami"),
    ),
    "german": (
        ("Sabine", "Claudia", "Jessica", "Nicole", "Sandra", "Jana", "Lea", "Anja", "Katrin"),
        ("Thomas", "Michael", "Stefan", "Jürgen", "Daniel", "Kevin", "Sven", "Jörg", "Uwe"),
        ("Müller", "Schmitz", "Schäfer", "Becker", "Hoffmann", "Krüger", "Weiß", "Kühn"),
    ),
}
# Roughly who a Köln move-out programme serves.
WEIGHTS = {
    "arabic": 0.2,
    "kurdish": 0.1,
    "persian": 0.07,
    "dari": 0.12,
    "tigrinya": 0.08,
    "turkish": 0.12,
    "ukrainian": 0.13,
    "romani": 0.08,
    "german": 0.1,
}
# Volunteers are more often Kölner born and bred.
VOLUNTEER_WEIGHTS = WEIGHTS | {"german": 0.6}
# The household the done-when walk looks for ("özt" finds it).
FIRST_FAMILY = ("turkish", "Öztürk")
# Completed years of each age band the demo registers, first and last.
ADULT = (27, 64)
CHILD = (6, 17)
MAIL_DOMAINS = ("example.org", "example.com", "example.net")
ASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ı": "i", "-": ""})


@dataclass(frozen=True)
class Person:
    given_name: str
    family_name: str
    birth_date: date


@dataclass(frozen=True)
class People:
    """A household's people in the order intake registers them: the head, the other
    adults, the children; then the child born during the year, if one is."""

    members: list[Person]
    newborn: Person | None
    phone: str
    email: str | None


def years_before(day: date, years: int) -> date:
    """The same day `years` earlier (28 February for a 29th in a common year)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def born_between(rng: random.Random, day: date, ages: tuple[int, int]) -> date:
    """A birth date of someone whose completed years on `day` are within `ages`."""
    youngest, oldest = ages
    latest = years_before(day, youngest)
    earliest = years_before(day, oldest + 1) + timedelta(days=1)
    return earliest + timedelta(days=rng.randint(0, (latest - earliest).days))


def phone(rng: random.Random, index: int) -> str:
    """A German number in one of the notations people write; unique by the household's
    index (its last digits), so that no two demo households share one."""
    tail = f"{index:05d}"
    notation = rng.randrange(6)
    mobile = rng.choice(("151", "157", "160", "162", "170", "176", "177", "178"))
    if notation == 0:
        return f"+49 221 {rng.randint(10, 99)} {tail}"
    if notation == 1:
        return f"0{mobile}-{rng.randint(100, 999)}{tail}"
    if notation == 2:
        return f"0221 {rng.randint(10, 99)}{tail}"
    if notation == 3:
        return f"+49 {mobile} {rng.randint(100, 999)} {tail}"
    if notation == 4:
        return f"(0221) {rng.randint(3, 9)}{tail}"
    return f"0{mobile} {rng.randint(1000, 9999)}{tail}"


def mail_name(text: str) -> str:
    """`Öztürk` → `oeztuerk`, `Ramić` → `ramic`: an address's local part in ASCII."""
    plain = unicodedata.normalize("NFKD", text.casefold().translate(ASCII))
    return "".join(c for c in plain if c.isascii() and c.isalnum())


def name_key(name: str) -> str:
    """Alike for intake's duplicate check (case, spaces) and then some (accents)."""
    return mail_name(name)


class Namer:
    """The names of one demo year, household by household, in the plan's order."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(f"auszug-demo-names-{seed}")
        self.taken: set[tuple[str, date]] = set()

    def born(self, family: str, day: date, ages: tuple[int, int]) -> date:
        """A birth date no other demo person of this family name has."""
        while True:
            born = born_between(self.rng, day, ages)
            if (name_key(family), born) not in self.taken:
                self.taken.add((name_key(family), born))
                return born

    def people(
        self, index: int, registered_on: date, adults: int, minors: int, birth_on: date | None
    ) -> People:
        rng = self.rng
        if index == 0:
            origin, family = FIRST_FAMILY
        else:
            origin = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
            family = rng.choice(ORIGINS[origin][2])
        women, men, _ = ORIGINS[origin]
        # Given names without repeats inside a household (both lists hold eight or more).
        given_names = iter(rng.sample([*women, *men], k=len(women) + len(men)))
        members = []
        for position in range(adults + minors):
            ages = ADULT if position < adults else CHILD
            born = self.born(family, registered_on, ages)
            members.append(Person(next(given_names), family, born))
        newborn = None
        if birth_on is not None:
            newborn = Person(next(given_names), family, birth_on)
        email = None
        if rng.random() < 0.4:
            head = members[0]
            local = f"{mail_name(head.given_name)}.{mail_name(family)}{rng.randint(1, 99)}"
            email = f"{local}@{rng.choice(MAIL_DOMAINS)}"
        return People(members, newborn, phone(rng, index), email)


def volunteer(seed: int, number: int) -> tuple[str, str]:
    """A volunteer's given and family name, the same for the same seed and number."""
    rng = random.Random(f"auszug-demo-volunteer-{seed}-{number}")
    origin = rng.choices(list(VOLUNTEER_WEIGHTS), weights=list(VOLUNTEER_WEIGHTS.values()))[0]
    women, men, families = ORIGINS[origin]
    return rng.choice(rng.choice((women, men))), rng.choice(families)
