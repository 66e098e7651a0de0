"""Resolvers: duration (being written)."""
