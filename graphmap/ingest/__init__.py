"""Bringing data into the graph: validate, resolve, dedupe, record provenance."""
