"""Benchmark the extract stage on the sample corpus repeated, and check its entities are unchanged.

    .venv/bin/python bench/extract.py                          # time, compare with --expect
    .venv/bin/python bench/extract.py --save /tmp/extract_before.parquet
    .venv/bin/python bench/extract.py --baseline /tmp/extract_orig   # time an old copy too
"""
from stagebench import main

if __name__ == "__main__":
    main("extract", times=10)
