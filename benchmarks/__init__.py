"""Benchmarks kept in the repo: `make bench`."""
