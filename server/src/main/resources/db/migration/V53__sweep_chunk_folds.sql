-- Walk-forward analyses over the cluster (docs/cluster.md "Sweeps over the cluster"): a walk-forward's chunks are
-- slices of one fold's in-sample combinations, so a chunk says which fold it belongs to. NULL for a plain sweep's
-- chunks (and every chunk stored before this migration). H2 accepts it too.
ALTER TABLE sweep_chunks ADD COLUMN fold INT;
