-- Evidence files (issue 14). The bytes are content-addressed: one row in evidence_blob per distinct
-- SHA-256, kept once however often it is uploaded. With the PostgreSQL store the bytes themselves are
-- evidence_chunk rows of at most 256 KiB, so neither writing nor reading ever holds a whole file.
create table evidence_blob (
    sha256     char(64)    primary key,
    size       bigint      not null,
    stored_at  timestamptz not null
);

create table evidence_chunk (
    sha256 char(64) not null references evidence_blob (sha256) on delete cascade,
    seq    int      not null,
    data   bytea    not null,
    primary key (sha256, seq)
);

-- One upload: who sent it, what it is (sniffed from the content), what its EXIF says.
create table evidence (
    id                    uuid         primary key,
    sha256                char(64)     not null,
    size                  bigint       not null,
    media_type            varchar(100) not null,
    file_name             varchar(255),
    uploaded_by           varchar(200) not null,
    uploader_role         varchar(40)  not null,
    uploader_credit_code  varchar(18),
    uploaded_at           timestamptz  not null,
    captured_at           timestamptz,
    latitude              double precision,
    longitude             double precision
);
create index evidence_sha256 on evidence (sha256);
create index evidence_uploaded_at on evidence (uploaded_at);

-- Who references an upload (a finding, a hazard's rectification): referenced evidence is never swept,
-- and whoever may see the referencing record may read the file. The jurisdiction is copied here so the
-- read check is one query, whichever service owns the record.
create table evidence_use (
    evidence_id   uuid         not null references evidence (id),
    owner_type    varchar(40)  not null,
    owner_id      uuid         not null,
    purpose       varchar(40)  not null,
    province      varchar(100),
    city          varchar(100),
    county_code   varchar(12),
    credit_code   varchar(18),
    used_at       timestamptz  not null,
    primary key (evidence_id, owner_type, owner_id, purpose)
);
create index evidence_use_owner on evidence_use (owner_type, owner_id);
