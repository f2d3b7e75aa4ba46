-- 好差评: a citizen's rating of one policy answer, once per answer (answer_id is the key), without
-- personal data (question and answer are masked before they are stored) and without the openid.
create table answer_rating (
    answer_id   varchar(36)   not null,
    app_id      varchar(64)   not null,
    helpful     boolean       not null,
    question    varchar(1000) not null,
    answer      varchar(2000) not null,
    mode        varchar(32)   not null,
    rated_at    timestamp     not null,
    rated_on    date          not null,   -- the office's calendar day, for the daily share
    constraint pk_answer_rating primary key (answer_id)
);
create index ix_answer_rating_day on answer_rating (rated_on);

-- the documents the rated answer cited, for the share by document
create table answer_rating_document (
    answer_id   varchar(36)   not null,
    document_id bigint        not null,
    title       varchar(500)  not null,
    constraint pk_answer_rating_document primary key (answer_id, document_id),
    constraint fk_answer_rating_document foreign key (answer_id) references answer_rating (answer_id) on delete cascade
);
create index ix_answer_rating_document on answer_rating_document (document_id);
