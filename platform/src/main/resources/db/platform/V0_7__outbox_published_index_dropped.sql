-- No query reads outbox_event by published_at (the relay reads the unpublished rows by id, the metrics
-- count them, nothing purges published rows), yet every row the relay marks published was inserted into
-- this index: one index insertion per event on every service's hot path (bench P4: ~22 index insertions
-- per delivery, this one of them; P1: one per report). A retention purge, when one is built, brings the
-- index it needs with it.
drop index if exists outbox_event_published_at;
