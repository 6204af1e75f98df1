"""Extractors: pure functions over a segmented `Document`, returning standoff results keyed by node id."""
