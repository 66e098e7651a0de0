"""Generators of hostile and extreme inputs for every parser of ``timeline`` (issue 13).

Plain ``random.Random`` functions, so ``benchmarks/fuzz.py`` runs 10^5 inputs a parser at a
fixed seed without hypothesis, and ``test_fuzz_smoke.py`` a few hundred in CI. The seeds are
the project's own data: the examples and negatives of the rule tables, the lexicon's words,
the seed corpus and its export; each generator mutates them (splice, duplicate, delete, swap,
case, punctuation) and mixes in what parsers meet least: control characters, lone
surrogates, bidi controls, the tagger's private-use placeholders, non-Latin digits,
combining marks, huge numbers and tokens, the calendar's first and last years, odd offsets
and zones with local mean time. Nothing here writes outside the folder it is given.
"""

from __future__ import annotations

import copy
import functools
import json
import os
import random
import tomllib
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "timeline" / "lang" / "en" / "rules"
LEXICON = ROOT / "timeline" / "lang" / "en" / "lexicon.toml"
SEEDS = ROOT / "seeds"

# --- the project's own text ----------------------------------------------------------------


@functools.cache
def rule_examples() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Every rule example's text, and every negative, from the English rule tables."""
    examples: list[str] = []
    negatives: list[str] = []
    for path in sorted(RULES.glob("*.toml")):
        table = tomllib.loads(path.read_text(encoding="utf-8"))
        negatives.extend(table.get("negatives", ()))
        for rule in table.get("rule", ()):
            for example in rule.get("examples", ()):  # a table, or the text a rule vetoes
                (examples if isinstance(example, dict) else negatives).append(
                    example["text"] if isinstance(example, dict) else example)
    return tuple(examples), tuple(negatives)


@functools.cache
def lexicon_words() -> tuple[str, ...]:
    """Every word and phrase of the lexicon's categories."""
    table = tomllib.loads(LEXICON.read_text(encoding="utf-8"))
    return tuple(sorted({word for words in table.get("words", {}).values() for word in words}))


@functools.cache
def seed_texts() -> tuple[str, ...]:
    """The seed articles' texts, cut into sentences-ish pieces a few hundred characters long."""
    pieces: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        pieces.extend(text[i:i + 300] for i in range(0, len(text), 300))
    return tuple(pieces)


#: Sentences that once broke the tagger or sit on its joins (issue 13's crash among them).
SENTENCES = (
    "The talks began at 2 p.m. GMT - the next day - and ended March 3.",
    "The talks began at 2 p.m. GMT to the next day and ended March 3.",
    "11:00 Kyiv time 9 p.m. every Sunday",
    "from 9 a.m. EST to 5 p.m. PST on Monday",
    "between March 3 and the week before the week before",
    "It ran from Monday 10:00 UTC+05:45 until 3 days later.",
    "the vote, 2 hours before noon Tuesday, ended at 23:59:60",
)

FILLERS = (" ", " - ", " – ", " — ", " to ", " and ", ", ", ". ", " until ", " through ",
           " from ", " on ", " at ", " in ", " by ", " since ", "\n", "\n\n", " (", ") ")

# --- hostile characters ---------------------------------------------------------------------

CONTROLS = [chr(c) for c in range(0x20) if c not in (9, 10, 13)] + ["\x7f"] + \
    [chr(c) for c in range(0x80, 0xA0)]
SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff"]
BIDI = [chr(c) for c in range(0x202A, 0x202F)] + [chr(c) for c in range(0x2066, 0x206A)] + \
    ["\u200e", "\u200f", "\u061c"]
PLACEHOLDERS = [chr(c) for c in range(0xE000, 0xE004)]
SPACES = ["\u00a0", "\u2009", "\u202f", "\u3000", "\u200b", "\ufeff", "\u2028", "\u2029",
          "\u0085", "\t", "\r", "\r\n", "\x0b", "\x0c"]
COMBINING = ["\u0301", "\u0308", "\u20dd", "\u0336", "\ufe0f"]
OTHER = ["\ufffd", "\uffff", "\U0001f600", "\U0010ffff", "İ", "ß", "ﬁ", "Ⅻ", "½", "²", "⁹",
         "\u2212", "\u2010", "\u2011", "\uff0d", "\uff1a", "\u0660", "ǅ"]
#: Digit zero of a few scripts whose digits ``str.isdigit`` and ``\d`` accept.
ZEROS = [0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50, 0xFF10, 0x1D7CE, 0x07C0, 0x1040]
HOSTILE = CONTROLS + SURROGATES + BIDI + PLACEHOLDERS + SPACES + COMBINING + OTHER


def hostile_char(rng: random.Random) -> str:
    return rng.choice(HOSTILE)


def foreign_digits(rng: random.Random, text: str) -> str:
    """``text`` with its ASCII digits written in another script (Arabic-Indic, Devanagari...)."""
    zero = rng.choice(ZEROS)
    return "".join(chr(zero + int(c)) if "0" <= c <= "9" else c for c in text)


def huge_number(rng: random.Random) -> str:
    return rng.choice(["9" * rng.randint(5, 400), str(2**63), str(2**64 + 1), "1e309",
                       "0" * rng.randint(3, 60) + "1", "-1", "-0", "10000", "99999",
                       "1,000,000,000,000", str(rng.randint(10**5, 10**30))])


def long_token(rng: random.Random) -> str:
    return rng.choice(["a", "9", "-", "x", "week", "\u0301", "."]) * rng.randint(500, 20000)


# --- words and mutations ---------------------------------------------------------------------


def phrase(rng: random.Random) -> str:
    """One seed: a rule example, a negative, a lexicon word salad or a hostile sentence."""
    examples, negatives = rule_examples()
    roll = rng.random()
    if roll < 0.5:
        return rng.choice(examples)
    if roll < 0.62:
        return rng.choice(negatives)
    if roll < 0.82:
        return " ".join(rng.choice(lexicon_words()) for _ in range(rng.randint(1, 6)))
    if roll < 0.92:
        return rng.choice(SENTENCES)
    return rng.choice(seed_texts())


def _words(text: str) -> list[str]:
    return text.split(" ")


def _splice(rng: random.Random, text: str) -> str:
    other = phrase(rng)
    i, j = rng.randint(0, len(text)), rng.randint(0, len(other))
    return text[:i] + other[j:] if rng.random() < 0.5 else text + rng.choice(FILLERS) + other


def _duplicate(rng: random.Random, text: str) -> str:
    words = _words(text)
    i = rng.randrange(len(words))
    words[i:i] = [words[i]] * rng.randint(1, 4)
    return " ".join(words)


def _delete(rng: random.Random, text: str) -> str:
    words = _words(text)
    del words[rng.randrange(len(words))]
    return " ".join(words)


def _swap(rng: random.Random, text: str) -> str:
    words = _words(text)
    i, j = rng.randrange(len(words)), rng.randrange(len(words))
    words[i], words[j] = words[j], words[i]
    return " ".join(words)


def _case(rng: random.Random, text: str) -> str:
    return rng.choice([str.upper, str.lower, str.title, str.swapcase, str.capitalize])(text)


def _insert(rng: random.Random, text: str, piece: str) -> str:
    i = rng.randint(0, len(text))
    return text[:i] + piece + text[i:]


def _punctuate(rng: random.Random, text: str) -> str:
    return _insert(rng, text, rng.choice(["-", "–", "—", "/", ".", ",", ":", "'", '"', "(", ")",
                                          "--", " - ", "...", "?", "!", ";", "&", "@", "#"]))


def _hostile(rng: random.Random, text: str) -> str:
    return _insert(rng, text, "".join(hostile_char(rng) for _ in range(rng.randint(1, 3))))


def _digits(rng: random.Random, text: str) -> str:
    if rng.random() < 0.5:
        return foreign_digits(rng, text)
    i = rng.randint(0, len(text))
    return text[:i] + huge_number(rng) + text[i:]


def _long(rng: random.Random, text: str) -> str:
    return _insert(rng, text, long_token(rng))


def _replace_digit(rng: random.Random, text: str) -> str:
    places = [i for i, c in enumerate(text) if c.isdigit()]
    if not places:
        return text + str(rng.randint(0, 9999))
    i = rng.choice(places)
    return text[:i] + rng.choice("0123456789X-+:.WQHTSZ") + text[i + 1:]


MUTATIONS: tuple[Callable[[random.Random, str], str], ...] = (
    _splice, _duplicate, _delete, _swap, _case, _punctuate, _hostile, _digits, _long,
    _replace_digit, _splice, _duplicate, _punctuate, _hostile, _replace_digit,
)


def mutate(rng: random.Random, text: str, *, most: int = 3, long: bool = True) -> str:
    """``text`` with one to ``most`` mutations (``long=False`` leaves out very long tokens)."""
    for _ in range(rng.randint(1, most)):
        mutation = rng.choice(MUTATIONS)
        if mutation is _long and not long:
            continue
        text = mutation(rng, text or " ")
    return text


def expression(rng: random.Random) -> str:
    """A time expression to resolve: a seed, usually mutated, sometimes whole."""
    text = phrase(rng)
    return text if rng.random() < 0.2 else mutate(rng, text, long=rng.random() < 0.05)


def running_text(rng: random.Random) -> str:
    """Running text to tag: several seeds joined by the words and dashes ranges use."""
    parts = [phrase(rng) for _ in range(rng.randint(1, 6))]
    text = "".join(part + rng.choice(FILLERS) for part in parts)
    return text if rng.random() < 0.15 else mutate(rng, text, long=rng.random() < 0.03)


#: Clause frames of news prose: who, a verb group, and a slot for a time expression.
NEWS_SUBJECTS = ("The UN General Assembly", "President Emmanuel Macron", "Russia", "The U.N.",
                 "Mr. Smith", "Officials", "The council", "He", "Apple Inc.", "U.S.-Russia talks",
                 "Prime Minister Keir Starmer's office", "the vote", "\u201cWe", "Jobs")
NEWS_VERBS = ("voted", "will meet", "is set to visit", "could join", "said it adopted",
              "has been held", "did not vote", "met", "hopes to end the war", "plans to open",
              "was adopted", "signed the deal", "resumes talks", "refused to accept")


def news_sentence(rng: random.Random) -> str:
    """A clause of news prose dated by a time expression: "Russia will meet on Monday."."""
    time = phrase(rng) if rng.random() < 0.6 else rng.choice(lexicon_words())
    parts = [rng.choice(NEWS_SUBJECTS), rng.choice(NEWS_VERBS), time]
    if rng.random() < 0.3:
        parts.insert(0, time + ",")
        parts.pop()
    return " ".join(parts) + rng.choice([".", ".", ".", "!", "?", "", ";", ", officials said.",
                                         ".\u201d", "\n"])


def news_text(rng: random.Random) -> str:
    """An article to draft: news sentences, seed article text and running text, joined
    into lines and paragraphs, often mutated (hostile characters, huge tokens)."""
    parts = []
    for _ in range(rng.randint(1, 12)):
        roll = rng.random()
        if roll < 0.6:
            parts.append(news_sentence(rng))
        elif roll < 0.8:
            parts.append(rng.choice(seed_texts()))
        else:
            parts.append(running_text(rng))
    text = "".join(part + rng.choice([" ", " ", "\n", "\n\n", "", "; "]) for part in parts)
    return text if rng.random() < 0.4 else mutate(rng, text, long=rng.random() < 0.03)


# --- anchors and moments --------------------------------------------------------------------

YEARS = (1, 2, 3, 1582, 1752, 1900, 1970, 2000, 2024, 2025, 2038, 9997, 9998, 9999)
OFFSETS = (0, 14 * 60, -14 * 60, 5 * 60 + 45, -(3 * 60 + 30), 1, -1, 13 * 60 + 45,
           -(9 * 60 + 30), 23 * 60 + 59, -(23 * 60 + 59), 60)
#: Zones whose early years are local mean time (odd offsets in seconds), and a few plain ones.
ZONES = ("Australia/Lord_Howe", "Asia/Kathmandu", "America/St_Johns", "Pacific/Kiritimati",
         "Pacific/Niue", "Africa/Monrovia", "Europe/Amsterdam", "Asia/Kolkata", "UTC",
         "America/New_York", "Europe/Kyiv", "Pacific/Chatham", "Etc/GMT-14", "Etc/GMT+12")


def extreme_year(rng: random.Random) -> int:
    return rng.choice(YEARS) if rng.random() < 0.7 else rng.randint(1, 9999)


def calendar_day(rng: random.Random) -> date:
    year = extreme_year(rng)
    month = rng.choice([1, 2, 12, rng.randint(1, 12)])
    day = rng.choice([1, 28, 29, 31, rng.randint(1, 31)])
    while True:
        try:
            return date(year, month, day)
        except ValueError:
            day -= 1


def offset(rng: random.Random) -> timezone:
    minutes = rng.choice(OFFSETS)
    seconds = rng.choice([0, 0, 0, 1, 59]) if rng.random() < 0.1 else 0
    return timezone(timedelta(minutes=minutes, seconds=seconds if minutes >= 0 else -seconds))


def anchor(rng: random.Random) -> date | datetime:
    """An anchor: a date, a floating datetime, or one with a fixed offset or an IANA zone,
    at the calendar's edges as often as in its middle."""
    if rng.random() < 0.35:
        day = date(2025, 2, 24) + timedelta(days=rng.randint(-400, 400))
    else:
        day = calendar_day(rng)
    kind = rng.random()
    if kind < 0.3:
        return day
    moment = datetime(day.year, day.month, day.day, rng.choice([0, 0, 12, 23, rng.randint(0, 23)]),
                      rng.choice([0, 59, rng.randint(0, 59)]), rng.choice([0, 0, 59]))
    if kind < 0.5:
        return moment
    if kind < 0.8:
        return moment.replace(tzinfo=offset(rng))
    return moment.replace(tzinfo=ZoneInfo(rng.choice(ZONES)))


def iso_text(moment: date | datetime) -> str:
    return moment.isoformat()


def moment_text(rng: random.Random) -> str:
    """What a user may type after ``--as-of``: ISO dates and datetimes at the edges, mangled
    ISO, or a time expression."""
    roll = rng.random()
    if roll < 0.45:
        text = iso_text(anchor(rng))
        return text if rng.random() < 0.6 else mutate(rng, text, most=2, long=False)
    if roll < 0.55:
        return rng.choice(["9999-12-31", "0001-01-01", "9999-12-31T23:59:59+14:00",
                           "0001-01-01T00:00:00-14:00", "10000-01-01", "0000-12-31",
                           "9999-12-31T24:00", "2025-02-29", "2025-W53", "9999-W52",
                           "2025-02-24T12:00Z", "+002025-02-24", "2025-02-24T12:00:00.123456789Z"])
    return expression(rng)


# --- TIMEX3 and EDTF strings ----------------------------------------------------------------

TIMEX_SHAPES = (
    "{y}", "{y}-{m}", "{y}-{m}-{d}", "{y}-{m}-{d}T{h}:{mi}", "{y}-{m}-{d}T{h}:{mi}:{s}{z}",
    "{y}-W{w}", "{y}-W{w}-{wd}", "{y}-W{w}-WE", "{y}-Q{q}", "{y}-H{hh}", "{y}-{season}",
    "{c}", "{c}X", "{c}XX", "XXXX-{m}-{d}", "XXXX-WXX-{wd}", "XXXX-WXX-{wd}T{h}:{mi}",
    "{y}-{m}-{d}T{pod}", "P{n}D", "P{n}W", "P{n}Y", "PT{n}H", "PT{n}M", "P{n}Y{n}M", "P{n}DT{n}H",
    "P{n}E", "P{n}C", "P{n}L", "PXY", "PXD", "PRESENT_REF", "PAST_REF", "FUTURE_REF",
    "{y}-{m}-{d}T{h}:{mi}{z}", "{y}-{m}-{d}T{h}{z}", "FY{y}", "{y}-{m}-{d}TMO",
)


def _zone_suffix(rng: random.Random) -> str:
    tz = offset(rng).utcoffset(None)
    assert tz is not None
    minutes = int(tz.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return rng.choice(["", "Z", f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}",
                       f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"])


def timex_value(rng: random.Random) -> str:
    """A TIMEX3 value: a well-formed one at the edges of the calendar, or a mangled one."""
    text = rng.choice(TIMEX_SHAPES).format(
        y=f"{extreme_year(rng):04d}", m=f"{rng.choice([1, 2, 12, 0, 13, rng.randint(1, 12)]):02d}",
        d=f"{rng.choice([1, 28, 29, 30, 31, 0, 32]):02d}", h=f"{rng.choice([0, 12, 23, 24]):02d}",
        mi=f"{rng.choice([0, 30, 59, 60]):02d}", s=f"{rng.choice([0, 59, 60]):02d}",
        z=_zone_suffix(rng), w=f"{rng.choice([1, 52, 53, 0, 54]):02d}", wd=rng.randint(0, 8),
        q=rng.randint(0, 5), hh=rng.randint(0, 3), season=rng.choice(["SP", "SU", "FA", "WI"]),
        c=f"{rng.choice([0, 1, 19, 20, 99]):02d}", pod=rng.choice(["MO", "AF", "EV", "NI", "DT"]),
        n=rng.choice(["1", "0", "1.5", "9999", "3652059", huge_number(rng), "X"]))
    return text if rng.random() < 0.6 else mutate(rng, text, most=2, long=False)


MODS = (None, None, None, "APPROX", "START", "MID", "END", "BEFORE", "AFTER", "ON_OR_BEFORE",
        "ON_OR_AFTER", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE", "bogus", "")
TYPES = (None, None, "DATE", "TIME", "DURATION", "SET", "", "date")


def edtf_text(rng: random.Random) -> str:
    """An EDTF string: one this library writes for an extreme value, or a mangled one."""
    year = f"{extreme_year(rng):04d}"
    shapes = [f"{year}", f"{year}-02", f"{year}-12-31", f"{year}-21", f"{year}-24",
              f"{year}-02-24T12:00:00{_zone_suffix(rng)}", f"{year}~", f"{year}?", f"{year}%",
              f"{year}/..", f"../{year}", f"{year}-01/{year}-12", f"{year[:3]}X", f"{year[:2]}XX",
              "XXXX", f"{year}-XX", f"{year}-12-XX", f"{year}-1X", f"Y{huge_number(rng)}",
              f"Y-{huge_number(rng)}", "1985-04-12T23:20:30/..", "/2025", "2025/", "..",
              f"{year}-02-24T00:00:00+01:00/{year}-02-25T00:00:00+01:00",
              f"[{year}..{year}]", f"{{{year},{year}}}", f"{year}S2", f"-{year}"]
    text = rng.choice(shapes)
    return text if rng.random() < 0.6 else mutate(rng, text, most=2, long=False)


# --- corpora ---------------------------------------------------------------------------------


def toml_text(data: Any, *, depth: int = 0) -> str:
    """``data`` (a dict of TOML values, any types) as TOML text: inline tables and arrays, so
    that wrong types and deep nesting are written as they are, for the loader to refuse."""
    lines = []
    for key, value in data.items():
        lines.append(f"{json.dumps(str(key))} = {_toml_value(value)}")
    return "\n".join(lines) + "\n"


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        text = repr(value)
        return {"inf": "inf", "-inf": "-inf", "nan": "nan"}.get(text, text)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=True)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(str(k))} = {_toml_value(v)}"
                               for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(str(value))


def hostile_value(rng: random.Random, like: Any) -> Any:
    """A value of the wrong type, or of the right type with hostile content, for a field."""
    roll = rng.random()
    if roll < 0.3:
        return rng.choice([0, -1, 2**63, 1.5, float("inf"), True, [], {}, [like], {"x": like},
                           "", date(1, 1, 1), date(9999, 12, 31),
                           datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=14))),
                           datetime(9999, 12, 31, 23, 59, tzinfo=timezone(timedelta(hours=-14))),
                           datetime(9999, 12, 31, 23, 59, 59), [[[[[]]]]], ["start"]])
    if isinstance(like, str):
        if roll < 0.5:
            return mutate(rng, like, most=2, long=rng.random() < 0.1)
        return rng.choice([like + "\x00", "\x00", "../" * rng.randint(1, 5) + like,
                           "/etc/hostname", like * rng.randint(100, 2000), "x" * 300_000,
                           moment_text(rng), expression(rng), "9999 years after",
                           "9999-12-31", "0001-01-01T00:00:00+14:00", "\ud800", "."])
    if isinstance(like, date | datetime):
        return rng.choice([anchor(rng), iso_text(anchor(rng)), calendar_day(rng)])
    if isinstance(like, list) and like:
        return [hostile_value(rng, like[0]), *like[1:]]
    return rng.choice([None, "x", 7, like])


def _paths(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _paths(value, (*path, i))


def mutate_data(rng: random.Random, data: Any, *, times: int = 1,
                log: list[str] | None = None) -> Any:
    """A deep copy of ``data`` (JSON or TOML data) with ``times`` fields changed: a value
    replaced (wrong type or hostile), a key removed or added, a list entry duplicated.
    Each change is described in ``log`` when one is given."""
    data = json.loads(json.dumps(data, default=_encode))
    log = [] if log is None else log
    for _ in range(times):
        path = rng.choice(list(_paths(data))[1:] or [()])
        if not path:
            continue
        parent = data
        for key in path[:-1]:
            parent = parent[key]
        key = path[-1]
        where = "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in path)
        roll = rng.random()
        if roll < 0.65:
            parent[key] = hostile_value(rng, parent[key])
            log.append(f"{where} = {_short(parent[key])}")
        elif roll < 0.8:
            del parent[key]
            log.append(f"{where} removed")
        elif roll < 0.9 and isinstance(parent, list):
            parent.insert(key, parent[key])
            log.append(f"{where} duplicated")
        elif isinstance(parent, dict):
            added = rng.choice(["extra", "__class__", "", "id", key + "x"])
            parent[added] = hostile_value(rng, parent[key])
            log.append(f"{where[: -len(str(key))]}{added} = {_short(parent[added])}")
        else:
            parent[key] = None
            log.append(f"{where} = None")
    return data


def _short(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 80 else f"{shown[:60]}... ({len(shown)} chars)"


def _encode(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return {"__when__": value.isoformat()}
    raise TypeError(type(value))


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {"__when__"} and isinstance(value["__when__"], str):
            text = value["__when__"]
            try:
                return datetime.fromisoformat(text) if "T" in text else date.fromisoformat(text)
            except ValueError:  # mutated: written as the string it now is
                return text
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def deep_nesting(depth: int) -> str:
    return "[" * depth + "]" * depth


@functools.cache
def seed_corpus() -> tuple[dict[str, Any], dict[str, Any], dict[str, bytes]]:
    """The seed corpus as data: sources.toml's, events.toml's, and each text file's bytes."""
    sources = tomllib.loads((SEEDS / "sources.toml").read_text(encoding="utf-8"))
    events = tomllib.loads((SEEDS / "events.toml").read_text(encoding="utf-8"))
    texts = {p.name: p.read_bytes() for p in sorted(SEEDS.glob("*.txt"))}
    return sources, events, texts


def corpus(rng: random.Random, folder: Path) -> str:
    """Write a mutated copy of the seed corpus into ``folder`` (which must exist and be
    empty); return a one-line description of the mutation, the reproducer."""
    sources, events, texts = copy.deepcopy(seed_corpus())  # the cached seeds stay as they are
    for name, data in texts.items():
        (folder / name).write_bytes(data)
    roll = rng.random()
    if roll < 0.5:  # one or two fields of a manifest changed
        which = rng.choice(["sources", "events"])
        log: list[str] = []
        if which == "sources":
            sources = _decode(mutate_data(rng, sources, times=rng.randint(1, 2), log=log))
        else:
            events = _decode(mutate_data(rng, events, times=rng.randint(1, 2), log=log))
        _write_manifests(folder, sources, events)
        return f"{which}.toml: {'; '.join(log)}"
    _write_manifests(folder, sources, events)
    files = ["sources.toml", "events.toml", *texts]
    target = folder / rng.choice(files)
    kind = rng.choice(["bytes", "non-utf8", "nesting", "truncate", "nul", "symlink-loop",
                       "fifo", "directory", "outside-symlink", "dangling", "huge-line",
                       "article-file", "extreme-published", "offset-years", "empty", "bom"])
    data = target.read_bytes()
    if kind == "bytes":
        spot = rng.randrange(len(data) or 1)
        data = data[:spot] + bytes([rng.randrange(256)]) + data[spot + 1:]
        target.write_bytes(data)
    elif kind == "non-utf8":
        target.write_bytes(data[: len(data) // 2] + b"\xff\xfe\xc3(" + data[len(data) // 2:])
    elif kind == "nesting":
        depth = rng.choice([100, 1000, 2000, 5000])
        target.write_bytes(data + f"\nnested = {deep_nesting(depth)}\n".encode())
    elif kind == "truncate":
        target.write_bytes(data[: rng.randrange(len(data) or 1)])
    elif kind == "nul":
        spot = rng.randrange(len(data) or 1)
        target.write_bytes(data[:spot] + b"\x00" + data[spot:])
    elif kind == "symlink-loop":
        target.unlink()
        target.symlink_to(target.name)
    elif kind == "fifo":
        target.unlink()
        os.mkfifo(target)
    elif kind == "directory":
        target.unlink()
        target.mkdir()
    elif kind == "outside-symlink":
        outside = folder.parent / f"{folder.name}-outside.txt"
        outside.write_bytes(data)
        target.unlink()
        target.symlink_to(outside)
    elif kind == "dangling":
        target.unlink()
        target.symlink_to(folder / "no-such-file")
    elif kind == "huge-line":
        target.write_bytes(data + b"\n# " + b"x" * rng.choice([10**5, 10**6]) + b"\n")
    elif kind == "article-file":
        entry = rng.choice(sources["articles"])
        entry["file"] = rng.choice(["../" + entry["file"], "/etc/hostname", entry["file"] + "\x00",
                                    ".", "", "sources.toml", "a/../" + entry["file"],
                                    "\ud800.txt", "x" * 5000])
        _write_manifests(folder, sources, events)
        kind += f" {entry['file'][:40]!r}"
    elif kind == "extreme-published":
        entry = rng.choice(sources["articles"])
        entry["published"] = rng.choice([anchor(rng), date(1, 1, 1), date(9999, 12, 31),
                                         datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=14))),
                                         datetime(9999, 12, 31, 23, 59, 59)])
        _write_manifests(folder, sources, events)
        kind += f" {entry['published']!r}"
    elif kind == "offset-years":
        claim = rng.choice([c for e in events["events"] for c in e.get("claims", ())])
        claim.pop("when", None)
        claim["relative_to"] = rng.choice(events["events"])["id"]
        claim["offset"] = rng.choice(["9999 years after", "9998 years before", "1 day after",
                                      "3000 years after", "P9999Y", "10000 days before"])
        _write_manifests(folder, sources, events)
        kind += f" {claim['offset']!r}"
    elif kind == "empty":
        target.write_bytes(b"")
    elif kind == "bom":
        target.write_bytes(b"\xef\xbb\xbf" + data)
    return f"{kind}: {target.name}"


def _write_manifests(folder: Path, sources: dict[str, Any], events: dict[str, Any]) -> None:
    for name, data in (("sources.toml", sources), ("events.toml", events)):
        try:
            text = toml_text(data)
        except (TypeError, ValueError, RecursionError):
            text = "broken = \n"
        (folder / name).write_text(text, encoding="utf-8", errors="surrogatepass")


# --- exports ---------------------------------------------------------------------------------


@functools.cache
def seed_export() -> str:
    """The seed corpus's lossless JSON export, the seed of ``from_json`` inputs."""
    import timeline

    return timeline.load(SEEDS).to_json()


def export_text(rng: random.Random) -> str:
    """A mutated export: one to three fields changed, or the text itself mangled."""
    data = json.loads(seed_export())
    roll = rng.random()
    if roll < 0.85:
        return json.dumps(mutate_data(rng, data, times=rng.choice([1, 1, 1, 2, 3])),
                          default=str)
    text = json.dumps(data)
    if roll < 0.9:
        return text[: rng.randrange(len(text))]
    if roll < 0.95:
        return json.dumps({"timeline": deep_nesting(2000)}) if rng.random() < 0.5 else \
            "[" * 5000 + "]" * 5000
    return mutate(rng, text, most=2, long=False)


# --- TimeML -----------------------------------------------------------------------------------


@functools.cache
def seed_timeml() -> tuple[str, ...]:
    """Every seed article tagged and written as TimeML, and a few short documents."""
    import timeline
    from timeline.timeml.write import to_timeml

    docs = []
    tl = timeline.load(SEEDS)
    for article in tl.articles.values():
        text = article.text[:1500]
        docs.append(to_timeml(text, timeline.tag(text, article.published), article.published))
    for sentence in SENTENCES[:3]:
        docs.append(to_timeml(sentence, [], date(2025, 2, 24)))
    return tuple(docs)


XML_ATTACKS = (
    '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;'
    '&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;'
    '&c;&c;&c;&c;&c;">]><TimeML><TEXT>&d;</TEXT></TimeML>',
    '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
    '<TimeML><TEXT>&x;</TEXT></TimeML>',
    '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x">%p;]>'
    '<TimeML><TEXT>x</TEXT></TimeML>',
    '<TimeML xmlns:xi="http://www.w3.org/2001/XInclude"><TEXT><xi:include '
    'href="file:///etc/hostname" parse="text"/></TEXT></TimeML>',
    '<?xml version="1.0" encoding="bogus"?><TimeML><TEXT>x</TEXT></TimeML>',
    '<?xml version="1.0" encoding="utf-16"?><TimeML><TEXT>x</TEXT></TimeML>',
    '<?xml version="1.0" encoding="utf-32"?><TimeML><TEXT>x</TEXT></TimeML>',
    '<?xml version="1.0" encoding="ebcdic-cp-us"?><TimeML><TEXT>x</TEXT></TimeML>',
    '<?xml version="1.0" encoding="rot13"?><TimeML><TEXT>x</TEXT></TimeML>',
    '<TimeML><TEXT>\ud800 on <TIMEX3 tid="t1" type="DATE" value="2025">2025</TIMEX3></TEXT>'
    '</TimeML>',
    '<TimeML><TEXT><TIMEX3 tid="t1" type="DATE" value="2025"><TIMEX3 tid="t2" type="DATE" '
    'value="2025">2025</TIMEX3></TIMEX3></TEXT></TimeML>',
    '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="9999-12-31" functionInDocument='
    '"CREATION_TIME">x</TIMEX3></DCT><TEXT>the next day</TEXT></TimeML>',
    '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="0001-01-01T00:00+14:00" '
    'functionInDocument="CREATION_TIME">x</TIMEX3></DCT><TEXT>last year</TEXT></TimeML>',
    '<TimeML><TEXT><![CDATA[<TIMEX3>]]></TEXT><TEXT>again</TEXT></TimeML>',
    '<TimeML>' + '<a>' * 3000 + '</a>' * 3000 + '</TimeML>',
)

TIMEML_EDITS = (
    ('encoding="UTF-8"', ['encoding="bogus"', 'encoding="utf-16"', 'encoding="latin-1"',
                          'encoding=""', 'encoding="utf-32-be"', 'encoding="cp1252"']),
    ('type="DATE"', ['type="date"', 'type=""', 'type="BOGUS"', 'type="DURATION"']),
    ('value="', ['value="9999', 'value="0000', 'value="X', 'value="P', 'value="\x00']),
    ("</TIMEX3>", ["", "</TIMEX3></TIMEX3>", "<TIMEX3>", "</timex3>"]),
    ("<TEXT>", ["", "<TEXT><TEXT>", "<TEXT>\ud800", "<TEXT>\ue000"]),
    ("<TIMEX3 ", ["<TIMEX3 tid=\"t1\" ", "<TIMEX3 mod=\"BOGUS\" ", "<EVENT ", "<TIMEX3 a=\"<\" "]),
    ("tid=\"t", ["tid=\"", "tid=\"t0", "tid=\"t1\" tid=\"t"]),
)


def timeml_document(rng: random.Random) -> str | bytes:
    """A TimeML document: a seed one with its markup edited or its text mutated, an XML
    attack, or bytes in a declared encoding that does not hold them."""
    roll = rng.random()
    if roll < 0.1:
        doc: str = rng.choice(XML_ATTACKS)
    else:
        doc = rng.choice(seed_timeml())
        for _ in range(rng.randint(1, 3)):
            choice = rng.random()
            if choice < 0.5:
                old, news = rng.choice(TIMEML_EDITS)
                places = [i for i in range(len(doc)) if doc.startswith(old, i)][:50]
                if places:
                    i = rng.choice(places)
                    doc = doc[:i] + rng.choice(news) + doc[i + len(old):]
            elif choice < 0.8:
                start = doc.find("<TEXT>")
                i = rng.randint(start + 6 if start >= 0 else 0, len(doc))
                doc = doc[:i] + rng.choice(["&amp;", "&lt;", "&#0;", "&#xD800;", "&#x1F600;",
                                            "&bogus;", "<", "&", hostile_char(rng),
                                            foreign_digits(rng, "2025"), "]]>"]) + doc[i:]
            else:
                i = rng.randrange(len(doc))
                doc = doc[:i] + doc[i + rng.randint(1, 20):]
    if rng.random() < 0.3:
        encoding = rng.choice(["utf-8", "utf-16", "latin-1", "utf-32"])
        data = doc.encode(encoding, errors="surrogatepass" if encoding == "utf-8" else "replace")
        if rng.random() < 0.3:
            i = rng.randrange(len(data))
            data = data[:i] + bytes([rng.randrange(256)]) + data[i + 1:]
        return data
    return doc


# --- output paths -----------------------------------------------------------------------------

OUTPUT_KINDS = ("plain", "symlink", "hardlink", "fifo", "dotdot", "directory", "corpus-manifest",
                "corpus-events", "corpus-article", "missing-parent", "dangling-symlink",
                "trailing-slash", "nul", "long-name", "dash", "existing")


def output_path(rng: random.Random, tmp: Path, corpus_dir: Path) -> tuple[str, str]:
    """An ``-o`` target inside ``tmp`` of a hostile kind, and that kind's name. Symlinks and
    hard links point only at files inside ``tmp``; no device node is ever named."""
    kind = rng.choice(OUTPUT_KINDS)
    target = tmp / "out.file"
    if kind == "symlink":
        real = tmp / "real.file"
        real.write_text("old\n")
        target.symlink_to(real)
    elif kind == "hardlink":
        real = tmp / "real.file"
        real.write_text("old\n")
        os.link(real, target)
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "dotdot":
        (tmp / "sub").mkdir()
        return str(tmp / "sub" / ".." / "out.file"), kind
    elif kind == "directory":
        target.mkdir()
    elif kind == "corpus-manifest":
        return str(corpus_dir / "sources.toml"), kind
    elif kind == "corpus-events":
        return str(corpus_dir / "events.toml"), kind
    elif kind == "corpus-article":
        return str(next(iter(sorted(corpus_dir.glob("*.txt"))), corpus_dir / "x.txt")), kind
    elif kind == "missing-parent":
        return str(tmp / "no" / "such" / "out.file"), kind
    elif kind == "dangling-symlink":
        target.symlink_to(tmp / "nowhere" / "x")
    elif kind == "trailing-slash":
        return str(target) + "/", kind
    elif kind == "nul":
        return str(target) + "\x00x", kind
    elif kind == "long-name":
        return str(tmp / ("x" * 300)), kind
    elif kind == "dash":
        return "-", kind
    elif kind == "existing":
        target.write_text("old\n")
    return str(target), kind
