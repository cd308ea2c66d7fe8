-- a service's second script refers to a platform table: the platform's scripts run first
alter table service_thing add column name text;
create index service_thing_outbox_probe on outbox_event (aggregatetype);
