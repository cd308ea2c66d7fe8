-- Transactional outbox (Debezium-compatible names). Written with the state change, published by the relay.
create table outbox_event (
    id            bigint generated always as identity primary key,
    event_id      uuid         not null unique,
    aggregatetype varchar(64)  not null,
    aggregateid   varchar(128) not null,
    type          varchar(160) not null,
    topic         varchar(128) not null,
    payload       text         not null,
    occurred_at   timestamptz  not null,
    published_at  timestamptz
);
-- the relay only ever reads unpublished rows in id order
create index outbox_event_unpublished on outbox_event (id) where published_at is null;
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;
