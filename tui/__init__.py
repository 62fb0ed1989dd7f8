"""Gentle Flow: a calm terminal dashboard for pain, sleep, mood and gentle movement."""

__version__ = "0.1.0"
