-- a service's first script (PlatformMigrationsTest)
create table service_thing (id bigint primary key);
