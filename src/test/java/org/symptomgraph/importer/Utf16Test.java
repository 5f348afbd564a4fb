package org.symptomgraph.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.symptomgraph.importer.page.DocumentException;
import org.symptomgraph.testing.Fixtures;

/**
 * A page saved as UTF-16 (as Windows editors do) reads like its UTF-8 twin, with or without a byte
 * order mark; it used to be refused as "binary content (a NUL byte)".
 */
class Utf16Test {

    private final Importer importer = Importer.create().build();

    private static byte[] encode(String text, Charset charset, boolean bom) {
        ByteBuffer b = charset.encode((bom ? "\uFEFF" : "") + text);
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return bytes;
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE bom", "UTF-16BE bom", "UTF-16LE", "UTF-16BE"})
    void aPageInUtf16ReadsAsInUtf8(String encoding) throws Exception {
        String[] e = encoding.split(" ");
        for (String name : List.of("petechiae.txt", "fatigue.html")) {
            byte[] utf8 = Fixtures.bytes(name.equals("petechiae.txt") ? Fixtures.PETECHIAE : Fixtures.testDocument(name));
            String text = new String(utf8, StandardCharsets.UTF_8);
            byte[] utf16 = encode(text, Charset.forName(e[0]), e.length > 1);
            ImportedDocument a = importer.read(name, utf8);
            ImportedDocument b = importer.read(name, utf16);
            assertEquals(a.document().allCauses().size(), b.document().allCauses().size(), name + " in " + encoding);
            assertEquals(a.document().symptom(), b.document().symptom());
        }
    }

    @Test
    void binaryContentIsStillBinary() {
        byte[] bytes = "line one\nline two\nbad \0 byte\n".getBytes(StandardCharsets.UTF_8);
        DocumentException e = assertThrows(DocumentException.class, () -> importer.read("page.txt", bytes));
        assertTrue(e.getMessage().startsWith("page.txt:3: binary content"), e.getMessage());
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        assertThrows(DocumentException.class, () -> importer.read("page.txt", png));
    }
}
