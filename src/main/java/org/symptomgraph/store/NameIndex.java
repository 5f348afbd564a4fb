package org.symptomgraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextDocProducerTriples;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.query.text.changes.TextQuadAction;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.pattern.PatternTokenizer;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.NIOFSDirectory;
import org.symptomgraph.rdf.Vocab;

/**
 * The full-text index of the name keys ({@code sg:nameKey}: one per name, other name and
 * abbreviation of a cause or symptom) in the current view, for {@code label-search}: jena-text over
 * Lucene, queried with {@code text:query}. Every write goes through the text dataset, so the index
 * follows each import in its transaction; only the current view (the default graph) is indexed, so
 * a key shows once however many versions of how many pages hold it. Searches read through one
 * Lucene reader kept open and moved on at each commit ({@link KeptOpenTextIndex}).
 *
 * <p>The index lives in the database's folder ({@value #FOLDER}), so that it is copied, wiped and
 * locked with it. Whatever filled the database without it (the bulk loader, a restore, a database
 * from before the index) leaves it absent or unfinished, and it is rebuilt from the current view
 * when the database is opened.
 */
final class NameIndex {

    /** The index's folder inside the database's. */
    static final String FOLDER = "text-index";
    /** Written once the index holds every key of the current view; until then it is rebuilt on open. */
    private static final String COMPLETE = "complete";

    static final String ENTITY_FIELD = "uri";
    static final String KEY_FIELD = "key";
    /**
     * Words are runs of letters and digits, lower case: the same split for the keys and for the text
     * searched, so that "crohn's" is the words crohn and s on both sides.
     */
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private NameIndex() {
    }

    /**
     * The text dataset over {@code tdb}: its index in {@code database}'s folder, or in memory when
     * {@code database} is null; built from the current view first if it is absent or unfinished.
     */
    static Dataset over(Dataset tdb, Path database) {
        EntityDefinition definition = new EntityDefinition(ENTITY_FIELD, KEY_FIELD, Vocab.nameKey.asNode());
        // A uid per (entity, key), so that a key dropped from the current view can be deleted.
        definition.setUidField("uid");
        // Keys are plain strings, so this field stays empty; without it jena-text warns on every open.
        definition.setLangField("lang");
        TextIndexConfig config = new TextIndexConfig(definition);
        // The matched key comes back with each hit, so the query can show which names matched.
        config.setValueStored(true);
        config.setAnalyzer(new WordAnalyzer());
        config.setQueryAnalyzer(new WordAnalyzer());
        Path folder = database == null ? null : database.resolve(FOLDER);
        boolean complete = folder != null && Files.exists(folder.resolve(COMPLETE));
        if (folder != null && !complete) {
            BulkLoad.wipe(folder);
        }
        TextIndex index = new KeptOpenTextIndex(directory(folder), config);
        DatasetGraph text = TextDatasetFactory.create(tdb.asDatasetGraph(), index, true, new CurrentViewOnly(index));
        if (folder != null && !complete) {
            fill(tdb.asDatasetGraph(), index, definition);
            markComplete(database);
        }
        return DatasetFactory.wrap(text);
    }

    /** Closes the index of a dataset made by {@link #over}. */
    static void close(Dataset text) {
        ((DatasetGraphText) text.asDatasetGraph()).getTextIndex().close();
    }

    /** Marks the index of a database as holding every key of the current view. */
    static void markComplete(Path database) {
        Path marker = database.resolve(FOLDER).resolve(COMPLETE);
        try {
            Files.writeString(marker, "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + marker, e);
        }
    }

    /** Marks the index of a database as out of date, so that the next open rebuilds it. */
    static void invalidate(Path database) {
        try {
            Files.deleteIfExists(database.resolve(FOLDER).resolve(COMPLETE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset the text index of " + database, e);
        }
    }

    private static Directory directory(Path folder) {
        try {
            if (folder == null) {
                return new ByteBuffersDirectory();
            }
            Files.createDirectories(folder);
            // Positional reads, not FSDirectory.open's memory maps: closing a mapped reader unmaps
            // its files, which stops every thread of the JVM for a moment (about 10 ms at 100k
            // pages), and a reader is closed after every commit of the index; reads of a small
            // index from the page cache cost nothing of the kind.
            return new NIOFSDirectory(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the text index in " + folder, e);
        }
    }

    /** Indexes every name key of the current view, read straight from the database (no change to record). */
    private static void fill(DatasetGraph tdb, TextIndex index, EntityDefinition definition) {
        tdb.executeRead(() -> tdb.find(Quad.defaultGraphIRI, Node.ANY, Vocab.nameKey.asNode(), Node.ANY)
                .forEachRemaining(q -> {
                    Entity entity = TextQueryFuncs.entityFromQuad(definition, q);
                    if (entity != null) {
                        index.addEntity(entity);
                    }
                }));
        index.commit();
    }

    /** Indexes the changes to the current view only; the documents' own graphs hold the same keys again. */
    private static final class CurrentViewOnly extends TextDocProducerTriples {
        CurrentViewOnly(TextIndex index) {
            super(index);
        }

        @Override
        public void change(TextQuadAction action, Node g, Node s, Node p, Node o) {
            if (g == null || Quad.isDefaultGraph(g)) {
                super.change(action, g, s, p, o);
            }
        }
    }

    /** Words as {@link #NOT_WORD} splits them, lower case. */
    private static final class WordAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer words = new PatternTokenizer(NOT_WORD, -1);
            return new TokenStreamComponents(words, new LowerCaseFilter(words));
        }

        @Override
        protected TokenStream normalize(String field, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }
}
