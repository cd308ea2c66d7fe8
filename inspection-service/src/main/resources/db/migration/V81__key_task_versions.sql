-- Key tasks are versioned reference data (domain.md): a change by an ADMIN creates a new version (the
-- versions are kept, never changed), and a finding keeps the version it was recorded under.
alter table key_task add column version int not null default 1 check (version >= 1);

create table key_task_version (
    code        varchar(64)  not null references key_task (code),
    version     int          not null check (version >= 1),
    name_zh     varchar(200) not null,
    name_en     varchar(200) not null,
    description text,
    created_at  timestamptz  not null,
    created_by  varchar(200) not null,
    primary key (code, version)
);
insert into key_task_version (code, version, name_zh, name_en, description, created_at, created_by)
select code, 1, name_zh, name_en, description, created_at, 'rectify' from key_task;

alter table finding add column key_task_version int not null default 1 check (key_task_version >= 1);
