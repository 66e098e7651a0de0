"""Resolvers: set (being written)."""
