-- Sign-in throttle per (user name, client address): failed attempts and when the next may be made.
-- The user name is kept as an HMAC, so a password typed into the name field is never stored.
create table login_throttle (
    user_key      varchar(64)  not null,
    client        varchar(64)  not null,
    failures      integer      not null,
    next_allowed  timestamp    not null,
    updated_at    timestamp    not null,
    constraint pk_login_throttle primary key (user_key, client)
);
create index ix_login_throttle_updated on login_throttle (updated_at);
