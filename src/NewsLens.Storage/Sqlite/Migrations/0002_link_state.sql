-- Schema 2: what the Link stage keeps per article so a later run can restore its copy index and thread
-- builder without re-reading texts (written in the article's transaction).
CREATE TABLE link_state (
    article_rowid INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL UNIQUE,
    fingerprint TEXT NOT NULL,
    signature BLOB NOT NULL,
    profile TEXT NOT NULL,
    thread_id TEXT NOT NULL,
    founded INTEGER NOT NULL,
    reason TEXT NOT NULL,
    matched_id TEXT,
    score REAL NOT NULL
);
