"""The corpus model: articles now; claims and events to come (``TOML -> model``)."""

from timeline.model.article import Article
from timeline.model.load import load_articles, seeds_dir

__all__ = ["Article", "load_articles", "seeds_dir"]
