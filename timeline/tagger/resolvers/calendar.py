"""Resolvers: calendar (being written)."""
