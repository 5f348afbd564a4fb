package org.symptomgraph.importer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.symptomgraph.importer.page.DocumentException;
import org.symptomgraph.importer.page.DocumentFormats;
import org.symptomgraph.importer.reading.DocumentReader;

/** Temporary bridge: bytes to document through the page readers and the reading passes. */
public final class DocumentParser {

    public static final long DEFAULT_MAX_BYTES = 8L * 1024 * 1024;

    private final long maxBytes;
    private final DocumentReader reader = new DocumentReader();

    public DocumentParser() {
        this(DEFAULT_MAX_BYTES);
    }

    public DocumentParser(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public DocumentReader.Result parse(String file, byte[] bytes) throws DocumentException {
        if (bytes.length > maxBytes) {
            throw new DocumentException(file, 0, String.format("too large: %,d bytes (the limit is %,d; see --max-size)",
                    bytes.length, maxBytes));
        }
        return reader.read(DocumentFormats.read(file, bytes), sha256(bytes));
    }

    public DocumentReader.Result parse(String file, String text) throws DocumentException {
        return parse(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
