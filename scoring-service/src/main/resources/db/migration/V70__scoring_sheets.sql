-- The second yardstick (scoring.md "The scoring sheet"): versioned scoring sheets, one active per period,
-- and the expert teams' submitted assessments (facts from SheetAssessed on inspection.events).

create table scoring_sheet (
    version       varchar(32) primary key,
    period        int         not null,
    document      text        not null,
    active        boolean     not null default false,
    revision      bigint      not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    activated_at  timestamptz
);
create unique index scoring_sheet_one_active_per_period on scoring_sheet (period) where active;

-- the last submitted assessment of a county and period (the latest submittedAt, then assessment id, wins)
create table sheet_assessment_fact (
    county_code    varchar(12) not null,
    period         int         not null,
    assessment_id  uuid        not null,
    sheet_version  varchar(32) not null,
    marks          text        not null,   -- the SheetMark list as JSON
    submitted_at   timestamptz not null,
    primary key (county_code, period)
);

-- rankings may order by the sheet score
alter table county_index_current add column sheet_score numeric(4, 1);
create index county_index_current_sheet_ranking on county_index_current (period, sheet_score desc nulls last, county_code);
