-- Key tasks are versioned reference data (issue 20): a hazard from an inspection keeps the version of
-- the key task its finding was recorded under (FindingConfirmed.keyTaskVersion); null for reports and
-- for hazards imported before key tasks had versions.
alter table hazard add column key_task_version int check (key_task_version >= 1);
