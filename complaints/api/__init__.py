"""Complaints API (thin views over selectors, services and the pure triage rules)."""
