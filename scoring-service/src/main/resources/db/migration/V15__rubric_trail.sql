-- Every change of a rubric (installed, stored, activated, deactivated), hash-chained per rubric
-- version (platform io.rectify.platform.audit). Append-only; the runtime role may only insert and read.
create table rubric_trail (
    id          bigint       generated always as identity primary key,
    version     varchar(32)  not null,
    seq         bigint       not null,
    prev_hash   char(64),
    hash        char(64)     not null,
    at          timestamptz  not null,
    who         varchar(200) not null,
    role        varchar(32)  not null,
    action      varchar(32)  not null,
    revision    bigint       not null,
    document    jsonb,                  -- the document stored (INSTALL, STORE); null for (de)activations
    constraint rubric_trail_chain unique (version, seq)
);

create function rubric_trail_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'rubric_trail is append-only';
end;
$$;
create trigger rubric_trail_no_update before update or delete on rubric_trail
    for each row execute function rubric_trail_append_only();
