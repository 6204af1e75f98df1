"""Extractors: pure functions from a segmented `Document` to annotations keyed by node id."""
