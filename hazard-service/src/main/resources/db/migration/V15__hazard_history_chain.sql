-- The hazard history becomes a hash chain per hazard (platform io.rectify.platform.audit): seq counts
-- the hazard's entries, hash covers the entry (RFC 8785 JSON) and the previous entry's hash.
-- Lines written before are chained by V16; V17 then makes the columns mandatory.
alter table hazard_history add column seq bigint, add column prev_hash char(64), add column hash char(64);
