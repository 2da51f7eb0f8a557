"""Shared test setup: test helpers (`webserver`) import from the tests folder."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
