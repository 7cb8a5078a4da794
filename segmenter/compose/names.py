"""Made-up people, handles, places and dates for composed pages.

Nothing here comes from the corpus: usernames are built from syllables and small word lists written
for this module, so that no real forum's member names leak into training pages.
"""

from __future__ import annotations

import random
import string
from datetime import datetime, timedelta

_ONSETS = ("b", "br", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "kr", "l", "m", "n", "p", "pl",
           "r", "s", "sh", "st", "t", "tr", "v", "w", "z", "")
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ee", "oo", "ou", "y")
_CODAS = ("", "", "n", "r", "s", "x", "k", "m", "l", "th", "nd", "rk")

_WORDS = ("iron", "silent", "red", "grey", "north", "river", "storm", "owl", "falcon", "cedar", "harbor",
          "copper", "lucky", "old", "salty", "quiet", "night", "desert", "winter", "lone", "blue", "major",
          "captain", "doc", "uncle", "sgt", "wolf", "bear", "fox", "hawk", "pilot", "sailor", "farmer",
          "ranger", "tiger", "panda", "dragon", "eagle", "ghost", "spark", "rocket", "anchor", "badger",
          "comet", "patriot", "realist", "skeptic", "observer", "watcher", "thinker", "citizen", "voter",
          "lurker", "grumpy", "happy", "mister", "lady", "tank", "radar", "jet", "valley", "prairie")

FIRST_NAMES = ("James", "Mary", "John", "Linda", "Robert", "Susan", "Michael", "Karen", "David", "Nancy",
               "William", "Lisa", "Richard", "Betty", "Thomas", "Helen", "Mark", "Sandra", "Paul", "Donna",
               "Steven", "Carol", "Andrew", "Ruth", "Kenneth", "Sharon", "George", "Laura", "Brian",
               "Sarah", "Edward", "Kim", "Ronald", "Deborah", "Anthony", "Jessica", "Kevin", "Shirley",
               "Jason", "Cynthia", "Matthew", "Angela", "Gary", "Melissa", "Timothy", "Brenda", "Jose",
               "Amy", "Larry", "Anna", "Jeffrey", "Rebecca", "Frank", "Virginia", "Scott", "Kathleen",
               "Eric", "Pamela", "Stephen", "Martha", "Raymond", "Debra", "Gregory", "Amanda", "Samuel",
               "Stephanie", "Patrick", "Carolyn", "Dennis", "Christine", "Jerry", "Marie", "Tyler",
               "Janet", "Aaron", "Catherine", "Henry", "Frances", "Adam", "Ann", "Douglas", "Joyce",
               "Nathan", "Diane", "Peter", "Alice", "Zachary", "Julie", "Kyle", "Heather", "Walter",
               "Teresa", "Harold", "Doris", "Jeremy", "Gloria", "Ethan", "Evelyn", "Carl", "Jean", "Keith",
               "Cheryl", "Roger", "Mildred", "Gerald", "Katherine", "Christian", "Joan", "Terry", "Ashley",
               "Sean", "Judith", "Arthur", "Rose", "Austin", "Janice", "Noah", "Kelly", "Lawrence",
               "Nicole", "Jesse", "Judy", "Joe", "Christina", "Bryan", "Kathy", "Billy", "Theresa",
               "Jordan", "Beverly", "Albert", "Denise", "Dylan", "Tammy", "Bruce", "Irene", "Willie",
               "Jane", "Gabriel", "Lori", "Alan", "Rachel", "Juan", "Marilyn", "Logan", "Andrea", "Wayne",
               "Kathryn", "Ralph", "Louise", "Roy", "Sara", "Eugene", "Anne", "Randy", "Jacqueline",
               "Vincent", "Wanda", "Russell", "Bonnie", "Louis", "Julia", "Philip", "Ruby", "Bobby",
               "Lois", "Johnny", "Tina", "Bradley", "Phyllis", "Igor", "Ahmed", "Yusuf", "Hiroshi", "Wei",
               "Olga", "Pierre", "Hans", "Giulia", "Mehmet", "Ravi", "Priya", "Tomasz", "Anders", "Sven")

LAST_NAMES = ("Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Garcia", "Rodriguez",
              "Wilson", "Martinez", "Anderson", "Taylor", "Thomas", "Hernandez", "Moore", "Martin",
              "Jackson", "Thompson", "White", "Lopez", "Lee", "Gonzalez", "Harris", "Clark", "Lewis",
              "Robinson", "Walker", "Perez", "Hall", "Young", "Allen", "Sanchez", "Wright", "King", "Scott",
              "Green", "Baker", "Adams", "Nelson", "Hill", "Ramirez", "Campbell", "Mitchell", "Roberts",
              "Carter", "Phillips", "Evans", "Turner", "Torres", "Parker", "Collins", "Edwards", "Stewart",
              "Flores", "Morris", "Nguyen", "Murphy", "Rivera", "Cook", "Rogers", "Morgan", "Peterson",
              "Cooper", "Reed", "Bailey", "Bell", "Gomez", "Kelly", "Howard", "Ward", "Cox", "Diaz",
              "Richardson", "Wood", "Watson", "Brooks", "Bennett", "Gray", "James", "Reyes", "Cruz",
              "Hughes", "Price", "Myers", "Long", "Foster", "Sanders", "Ross", "Morales", "Powell",
              "Sullivan", "Russell", "Ortiz", "Jenkins", "Gutierrez", "Perry", "Butler", "Barnes",
              "Fisher", "Henderson", "Coleman", "Simmons", "Patterson", "Jordan", "Reynolds", "Hamilton",
              "Graham", "Kim", "Gonzales", "Alexander", "Ramos", "Wallace", "Griffin", "West", "Cole",
              "Hayes", "Chavez", "Gibson", "Bryant", "Ellis", "Stevens", "Murray", "Ford", "Marshall",
              "Owens", "McDonald", "Harrison", "Ruiz", "Kennedy", "Wells", "Alvarez", "Woods", "Mendoza",
              "Castillo", "Olson", "Webb", "Washington", "Tucker", "Freeman", "Burns", "Henry", "Vasquez",
              "Snyder", "Simpson", "Crawford", "Jimenez", "Porter", "Mason", "Shaw", "Gordon", "Wagner",
              "Hunter", "Romero", "Hicks", "Dixon", "Hunt", "Palmer", "Robertson", "Black", "Holmes",
              "Stone", "Meyer", "Boyd", "Mills", "Warren", "Fox", "Rose", "Rice", "Moreno", "Schmidt",
              "Patel", "Ferguson", "Nichols", "Herrera", "Medina", "Ryan", "Fernandez", "Weaver",
              "Daniels", "Stephens", "Gardner", "Payne", "Kovacs", "Novak", "Petrov", "Ivanova", "Tanaka",
              "Chen", "Wang", "Larsen", "Dubois", "Rossi", "Becker", "Yilmaz", "Sharma", "Kowalski")

PLACES = ("Springfield", "Riverton", "Oakdale", "Fairview", "Lakewood", "Greenville", "Milford",
          "Ashland", "Clayton", "Dover", "Franklin", "Georgetown", "Hudson", "Kingston", "Lexington",
          "Madison", "Marion", "Newport", "Oxford", "Salem", "Shelby", "Troy", "Union", "Warren",
          "Westfield", "Burlington", "Chester", "Bristol", "Auburn", "Camden", "Dayton", "Elgin")

COUNTRIES = ("USA", "UK", "Canada", "Australia", "Germany", "India", "Singapore", "Netherlands",
             "Poland", "Texas", "California", "Ohio", "Florida", "Ontario", "Scotland", "Ireland")

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
MON = tuple(m[:3] for m in MONTHS)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def syllable_word(rng: random.Random, syllables: int | None = None) -> str:
    """A pronounceable made-up word such as ``"trosek"``."""
    count = syllables or rng.choice((1, 2, 2, 2, 3))
    return "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(count)) + rng.choice(_CODAS)


def username(rng: random.Random) -> str:
    """A forum handle in one of the shapes real forums show (``Place Of Space``, ``lord_kavin``, ``NATO 556``)."""
    shape = rng.random()
    word = syllable_word(rng)
    if shape < 0.25:
        return word.capitalize()
    if shape < 0.40:
        return word + str(rng.choice((rng.randint(1, 99), rng.randint(1950, 2010), rng.randint(100, 999))))
    if shape < 0.55:
        return f"{rng.choice(_WORDS)}{rng.choice(('', '_', '-', ''))}{word}"
    if shape < 0.70:
        return " ".join(w.capitalize() for w in (rng.choice(_WORDS), rng.choice(_WORDS) if rng.random() < 0.5
                                                 else syllable_word(rng)))
    if shape < 0.80:
        return f"{rng.choice(FIRST_NAMES)}{rng.choice(('', '_', ''))}{rng.choice(LAST_NAMES)[: rng.randint(1, 6)]}"
    if shape < 0.88:
        return f"{rng.choice(_WORDS)} {syllable_word(rng)}"
    if shape < 0.94:
        return word.upper()[: rng.randint(3, 8)] + str(rng.randint(1, 999))
    return f"{syllable_word(rng).capitalize()}{syllable_word(rng, 1).capitalize()}"


def real_name(rng: random.Random) -> str:
    """A person's name, sometimes with a middle initial."""
    middle = f" {rng.choice(string.ascii_uppercase)}." if rng.random() < 0.25 else ""
    return f"{rng.choice(FIRST_NAMES)}{middle} {rng.choice(LAST_NAMES)}"


def host(rng: random.Random, era_year: int) -> str:
    """A made-up host name of the Usenet era (``lab.cs.trosek.edu``) or a modern domain."""
    site = syllable_word(rng, rng.choice((1, 2)))
    if era_year < 2000:
        dept = rng.choice(("cs", "ee", "math", "phys", "cc", "ucs", "eng", "acs", "ai", "sw", "ece"))
        machine = rng.choice((syllable_word(rng, 1), f"{syllable_word(rng, 1)}{rng.randint(1, 40)}"))
        tld = rng.choice(("edu", "edu", "edu", "com", "org", "gov", "ca", "uk", "de", "mil"))
        parts = [machine, dept, site, tld] if rng.random() < 0.6 else [machine, site, tld]
        return ".".join(parts)
    return f"{site}.{rng.choice(('com', 'net', 'org', 'co.uk', 'info'))}"


def email(rng: random.Random, name: str, era_year: int) -> str:
    """An address derived from a person's name (``jsmith@cs.trosek.edu``)."""
    first, _, last = name.partition(" ")
    last = last.split()[-1] if last else syllable_word(rng)
    local = rng.choice((
        f"{first[0]}{last}".lower(), f"{first}.{last}".lower(), last.lower()[:8],
        f"{first[0]}{last[0]}{rng.randint(1, 9999)}".lower(), syllable_word(rng),
    ))
    return f"{local}@{host(rng, era_year)}"


def organization(rng: random.Random, era_year: int) -> str:
    """An ``Organization:`` value for a Usenet header."""
    place = rng.choice(PLACES)
    word = syllable_word(rng).capitalize()
    choices = [
        f"University of {place}", f"{place} State University", f"{word} Computer, Inc.",
        f"{word} Systems Corporation", f"Dept. of Computer Science, {place} University",
        f"{word} Research Laboratory", f"{place} College", f"{word} Public Access Unix",
        f"{word} Associates", f"{place} Institute of Technology", f"{word} Networks, {place}",
        f"ECE - {place} University", f"{word} Software, {place}",
    ]
    if era_year >= 2000:
        choices += [f"{word} Internet Services", f"{place} Free-Net"]
    return rng.choice(choices)


def random_date(rng: random.Random, first_year: int, last_year: int) -> datetime:
    """A uniformly drawn moment between 1 January of ``first_year`` and 31 December of ``last_year``."""
    start = datetime(first_year, 1, 1)
    span = (datetime(last_year, 12, 31, 23, 59) - start).total_seconds()
    return start + timedelta(seconds=rng.random() * span)


def later(rng: random.Random, when: datetime, max_hours: float = 30.0) -> datetime:
    """A moment somewhat after ``when`` (next post of a thread)."""
    return when + timedelta(minutes=rng.expovariate(1 / (max_hours * 12)) + 1)


def long_date(when: datetime, rng: random.Random) -> str:
    """One of the long date formats articles and releases print."""
    day = when.day
    return rng.choice((
        f"{MONTHS[when.month - 1]} {day}, {when.year}",
        f"{WEEKDAYS[when.weekday()]}, {MONTHS[when.month - 1]} {day}, {when.year}",
        f"{day} {MONTHS[when.month - 1]} {when.year}",
        f"{MON[when.month - 1]}. {day}, {when.year}" if when.month != 5 else f"May {day}, {when.year}",
    ))


def clock(when: datetime, rng: random.Random) -> str:
    """A time of day as ``10:06 AM`` or ``22:06``."""
    if rng.random() < 0.7:
        hour = when.hour % 12 or 12
        return f"{hour}:{when.minute:02d} {'AM' if when.hour < 12 else 'PM'}"
    return f"{when.hour:02d}:{when.minute:02d}"
