-- Portable SQL: runs unchanged on PostgreSQL and on H2 in MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE (REL-11).
-- Every constraint and index is named, so both engines report the same names.

create table users (
    id             uuid                     not null,
    tenant_key     varchar(128)             not null,
    open_id        varchar(128)             not null,
    union_id       varchar(128)             not null,
    employee_id    varchar(128),
    name           varchar(256)             not null,
    english_name   varchar(256)             not null,
    avatar_url     varchar(2048)            not null,
    email          varchar(256),
    first_login_at timestamp with time zone not null,
    last_login_at  timestamp with time zone not null,
    constraint users_pk primary key (id),
    -- The account key (SEC-22); also what makes concurrent first logins collide (REL-12).
    constraint users_account_key unique (tenant_key, open_id)
);

-- Only the SHA-256 of the session token is stored (SEC-12).
create table sessions (
    id_hash      char(64)                 not null,
    user_id      uuid                     not null,
    created_at   timestamp with time zone not null,
    last_seen_at timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    constraint sessions_pk primary key (id_hash)
);

-- "Log out everywhere" (SEC-10) and the two halves of the expiry sweep stay index lookups at scale.
create index sessions_user_id on sessions (user_id);
create index sessions_expires_at on sessions (expires_at);
create index sessions_last_seen_at on sessions (last_seen_at);

-- Added after the index so H2 reuses sessions_user_id instead of creating its own FK index.
alter table sessions
    add constraint sessions_user_fk foreign key (user_id) references users (id) on delete cascade;

create table login_states (
    state         varchar(64)              not null,
    pkce_verifier varchar(128),
    return_path   varchar(1024)            not null,
    expires_at    timestamp with time zone not null,
    constraint login_states_pk primary key (state)
);

create index login_states_expires_at on login_states (expires_at);
