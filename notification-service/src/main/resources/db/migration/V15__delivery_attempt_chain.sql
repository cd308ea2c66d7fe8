-- Deliveries become a hash chain per notification (platform io.rectify.platform.audit): seq counts the
-- notification's attempts as recorded, hash covers the attempt (RFC 8785 JSON) and the previous hash.
-- Attempts recorded before are chained by V16; V17 makes the columns mandatory and the table append-only.
alter table delivery_attempt add column seq bigint, add column prev_hash char(64), add column hash char(64);
