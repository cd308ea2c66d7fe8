-- Idempotency-Key on POST: the first answer, replayed for 24 hours.
create table idempotency_record (
    scope        varchar(400) not null,
    idem_key     varchar(200) not null,
    request_hash char(64)     not null,
    status       int,
    location     text,
    body         text,
    created_at   timestamptz  not null,
    primary key (scope, idem_key)
);
create index idempotency_record_created_at on idempotency_record (created_at);
