"""The package's layers import only downwards, and a read-only server loads only what reading
needs (the contracts are in pyproject.toml, `[tool.importlinter]`)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def test_every_import_contract_is_kept() -> None:
    result = subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_a_read_only_app_loads_neither_extraction_nor_resolution(tmp_path: Path) -> None:
    """Built and asked for its timeline, as `dossier serve` without a token runs it."""
    check = f"""
import sys
from fastapi.testclient import TestClient
from dossier.web.app import create_app
with TestClient(create_app({str(tmp_path / 'kb.db')!r})) as client:
    assert client.get('/api/events').status_code == 200
    assert client.get('/').status_code == 200
loaded = [m for m in sys.modules if m.split('.')[0] == 'spacy'
          or m.startswith(('dossier.annotate', 'dossier.resolve', 'dossier.ingest',
                           'dossier.pipeline'))]
print(sorted(loaded))
"""
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().splitlines()[-1] == "[]"
