"""Helpers shared by the tests: a city built by hand, databases, dumps."""
