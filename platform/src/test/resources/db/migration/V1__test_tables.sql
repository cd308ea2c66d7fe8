-- state changed together with outbox rows
create table test_ledger (id bigint generated always as identity primary key, widget varchar(64) not null, seq int not null);
-- effects of the test consumer: one row per processed event (a duplicate must not add one)
create table test_effect (event_id uuid not null, widget varchar(64) not null, seq int not null);
