package org.symptomgraph.queries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The canned queries: one {@code NAME.rq} file each, shipped in the jar or read from a folder. */
public final class QueryCatalog {

    /** Where the build puts the project's {@code queries/} folder inside the jar. */
    static final String RESOURCE_FOLDER = "/queries";

    private final SortedMap<String, CannedQuery> queries;

    private QueryCatalog(SortedMap<String, CannedQuery> queries) {
        this.queries = queries;
    }

    /** Read once: the jar does not change while the program runs. */
    private static final class Shipped {
        static final QueryCatalog CATALOG = fromResource(QueryCatalog.class.getResource(RESOURCE_FOLDER));
    }

    /** The queries shipped with symptomgraph, from {@code target/classes} or from inside the jar. */
    public static QueryCatalog load() {
        return Shipped.CATALOG;
    }

    /**
     * Every {@code .rq} file directly in a folder. Throws IllegalArgumentException naming the file
     * for a query that cannot be read, and UncheckedIOException when the folder cannot be listed.
     */
    public static QueryCatalog load(Path directory) {
        SortedMap<String, CannedQuery> queries = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(QueryFile.EXTENSION))
                    .filter(Files::isRegularFile).toList()) {
                String fileName = file.getFileName().toString();
                String name = fileName.substring(0, fileName.length() - QueryFile.EXTENSION.length());
                queries.put(name, QueryFile.parse(name, Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the queries in " + directory, e);
        }
        return new QueryCatalog(queries);
    }

    /** A class-path folder: a plain directory in development and tests, a folder in the jar once packaged. */
    static QueryCatalog fromResource(URL folder) {
        if (folder == null) {
            throw new IllegalStateException("the build left the queries out: no " + RESOURCE_FOLDER
                    + " on the class path");
        }
        try {
            if (!"jar".equals(folder.getProtocol())) {
                return load(Path.of(folder.toURI()));
            }
            JarURLConnection connection = (JarURLConnection) folder.openConnection();
            // A file system of our own (not the shared one for the jar's URI), so closing it is safe.
            try (FileSystem jar = FileSystems.newFileSystem(Path.of(connection.getJarFileURL().toURI()))) {
                return load(jar.getPath(connection.getEntryName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the queries in " + folder, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read the queries in " + folder, e);
        }
    }

    /** Sorted by name. */
    public List<CannedQuery> all() {
        return List.copyOf(queries.values());
    }

    public Optional<CannedQuery> get(String name) {
        return Optional.ofNullable(queries.get(name));
    }
}
