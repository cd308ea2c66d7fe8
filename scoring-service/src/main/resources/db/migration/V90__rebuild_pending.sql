-- Facts being rebuilt: written with the wipe that starts a rebuild, removed once every fact has been
-- written again. While it is there no instance recomputes (RebuildLease.held), whether or not the rebuild
-- that wrote it is still alive: a rebuild interrupted by a crash, a shutdown or a failure leaves it, so the
-- last published answers stand (instead of answers computed from half the facts) until a rebuild started
-- by IndexRebuild.resumeInterrupted (or an ADMIN) completes the facts.
create table rebuild_pending (
    id         smallint primary key default 1 check (id = 1),
    started_at timestamptz not null
);
