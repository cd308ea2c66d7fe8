-- issue 20: experts' declared conflicts (from ConflictDeclared on inspection.events), so an expert may not
-- verify a hazard of an enterprise they declared an interest in

create table expert_conflict (
    conflict_id    uuid         primary key,
    expert_id      uuid         not null,
    expert_subject varchar(200),            -- the expert's account: how a verifying caller is recognised
    credit_code    char(18)     not null,
    valid_from     date         not null,
    valid_to       date,                    -- inclusive; null: open-ended
    declared_at    timestamptz  not null
);
create index expert_conflict_subject on expert_conflict (expert_subject, credit_code);
