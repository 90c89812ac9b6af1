"""Benchmarks at catalog scale: every figure a ratio against a baseline measured in the same run.

`python -m benchmarks` (or `python benchmarks/run.py`) generates the catalogs, runs each measurement
in a fresh process several times, prints the table and writes benchmarks/RESULTS.md.
"""
