"""Benchmarks: synthetic archives, the plain-MyST floor, the sphinx-needs peer, the page."""
