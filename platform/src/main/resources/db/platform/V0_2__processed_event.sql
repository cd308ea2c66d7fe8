-- Idempotent consumers: an event id is recorded in the same transaction as its effect.
create table processed_event (
    consumer     varchar(64) not null,
    event_id     uuid        not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);
