package org.symptomgraph.importer.page;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The one place that knows which files are documents and which {@link PageReader} reads each: by the
 * file's name ending, or for a file given by name whose ending says nothing, by sniffing its first
 * bytes (an HTML page, else plain text). Readers come from {@link ServiceLoader}, so a jar on the
 * class path can add a format.
 */
public final class DocumentFormats {

    /** Larger than any real page of this kind; a bigger document is refused before it is read. */
    public static final long DEFAULT_MAX_BYTES = 8L * 1024 * 1024;

    private static final List<PageReader> READERS = load();

    private DocumentFormats() {
    }

    private static List<PageReader> load() {
        List<PageReader> readers = new ArrayList<>();
        ServiceLoader.load(PageReader.class, DocumentFormats.class.getClassLoader()).forEach(readers::add);
        if (readers.isEmpty()) {
            // A repackaged jar that lost its service files still reads the built-in formats.
            readers.add(new TextPageReader());
            readers.add(new HtmlPageReader());
        }
        return List.copyOf(readers);
    }

    /** Every reader known, text first. */
    public static List<PageReader> readers() {
        return READERS;
    }

    /** Every file name ending a folder search picks up. */
    public static List<String> extensions() {
        return READERS.stream().flatMap(r -> r.extensions().stream()).toList();
    }

    /**
     * The documents among files and folders: a file named is taken whatever its ending; a folder is
     * searched recursively for files with a document ending (hidden ones left out), in a stable order.
     */
    public static List<Path> documentsIn(List<Path> paths) throws IOException {
        List<String> unreadable = new ArrayList<>();
        List<Path> files = documentsIn(paths, unreadable);
        if (!unreadable.isEmpty()) {
            throw new IOException(unreadable.get(0));
        }
        return files;
    }

    /**
     * As {@link #documentsIn(List)}, but a folder (or file) the search cannot read is skipped and
     * named in {@code unreadable} ("PATH: cannot be read (AccessDeniedException); skipped").
     */
    public static List<Path> documentsIn(List<Path> paths, List<String> unreadable) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> found = new ArrayList<>();
                Files.walkFileTree(p, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        if (attributes.isRegularFile() && isDocument(file)) {
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
            } else if (!p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tsv")) {
                files.add(p);
            }
        }
        return files;
    }

    /**
     * Whether a folder search takes this file as a document (by its name; hidden files never, nor
     * a folder's README: data/links/README.md read as a page made a symptom of its own).
     */
    public static boolean isDocument(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && !name.toLowerCase(Locale.ROOT).startsWith("readme.")
                && byName(name).isPresent();
    }

    /** The reader for a file name's ending, if one knows it. */
    public static Optional<PageReader> byName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return READERS.stream().filter(r -> r.extensions().stream().anyMatch(lower::endsWith)).findFirst();
    }

    /**
     * The reader for a document: by its name's ending, else the first whose sniffing recognises the
     * bytes, else plain text (which refuses what is not text, with the line).
     */
    public static PageReader forDocument(String name, byte[] bytes) {
        return byName(name).or(() -> READERS.stream().filter(r -> r.sniff(bytes)).findFirst())
                .orElseGet(() -> READERS.stream().filter(r -> r.format().equals(TextPageReader.FORMAT)).findFirst()
                        .orElseGet(TextPageReader::new));
    }

    /** Reads a document with the reader {@link #forDocument} picks. */
    public static Page read(String name, byte[] bytes) throws DocumentException {
        return forDocument(name, bytes).read(name, bytes);
    }
}
