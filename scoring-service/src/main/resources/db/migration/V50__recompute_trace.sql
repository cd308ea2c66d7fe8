-- The trace of the consumer batch that marked the county last: the recompute round continues it, so a
-- report's trace shows the recomputation of its county's index.
alter table pending_recompute add column traceparent varchar(55);
