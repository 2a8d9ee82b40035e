# The documented way in: `make run`, `make test`, `make evaluate`, `make bench`.
# Two environments: .venv (Python 3.11: web service, tools, tests) and .venv-rasa
# (Python 3.10 via pyenv: Rasa and the action server only).
SHELL := /bin/bash
PYENV_ROOT ?= $(shell pyenv root 2>/dev/null || echo $$HOME/.pyenv)
RASA_PYTHON_VERSION := $(shell cat bot/.python-version)
PYTHON3_10 := $(PYENV_ROOT)/versions/$(RASA_PYTHON_VERSION)/bin/python
PYTHON3_11 ?= $(shell command -v python3.11 || echo python3)
VENV := .venv
RASA_VENV := .venv-rasa
PY := $(VENV)/bin/python
RASA_PY := $(RASA_VENV)/bin/python
RASA := $(RASA_VENV)/bin/rasa
NLU_TRAIN := $(wildcard nlu_data/*/train)
MODEL := models/af-assistant.tar.gz
PYTEST_ARGS ?=
BENCH_ARGS ?=

.PHONY: setup run train test evaluate test-stories bench bench-handoff bench-mobility account survey-report check-content lint clean

setup: $(VENV)/.installed $(RASA_VENV)/.installed

# axe-core for the accessibility scan in the browser tests (package-lock.json pins it).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Screenshots in every language need a font with Ge'ez letters (Tigrinya) besides Arabic script.
FONT_ETHIOPIC := /usr/share/fonts/truetype/noto/NotoSansEthiopic-Regular.ttf
$(FONT_ETHIOPIC):
	@if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq fonts-noto-core; \
	else echo "Install Debian's fonts-noto-core for the browser screenshots: sudo apt-get install fonts-noto-core"; exit 1; fi

# Browser tests drive Debian's chromium; Playwright never downloads a browser of its own.
/usr/bin/chromium:
	@if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	else echo "Install Debian's chromium for the browser tests: sudo apt-get install chromium"; exit 1; fi

$(VENV)/.installed: pyproject.toml
	$(PYTHON3_11) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test,bench]'
	$(VENV)/bin/pip check
	touch $@

$(RASA_VENV)/.installed: requirements/rasa.txt
	@test -x $(PYTHON3_10) || { echo "Python $(RASA_PYTHON_VERSION) not found at $(PYTHON3_10): install it with 'pyenv install $(RASA_PYTHON_VERSION)'"; exit 1; }
	$(PYTHON3_10) -m venv $(RASA_VENV)
	$(RASA_VENV)/bin/pip install --quiet -r requirements/rasa.txt
	$(RASA_VENV)/bin/pip check
	touch $@

# Rasa skips training when config, domain and data are unchanged (fingerprint in the model).
train: setup
	$(PY) -m tools.train

run: train
	$(PY) -m tools.stack run

test: train /usr/bin/chromium $(FONT_ETHIOPIC) node_modules/.installed
	$(PY) -m pytest $(PYTEST_ARGS)

evaluate: train
	$(PY) -m tools.evaluate

test-stories: train
	$(PY) -m tools.stack test-stories

bench: train
	$(PY) -m benchmarks.run $(BENCH_ARGS)

bench-handoff: train
	$(PY) -m benchmarks.handoff $(BENCH_ARGS)

# The survey and the funnel under load, and the survey report on generated answers.
bench-mobility: train
	$(PY) -m benchmarks.mobility $(BENCH_ARGS)

# The first admin of the staff console: make account NAME=alice ROLE=admin (asks for the password).
account: setup
	$(PY) -m tools.create_account $(NAME) --role $(ROLE)

# AF's survey: headline figures and shares per question and language, plus var/survey-report.png.
survey-report: setup
	$(PY) -m tools.survey_report --chart var/survey-report.png $(REPORT_ARGS)

check-content: setup
	$(PY) -m tools.check_content

lint: setup
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) $(RASA_VENV) models .rasa var reports node_modules
