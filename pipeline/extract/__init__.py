"""Extractors: pure functions from a segmented document to standoff annotations."""
