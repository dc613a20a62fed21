"""Perhekeskus: the platform of a family center network."""
