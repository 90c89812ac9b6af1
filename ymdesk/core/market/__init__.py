"""Talking to Market: the Partner API client, its typed errors, and the rate limits it keeps to."""
