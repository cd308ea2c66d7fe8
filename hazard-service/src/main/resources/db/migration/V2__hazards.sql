-- hazard-service schema: counties, hazards and their append-only history.
-- (V1 is the empty placeholder that local databases already applied; the outbox, processed-event and
-- idempotency tables come from the platform module's V0_x migrations.)

-- Key counties as registered by inspection-service (CountyRegistered): regulator scope and snapshot city/province.
create table county (
    code          varchar(12)  primary key,
    name          varchar(200),
    city          varchar(100),
    province      varchar(100),
    registered_at timestamptz  not null
);
create index county_province_city on county (province, city);

create table hazard (
    id                         uuid         primary key,
    source                     varchar(32)  not null,
    finding_id                 uuid         unique,   -- one hazard per confirmed finding, however often it arrives
    inspection_id              uuid,
    enterprise_credit_code     char(18)     not null,
    county_code                varchar(12)  not null,
    key_task                   varchar(64)  not null,
    grade                      varchar(16)  not null,
    major_criterion            varchar(8),
    description                text         not null,
    location                   text,
    recommended_measure        text,
    status                     varchar(32)  not null,
    reported_at                timestamptz  not null,
    due_at                     timestamptz  not null,
    supervision_level          varchar(16),
    plan_responsible_person    varchar(200),
    plan_measures              text,
    plan_funding_cny           numeric(18, 2),
    plan_deadline              date,
    plan_contingency_plan      text,
    plan_submitted_at          timestamptz,
    rectification_description  text,
    rectification_evidence     jsonb,
    rectification_submitted_at timestamptz,
    verified_at                timestamptz,
    rejections                 int          not null default 0,
    extensions                 int          not null default 0,
    reopenings                 int          not null default 0,
    signed_off_at              timestamptz,
    overdue_notified_due_at    timestamptz,
    version                    bigint       not null,
    constraint hazard_major_criterion check ((grade = 'MAJOR') = (major_criterion is not null)),
    constraint hazard_extensions check (extensions between 0 and 2)
);
-- search: by county (+status), by enterprise, newest first
create index hazard_county_status on hazard (county_code, status);
create index hazard_enterprise on hazard (enterprise_credit_code, reported_at desc);
create index hazard_reported on hazard (reported_at desc, id);
-- the county summary's overdue counts and ?county=&overdue=: only hazards whose clock runs
create index hazard_clock_running_due on hazard (county_code, due_at) where status in ('OPEN', 'RECTIFYING');
-- the overdue sweep: only hazards whose current due date was not announced yet, so the index stays
-- small however many hazards exist or were already announced
create index hazard_overdue_pending on hazard (due_at)
    where status in ('OPEN', 'RECTIFYING') and overdue_notified_due_at is distinct from due_at;

-- The audit trail: who, in which role, when, from which status to which, with what payload.
create table hazard_history (
    id             bigint generated always as identity primary key,
    hazard_id      uuid         not null references hazard (id),
    at             timestamptz  not null,
    who            varchar(200) not null,
    role           varchar(32)  not null,
    action         varchar(32)  not null,
    from_status    varchar(32),
    to_status      varchar(32)  not null,
    payload        jsonb        not null,
    hazard_version bigint       not null
);
create index hazard_history_hazard on hazard_history (hazard_id, id);

-- append-only: the trail cannot be rewritten, not even by a bug in this service
create function hazard_history_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'hazard_history is append-only';
end;
$$;
create trigger hazard_history_no_update before update or delete on hazard_history
    for each row execute function hazard_history_append_only();
