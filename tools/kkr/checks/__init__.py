"""Checks: schema validation of each record, then the checks that span records."""
