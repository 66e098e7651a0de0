"""From raw articles to a draft timeline: dated statements, events across articles, actors.

The layer between ``model`` (it reads ``Article``s and writes the model's claims and event
specs) and ``query``. See ``timeline.draft.candidate`` for the types its parts share.
"""
