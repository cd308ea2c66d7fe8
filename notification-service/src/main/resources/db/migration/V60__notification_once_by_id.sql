-- A notification's id is derived from exactly the columns of notification_once (NotificationRecorder.keyOf:
-- name-based UUID of hazard, due date, step, sequence, level and channel), so its primary key already makes
-- the same step for the same recipient insert nothing the second time. The second unique index on six
-- columns was the widest of the six the sweep's insert maintains (bench P4).
alter table notification drop constraint notification_once;
