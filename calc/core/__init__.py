"""Shared machinery of every country: money, explanations, rule loading, text."""
