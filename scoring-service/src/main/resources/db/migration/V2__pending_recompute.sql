-- County/periods whose answer may have moved. A consumer writes the mark in the transaction that changes
-- the facts (so a crash loses neither), and the recompute loop (PendingRecomputes) deletes it in the
-- transaction that stores the new answer. Many events for one county between two rounds make one mark:
-- the county is recomputed once, not once per event.
create table pending_recompute (
    county_code varchar(12) not null,
    period      int         not null,
    marked_at   timestamptz not null default clock_timestamp(), -- renewed by every new mark (see recomputeMarked)
    primary key (county_code, period)
);
