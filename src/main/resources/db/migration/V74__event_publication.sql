-- Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc, written once
-- for PostgreSQL and H2 in PostgreSQL mode). A row is stored in the publishing transaction for every
-- @ApplicationModuleListener that will hear the event, and deleted when the listener has run
-- (completion-mode: delete). A row left behind is a side effect still owed: EventRetry resubmits it.
create table event_publication (
    id                     uuid          not null primary key,
    listener_id            varchar(512)  not null,
    event_type             varchar(512)  not null,
    serialized_event       varchar(100000) not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    integer,
    last_resubmission_date timestamp with time zone
);
-- no index on serialized_event: a b-tree entry in PostgreSQL is limited to ~2.7 kB, and the table holds
-- only publications in flight (finished ones are deleted), so a lookup by listener is enough
create index event_publication_by_listener on event_publication (listener_id);
