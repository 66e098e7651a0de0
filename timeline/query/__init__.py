"""Queries over events: Allen relations under uncertainty, window indexes, timelines as of a time.

``allen`` and ``index`` work on plain integers (microseconds on one clock, the caller
converts; ``None`` is unbounded), so they stay independent of the model they serve.
"""
