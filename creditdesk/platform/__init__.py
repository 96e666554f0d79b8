"""Talking to the city credit platform: feed client, sync, offline bundles, keys, credentials."""
