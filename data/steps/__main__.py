"""Run every build step in order (``python -m data.steps [--check]``); exit 1 if any fails or is stale."""
import importlib
import sys

from data.steps import STEPS

status = 0
for step in STEPS:
    module = importlib.import_module(f"data.steps.{step}")
    status |= module.main()
sys.exit(status)
