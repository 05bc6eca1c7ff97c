# Two commands matter on a fresh machine: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test eval bench install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Check the sample corpus and write the reports; exit 1 here only means the corpus has findings.
demo: $(STAMP)
	$(BIN)/claimcheck check seeds/ --write html=reports/seeds.html --write markdown=reports/seeds.md \
		--write json=reports/seeds.json || [ $$? -eq 1 ]
	@echo "reports written: reports/seeds.html reports/seeds.md reports/seeds.json"

test: $(STAMP)
	$(BIN)/pytest -q

# Extraction and story scores against ../shared (benchmarks and gold are not in this repo).
eval: $(STAMP)
	$(BIN)/python scripts/eval.py --shared ../shared

# Throughput and memory on a synthetic corpus built from seeds/ (minutes, not a test).
bench: $(STAMP)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
