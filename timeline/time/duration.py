"""TIMEX3 durations (``P3Y``, ``PT2H``, ``PXD``, ``P1DE``): amounts per unit, X for unknown."""

from __future__ import annotations

import enum
import re
from datetime import datetime
from fractions import Fraction

import attrs
from dateutil.relativedelta import relativedelta

from timeline.errors import TimexError


class Unit(enum.Enum):
    """Duration units as TIMEX3 writes them: date units before ``T``, clock units after it."""

    MILLENNIUM = "ML"
    CENTURY = "CE"
    DECADE = "DE"
    YEAR = "Y"
    HALF = "H"  # half-year, written without T; clock hours are written after T
    QUARTER = "Q"
    MONTH = "M"
    WEEK = "W"
    WEEKEND = "WE"
    DAY = "D"
    HOUR = "TH"
    MINUTE = "TM"
    SECOND = "TS"

    @property
    def clock(self) -> bool:
        return self.value.startswith("T")

    @property
    def letters(self) -> str:
        return self.value.removeprefix("T")


MAX_LENGTH = 64  # as for date values: longer strings are rejected before any pattern runs

_DATE_UNITS = {u.letters: u for u in Unit if not u.clock}
_CLOCK_UNITS = {u.letters: u for u in Unit if u.clock}
# Longest letters first so that "WE" wins over "W", "DE" over "D".
_AMOUNT = r"(?:\d+(?:\.\d+)?|X+)"
_DATE_PART = re.compile(rf"({_AMOUNT})(ML|CE|DE|WE|Y|H|Q|M|W|D)")
_CLOCK_PART = re.compile(rf"({_AMOUNT})(H|M|S)")
_SHAPE = re.compile(r"P(?P<date>[0-9X.A-Z]*?)(?:T(?P<clock>[0-9X.HMS]+))?")

_RELATIVE: dict[Unit, relativedelta] = {
    Unit.MILLENNIUM: relativedelta(years=1000),
    Unit.CENTURY: relativedelta(years=100),
    Unit.DECADE: relativedelta(years=10),
    Unit.YEAR: relativedelta(years=1),
    Unit.HALF: relativedelta(months=6),
    Unit.QUARTER: relativedelta(months=3),
    Unit.MONTH: relativedelta(months=1),
    Unit.WEEK: relativedelta(weeks=1),
    Unit.WEEKEND: relativedelta(days=2),
    Unit.DAY: relativedelta(days=1),
    Unit.HOUR: relativedelta(hours=1),
    Unit.MINUTE: relativedelta(minutes=1),
    Unit.SECOND: relativedelta(seconds=1),
}


def _amount(text: str) -> Fraction | None:
    if text.startswith("X"):
        return None
    return Fraction(text)


def _format_amount(amount: Fraction | None) -> str:
    """The amount as TIMEX3 writes it: exact for any decimal (``P123456.5Y``, ``P0.1234567D``).

    A float with ``"g"`` would round to six digits and break the round trip; a fraction
    with no finite decimal (1/3, from ``Duration.of``) is written to twelve places.
    """
    if amount is None:
        return "X"
    if amount.denominator == 1:
        return str(amount.numerator)
    places = _decimal_places(amount.denominator)
    scaled = round(amount * 10**places)
    sign = "-" if scaled < 0 else ""
    digits = str(abs(scaled)).rjust(places + 1, "0")
    return f"{sign}{digits[:-places]}.{digits[-places:]}".rstrip("0").rstrip(".")


@attrs.frozen
class Duration:
    """A length of time: ``((Unit.YEAR, Fraction(3)),)`` is ``P3Y``; an amount of ``None`` is ``X``.

    >>> Duration.from_timex("PT2H").to_timex()
    'PT2H'
    >>> Duration.from_timex("PXD").known
    False
    """

    parts: tuple[tuple[Unit, Fraction | None], ...] = attrs.field(
        validator=attrs.validators.min_len(1))

    @classmethod
    def of(cls, unit: Unit, amount: int | Fraction | None) -> Duration:
        return cls(((unit, None if amount is None else Fraction(amount)),))

    @property
    def known(self) -> bool:
        """False when any amount is unknown (``X``)."""
        return all(amount is not None for _, amount in self.parts)

    @classmethod
    def from_timex(cls, value: str) -> Duration:
        """Parse a TIMEX3 duration value; ``TimexError`` names the value when it is not one."""
        if len(value) > MAX_LENGTH:
            raise TimexError(f"TIMEX3 duration too long ({len(value)} characters): "
                             f"{value[:20]!r}...")
        shape = _SHAPE.fullmatch(value)
        if shape is None or (not shape["date"] and not shape["clock"]):
            raise TimexError(f"not a TIMEX3 duration: {value!r}")
        parts: list[tuple[Unit, Fraction | None]] = []
        for text, table, part_re in ((shape["date"], _DATE_UNITS, _DATE_PART),
                                     (shape["clock"] or "", _CLOCK_UNITS, _CLOCK_PART)):
            pos = 0
            while pos < len(text):
                m = part_re.match(text, pos)
                if m is None:
                    raise TimexError(f"not a TIMEX3 duration: {value!r}")
                parts.append((table[m[2]], _amount(m[1])))
                pos = m.end()
        return cls(tuple(parts))

    def to_timex(self) -> str:
        date = "".join(_format_amount(a) + u.letters for u, a in self.parts if not u.clock)
        clock = "".join(_format_amount(a) + u.letters for u, a in self.parts if u.clock)
        return "P" + date + ("T" + clock if clock else "")

    def to_relativedelta(self) -> relativedelta | None:
        """The length as a ``relativedelta``; ``None`` when an amount is unknown.

        Fractions of months and years are taken in days (a ``relativedelta`` holds whole
        months), so ``P1.5Y`` is one year, six months.
        """
        total = relativedelta()
        for unit, amount in self.parts:
            if amount is None:
                return None
            base = _RELATIVE[unit]
            whole = int(amount)
            total += base * whole
            rest = amount - whole
            if rest:
                total += _fraction_of(unit, rest)
        return total.normalized()

    def before(self, end: datetime) -> datetime | None:
        """The moment this long before ``end``; ``None`` when the length is unknown."""
        length = self.to_relativedelta()
        return None if length is None else end - length

    def after(self, start: datetime) -> datetime | None:
        """The moment this long after ``start``; ``None`` when the length is unknown."""
        length = self.to_relativedelta()
        return None if length is None else start + length

    def __str__(self) -> str:
        return self.to_timex()


def _decimal_places(denominator: int) -> int:
    """Places a fraction with this denominator needs in decimal; 12 when none suffice."""
    twos = fives = 0
    while denominator % 2 == 0:
        denominator //= 2
        twos += 1
    while denominator % 5 == 0:
        denominator //= 5
        fives += 1
    return max(twos, fives) if denominator == 1 else 12


def _fraction_of(unit: Unit, rest: Fraction) -> relativedelta:
    months = {Unit.MILLENNIUM: 12000, Unit.CENTURY: 1200, Unit.DECADE: 120, Unit.YEAR: 12,
              Unit.HALF: 6, Unit.QUARTER: 3, Unit.MONTH: 1}
    if unit in months:
        whole_months = rest * months[unit]
        if whole_months.denominator == 1:
            return relativedelta(months=int(whole_months))
        return relativedelta(days=round(float(whole_months) * 30.436875))
    seconds = {Unit.WEEK: 604800, Unit.WEEKEND: 172800, Unit.DAY: 86400, Unit.HOUR: 3600,
               Unit.MINUTE: 60, Unit.SECOND: 1}[unit]
    return relativedelta(seconds=round(float(rest * seconds)))
