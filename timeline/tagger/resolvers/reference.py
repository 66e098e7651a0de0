"""Resolvers: reference (being written)."""
