-- Evidence files (issue 14): a finding's evidence names an uploaded file (evidence.id of the platform's
-- evidence tables) with its media type and size; outside URIs (ADMIN/AGENCY_SYSTEM backfills) are unverified.
alter table finding_evidence add column evidence_id uuid;
alter table finding_evidence add column media_type varchar(100);
alter table finding_evidence add column size bigint;
alter table finding_evidence add column verified boolean not null default false;
