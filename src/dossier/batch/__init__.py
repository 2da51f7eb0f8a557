"""Batch processing beyond one machine: the per-document stages as Spark tasks writing Parquet
(`spark.py`), and the load of that Parquet into a store followed by the cross-document stages
(`load.py`). `records.py` is the row format both sides share."""
