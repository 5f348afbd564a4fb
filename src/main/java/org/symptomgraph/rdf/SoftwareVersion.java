package org.symptomgraph.rdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The importer's own version, recorded in every graph's provenance. */
public final class SoftwareVersion {

    public static final String VERSION = load();

    private SoftwareVersion() {
    }

    private static String load() {
        try (InputStream in = SoftwareVersion.class.getResourceAsStream("/symptomgraph.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("symptomgraph.properties is missing from the build", e));
        }
    }
}
