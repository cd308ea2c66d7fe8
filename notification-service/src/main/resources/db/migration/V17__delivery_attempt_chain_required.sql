alter table delivery_attempt alter column seq set not null, alter column hash set not null;
alter table delivery_attempt add constraint delivery_attempt_chain unique (notification_id, seq);

create function delivery_attempt_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'delivery_attempt is append-only';
end;
$$;
create trigger delivery_attempt_no_update before update or delete on delivery_attempt
    for each row execute function delivery_attempt_append_only();
