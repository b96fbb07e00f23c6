-- Schema 2: what the Link stage keeps per article so a later run can restore its copy index and thread
-- builder without re-reading texts (written in the article's transaction).
CREATE TABLE link_state (
    article_seq BIGINT PRIMARY KEY REFERENCES articles (seq),
    article_id TEXT NOT NULL UNIQUE,
    fingerprint TEXT NOT NULL,
    signature BYTEA NOT NULL,
    profile TEXT NOT NULL,
    thread_id TEXT NOT NULL,
    founded BOOLEAN NOT NULL,
    reason TEXT NOT NULL,
    matched_id TEXT,
    score DOUBLE PRECISION NOT NULL
);
