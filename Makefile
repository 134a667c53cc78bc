# scratchnet: build the library, fetch MNIST and Fashion-MNIST, run the Java notebooks.
#
#   make venv        .venv with Jupyter + the JJava kernel `java` (pinned to your JDK 17+)
#   make build       lib/target/scratchnet.jar
#   make data        data/mnist/ and data/fashion-mnist/ (fetched and checked)
#   make notebooks   execute notebooks/[0-9]*.ipynb in place, HTML into results/ (reading the committed runs, writing nothing)
#   make reproduce   all of the above, every run trained anew into results/runs/ and every CSV and PNG rewritten,
#                    then the new runs compared with the committed store (results/store/), with the total wall time
#   make store       publish results/runs/ as the committed store (after a change that moves the numbers on purpose)
#   make test        unit tests + every notebook in smoke mode (SCRATCHNET_SMOKE=1)
#   make smoke       only the notebooks' smoke run
#   make lab         JupyterLab on the venv (same as .venv/bin/jupyter lab, settings kept in .venv)
#   make clean       Maven outputs and smoke-run outputs; `make distclean` also drops .venv
#
# Knobs: PYTHON (python3), MVN (mvn), JAVA_HOME (the JDK for maven, data and the kernel),
#        NOTEBOOKS (which notebooks `notebooks`/`smoke` run), RUN_NOTEBOOKS_FLAGS (e.g. -v).

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

PYTHON ?= python3
MVN ?= mvn
MVN_FLAGS ?= -B -ntp
JAVA ?= $(if $(JAVA_HOME),$(JAVA_HOME)/bin/java,java)

VENV := .venv
VENV_PY := $(VENV)/bin/python
VENV_STAMP := $(VENV)/.scratchnet-venv.stamp
JAR := lib/target/scratchnet.jar
DATA_DIR := data/mnist
FASHION_DIR := data/fashion-mnist
FASHION_DEB := dataset-fashion-mnist
RESULTS := results
SMOKE_OUT := $(RESULTS)/smoke

# Keep Jupyter's per-user config, data and runtime files (and IPython's) inside the venv,
# so make targets write nothing under ~ (apart from Maven's and npm's caches).
export JUPYTER_CONFIG_DIR := $(CURDIR)/$(VENV)/etc/jupyter
export JUPYTER_DATA_DIR := $(CURDIR)/$(VENV)/share/jupyter
export JUPYTER_RUNTIME_DIR := $(CURDIR)/$(VENV)/share/jupyter/runtime
export IPYTHONDIR := $(CURDIR)/$(VENV)/etc/ipython

NOTEBOOKS ?= $(sort $(wildcard notebooks/[0-9]*.ipynb))
RUN_NOTEBOOKS_FLAGS ?=

.PHONY: help venv build data notebooks smoke reproduce store test lab clean distclean bench

help:
	@sed -n 's/^#   \(make .*\)/  \1/p' $(firstword $(MAKEFILE_LIST))

# --- Python venv with Jupyter and the JJava kernel ---------------------------
venv: $(VENV_STAMP)
	@:

$(VENV_STAMP): requirements.txt tools/install_kernel.py
	@test -x $(VENV_PY) || { echo "venv: creating $(VENV) with $$($(PYTHON) --version)"; $(PYTHON) -m venv $(VENV); }
	@echo "venv: pip install -r requirements.txt"
	@$(VENV_PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@$(VENV_PY) tools/install_kernel.py
	@touch $@

# --- Java ---------------------------------------------------------------------
build:
	@echo "build: mvn package -> $(JAR)"
	@$(MVN) $(MVN_FLAGS) -q -DskipTests package
	@test -f $(JAR) || { echo "build: $(JAR) was not produced"; exit 1; }

# Fashion-MNIST: its official locations, else the files of Debian's package; when both fail and
# apt-get can run (as root), the package is installed and the files are taken from it.
data: build
	@echo "data: $(DATA_DIR)"
	@$(JAVA) -cp $(JAR) io.github.scratchnet.data.DataFiles mnist $(DATA_DIR)
	@echo "data: $(FASHION_DIR)"
	@$(JAVA) -cp $(JAR) io.github.scratchnet.data.DataFiles fashion-mnist $(FASHION_DIR) || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "data: installing Debian's package $(FASHION_DEB)"; \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(FASHION_DEB) \
	      && $(JAVA) -cp $(JAR) io.github.scratchnet.data.DataFiles fashion-mnist $(FASHION_DIR); \
	  else \
	    echo "data: get Fashion-MNIST with 'sudo apt-get install $(FASHION_DEB)' and run make data again, or copy its four IDX files into $(FASHION_DIR)/"; \
	    exit 1; \
	  fi; }

# --- notebooks ----------------------------------------------------------------
# Full runs write outputs into the notebooks themselves (that is what gets committed).
notebooks: venv data
	@if [ -z "$(strip $(NOTEBOOKS))" ]; then \
	  echo "notebooks: no notebooks/[0-9]*.ipynb found, nothing to run"; \
	else \
	  $(VENV_PY) tools/run_notebooks.py $(RUN_NOTEBOOKS_FLAGS) --export-html $(RESULTS) $(NOTEBOOKS); \
	fi

# Smoke runs: first a kernel self-test (classpath magic, SCRATCHNET_SMOKE reaching the
# kernel, PNG/HTML display, updateDisplay, the jar's JJava extension: imports, a chart or a
# table as a cell's value), then every notebook with SCRATCHNET_SMOKE=1;
# executed copies go to results/smoke/ (git-ignored), the notebooks themselves are untouched.
define run-smoke
	@if [ -z "$(strip $(NOTEBOOKS))" ]; then echo "smoke: no notebooks/[0-9]*.ipynb found, running only the kernel self-test"; fi
	@$(VENV_PY) tools/run_notebooks.py $(RUN_NOTEBOOKS_FLAGS) --self-test --smoke --output-dir $(SMOKE_OUT) $(NOTEBOOKS)
endef

smoke: venv data
	$(run-smoke)

# A clean store: earlier runs are moved to results/runs.previous/ (replacing an older one), not deleted.
reproduce:
	@start=$$(date +%s); \
	if [ -d $(RESULTS)/runs ]; then rm -rf $(RESULTS)/runs.previous; mv $(RESULTS)/runs $(RESULTS)/runs.previous; \
	  echo "reproduce: earlier runs moved to $(RESULTS)/runs.previous/"; fi; \
	status=0; SCRATCHNET_RETRAIN=1 SCRATCHNET_WRITE_RESULTS=1 $(MAKE) --no-print-directory venv build data notebooks || status=$$?; \
	if [ $$status -eq 0 ]; then $(JAVA) -jar $(JAR) store compare --store $(RESULTS)/store --runs $(RESULTS)/runs || status=$$?; fi; \
	secs=$$(( $$(date +%s) - start )); \
	echo "reproduce: $$([ $$status -eq 0 ] && echo done || echo FAILED) in $$((secs / 60)) min $$((secs % 60)) s (total wall time)"; \
	exit $$status

store: build
	$(JAVA) -jar $(JAR) store publish --store $(RESULTS)/store --runs $(RESULTS)/runs

# --- tests --------------------------------------------------------------------
# Unit tests need MNIST (data); the smoke run needs the venv and the jar.
test: venv data
	@$(PYTHON) tools/check_pins.py
	$(MVN) $(MVN_FLAGS) test
	$(run-smoke)

lab: venv
	$(VENV)/bin/jupyter lab

# --- cleaning -----------------------------------------------------------------
clean:
	@$(MVN) $(MVN_FLAGS) -q clean
	rm -rf $(SMOKE_OUT)

distclean: clean
	rm -rf $(VENV)

# --- benchmark: ours against PyTorch on the reference workload (lib/PERFORMANCE.md) ---
#   make bench       ours on 1 thread vs PyTorch f32 on 1 thread at B = 16/128/512 (ours on all cores beside it),
#                    s/epoch and ratio, JSON into bench/results/DATE.json (installs PyTorch if missing); then the
#                    report's Q4 replayed by us and by its PyTorch twin (float64, 1 thread each), bench/results/DATE-replica.json
TORCH_PYTHON ?= /usr/bin/python3
BENCH_FLAGS ?=
BENCH_JSON ?= bench/results/$(shell date +%Y-%m-%d).json
BENCH_REPLICA_JSON ?= bench/results/$(shell date +%Y-%m-%d)-replica.json

bench: data
	@$(TORCH_PYTHON) -c 'import torch, numpy' 2>/dev/null && dpkg -s libopenblas0-pthread >/dev/null 2>&1 || { \
	  echo "bench: installing Debian's PyTorch (python3-torch python3-numpy libopenblas0-pthread)"; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-torch python3-numpy libopenblas0-pthread; }
	$(TORCH_PYTHON) bench/compare.py --java $(JAVA) --jar $(JAR) --data-dir $(DATA_DIR) --json $(BENCH_JSON) $(BENCH_FLAGS)
	$(TORCH_PYTHON) bench/replica_compare.py --java $(JAVA) --jar $(JAR) --data-dir $(DATA_DIR) --json $(BENCH_REPLICA_JSON)
