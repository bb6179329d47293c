"""Pydantic models for every kind of KKR Syddanmark record."""

from schema.registry import KINDS, Kind

__all__ = ["KINDS", "Kind"]
