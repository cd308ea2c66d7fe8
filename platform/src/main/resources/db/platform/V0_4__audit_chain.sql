-- Hash-chained audit trails (platform io.rectify.platform.audit): the head of every chain, one row per
-- trail and aggregate. Appending locks this row only, so writers of different aggregates never wait for
-- each other. checkpointed_* is where the last signed checkpoint saw the chain.
create table audit_chain_head (
    trail             varchar(64)  not null,
    aggregate_id      varchar(128) not null,
    seq               bigint       not null,
    hash              char(64),
    checkpointed_seq  bigint,
    checkpointed_hash char(64),
    primary key (trail, aggregate_id)
);
-- a checkpoint visits only the chains that moved since the last one
create index audit_chain_head_moved on audit_chain_head (trail, aggregate_id) where checkpointed_seq is distinct from seq;

-- Signed checkpoints: the root over every chain's head, signed with the service's key and published on
-- audit.checkpoints. Append-only, like the trails.
create table audit_checkpoint (
    seq           bigint       primary key,
    at            timestamptz  not null,
    root          char(64)     not null,
    previous_root char(64),
    chains        bigint       not null,
    entries       bigint       not null,
    key_id        varchar(64)  not null,
    signature     text         not null
);

-- Which chains a checkpoint saw move, and where: the heads of checkpoint N are, per chain, the row
-- of the highest checkpoint <= N.
create table audit_checkpoint_head (
    checkpoint_seq bigint       not null references audit_checkpoint (seq),
    trail          varchar(64)  not null,
    aggregate_id   varchar(128) not null,
    seq            bigint       not null,
    hash           char(64)     not null,
    primary key (checkpoint_seq, trail, aggregate_id)
);
create index audit_checkpoint_head_chain on audit_checkpoint_head (trail, aggregate_id, checkpoint_seq);
