-- NewsLens SQLite store, schema 1. Applied once, in one transaction, by SqliteMigrator.
-- articles.rowid is the join key for child rows and the full-text index; articles.id is the content hash.
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    url TEXT,
    title TEXT,
    published TEXT,
    published_day TEXT,
    site TEXT,
    author TEXT,
    language TEXT NOT NULL,
    credibility REAL,
    thread_id TEXT,
    record TEXT NOT NULL
);
CREATE INDEX articles_published_day ON articles(published_day);
CREATE INDEX articles_site ON articles(site);
CREATE INDEX articles_thread ON articles(thread_id) WHERE thread_id IS NOT NULL;

-- The ingest log: every source seen, stored or rejected. Resume skips what is here.
CREATE TABLE sources (
    source TEXT PRIMARY KEY,
    article_id TEXT,
    outcome TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE rejections (
    source TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE entities (
    article_rowid INTEGER NOT NULL,
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
    PRIMARY KEY (article_rowid, ord)
) WITHOUT ROWID;
CREATE INDEX entities_kb_id ON entities(kb_id, article_rowid) WHERE kb_id IS NOT NULL;
CREATE INDEX entities_canonical ON entities(canonical, article_rowid) WHERE canonical IS NOT NULL;
CREATE INDEX entities_text ON entities(text, article_rowid);

CREATE TABLE events (
    article_rowid INTEGER NOT NULL,
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
    PRIMARY KEY (article_rowid, ord)
) WITHOUT ROWID;
CREATE INDEX events_type ON events(type);

CREATE TABLE flags (
    article_rowid INTEGER NOT NULL,
    ord INTEGER NOT NULL,
    code TEXT NOT NULL,
    severity TEXT NOT NULL,
    message_en TEXT NOT NULL,
    message_zh TEXT NOT NULL,
    PRIMARY KEY (article_rowid, ord)
) WITHOUT ROWID;
CREATE INDEX flags_code ON flags(code, article_rowid);

CREATE TABLE removed_blocks (
    article_rowid INTEGER NOT NULL,
    ord INTEGER NOT NULL,
    reason TEXT NOT NULL,
    hidden INTEGER NOT NULL,
    detail TEXT,
    text TEXT NOT NULL,
    PRIMARY KEY (article_rowid, ord)
) WITHOUT ROWID;

-- Copy links as the Link stage found them (from the newer article to the older one).
CREATE TABLE links (
    article_id TEXT NOT NULL,
    other_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    similarity REAL NOT NULL,
    PRIMARY KEY (article_id, other_id)
) WITHOUT ROWID;
CREATE INDEX links_other ON links(other_id);

-- Story threads; members are the articles whose thread_id points here. Aggregates kept current per write.
CREATE TABLE threads (
    id TEXT PRIMARY KEY,
    label TEXT,
    first_day TEXT,
    last_day TEXT,
    size INTEGER NOT NULL
) WITHOUT ROWID;

-- Full-text index over index terms (IndexTerms: CJK bigrams, folded words, segmenter words). Contentless:
-- the readable text is in articles.record; snippets are built from it.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, words,
    content = '',
    tokenize = 'unicode61 remove_diacritics 0',
    detail = full
);
