-- Issue 15: chasing that people act on (chasing.md "Withdrawal", "Language", "Digest", "Acknowledgement", "SMS").

-- A notification withdrawn before delivery says which later step (or chase change) replaced it.
alter table notification add column superseded_by varchar(32);
alter table notification add column superseded_at timestamptz;
-- how the acknowledgement came in: LINK (the signed link in the message) or API (an authenticated call)
alter table notification add column acknowledged_via varchar(16);
-- a reminder held for a daily digest (status HELD) is sent inside one (digest_id) and is SENT with it
alter table notification add column digest_id uuid;
create index notification_held on notification (level, recipient_ref) where status = 'HELD';

-- Contacts: language, how reminders reach them, and a mobile number for SMS.
alter table contact add column locale varchar(8) not null default 'zh-CN';     -- zh-CN, en
alter table contact add column delivery varchar(16) not null default 'IMMEDIATE'; -- IMMEDIATE, DAILY_DIGEST
alter table contact add column digest_time time;                               -- local time (Asia/Shanghai)
alter table contact add column phone varchar(20);

-- The registry as inspection.events tells it: where an enterprise sits, what a county is called.
create table registry_county (
    code       varchar(12)  primary key,
    name       varchar(200),
    city       varchar(100),
    province   varchar(100),
    updated_at timestamptz  not null
);
create table registry_enterprise (
    credit_code varchar(18)  primary key,
    name        varchar(300),
    county_code varchar(12)  not null,
    updated_at  timestamptz  not null
);

-- One digest per contact, channel and local day: the unique key is what keeps two sweeping instances
-- (or a restart) from sending a second one.
create table digest (
    id              uuid         primary key,
    level           varchar(16)  not null,
    recipient_ref   varchar(100) not null,
    day             date         not null,
    channel         varchar(16)  not null,
    recipient       varchar(2000),
    locale          varchar(8)   not null,
    items           int          not null,
    status          varchar(16)  not null,  -- PENDING, SENT, FAILED
    attempts        int          not null default 0,
    next_attempt_at timestamptz,
    failure_detail  varchar(1000),
    created_at      timestamptz  not null,
    sent_at         timestamptz,
    constraint digest_once unique (level, recipient_ref, channel, day)
);
create index digest_pending on digest (next_attempt_at) where status = 'PENDING';
