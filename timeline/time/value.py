"""``TimeValue``: a resolved time expression as TimeML writes it, with the interval it denotes."""

from __future__ import annotations

import enum
import reprlib
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

import attrs

from timeline.errors import TimexError
from timeline.time import timex
from timeline.time.duration import Duration
from timeline.time.granularity import (
    Granularity,
    PartOfDay,
    floor,
    part_of_day_span,
    span,
    step,
    third,
)
from timeline.time.interval import Interval
from timeline.time.jsontext import JSONable, read_json


class TimexType(enum.Enum):
    """The TIMEX3 ``type`` attribute."""

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class Mod(enum.Enum):
    """The TIMEX3 ``mod`` attribute (TimeML 1.2.1)."""

    BEFORE = "BEFORE"
    AFTER = "AFTER"
    ON_OR_BEFORE = "ON_OR_BEFORE"
    ON_OR_AFTER = "ON_OR_AFTER"
    LESS_THAN = "LESS_THAN"
    MORE_THAN = "MORE_THAN"
    EQUAL_OR_LESS = "EQUAL_OR_LESS"
    EQUAL_OR_MORE = "EQUAL_OR_MORE"
    START = "START"
    MID = "MID"
    END = "END"
    APPROX = "APPROX"


_THIRD = {Mod.START: 0, Mod.MID: 1, Mod.END: 2}
#: Granules START/MID/END leave whole: parts of days overlap and have no thirds, and a
#: second is the finest unit the model splits to.
_WHOLE = frozenset({Granularity.PART_OF_DAY, Granularity.SECOND})

#: How far APPROX widens an interval on each side: one granule of its own size ("about
#: 1990s" takes in the 1980s and 2000s), except for the finest, where one granule is too
#: little: a quarter of an hour around a clock time ("about 11:30"), a minute around a
#: second, two hours around a part of the day.
_APPROX_WIDTH: dict[Granularity, timedelta | None] = {
    Granularity.SECOND: timedelta(minutes=1),
    Granularity.MINUTE: timedelta(minutes=15),
    Granularity.PART_OF_DAY: timedelta(hours=2),
}


def apply_mod(mod: Mod | None, granularity: Granularity, interval: Interval) -> Interval:
    """The interval a modified value covers (``docs/conventions.md`` has the table).

    START/MID/END keep a third of the granule, rounded outward; BEFORE/AFTER open the
    interval on one side and exclude the granule, ON_OR_BEFORE/ON_OR_AFTER include it;
    APPROX widens by one granule each side (``_APPROX_WIDTH`` for the finest ones); the
    duration mods (LESS_THAN, ...) leave a date's interval as it is.
    """
    if mod is None or interval.start is None or interval.end is None:
        return interval
    if mod in _THIRD and granularity not in _WHOLE:
        return Interval(*third(granularity, interval.start, _THIRD[mod]))
    if mod in ONE_SIDED:
        return one_sided(mod, interval)
    if mod is Mod.APPROX:
        width = _APPROX_WIDTH.get(granularity)
        if width is not None:
            return Interval(interval.start - width, interval.end + width)
        unit = step(granularity)
        return Interval(interval.start - unit, interval.end + unit)
    return interval


#: The mods that open an interval on one side.
ONE_SIDED = frozenset({Mod.BEFORE, Mod.ON_OR_BEFORE, Mod.AFTER, Mod.ON_OR_AFTER})


def one_sided(mod: Mod, interval: Interval) -> Interval:
    """The interval opened on one side: BEFORE and AFTER exclude it, ON_OR_BEFORE and
    ON_OR_AFTER include it (an end it lacks stays open)."""
    if mod is Mod.BEFORE:
        return Interval(None, interval.start)
    if mod is Mod.AFTER:
        return Interval(interval.end, None)
    if mod is Mod.ON_OR_BEFORE:
        return Interval(None, interval.end)
    if mod is Mod.ON_OR_AFTER:
        return Interval(interval.start, None)
    raise ValueError(f"{mod.value} opens no side")


def _reference_interval(value: str, anchor: Interval | None) -> Interval | None:
    if anchor is None:
        return None
    if value == "PRESENT_REF":
        return anchor
    if value == "PAST_REF":
        return Interval(None, anchor.end)
    return Interval(anchor.start, None)


@attrs.frozen
class TimeValue(JSONable):
    """A resolved time expression: TIMEX3 ``type``, ``value`` and ``mod``, and what it denotes.

    ``interval`` is the honest calendar interval of a DATE or TIME (and of an anchored
    DURATION such as "the past three years"); ``granularity`` was set by the rule that
    matched; ``duration`` is the length of a DURATION or the period of a SET.

    ``to_dict``/``from_dict`` and ``to_json``/``from_json`` (JSON text) round-trip.

    >>> v = TimeValue.from_timex("2025-W08")
    >>> v.granularity, str(v.interval)
    (<Granularity.WEEK: 'week'>, '[2025-02-17, 2025-02-24)')
    >>> v.to_json()[:56]
    '{"type": "DATE", "value": "2025-W08", "mod": null, "inte'
    >>> TimeValue.from_json(v.to_json()) == v
    True
    """

    type: TimexType
    value: str
    mod: Mod | None = None
    interval: Interval | None = None
    granularity: Granularity | None = None
    duration: Duration | None = None
    quant: str | None = None
    freq: str | None = None

    @classmethod
    def of_granule(cls, granularity: Granularity, moment: datetime, *, mod: Mod | None = None,
                   part: PartOfDay | None = None, type: TimexType | None = None) -> TimeValue:
        """The value naming the granule of this size that contains ``moment``.

        The type is TIME for clock times and parts of days, DATE otherwise, as TimeML
        decides it. ``TimexError`` (a ``ValueError``) when the granule, or its mod's
        widening, leaves Python's calendar (years 1-9999).
        """
        try:
            value = timex.render(granularity, moment, part)
            if granularity is Granularity.PART_OF_DAY:
                assert part is not None  # render has checked
                start, end = part_of_day_span(floor(Granularity.DAY, moment), part)
            else:
                # Computed from the moment, not parsed back from the value, so that an
                # aware moment gives a day in its own zone (a date value has no zone).
                start, end = span(granularity, floor(granularity, moment))
            interval = apply_mod(mod, granularity, Interval(start, end))
        except (ValueError, OverflowError) as exc:  # past year 1 or 9999 (#13)
            raise TimexError(f"the {granularity.value} of {moment.isoformat()} with mod "
                             f"{mod.value if mod else None}: {exc}") from None
        if type is None:
            type = TimexType.TIME if granularity <= Granularity.PART_OF_DAY else TimexType.DATE
        return cls(type, value, mod, interval, granularity)

    @classmethod
    def reference(cls, value: str, anchor: Interval | None = None) -> TimeValue:
        """``PRESENT_REF``, ``PAST_REF`` or ``FUTURE_REF``; the anchor's interval bounds it."""
        if value not in timex.REFERENCES:
            raise TimexError(f"not a TIMEX3 reference value: {value!r}")
        return cls(TimexType.DATE, value, None, _reference_interval(value, anchor), None)

    @classmethod
    def of_duration(cls, duration: Duration, *, mod: Mod | None = None,
                    interval: Interval | None = None) -> TimeValue:
        return cls(TimexType.DURATION, duration.to_timex(), mod, interval, None, duration)

    @classmethod
    def from_timex(cls, value: str, mod: str | Mod | None = None,
                   type: str | TimexType | None = None, *, quant: str | None = None,
                   freq: str | None = None) -> TimeValue:
        """Read a TIMEX3 ``value`` (with its ``mod`` and ``type`` when the file gives them).

        The interval is the convention's for that value and mod; reference values
        (``PRESENT_REF``) carry no interval, as they have no anchor here.
        """
        if not isinstance(value, str):
            raise TimexError(f"TIMEX3 value must be a string, got {value!r}")
        try:
            mod = None if mod in (None, "") else Mod(mod)
            given = None if type in (None, "") else TimexType(type)
        except ValueError as exc:
            raise TimexError(f"bad TIMEX3 attribute for {value!r}: {exc}") from None
        if value in timex.REFERENCES:
            return cls(given or TimexType.DATE, value, mod)
        if value.startswith("P"):
            duration = Duration.from_timex(value)
            kind = given if given is TimexType.SET else TimexType.DURATION
            return cls(kind, value, mod, None, None, duration, quant, freq)
        granule = timex.parse(value)
        try:
            interval = None if granule.interval is None else apply_mod(
                mod, granule.granularity, granule.interval)
        except (ValueError, OverflowError) as exc:  # widened past year 1 or 9999
            raise TimexError(f"{value!r} with mod {mod.value if mod else None}: {exc}") from None
        if given is None:
            if granule.interval is None and value.startswith("XXXX"):
                given = TimexType.SET
            elif granule.granularity <= Granularity.PART_OF_DAY:
                given = TimexType.TIME
            else:
                given = TimexType.DATE
        if given is TimexType.SET:
            interval = None
        return cls(given, value, mod, interval, granule.granularity, None, quant, freq)

    def to_timex(self) -> dict[str, str]:
        """TIMEX3 attributes: ``type``, ``value``, and ``mod``, ``quant``, ``freq`` when set."""
        attributes = {"type": self.type.value, "value": self.value}
        for name, attr in (("mod", self.mod.value if self.mod else None),
                           ("quant", self.quant), ("freq", self.freq)):
            if attr is not None:
                attributes[name] = attr
        return attributes

    @property
    def edtf(self) -> str | None:
        """The value in EDTF (ISO 8601-2); ``None`` for what EDTF cannot write (sets, lengths)."""
        from timeline.time.edtf import to_edtf

        return to_edtf(self)

    @classmethod
    def from_edtf(cls, text: str) -> TimeValue:
        """Read an EDTF string back into a value (see ``timeline.time.edtf``)."""
        from timeline.time.edtf import from_edtf

        return from_edtf(text)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: type, value, mod, interval, granularity, edtf, and ``duration``
        (a DURATION's length or a SET's period), ``quant``, ``freq`` when set.

        The interval's ends are ISO 8601, a floating midnight of a day or coarser value
        as a plain date (``["2025-02-17", "2025-02-24"]``, half-open); ``edtf`` is derived
        and ``from_dict`` ignores it.
        """
        dates = self.granularity is None or self.granularity >= Granularity.DAY
        out: dict[str, Any] = {
            "type": self.type.value,
            "value": self.value,
            "mod": self.mod.value if self.mod else None,
            "interval": None if self.interval is None else list(self.interval.to_iso(dates=dates)),
            "granularity": self.granularity.value if self.granularity else None,
            "edtf": self.edtf,
        }
        if self.duration is not None:
            out["duration"] = self.duration.to_timex()
        if self.quant is not None:
            out["quant"] = self.quant
        if self.freq is not None:
            out["freq"] = self.freq
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TimeValue:
        """Read back ``to_dict`` (or the values of the timeline JSON): the interval as
        written, not recomputed, since a resolved value's may be in its anchor's zone.

        ``TimexError`` names what is missing or malformed.
        """
        try:
            interval = data.get("interval")
            for key in ("type", "value", "mod", "granularity", "duration", "quant", "freq"):
                given = data.get(key)  # #13: strings, never numbers, lists or objects
                if not isinstance(given, str) and (given is not None or key in ("type", "value")):
                    shown = f"got {reprlib.repr(given)}" if key in data else "missing"
                    raise TimexError(f"{key!r}: expected a string, {shown}")
            if interval is not None and (not isinstance(interval, list | tuple)
                                         or len(interval) != 2):
                raise TimexError(f"'interval': expected [start, end], got "
                                 f"{reprlib.repr(interval)}")
            return cls(
                TimexType(data["type"]), data["value"],
                Mod(data["mod"]) if data.get("mod") else None,
                None if interval is None else Interval.from_iso(interval[0], interval[1]),
                Granularity(data["granularity"]) if data.get("granularity") else None,
                Duration.from_timex(data["duration"]) if data.get("duration") else None,
                data.get("quant"), data.get("freq"))
        except TimexError:
            raise
        except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
            raise TimexError(f"not a time value ({exc!r}): {reprlib.repr(data)}") from None

    @classmethod
    def from_json(cls, text: str | bytes) -> TimeValue:
        """Read back ``to_json``'s text; a mapping still works for one release, warned."""
        return cls.from_dict(read_json(text, "TimeValue", error=TimexError))

    def _repr_html_(self) -> str:
        from timeline.export.notebook import value_html

        return value_html(self)

    def __str__(self) -> str:
        mod = f" {self.mod.value}" if self.mod else ""
        where = f" {self.interval}" if self.interval is not None else ""
        return f"{self.type.value} {self.value}{mod}{where}"
