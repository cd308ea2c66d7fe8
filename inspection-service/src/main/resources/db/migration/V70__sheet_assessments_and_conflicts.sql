-- issue 20: expert teams' scoring-sheet assessments of counties, and experts' declared conflicts of interest

create table sheet_assessment (
    id            uuid         primary key,
    county_code   varchar(12)  not null references county (code),
    period        int          not null check (period between 2000 and 2100),
    sheet_version varchar(32)  not null,
    team_lead_id  uuid         not null references expert (id),
    status        varchar(16)  not null check (status in ('DRAFT', 'SUBMITTED')),
    marks         text         not null,   -- JSON list of SheetMark (event-contracts)
    created_by    varchar(200) not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    submitted_by  varchar(200),
    submitted_at  timestamptz,
    version       bigint       not null
);
create index sheet_assessment_county_period on sheet_assessment (county_code, period);

-- an expert declares an interest in an enterprise for a period: scheduling them there is refused (409)
create table expert_conflict (
    id          uuid         primary key,
    expert_id   uuid         not null references expert (id),
    credit_code char(18)     not null,
    reason      text         not null,
    valid_from  date         not null,
    valid_to    date,
    declared_by varchar(200) not null,
    declared_at timestamptz  not null,
    check (valid_to is null or valid_to >= valid_from)
);
create index expert_conflict_expert on expert_conflict (expert_id, credit_code);
