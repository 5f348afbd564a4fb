package org.symptomgraph.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.jena.query.Dataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symptomgraph.importer.page.DocumentException;
import org.symptomgraph.importer.page.DocumentFormats;
import org.symptomgraph.importer.page.Page;
import org.symptomgraph.importer.reading.DocumentReader;
import org.symptomgraph.links.LinkGraph;
import org.symptomgraph.links.LinkTable;
import org.symptomgraph.links.LinkTableException;
import org.symptomgraph.links.Linker;
import org.symptomgraph.links.SssomFile;
import org.symptomgraph.links.VocabularyIndex;
import org.symptomgraph.rdf.ControlCharacters;
import org.symptomgraph.rdf.DocumentGraph;
import org.symptomgraph.rdf.DocumentMapper;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.store.BulkLoad;
import org.symptomgraph.store.GraphStore;

/**
 * Imports symptom-causes documents: reads each page ({@link DocumentFormats}), reads what it says
 * ({@link DocumentReader}), makes its named graph ({@link DocumentMapper}) and stores it, each
 * document's graph replaced whole in one transaction. Built with {@link #create()}:
 *
 * <pre>{@code
 * ImportReport report = Importer.create()
 *         .database(Path.of("db"))          // where the graphs go (or .store(open store))
 *         .collect(dataset)                 // and/or: every graph into this dataset too
 *         .listener(consoleListener)        // progress, warnings, failures
 *         .build()
 *         .importFiles(List.of(Path.of("data")));
 *
 * ImportedDocument one = Importer.create().build().read("page.txt", bytes);   // read only
 * }</pre>
 *
 * <p>A new (empty) database is filled by TDB2's bulk loader, the whole import one unit (until it
 * ends the database is marked incomplete); a database that holds data changes by transactions of
 * {@link Builder#batchSize} documents. A document that cannot be read is reported to the listener
 * and skipped: the database is as it was without it. An importer is not shared between threads.
 */
public final class Importer {

    /** Larger than any real page of this kind; a bigger document is refused before it is read. */
    public static final long DEFAULT_MAX_DOCUMENT_BYTES = DocumentFormats.DEFAULT_MAX_BYTES;
    public static final int DEFAULT_BATCH_SIZE = 100;

    private static final Logger LOG = LoggerFactory.getLogger(Importer.class);

    private final Iris iris;
    private final DocumentMapper mapper;
    private final Linker linker;
    private final DocumentReader reader = new DocumentReader();
    private final long maxDocumentBytes;
    private final int batchSize;
    private final Path database;
    private final GraphStore store;
    private final Dataset collect;
    private final ImportListener listener;

    private Importer(Builder b) {
        this.iris = b.iris;
        this.mapper = new DocumentMapper(b.iris);
        this.linker = new Linker(VocabularyIndex.shipped(), b.iris);
        this.maxDocumentBytes = b.maxDocumentBytes;
        this.batchSize = b.batchSize;
        this.database = b.database;
        this.store = b.store;
        this.collect = b.collect;
        this.listener = b.listener;
    }

    /** A builder with the defaults: IRIs under {@link Iris#DEFAULT_BASE}, 8 MiB, batches of 100, nowhere to store, silent. */
    public static Builder create() {
        return new Builder();
    }

    /** The typed settings of an import. */
    public static final class Builder {
        private Iris iris = new Iris(Iris.DEFAULT_BASE);
        private long maxDocumentBytes = DEFAULT_MAX_DOCUMENT_BYTES;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Path database;
        private GraphStore store;
        private Dataset collect;
        private ImportListener listener = ImportListener.silent();

        private Builder() {
        }

        /** Where the graph's IRIs are minted. */
        public Builder iris(Iris value) {
            this.iris = value;
            return this;
        }

        /** The largest document read, in bytes; a larger one is refused before it is read. */
        public Builder maxDocumentBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("the largest document must be at least 1 byte");
            }
            this.maxDocumentBytes = bytes;
            return this;
        }

        /** Into a database that holds data: this many documents share one write transaction (each still replaced whole). */
        public Builder batchSize(int documents) {
            if (documents < 1) {
                throw new IllegalArgumentException("a batch holds at least 1 document, not " + documents);
            }
            this.batchSize = documents;
            return this;
        }

        /** The TDB2 database folder the graphs go into; a new one is filled by the bulk loader. */
        public Builder database(Path directory) {
            this.database = directory;
            this.store = null;
            return this;
        }

        /** An open database the graphs go into (a running server's). */
        public Builder store(GraphStore open) {
            this.store = open;
            this.database = null;
            return this;
        }

        /** A dataset that receives every graph as well (to write them to a file). */
        public Builder collect(Dataset dataset) {
            this.collect = dataset;
            return this;
        }

        /** Who hears about progress, warnings and failures. */
        public Builder listener(ImportListener value) {
            this.listener = value;
            return this;
        }

        public Importer build() {
            return new Importer(this);
        }
    }

    public Iris iris() {
        return iris;
    }

    /**
     * Reads one document and makes its graph; nothing is stored.
     *
     * @throws DocumentException naming the document (and line) when it cannot be imported
     */
    public ImportedDocument read(String name, byte[] bytes) throws DocumentException {
        if (bytes.length > maxDocumentBytes) {
            throw tooLarge(name, bytes.length);
        }
        try {
            Page page = DocumentFormats.read(name, bytes);
            DocumentReader.Result result = reader.read(page, sha256(bytes));
            DocumentGraph graph = mapper.map(result.document());
            linker.addLinks(graph.model());  // lexical links to DOID, SYMP and drugs: docs/linking.md
            return new ImportedDocument(name, result.document(), graph, result.warnings(), Optional.empty());
        } catch (ControlCharacters.Found e) {
            // From the file name, most often (the page's own text was checked line by line).
            throw new DocumentException(name, 0, e.getMessage());
        } catch (RuntimeException e) {
            // A document the importer trips over is that document's failure, never the whole import's.
            LOG.debug("{} could not be read", name, e);
            throw new DocumentException(name, "could not be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Reads one document file; see {@link #read(String, byte[])}. */
    public ImportedDocument read(Path file) throws DocumentException {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new DocumentException(name, 0, Files.exists(file) ? "not a regular file" : "no such file");
        }
        try {
            long size = Files.size(file);
            if (size > maxDocumentBytes) {
                throw tooLarge(name, size);
            }
            return read(name, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new DocumentException(name, "cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private DocumentException tooLarge(String name, long size) {
        return new DocumentException(name, 0, String.format("too large: %,d bytes (the limit is %,d; see --max-size)",
                size, maxDocumentBytes));
    }

    /**
     * Reads one document and stores it (into the open store, and the collecting dataset): its graph
     * replaced whole in one transaction. The listener hears of it, and of its warnings.
     */
    public ImportedDocument importDocument(String name, byte[] bytes) throws DocumentException {
        ImportedDocument d = read(name, bytes);
        d.warnings().forEach(listener::warning);
        if (collect != null) {
            collect.addNamedModel(d.graph().name(), d.graph().model());
        }
        if (store != null) {
            d = d.stored(store.replace(d.graph(), Instant.now()));
        }
        listener.imported(d);
        return d;
    }

    /**
     * Imports documents, link tables and curation files (files, or folders searched for them): each
     * document becomes its named graph, the link table the links graph, each curation file
     * ({@code .sssom.tsv}) its graph of curated links.
     *
     * @throws IOException when a folder cannot be searched
     */
    public ImportReport importFiles(List<Path> inputs) throws IOException {
        List<String> unreadable = new ArrayList<>();
        List<Path> files = DocumentFormats.documentsIn(inputs, unreadable);
        List<Path> tables = LinkTable.tablesIn(inputs);
        List<Path> curationFiles = inputs.stream().filter(p -> !Files.isDirectory(p) && SssomFile.isSssom(p)).toList();
        ImportReport report = new ImportReport();
        listener.started(files.size());
        for (String problem : unreadable) {
            int at = problem.lastIndexOf(": cannot be read");
            report.fail();
            listener.failed(new DocumentException(problem.substring(0, at), 0, problem.substring(at + 2)));
        }
        GraphStore target = store;
        List<Path> throughStore = files;
        if (database != null && !files.isEmpty() && BulkLoad.isNew(database)) {
            throughStore = bulkLoad(files, report);
        }
        boolean opened = target == null && database != null;
        if (opened) {
            target = GraphStore.open(database);
        }
        try {
            Batch batch = new Batch(target, report);
            boolean firstRead = throughStore == files;
            for (Path file : throughStore) {
                Optional<ImportedDocument> d = firstRead ? readCounted(file, report) : reread(file, report);
                d.ifPresent(batch::add);
            }
            batch.flush();
            for (Path table : tables) {
                links(table, target, report);
            }
            for (Path file : curationFiles) {
                curated(file, target, report);
            }
        } finally {
            if (opened) {
                target.close();
            }
        }
        report.finish();
        return report;
    }

    /**
     * A first import into a new database, by the bulk loader: every document read, the first version
     * of each page stored. Returns the files the store must still take (further versions of a page).
     */
    private List<Path> bulkLoad(List<Path> files, ImportReport report) {
        List<Path> later = new ArrayList<>();
        try (BulkLoad bulk = BulkLoad.into(database, Instant.now())) {
            for (Path file : files) {
                Optional<ImportedDocument> read = readCounted(file, report);
                if (read.isEmpty()) {
                    continue;
                }
                ImportedDocument d = read.get();
                if (!bulk.add(d.graph())) {
                    later.add(file);
                    continue;
                }
                report.stored(GraphStore.Outcome.ADDED);
                listener.imported(d.stored(GraphStore.Outcome.ADDED));
            }
            if (report.outcome(GraphStore.Outcome.ADDED) > 0) {
                listener.status("building the indexes of the new database " + database);
            }
            bulk.commit();
        }
        return later;
    }

    /** A document read, its warnings told and counted; empty when it cannot be read (told). */
    private Optional<ImportedDocument> readCounted(Path file, ImportReport report) {
        try {
            ImportedDocument d = read(file);
            d.warnings().forEach(listener::warning);
            if (collect != null) {
                collect.addNamedModel(d.graph().name(), d.graph().model());
            }
            report.imported(d);
            return Optional.of(d);
        } catch (DocumentException e) {
            listener.failed(e);
            report.fail();
            return Optional.empty();
        }
    }

    /** A document read (and counted) before the bulk load, read again to store it. */
    private Optional<ImportedDocument> reread(Path file, ImportReport report) {
        try {
            return Optional.of(read(file));
        } catch (DocumentException e) {
            // Read a moment ago: the file changed meanwhile.
            listener.failed(e);
            report.unread();
            return Optional.empty();
        }
    }

    /** Documents read but not stored yet: each batch goes to the store in one write transaction. */
    private final class Batch {
        private final GraphStore target;
        private final ImportReport report;
        private final List<ImportedDocument> documents = new ArrayList<>();

        Batch(GraphStore target, ImportReport report) {
            this.target = target;
            this.report = report;
        }

        void add(ImportedDocument d) {
            documents.add(d);
            if (documents.size() >= batchSize) {
                flush();
            }
        }

        void flush() {
            if (documents.isEmpty()) {
                return;
            }
            List<GraphStore.Outcome> outcomes = target == null ? List.of()
                    : target.replaceAll(documents.stream().map(ImportedDocument::graph).toList(), Instant.now());
            for (int i = 0; i < documents.size(); i++) {
                ImportedDocument d = documents.get(i);
                if (target != null) {
                    report.stored(outcomes.get(i));
                    d = d.stored(outcomes.get(i));
                }
                listener.imported(d);
            }
            documents.clear();
        }
    }

    /** The curated links to public vocabularies: one graph, always part of the current view. */
    private void links(Path table, GraphStore target, ImportReport report) {
        DocumentGraph links;
        try {
            links = LinkGraph.linkGraph(table, iris);
        } catch (LinkTableException e) {
            e.problems().forEach(listener::linkProblem);
            report.fail();
            return;
        }
        GraphStore.Outcome outcome = target == null ? null : target.replace(links, Instant.now());
        if (collect != null) {
            collect.addNamedModel(links.name(), links.model());
        }
        listener.links(table, links, outcome);
    }

    /** A curation file (what {@code links suggest} wrote, edited): its curated rows, winning over automatic links. */
    private void curated(Path file, GraphStore target, ImportReport report) {
        SssomFile.Curated curated;
        try {
            curated = SssomFile.read(file, iris, VocabularyIndex.shipped());
        } catch (LinkTableException e) {
            e.problems().forEach(listener::linkProblem);
            report.fail();
            return;
        }
        GraphStore.Outcome outcome = target == null ? null : target.replace(curated.graph(), Instant.now());
        if (collect != null) {
            collect.addNamedModel(curated.graph().name(), curated.graph().model());
        }
        listener.curated(file, curated, outcome);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
