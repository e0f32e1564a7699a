# Two commands set everything up on a fresh machine with Python 3.11 and make:
#   make run    create .venv if needed, install, open the app (a demo diary the first time)
#   make test   create .venv if needed, install, lint, check the import layers, run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint typecheck bench bench-one-core package smoke icons install-desktop clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/symptomlog --demo-if-new

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n auto

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.run_all

# The same budgets on one core, as on an older laptop (Linux: taskset from util-linux).
bench-one-core: $(STAMP)
	QT_QPA_PLATFORM=offscreen taskset -c 0 $(BIN)/python -m benchmarks.run_all

typecheck: $(STAMP)
	$(BIN)/mypy

# The desktop bundle (PyInstaller, one folder in dist/symptomlog): prints its size and build time.
package: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,package]'
	@start=$$(date +%s); \
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN \
	    --distpath dist --workpath build/pyinstaller packaging/symptomlog.spec && \
	echo "bundle: $$(du -sh dist/symptomlog | cut -f1) in dist/symptomlog," \
	     "built in $$(( $$(date +%s) - start )) s"

# Build the bundle, copy it out of the repository, run it off screen; then the wheel in a fresh venv.
smoke: $(STAMP)
	packaging/smoke.sh

icons: $(STAMP)
	$(BIN)/python packaging/make_icons.py

# Linux: the bundle into ~/.local/opt, the commands into ~/.local/bin, the menu entry and icons.
install-desktop:
	packaging/linux/install.sh

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache .mypy_cache
