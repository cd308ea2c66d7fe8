-- The inspection's audit trail (platform io.rectify.platform.audit): what was recorded on it — findings
-- recorded, edited and withdrawn, consents, completion, cancellation — one hash chain per inspection.
-- Append-only; the runtime role may only insert and read it (deploy/local/rectify grants).
create table inspection_trail (
    id            bigint       generated always as identity primary key,
    inspection_id uuid         not null references inspection (id),
    seq           bigint       not null,
    prev_hash     char(64),
    hash          char(64)     not null,
    at            timestamptz  not null,
    who           varchar(200) not null,
    role          varchar(32)  not null,
    action        varchar(32)  not null,
    subject_id    uuid,                    -- the finding or consent the entry is about
    payload       jsonb        not null,
    constraint inspection_trail_chain unique (inspection_id, seq)
);

create function inspection_trail_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'inspection_trail is append-only';
end;
$$;
create trigger inspection_trail_no_update before update or delete on inspection_trail
    for each row execute function inspection_trail_append_only();
