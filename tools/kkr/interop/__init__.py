"""Checks of the open data with consumers other people wrote, run by their own make targets."""
