-- The trace a chase continues (that of the hazard event that last changed it) and the one each
-- notification was recorded in, so the sweep's steps and the deliveries show in the report's trace.
alter table chase add column traceparent varchar(55);
alter table notification add column traceparent varchar(55);
