-- A rebuild in progress, as every instance sees it: while the facts are being re-read no instance
-- recomputes from them (the rebuild's instance renews the lease as it reads; one that died leaves a lease
-- that runs out). At most one row: one rebuild at a time across all instances.
create table rebuild_lease (
    id         smallint primary key default 1 check (id = 1),
    holder     varchar(120) not null,
    started_at timestamptz  not null,
    renewed_at timestamptz  not null
);
