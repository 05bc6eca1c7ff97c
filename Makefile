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
	@mkdir -p reports
	$(BIN)/claimcheck check seeds/ --format json --output reports/seeds.json --fail-on error || [ $$? -eq 1 ]
	$(BIN)/claimcheck check seeds/ --fail-on error || [ $$? -eq 1 ]

test: $(STAMP)
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
