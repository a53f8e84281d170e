# kehoach: `make demo` and `make test` set up everything on a fresh Debian machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
OUT ?= out
JOBS ?= 2
export OMP_THREAD_LIMIT := 1

APT_PACKAGES := tesseract-ocr tesseract-ocr-vie tesseract-ocr-script-viet tesseract-ocr-osd \
	poppler-utils fonts-liberation2 fonts-dejavu-core qpdf

.PHONY: setup system-deps venv demo test test-fast models bench bench-restore doctor eval eval-baseline clean

setup: system-deps venv

# System packages: installed with apt-get when we are root and something is missing;
# otherwise we say what to install (kehoach doctor says it again, in detail).
system-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -z "$$missing" ]; then echo "system packages: ok"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	else echo "missing system packages:$$missing (run: sudo apt-get install$$missing)"; fi

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip wheel setuptools

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $@

venv: $(VENV)/.installed

demo: setup
	$(BIN)/kehoach doctor || true
	$(BIN)/kehoach run data/raw --out $(OUT) --jobs $(JOBS)

test: setup
	$(BIN)/python -m pytest -q --timeout=900 --durations=15

test-fast: setup
	$(BIN)/python -m pytest -q -m "not slow"

doctor: venv
	$(BIN)/kehoach doctor

models: setup
	$(BIN)/python -m models.restorer.build --corpus $(SHARED)/corpus --out models/restorer
	$(BIN)/python -m models.ner.build --out models/ner

# `make bench BENCH_ARGS=--quick` for a smoke test; figures in docs/benchmarks.md
bench: setup
	$(BIN)/python -m scripts.bench --out bench-out $(BENCH_ARGS)

bench-restore: setup
	$(BIN)/python -m scripts.bench_restore --corpus $(SHARED)/corpus

# eval: fresh predictions (--force), scores, report; exits 1 if a figure fell below the baseline.
eval: setup
	$(BIN)/kehoach run data/raw --out eval-out/pred --jobs $(JOBS) --force
	$(BIN)/kehoach eval --pred eval-out/pred --gold data/gold --out eval-out --report eval-out/report.html \
		--fail-below data/eval_baseline.json

# eval-baseline: store the current figures as the baseline (review the diff, then commit it).
eval-baseline: setup
	$(BIN)/kehoach run data/raw --out eval-out/pred --jobs $(JOBS) --force
	$(BIN)/kehoach eval --pred eval-out/pred --gold data/gold --out eval-out --write-baseline data/eval_baseline.json

clean:
	rm -rf $(OUT) bench-out eval-out .pytest_cache

# Synthetic samples in data/raw + their generated gold (docs/synth.md); byte-identical on rebuild.
.PHONY: synth-samples
synth-samples: venv
	$(BIN)/python -m kehoach.synth.samples --out data/raw --gold data/gold
