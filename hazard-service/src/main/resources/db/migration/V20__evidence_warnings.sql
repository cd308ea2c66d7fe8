-- Evidence files (issue 14): the finding's evidence references as FindingConfirmed carried them (for
-- SAME_AS_FINDING_EVIDENCE), and the fraud signals raised by the latest rectification's evidence.
alter table hazard add column finding_evidence jsonb;
alter table hazard add column evidence_warnings varchar(200);
