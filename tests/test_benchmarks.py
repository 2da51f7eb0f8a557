"""The benchmark scripts still run against the package as it is (they are not imported by
anything else, so a renamed module would break them silently)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = sorted((Path(__file__).parents[1] / "benchmarks").glob("*.py"))


@pytest.mark.parametrize("script", BENCHMARKS, ids=lambda p: p.stem)
def test_a_benchmark_starts_and_describes_its_options(script: Path) -> None:
    result = subprocess.run([sys.executable, str(script), "--help"], capture_output=True,
                            text=True, timeout=120, cwd=script.parent)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "usage:" in result.stdout
