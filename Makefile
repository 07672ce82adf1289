# zongjie: `make demo` installs everything and runs the pipeline on the sample corpus;
# `make test` installs everything and runs the tests.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
OUT ?= out/sample

.PHONY: install models demo test bench clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]"
	touch $@

install: $(VENV)/.installed

models: install
	$(PY) -m pipeline.segment.pkuseg_model

demo: models
	$(PY) cli.py run corpus/sample --out $(OUT)
	$(PY) cli.py eval $(OUT)
	$(PY) cli.py report $(OUT) --html $(OUT)/report.html

test: models
	$(PY) -m pytest tests

bench: models
	$(PY) bench/run.py

clean:
	rm -rf out .cache
