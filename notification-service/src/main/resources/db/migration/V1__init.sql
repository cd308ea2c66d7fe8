-- notification-service schema (the outbox, processed-event and idempotency tables come from the platform module)

-- One chase per hazard, built only from hazard.events snapshots.
create table chase (
    hazard_id              uuid         primary key,
    county_code            varchar(12)  not null,
    city                   varchar(100),
    province               varchar(100),
    enterprise_credit_code varchar(18),
    grade                  varchar(16)  not null,
    hazard_status          varchar(32)  not null,
    due_at                 timestamptz  not null,
    status                 varchar(16)  not null,  -- ACTIVE, PAUSED, CLOSED
    escalation_level       varchar(16)  not null,  -- NONE, CITY, PROVINCE
    due_soon_sent          int          not null default 0,
    overdue_sent           boolean      not null default false,
    repeats_sent           int          not null default 0,
    last_overdue_notice_at timestamptz,
    resumed_at             timestamptz,
    next_step_at           timestamptz,
    closed_at              timestamptz,
    snapshot_version       bigint       not null,
    snapshot               text         not null,
    created_at             timestamptz  not null,
    updated_at             timestamptz  not null
);
-- the sweep only ever looks at active chases whose next step is due
create index chase_due on chase (next_step_at) where status = 'ACTIVE';
create index chase_county on chase (county_code);
create index chase_city on chase (city);

-- Contacts directory: who hears about a level (ENTERPRISE by credit code, COUNTY by code, CITY/PROVINCE by name).
create table contact (
    level          varchar(16)  not null,
    ref            varchar(100) not null,
    name           varchar(200) not null,
    email          varchar(320),
    webhook_url    varchar(2000),
    webhook_secret varchar(200),
    version        bigint       not null,
    updated_at     timestamptz  not null,
    updated_by     varchar(200) not null,
    primary key (level, ref)
);

-- One row per notification and channel. The unique key is what makes sending exactly-once:
-- a replayed plan (second sweep, restart) inserts nothing.
create table notification (
    id                     uuid         primary key,
    seq                    bigint       generated always as identity unique,
    hazard_id              uuid         not null,
    due_at                 timestamptz  not null,
    step                   varchar(32)  not null,
    sequence               int          not null,
    level                  varchar(16)  not null,
    channel                varchar(16)  not null,  -- EMAIL, WEBHOOK, NONE (no contact)
    recipient_ref          varchar(100) not null,
    recipient              varchar(2000),
    county_code            varchar(12)  not null,
    city                   varchar(100),
    province               varchar(100),
    enterprise_credit_code varchar(18),
    grade                  varchar(16)  not null,
    step_at                timestamptz  not null,
    status                 varchar(16)  not null,  -- PENDING, SENT, FAILED, CANCELLED
    failure_reason         varchar(32),
    failure_detail         varchar(1000),
    attempts               int          not null default 0,
    next_attempt_at        timestamptz,
    hazard_snapshot        text         not null,
    created_at             timestamptz  not null,
    sent_at                timestamptz,
    acknowledged_at        timestamptz,
    acknowledged_by        varchar(200),
    constraint notification_once unique (hazard_id, due_at, step, sequence, level, channel)
);
create index notification_pending on notification (next_attempt_at) where status = 'PENDING';
create index notification_hazard on notification (hazard_id, seq);

-- Every delivery attempt, as served by GET /api/v1/notifications.
create table delivery_attempt (
    id              bigint       generated always as identity primary key,
    notification_id uuid         not null references notification (id),
    attempt         int          not null,
    attempted_at    timestamptz  not null,
    outcome         varchar(16)  not null,  -- DELIVERED, RETRY, FAILED
    http_status     int,
    detail          varchar(1000),
    constraint delivery_attempt_once unique (notification_id, attempt)
);
