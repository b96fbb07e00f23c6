-- Schema 3: the full-text index gains a facets column (Search/Facets.cs: site, flag codes, entity names and
-- publish day as terms), so a filtered search intersects posting lists inside FTS5. FTS5 cannot add a
-- column, so the index is recreated; SqliteSearchIndex.Rebuild refills it from the stored articles in the
-- same transaction.
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, words, facets,
    content = '',
    tokenize = 'unicode61 remove_diacritics 0',
    detail = full
);
