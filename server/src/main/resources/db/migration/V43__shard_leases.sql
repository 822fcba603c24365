-- Cluster fencing (docs/cluster.md): one lease per shard of bots, held by one node at a time. Expiry is compared with
-- the database's clock only, never a node's. A row is never deleted: a released or expired lease keeps its epoch, so
-- the next holder's epoch is always greater than every earlier one.
CREATE TABLE shard_leases (
    shard      VARCHAR(64)  PRIMARY KEY,
    owner      VARCHAR(200) NOT NULL,
    epoch      BIGINT       NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The lease epoch an order intent was journaled under (null outside a cluster): the journal shows which holder of the
-- shard placed each order, and no two holders' epochs interleave for one bot.
ALTER TABLE orders ADD COLUMN lease_epoch BIGINT;
