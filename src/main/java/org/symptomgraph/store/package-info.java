/**
 * The TDB2 database: {@link org.symptomgraph.store.GraphStore} keeps every document version as a
 * named graph, replaced whole in one transaction, and the default graph as the current view (the
 * newest version of every page); {@link org.symptomgraph.store.BulkLoad} fills a new database with
 * Jena's bulk loader; {@link org.symptomgraph.store.Backups} writes and restores gzip N-Quads;
 * {@link org.symptomgraph.store.Statistics} counts what is stored; {@link org.symptomgraph.store.RemoteImport}
 * sends documents to a running server's admin route instead. Two things derived from the data
 * follow every write in its transaction: {@link org.symptomgraph.store.StatisticsGraph}, the counts
 * the whole-graph canned queries read, and {@code NameIndex}, the full-text index of the name keys
 * (jena-text; searched through one Lucene reader kept open, {@code KeptOpenTextIndex}) that
 * label-search asks.
 *
 * <p>May depend on {@code rdf}, {@code links} (curated links win over automatic ones),
 * {@code importer.page} (which files are documents) and Apache Jena with jena-text; it does not
 * read pages.
 */
package org.symptomgraph.store;
