-- Two indexes of Quartz's own tables_postgres.sql that V5 left out, the ones the clustered JDBC store
-- needs once many reminders are pending (docs/benchmarks.md, "Reminders: 100 000 pending"). Without
-- them every trigger acquisition and misfire scan (state + next fire time), every state change of a
-- @DisallowConcurrentExecution job's triggers and every job deletion (the foreign key from
-- qrtz_triggers) reads the whole qrtz_triggers table, inside Quartz's TRIGGER_ACCESS lock.
create index idx_qrtz_t_nft_st on qrtz_triggers (sched_name, trigger_state, next_fire_time);
create index idx_qrtz_t_j on qrtz_triggers (sched_name, job_name, job_group);
