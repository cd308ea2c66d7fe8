-- What the nightly debrief shows beside the day's inspections (issues 14 and 20), kept from the other
-- services' events so the debrief never calls them: the county's two yardsticks (the composite index and
-- the scoring-sheet score, the latest county.index record of each county) and the hazards whose
-- rectification evidence carries fraud signals (hazard.events snapshots with evidenceWarnings).
create table county_yardsticks (
    county_code            varchar(12)   primary key,
    period                 int           not null,
    rubric_version         varchar(32)   not null,
    index_value            numeric(6, 1),
    reason                 varchar(64),
    demonstration_eligible boolean       not null,
    sheet_version          varchar(32),
    sheet_score            numeric(6, 1),
    sheet_submitted_at     timestamptz,
    computed_at            timestamptz   not null
);

create table rectification_warning (
    hazard_id              uuid          primary key,
    county_code            varchar(12)   not null,
    enterprise_credit_code char(18),
    grade                  varchar(16)   not null,
    status                 varchar(32)   not null,
    description            text          not null,
    warnings               varchar(255)  not null, -- codes, comma-separated
    hazard_version         bigint        not null,
    raised_at              timestamptz   not null
);
create index rectification_warning_county on rectification_warning (county_code, raised_at);
