package org.symptomgraph.importer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;

/** A document's bytes decoded as UTF-8 and cut into lines, refusing what is not text. */
public final class SourceText {

    private SourceText() {
    }

    /** Lines of the document, 1-based numbering by position (index 0 is line 1). */
    public static List<String> lines(String file, byte[] bytes) throws DocumentException {
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
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DocumentException(file, 0, "not valid UTF-8 text");
        }
        text = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace("\uFEFF", "")
                .replace("\r\n", "\n")
                .replace('\r', '\n')
                .replace('\u00A0', ' ')
                .replace('\t', ' ');
        List<String> lines = List.of(text.split("\n", -1));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).chars().anyMatch(c -> Character.isISOControl(c))) {
                throw new DocumentException(file, i + 1, "control characters: not a text document");
            }
        }
        if (lines.stream().allMatch(String::isBlank)) {
            throw new DocumentException(file, 0, "the document is empty");
        }
        return lines;
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
