-- NewsLens PostgreSQL store, schema 1. Applied once, in one transaction, under an advisory lock
-- (many workers may start at the same time). Same facts as the SQLite store.
CREATE TABLE articles (
    seq BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    url TEXT,
    title TEXT,
    published TEXT,
    published_day TEXT,
    site TEXT,
    author TEXT,
    language TEXT NOT NULL,
    credibility DOUBLE PRECISION,
    thread_id TEXT,
    record TEXT NOT NULL,
    -- IndexTerms (CJK bigrams, folded words) weighted A (title), D (body), C (segmenter words).
    tsv TSVECTOR NOT NULL
);
CREATE INDEX articles_tsv ON articles USING GIN (tsv);
CREATE INDEX articles_published_day ON articles (published_day);
CREATE INDEX articles_site ON articles (site);
CREATE INDEX articles_thread ON articles (thread_id) WHERE thread_id IS NOT NULL;

CREATE TABLE sources (
    source TEXT PRIMARY KEY,
    article_id TEXT,
    outcome TEXT NOT NULL
);

CREATE TABLE rejections (
    source TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL
);

CREATE TABLE entities (
    article_seq BIGINT NOT NULL REFERENCES articles (seq),
    ord INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    kb_id TEXT,
    canonical TEXT,
    country TEXT,
    role TEXT,
    role_check TEXT,
    PRIMARY KEY (article_seq, ord)
);
CREATE INDEX entities_kb_id ON entities (kb_id, article_seq) WHERE kb_id IS NOT NULL;
CREATE INDEX entities_canonical ON entities (canonical, article_seq) WHERE canonical IS NOT NULL;
CREATE INDEX entities_text ON entities (text, article_seq);

CREATE TABLE events (
    article_seq BIGINT NOT NULL REFERENCES articles (seq),
    ord INTEGER NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    modality TEXT NOT NULL,
    date TEXT,
    trigger TEXT NOT NULL,
    sentence TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    actors TEXT NOT NULL,
    recipients TEXT NOT NULL,
    location TEXT,
    PRIMARY KEY (article_seq, ord)
);
CREATE INDEX events_type ON events (type);

CREATE TABLE flags (
    article_seq BIGINT NOT NULL REFERENCES articles (seq),
    ord INTEGER NOT NULL,
    code TEXT NOT NULL,
    severity TEXT NOT NULL,
    message_en TEXT NOT NULL,
    message_zh TEXT NOT NULL,
    PRIMARY KEY (article_seq, ord)
);
CREATE INDEX flags_code ON flags (code, article_seq);

CREATE TABLE removed_blocks (
    article_seq BIGINT NOT NULL REFERENCES articles (seq),
    ord INTEGER NOT NULL,
    reason TEXT NOT NULL,
    hidden INTEGER NOT NULL,
    detail TEXT,
    text TEXT NOT NULL,
    PRIMARY KEY (article_seq, ord)
);

CREATE TABLE links (
    article_id TEXT NOT NULL,
    other_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    similarity DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (article_id, other_id)
);
CREATE INDEX links_other ON links (other_id);

CREATE TABLE threads (
    id TEXT PRIMARY KEY,
    label TEXT,
    first_day TEXT,
    last_day TEXT,
    size INTEGER NOT NULL
);

-- The work queue for `newslens worker`: a row is claimed with FOR UPDATE SKIP LOCKED inside the
-- transaction that stores its result and marks it done, so a killed worker's claim simply lapses.
CREATE TABLE work_items (
    seq BIGSERIAL PRIMARY KEY,
    source TEXT NOT NULL UNIQUE,
    payload BYTEA NOT NULL,
    content_type TEXT,
    url TEXT,
    format TEXT NOT NULL,
    state SMALLINT NOT NULL DEFAULT 0
);
CREATE INDEX work_items_pending ON work_items (seq) WHERE state = 0;

-- One row per committed processing of a work item (written in the same transaction): the proof that
-- every item was processed exactly once.
CREATE TABLE work_log (
    item_seq BIGINT NOT NULL,
    worker TEXT NOT NULL,
    outcome TEXT NOT NULL
);
CREATE INDEX work_log_item ON work_log (item_seq);
