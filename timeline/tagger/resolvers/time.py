"""Resolvers: time (being written)."""
