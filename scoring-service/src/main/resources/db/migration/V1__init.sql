-- scoring-service schema (the outbox, processed-event and idempotency tables come from the platform module)

-- ---------------------------------------------------------------------------------------------
-- Facts: what the consumers of inspection.events and hazard.events keep. Every table can be thrown
-- away and rebuilt from the topics (POST /api/v1/admin/rebuild). Each upsert carries an ordering
-- rule (hazard version, registration time + event id), so duplicates and out-of-order events change
-- nothing and the live consumers and a rebuild arrive at the same rows whatever the order.
-- ---------------------------------------------------------------------------------------------

-- key counties; a county first seen on a hazard gets its city/province from the snapshot, name later
create table county (
    code              varchar(12) primary key,
    name              text,
    city              text,
    province          text,
    registered_at     timestamptz,        -- occurredAt of the CountyRegistered applied (null: known from a hazard only)
    registered_event  uuid
);

-- E: enterprises registered in a county (the latest registration wins)
create table enterprise (
    credit_code       varchar(18) primary key,
    county_code       varchar(12) not null,
    registered_at     timestamptz not null,
    registered_event  uuid        not null
);
create index enterprise_county on enterprise (county_code);

-- I: completed inspections; an enterprise counts as inspected in a period when it has one
create table inspection_fact (
    inspection_id          uuid primary key,
    enterprise_credit_code varchar(18) not null,
    county_code            varchar(12) not null,
    period                 int         not null,
    completed_at           timestamptz not null
);
create index inspection_fact_enterprise_period on inspection_fact (enterprise_credit_code, period);

-- H and its subsets: the latest snapshot of each hazard (highest version wins)
create table hazard_fact (
    id                          uuid primary key,
    county_code                 varchar(12) not null,
    period                      int         not null,   -- year of reportedAt
    grade                       varchar(16) not null,
    status                      varchar(32) not null,
    due_at                      timestamptz,            -- the due date in force
    rectification_submitted_at  timestamptz,
    signed_off_at               timestamptz,
    reopenings                  int         not null,
    version                     bigint      not null
);
create index hazard_fact_county_period on hazard_fact (county_code, period);

-- ---------------------------------------------------------------------------------------------
-- Rubrics: versioned documents, exactly one active
-- ---------------------------------------------------------------------------------------------
create table rubric (
    version       varchar(32) primary key,
    document      text        not null,
    active        boolean     not null default false,
    revision      bigint      not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    activated_at  timestamptz
);
create unique index rubric_one_active on rubric (active) where active;

-- ---------------------------------------------------------------------------------------------
-- Answers: the last published document per county and period, and every change
-- ---------------------------------------------------------------------------------------------
create table county_index_current (
    county_code            varchar(12) not null,
    period                 int         not null,
    county_name            text,
    city                   text,
    province               text,
    rubric_version         varchar(32) not null,
    index_value            numeric(4, 1),
    reason                 varchar(32),
    demonstration_eligible boolean     not null,
    document               text        not null,
    fingerprint            char(64)    not null,   -- SHA-256 of the document without computedAt
    revision               bigint      not null,   -- counts the changes; the ETag
    computed_at            timestamptz not null,
    primary key (county_code, period)
);
create index county_index_current_ranking on county_index_current (period, index_value desc nulls last, county_code);

create table county_index_history (
    id                     bigint generated always as identity primary key,
    county_code            varchar(12) not null,
    period                 int         not null,
    rubric_version         varchar(32) not null,
    index_value            numeric(4, 1),
    reason                 varchar(32),
    base                   numeric(9, 4),
    demonstration_eligible boolean     not null,
    document               text        not null,
    computed_at            timestamptz not null
);
create index county_index_history_county on county_index_history (county_code, computed_at, id);
