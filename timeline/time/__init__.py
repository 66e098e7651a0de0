"""The time model: granules, intervals honest about zones, durations, and TIMEX3/EDTF values."""

from timeline.time.duration import Duration, Unit
from timeline.time.granularity import Granularity, PartOfDay, Season
from timeline.time.interval import Interval
from timeline.time.value import Mod, TimeValue, TimexType

__all__ = ["Duration", "Granularity", "Interval", "Mod", "PartOfDay", "Season", "TimeValue",
           "TimexType", "Unit"]
