"""Ingest at scale: the per-article extraction on a Dask cluster, into a hive-partitioned Parquet tree.

- :mod:`.parquet`: the tree ``DIR/TABLE/collection=NAME/month=YYYY-MM/part-<batch>-<n>.parquet``
  (same columns and types as the DuckDB store), its batch commit protocol and DuckDB views over it.
- :mod:`.dask_ingest`: ``ingest PATH... --engine dask --out DIR`` (a ``LocalCluster`` or ``--scheduler``).
"""
