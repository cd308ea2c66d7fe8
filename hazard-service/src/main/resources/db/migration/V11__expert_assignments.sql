-- Which experts (by the JWT subject of their account) are assigned to which inspection of which
-- enterprise, from InspectionScheduled (expertSubjects) and InspectionCancelled: an EXPERT sees the
-- hazards of the enterprises it has a (not cancelled) inspection of.
create table expert_assignment (
    inspection_id          uuid         not null,
    expert_subject         varchar(200) not null,
    enterprise_credit_code char(18)     not null,
    county_code            varchar(12)  not null,
    cancelled_at           timestamptz,
    primary key (inspection_id, expert_subject)
);
create index expert_assignment_subject on expert_assignment (expert_subject) where cancelled_at is null;
