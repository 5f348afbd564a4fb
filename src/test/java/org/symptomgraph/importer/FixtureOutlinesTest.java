package org.symptomgraph.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.symptomgraph.testing.Fixtures;

/**
 * Each small page of {@code src/test/resources/documents} (a layout of the family) beside its
 * expected outline, {@code NAME.outline}: every category, cause, other name, brand, definition,
 * detail, evidence line and warning the importer reads is compared (see {@link DocumentOutline}).
 *
 * <p>After a deliberate change to the reading, {@code mvn test -Dtest=FixtureOutlinesTest
 * -Doutlines.write=target/outlines} writes what the importer now reads beside the failures, for
 * review; nothing is overwritten in the sources.
 */
class FixtureOutlinesTest {

    static List<Path> pages() {
        return Fixtures.pages();
    }

    @ParameterizedTest
    @MethodSource("pages")
    void readsAsItsOutlineSays(Path page) throws Exception {
        Path expected = Path.of(page + ".outline");
        String actual = DocumentOutline.of(Fixtures.parse(page));
        String review = System.getProperty("outlines.write");
        if (review != null) {
            Path out = Files.createDirectories(Path.of(review)).resolve(expected.getFileName());
            Files.writeString(out, actual);
        }
        assertTrue(Files.exists(expected), "every fixture has its outline: " + expected);
        assertEquals(Files.readString(expected), actual, page.toString());
    }
}
