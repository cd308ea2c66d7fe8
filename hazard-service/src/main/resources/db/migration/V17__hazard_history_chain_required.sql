alter table hazard_history alter column seq set not null, alter column hash set not null;
alter table hazard_history add constraint hazard_history_chain unique (hazard_id, seq);
