package org.symptomgraph.server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.datatypes.xsd.XSDDateTime;
import org.symptomgraph.dumps.Dumps;
import org.symptomgraph.store.DataVersion;
import org.symptomgraph.store.GraphStore;

/**
 * Which state of the data the server answers from, for the validators of its answers
 * ({@link CacheValidators}) and the readiness route ({@link ReadyServlet}).
 *
 * <p>Two parts. The data's version: {@link DataVersion} and the newest import into any graph,
 * stored with the data, so every replica restored from the same backup has the same one. And what
 * only this server adds to what it answers: the dumps its VoID graph describes (each server makes
 * its own), its code and its settings (a result limit changes answers as much as an import).
 *
 * <p>The version is read again, once, after every import that changed the data ({@link
 * GraphStore#onChange}, so through the admin route too): the store tells its listeners after the
 * commit, so a validator is never newer than the data an answer reads after it.
 */
final class ServedVersion implements AutoCloseable {

    /**
     * One state.
     *
     * @param data         the data's version (the VoID description's and the dumps' notion)
     * @param newestImport when the newest import into any graph ended (xsd:dateTime), or null
     * @param token        the data's version in short: equal on replicas that hold the same data
     * @param validator    the token with what this server adds (dumps, code, settings): an ETag's stem
     * @param lastModified the latest of the newest import and the dumps described, in ms; -1 for none
     */
    record State(DataVersion data, String newestImport, String token, String validator, long lastModified) {
    }

    private record Read(long changes, DataVersion data, String newestImport) {
    }

    private final GraphStore store;
    private final String fingerprint;
    private final AtomicLong changes = new AtomicLong();
    private final Runnable unsubscribe;
    private volatile Read read;
    private volatile Dumps.Made dumps;

    /** @param fingerprint the server's code and the settings that change its answers */
    ServedVersion(GraphStore store, String fingerprint) {
        this.store = store;
        this.fingerprint = fingerprint;
        this.unsubscribe = store.onChange(changes::incrementAndGet);
    }

    /** The VoID graph now describes these dumps (called after it is written). */
    void dumpsDescribed(Dumps.Made made) {
        dumps = made;
    }

    State current() {
        long seen = changes.get();
        Read r = read;
        if (r == null || r.changes() < seen) {
            r = readVersion(seen);
        }
        Dumps.Made d = dumps;
        String token = hash(r.data().modified() + "|" + r.data().documents() + "|" + r.newestImport(), 12);
        String validator = token + hash(fingerprint + "|" + (d == null ? "" : d.generation()), 6);
        long lastModified = Math.max(millis(r.newestImport()), d == null ? -1 : d.made().toEpochMilli());
        return new State(r.data(), r.newestImport(), token, validator, lastModified);
    }

    /** Reads the version once for every change seen: requests that arrive meanwhile wait for it. */
    private synchronized Read readVersion(long seen) {
        Read r = read;
        if (r != null && r.changes() >= seen) {
            return r;
        }
        r = store.read(() -> new Read(seen, DataVersion.of(store.dataset()), DataVersion.newestImport(store.dataset())));
        read = r;
        return r;
    }

    /** The code that answers: its version and the size of its jar (none when run from classes, in a build). */
    static String code() {
        String version = ServedVersion.class.getPackage().getImplementationVersion();
        try {
            Path jar = Path.of(ServedVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return version + "/" + (Files.isRegularFile(jar) ? Files.size(jar) : "classes");
        } catch (Exception e) {
            return version + "/?";
        }
    }

    private static long millis(String dateTime) {
        if (dateTime == null) {
            return -1;
        }
        try {
            return ((XSDDateTime) XSDDatatype.XSDdateTime.parse(dateTime)).asCalendar().getTimeInMillis();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** The first {@code hexDigits} of the SHA-256 of {@code text}. */
    static String hash(String text, int hexDigits) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, hexDigits);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        unsubscribe.run();
    }
}
