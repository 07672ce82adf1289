"""Benchmark the outline stage on the sample corpus repeated, and check its sections and sentences are unchanged.

    .venv/bin/python bench/outline.py                          # time, compare with --expect
    .venv/bin/python bench/outline.py --save /tmp/outline_before.parquet
    .venv/bin/python bench/outline.py --baseline /tmp/outline_orig   # time an old copy too
"""
from stagebench import main

if __name__ == "__main__":
    main("outline", times=20)
