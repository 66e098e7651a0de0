"""Resolvers for the present, past and future as TimeML names them: ``PRESENT_REF``,
``PAST_REF``, ``FUTURE_REF`` (type DATE).

The anchor bounds each: the present is the anchor's own interval (its day, or its
minute when the time is known), the past runs up to that interval's end and the future
from its start, so "now" and "recently" both contain the anchor's day. No granularity:
the text says none.
"""

from __future__ import annotations

from timeline.errors import ResolveError
from timeline.tagger.context import Context
from timeline.tagger.resolvers import resolver
from timeline.tagger.scan import Match
from timeline.time.value import TimeValue


@resolver("reference")
def reference(m: Match, ctx: Context) -> TimeValue:
    """now, currently, recently, the past, the future, soon: the lexicon's reference value,
    or the rule's own (``params.value``) for words the lexicon cannot list ("this crucial
    moment").

    A rule may name a tense it does not hold in (``params.refuse_tense``): "soon" in a
    past-tense report is soon after something told, not after the anchor.
    """
    word = m["word"] or m["word2"]
    if word is None:
        raise ResolveError(f"rule {m.rule.id!r}: group 'word' did not match")
    refused = m.rule.params.get("refuse_tense")
    if refused is not None and ctx.tense is not None and ctx.tense.value == refused:
        raise ResolveError(f"{word!r} does not point from the anchor in the {refused} tense")
    value = m.rule.params.get("value") or ctx.lexicon.value("time_reference", word)
    return TimeValue.reference(str(value), ctx.interval)
