-- The W3C trace context of the request or event that wrote the row: published as the CloudEvents
-- `traceparent` extension (header ce_traceparent), so consumers continue the trace across the outbox.
alter table outbox_event add column traceparent varchar(55);
