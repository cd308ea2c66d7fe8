-- Consent comes from the enterprise (issue 12): an expert REQUESTs a consent; it counts (GRANTED) only
-- once a token of the enterprise confirms it, or when the enterprise grants it unasked. Both acts keep
-- who (token subject) and when.
alter table consent add column status       varchar(16);
alter table consent add column requested_by varchar(200);
alter table consent add column requested_at timestamptz;
alter table consent add column confirmed_by varchar(200);
alter table consent alter column granted_by drop not null;
alter table consent alter column granted_at drop not null;

-- Consents recorded before the rule were entered by the inspection's expert. On inspections still
-- open they become requests the enterprise must confirm; on finished ones they stay as recorded (history).
update consent c set status = case when i.status in ('SCHEDULED', 'IN_PROGRESS') then 'REQUESTED' else 'GRANTED' end,
                     requested_by = c.recorded_by, requested_at = c.recorded_at
from inspection i where i.id = c.inspection_id;
update consent set granted_by = null, granted_at = null where status = 'REQUESTED';

alter table consent alter column status set not null;
alter table consent add constraint consent_status check (status in ('REQUESTED', 'GRANTED'));
alter table consent add constraint consent_granted_has_who_and_when
    check (status <> 'GRANTED' or (granted_by is not null and granted_at is not null));
alter table consent add constraint consent_requested_has_who_and_when
    check (status <> 'REQUESTED' or (requested_by is not null and requested_at is not null));
