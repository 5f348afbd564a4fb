package org.symptomgraph.dumps;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.Iterator;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.symptomgraph.rdf.Vocab;
import org.symptomgraph.store.AtomicFiles;
import org.symptomgraph.store.DataVersion;

/**
 * The dumps in one folder. Each set of dumps is a generation: its files carry the generation in
 * their names and never change once written (each written beside its target and moved into
 * place); {@value #MANIFEST} names the newest generation and the state of the data it was made
 * from, and is itself replaced whole. So a reader that looked the manifest up always finds whole
 * files, and a generation's name is a strong validator of its bytes (an ETag). The previous
 * generation is kept, for downloads that began before the newest.
 */
public final class Dumps {

    /** The two dumps. */
    public enum Kind {
        /** The current view (the default graph): the newest version of every page. */
        CURRENT("symptomgraph-current", ".ttl.gz", "text/turtle"),
        /** Every graph an import stored: each document version, the link tables. */
        VERSIONS("symptomgraph-versions", ".nq.gz", "application/n-quads");

        private final String stem;
        private final String extension;
        private final String mediaType;

        Kind(String stem, String extension, String mediaType) {
            this.stem = stem;
            this.extension = extension;
            this.mediaType = mediaType;
        }

        /** The name the dump is offered under, whatever its generation. */
        public String fileName() {
            return stem + extension;
        }

        /** The media type of the RDF inside the gzip stream. */
        public String mediaType() {
            return mediaType;
        }

        String fileName(String generation) {
            return stem + "-" + generation + extension;
        }

        /** The dump offered under this name, if any. */
        public static Optional<Kind> named(String name) {
            for (Kind k : values()) {
                if (k.fileName().equals(name)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One generation of dumps.
     *
     * @param generation its name, part of its files' names
     * @param made       when it was written
     * @param madeFrom   the state of the data it holds
     * @param bytes      each dump's size
     */
    public record Made(String generation, Instant made, DataVersion madeFrom, Map<Kind, Long> bytes) {
        public Made {
            bytes = Map.copyOf(bytes);
        }
    }

    /** The file that names the newest generation. */
    public static final String MANIFEST = "dumps.properties";
    private static final DateTimeFormatter GENERATION = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int BUFFER = 1 << 16;

    private final Path directory;

    public Dumps(Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    /** The dumps of the database in {@code database}: a folder beside it, NAME-dumps. */
    public static Dumps besideDatabase(Path database) {
        Path db = database.toAbsolutePath().normalize();
        return new Dumps(db.resolveSibling(db.getFileName() + "-dumps"));
    }

    public Path directory() {
        return directory;
    }

    /** The newest generation, if one was written. */
    public Optional<Made> newest() {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(directory.resolve(MANIFEST))) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Kind, Long> bytes = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            bytes.put(k, Long.parseLong(p.getProperty(k.name().toLowerCase() + ".bytes")));
        }
        String modified = p.getProperty("modified");
        return Optional.of(new Made(p.getProperty("generation"), Instant.parse(p.getProperty("made")),
                new DataVersion(modified == null || modified.isEmpty() ? null : modified,
                        Long.parseLong(p.getProperty("documents"))), bytes));
    }

    /** The file of one dump of a generation. */
    public Path file(Made made, Kind kind) {
        return directory.resolve(kind.fileName(made.generation()));
    }

    /**
     * Writes a new generation from one read transaction (the two dumps and the recorded state of
     * the data agree), names it in the manifest, and removes the generations before the previous one.
     */
    public Made write(Dataset dataset, PrefixMapping prefixes) throws IOException {
        return write(dataset, prefixes, () -> false);
    }

    /**
     * {@link #write(Dataset, PrefixMapping)}, given up (a {@link CancellationException}, no file
     * left) as soon as {@code cancelled} says so. Not by interrupting: an interrupt closes TDB2's
     * file channels for every user of the database.
     */
    public Made write(Dataset dataset, PrefixMapping prefixes, BooleanSupplier cancelled) throws IOException {
        Files.createDirectories(directory);
        Optional<Made> previous = newest();
        Instant now = Instant.now();
        String generation = GENERATION.format(now);
        if (previous.isPresent() && generation.compareTo(previous.get().generation()) <= 0) {
            generation = previous.get().generation() + "-1";
        }
        String named = generation;
        DataVersion version;
        try {
            version = dataset.calculateRead(() -> {
                DatasetGraph dsg = dataset.asDatasetGraph();
                write(directory.resolve(Kind.CURRENT.fileName(named)), out -> turtle(dsg.getDefaultGraph(), prefixes, cancelled, out));
                write(directory.resolve(Kind.VERSIONS.fileName(named)), out -> quads(dsg, cancelled, out));
                return DataVersion.of(dataset);
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Map<Kind, Long> bytes = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            bytes.put(k, Files.size(directory.resolve(k.fileName(named))));
        }
        Made made = new Made(named, now, version, bytes);
        AtomicFiles.write(directory.resolve(MANIFEST), out -> {
            manifest(made).store(out, "symptomgraph dumps: the newest generation");
            return null;
        });
        removeAllBut(previous.map(Made::generation).orElse(named), named);
        return made;
    }

    private static Properties manifest(Made made) {
        Properties p = new Properties();
        p.setProperty("generation", made.generation());
        p.setProperty("made", made.made().toString());
        p.setProperty("modified", made.madeFrom().modified() == null ? "" : made.madeFrom().modified());
        p.setProperty("documents", Long.toString(made.madeFrom().documents()));
        made.bytes().forEach((k, n) -> p.setProperty(k.name().toLowerCase() + ".bytes", Long.toString(n)));
        return p;
    }

    /** gzip of what {@code body} writes, written atomically; called inside a read transaction. */
    private static void write(Path target, AtomicFiles.Content<Void> body) {
        try {
            AtomicFiles.write(target, out -> {
                GZIPOutputStream gzip = new GZIPOutputStream(out, BUFFER);
                BufferedOutputStream buffered = new BufferedOutputStream(gzip, BUFFER);
                body.writeTo(buffered);
                buffered.flush();
                gzip.finish();
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Turtle that streams (a subject's triples in one block), with the graph's prefixes. */
    private static Void turtle(Graph graph, PrefixMapping prefixes, BooleanSupplier cancelled, OutputStream out) {
        StreamRDF writer = StreamRDFWriter.getWriterStream(out, RDFFormat.TURTLE_BLOCKS);
        writer.start();
        prefixes.getNsPrefixMap().forEach(writer::prefix);
        long n = 0;
        for (Iterator<Triple> it = graph.find(); it.hasNext();) {
            writer.triple(it.next());
            checkEvery(++n, cancelled);
        }
        writer.finish();
        return null;
    }

    /** Every named graph that records its import, quad by quad; not the VoID or examples graphs. */
    private static Void quads(DatasetGraph dsg, BooleanSupplier cancelled, OutputStream out) {
        Set<Node> imported = new LinkedHashSet<>();
        dsg.find(Node.ANY, Node.ANY, Vocab.endedAtTime.asNode(), Node.ANY).forEachRemaining(q -> {
            if (!q.isDefaultGraph()) {
                imported.add(q.getGraph());
            }
        });
        StreamRDF writer = StreamRDFWriter.getWriterStream(out, RDFFormat.NQUADS);
        writer.start();
        long n = 0;
        for (Node g : imported) {
            for (Iterator<Quad> it = dsg.find(g, Node.ANY, Node.ANY, Node.ANY); it.hasNext();) {
                writer.quad(it.next());
                checkEvery(++n, cancelled);
            }
        }
        writer.finish();
        return null;
    }

    private static void checkEvery(long written, BooleanSupplier cancelled) {
        if (written % 10_000 == 1 && cancelled.getAsBoolean()) {
            throw new CancellationException("dumps cancelled");
        }
    }

    /** Removes the dump files of every generation but the two given. */
    private void removeAllBut(String keep, String newest) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "symptomgraph-*.gz")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                boolean kept = false;
                for (Kind k : Kind.values()) {
                    kept |= name.equals(k.fileName(keep)) || name.equals(k.fileName(newest));
                }
                if (!kept) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
