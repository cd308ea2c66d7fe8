-- Least privilege (issue 12), after every migration, as the owner role that runs them: the runtime
-- role (placeholder runtime_role: the services' datasource user) may read and write the tables, but on
-- every audit trail (a table with a prev_hash column) and on the checkpoints only INSERT and SELECT —
-- no UPDATE, DELETE or TRUNCATE; it never owns anything, so it cannot ALTER or DROP either, and it
-- does not touch Flyway's history. deploy/local/rectify infra-up runs this same file (as the superuser)
-- when it converts an existing database. Nothing to separate when both roles are one.
do $$
declare
    runtime text := '${runtime_role}';
    owner   text := (select pg_get_userbyid(datdba) from pg_database where datname = current_database());
    t       record;
begin
    if runtime = current_user or runtime = owner or not exists (select 1 from pg_roles where rolname = runtime) then
        return;
    end if;
    execute format('grant connect, temporary on database %I to %I', current_database(), runtime);
    execute format('grant usage on schema public to %I', runtime);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', runtime);
    execute format('grant usage, select on all sequences in schema public to %I', runtime);
    execute format('alter default privileges for role %I in schema public grant select, insert, update, delete on tables to %I', owner, runtime);
    execute format('alter default privileges for role %I in schema public grant usage, select on sequences to %I', owner, runtime);
    for t in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
              where n.nspname = 'public' and c.relkind in ('r', 'p')
                and (c.relname in ('audit_checkpoint', 'audit_checkpoint_head')
                     or exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'prev_hash' and not a.attisdropped))
    loop
        execute format('revoke update, delete, truncate on %I from %I', t.relname, runtime);
    end loop;
    if to_regclass('public.flyway_schema_history') is not null then
        execute format('revoke all on flyway_schema_history from %I', runtime);
    end if;
end
$$;
