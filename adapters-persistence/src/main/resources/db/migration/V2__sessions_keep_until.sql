-- Portable SQL, as V1 (REL-11). The core now hands the store, with every write, the instant until
-- which a session must be kept; the sweep deletes what is past it, so the store holds no policy.
alter table sessions add column keep_until timestamp with time zone;

-- Sessions from before: keep each until its absolute end, which no policy can extend. The core
-- still judges idleness on every lookup, and the next "last seen" write sets the real value.
update sessions set keep_until = expires_at;

alter table sessions alter column keep_until set not null;

-- The sweep is one range delete on this column; the two it replaces go.
create index sessions_keep_until on sessions (keep_until);
drop index sessions_expires_at;
drop index sessions_last_seen_at;
