package org.symptomgraph.store;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symptomgraph.importer.DocumentException;
import org.symptomgraph.importer.DocumentParser;
import org.symptomgraph.rdf.ControlCharacters;
import org.symptomgraph.rdf.DocumentGraph;
import org.symptomgraph.rdf.DocumentMapper;

/** Reads document files and folders into graphs: the importer's front half, shared by import and serve. */
public final class DocumentLoader {

    /** File endings the importer reads: plain text, and saved web pages. */
    public static final List<String> EXTENSIONS = List.of(".txt", ".html", ".htm");

    private final DocumentParser parser;
    private final DocumentMapper mapper;

    public DocumentLoader(DocumentMapper mapper) {
        this(mapper, DocumentParser.DEFAULT_MAX_BYTES);
    }

    /** @param maxBytes the largest document read (see {@link DocumentParser#DocumentParser(long)}) */
    public DocumentLoader(DocumentMapper mapper, long maxBytes) {
        this.mapper = mapper;
        this.parser = new DocumentParser(maxBytes);
    }

    /** One document read: its graph and what the parser noticed. */
    public record Loaded(Path file, DocumentGraph graph, DocumentParser.Result result) {
    }

    /** Every document file named, folders searched recursively, in a stable order. */
    public static List<Path> documentFiles(List<Path> paths) throws IOException {
        List<String> unreadable = new ArrayList<>();
        List<Path> files = documentFiles(paths, unreadable);
        if (!unreadable.isEmpty()) {
            throw new IOException(unreadable.get(0));
        }
        return files;
    }

    /**
     * Every document file named, folders searched recursively, in a stable order; a folder (or file)
     * that cannot be read is skipped, and named in {@code unreadable} ("path: cannot be read (...)").
     */
    public static List<Path> documentFiles(List<Path> paths, List<String> unreadable) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.isDirectory(p)) {
                files.add(p);
                continue;
            }
            List<Path> found = new ArrayList<>();
            Files.walkFileTree(p, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() && !file.getFileName().toString().startsWith(".") && isDocument(file)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    unreadable.add(file + ": cannot be read (" + e.getClass().getSimpleName() + "); skipped");
                    return FileVisitResult.CONTINUE;
                }
            });
            found.sort(Comparator.comparing(Path::toString));
            files.addAll(found);
        }
        return files;
    }

    static boolean isDocument(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /** Reads and maps one file; every problem with it becomes a {@link DocumentException}. */
    public Loaded load(Path file) throws DocumentException {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new DocumentException(name, 0, Files.exists(file) ? "not a regular file" : "no such file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DocumentException(name, "cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
        return load(file, name, bytes);
    }

    /**
     * Reads and maps a document given as bytes (an upload, say). A document the importer trips over
     * is that document's failure, reported like any other, never the whole import's.
     */
    public Loaded load(Path file, String name, byte[] bytes) throws DocumentException {
        try {
            DocumentParser.Result result = parser.parse(name, bytes);
            return new Loaded(file, mapper.map(result.document()), result);
        } catch (ControlCharacters.Found e) {
            // From the file name, most often (the page's own text was checked line by line).
            throw new DocumentException(name, 0, e.getMessage());
        } catch (RuntimeException e) {
            LOG.debug("{} could not be read", name, e);  // the stack trace, with --verbose
            throw new DocumentException(name, "could not be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(DocumentLoader.class);
}
