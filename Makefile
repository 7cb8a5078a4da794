# Rebuild the bundled model and run the checks. SHARED points at the data folder beside the repo.
SHARED ?= ../shared
PYTHON ?= python

.PHONY: model test lint evaluate

# The shipped model: real training pages (never the dev sets) plus pages composed from the corpus.
# The dev sets only score the result; the scores go into the model card (`segmenter info`).
model:
	$(PYTHON) -m segmenter train \
		$(SHARED)/gold/train.jsonl=10 $(SHARED)/gold/train-modern.jsonl=3 \
		--corpus $(SHARED)/corpus --composed 4000 --seed 0 --jobs 2 \
		--dev $(SHARED)/gold/dev.jsonl --dev $(SHARED)/gold/dev-modern.jsonl \
		-o models/default.npz

evaluate:
	$(PYTHON) -m segmenter evaluate $(SHARED)/gold/dev.jsonl
	$(PYTHON) -m segmenter evaluate $(SHARED)/gold/dev-modern.jsonl

lint:
	ruff check segmenter tests benchmarks

test: lint
	$(PYTHON) -m pytest -q
