"""The batch commands without pyspark: one line saying what to install."""
from __future__ import annotations

from typer.testing import CliRunner

from dossier.cli import app


def test_batch_without_pyspark_says_to_install_the_extra(monkeypatch, tmp_path):
    def missing(master=None):
        raise ImportError("No module named 'pyspark'")
    monkeypatch.setattr("dossier.batch.spark.spark_session", missing)
    done = CliRunner().invoke(app, ["batch", "--engine", "spark", str(tmp_path), "--out",
                                    str(tmp_path / "out")])
    assert done.exit_code == 2
    assert "dossier[spark]" in done.output and "Traceback" not in done.output


def test_an_unknown_engine_is_refused(tmp_path):
    done = CliRunner().invoke(app, ["batch", "--engine", "dask", str(tmp_path), "--out",
                                    str(tmp_path / "out")])
    assert done.exit_code == 2 and "unsupported engine" in done.output
