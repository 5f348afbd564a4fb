package org.symptomgraph.importer;

import org.symptomgraph.importer.page.DocumentException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Input that is not a symptom-causes document gets one clear message naming the file (and line). */
class BadInputTest {

    private final Importer importer = Importer.create().build();

    private DocumentException fails(byte[] bytes) {
        return assertThrows(DocumentException.class, () -> importer.read("dir/page.txt", bytes));
    }

    @Test
    void empty() {
        DocumentException e = fails(new byte[0]);
        assertEquals("dir/page.txt: the document is empty", e.getMessage());
        assertEquals("dir/page.txt: the document is empty", fails("  \n\n\t\n".getBytes(StandardCharsets.UTF_8))
                .getMessage());
    }

    @Test
    void binaryNamesTheLine() {
        byte[] bytes = "line one\nline two\nbad \0 byte\n".getBytes(StandardCharsets.UTF_8);
        DocumentException e = fails(bytes);
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("dir/page.txt:3: binary content"), e.getMessage());
    }

    @Test
    void notUtf8() {
        byte[] latin1 = "Fi\u00e8vre may be caused by:\n\n1. Grippe\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("dir/page.txt: not valid UTF-8 text", fails(latin1).getMessage());
    }

    @Test
    void controlCharactersNameTheLine() {
        DocumentException e = fails("ok\nstill ok\n\u0007bell\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("dir/page.txt:3: control characters: not a text document", e.getMessage());
    }

    @Test
    void proseWithoutCausesIsNotASymptomPage() {
        DocumentException e = fails("""
                Our clinic opens at nine. Parking is free for patients.

                We look forward to seeing you.
                """.getBytes(StandardCharsets.UTF_8));
        assertTrue(e.getMessage().startsWith("dir/page.txt: no causes found"), e.getMessage());
    }

    @Test
    void onlyBoilerplate() {
        DocumentException e = fails("Sign up for our newsletter.\n\nPrivacy policy\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(e.getMessage().startsWith("dir/page.txt: no content"), e.getMessage());
    }
}
