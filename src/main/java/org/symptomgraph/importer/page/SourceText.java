package org.symptomgraph.importer.page;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A document's bytes decoded (UTF-8 unless an HTML page declares otherwise), refusing what is not text. */
public final class SourceText {

    /** {@code <meta charset="...">} or {@code <meta http-equiv="Content-Type" content="...; charset=...">}. */
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta\\b[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    private SourceText() {
    }

    /** Lines of a plain-text document, 1-based numbering by position (index 0 is line 1). */
    public static List<String> lines(String file, byte[] bytes) throws DocumentException {
        List<String> lines = split(text(file, bytes, StandardCharsets.UTF_8));
        if (lines.stream().allMatch(String::isBlank)) {
            throw new DocumentException(file, 0, "the document is empty");
        }
        return lines;
    }

    /**
     * The text of an HTML page: decoded with the charset its {@code <meta>} declares (UTF-8 when it
     * declares none), line ends normalised as for plain text so that line numbers agree.
     */
    public static String html(String file, byte[] bytes) throws DocumentException {
        Charset charset = declaredCharset(bytes).orElse(StandardCharsets.UTF_8);
        return text(file, bytes, charset);
    }

    /** Decodes strictly, normalises (NFC, no BOM, LF line ends, no-break spaces as spaces), and checks. */
    static String text(String file, byte[] bytes, Charset charset) throws DocumentException {
        if (bytes.length == 0) {
            throw new DocumentException(file, 0, "the document is empty");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new DocumentException(file, lineAt(bytes, i), "binary content (a NUL byte): not a text document");
            }
        }
        String text;
        try {
            CharsetDecoder decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DocumentException(file, 0, "not valid " + (charset.equals(StandardCharsets.UTF_8)
                    ? "UTF-8" : charset.name()) + " text");
        }
        text = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace("\uFEFF", "")
                .replace("\r\n", "\n")
                .replace('\r', '\n')
                .replace('\u00A0', ' ');
        List<String> lines = split(text);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).chars().anyMatch(c -> Character.isISOControl(c) && c != '\t')) {
                throw new DocumentException(file, i + 1, "control characters: not a text document");
            }
        }
        if (text.isBlank()) {
            throw new DocumentException(file, 0, "the document is empty");
        }
        return text;
    }

    static List<String> split(String text) {
        return List.of(text.split("\n", -1));
    }

    /** The charset a page declares in its first few kilobytes, if Java knows it. */
    static Optional<Charset> declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(m.group(1)));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
