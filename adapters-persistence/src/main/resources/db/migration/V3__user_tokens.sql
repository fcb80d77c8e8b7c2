-- The token vault: one OAuth grant per user (issue "Call Feishu OpenAPI as the user").
-- Portable SQL: runs unchanged on PostgreSQL and on H2 in MODE=PostgreSQL (REL-11).
-- The two tokens are stored sealed only (AES-256-GCM, base64 of IV + ciphertext + tag, SEC-23);
-- key_id names the key that sealed them, so keys can rotate. `text` is unbounded on both engines
-- (a CLOB on H2): no token is ever cut, however long (tokens may be JWTs of several KB).

create table user_tokens (
    user_id            uuid                     not null,
    key_id             varchar(32)              not null,
    access_token       text                     not null,
    access_expires_at  timestamp with time zone not null,
    refresh_token      text                     not null,
    refresh_expires_at timestamp with time zone not null,
    -- The granted scopes, space separated as in OAuth's `scope`; not secret.
    scopes             text                     not null,
    -- Counts the writes of this user's grant: a caller that waited for a refresh sees it rotated.
    version            bigint                   not null,
    constraint user_tokens_pk primary key (user_id),
    constraint user_tokens_user_fk foreign key (user_id) references users (id) on delete cascade
);
