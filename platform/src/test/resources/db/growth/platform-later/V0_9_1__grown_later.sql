-- a platform script added after the services' V1 and V2 were applied (PlatformMigrationsTest)
create table grown_later (id bigint primary key);
