package org.symptomgraph.importer;

import org.symptomgraph.importer.page.DocumentException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.jena.irix.IRIx;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.symptomgraph.rdf.DocumentMapper;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.rdf.ShapesValidator;
import org.symptomgraph.testing.Fixtures;

/**
 * Hostile and random input, generated from fixed seeds so a failure can be replayed: every document
 * ends in a clear error naming the file, or in a graph that passes the shapes and round-trips as
 * N-Triples; never an uncaught exception or a hang.
 */
class FuzzTest {

    private static final ShapesValidator SHAPES = new ShapesValidator();
    private static final DocumentMapper MAPPER = new DocumentMapper(new Iris(Iris.DEFAULT_BASE));
    private static final byte[] SEED_PAGE = Fixtures.bytes(Fixtures.PETECHIAE);
    private static final String[] ABUSE = {"\u202E", "\u200B", "\u0301\u0301\u0301", "\uD83E\uDDA0", "\uFEFF",
        "\"", "'", "<", ">", "#", "/", "..", "\\", "%20", "{", "}", "`", "|", "^", "\u0000".substring(1),
        "Крапивница", "荨麻疹", "حكة", "ðŸ", "\t", "  "};

    static Stream<Arguments> documents() {
        List<Arguments> cases = new ArrayList<>();
        for (int seed = 0; seed < 60; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            cases.add(Arguments.of("random-bytes-" + seed, randomBytes(r, 1 + r.nextInt(4000))));
            cases.add(Arguments.of("truncated-" + seed, java.util.Arrays.copyOf(SEED_PAGE, r.nextInt(SEED_PAGE.length))));
            cases.add(Arguments.of("mutated-" + seed, mutate(r, SEED_PAGE)));
            cases.add(Arguments.of("unicode-" + seed, unicodePage(r).getBytes(StandardCharsets.UTF_8)));
            cases.add(Arguments.of("html-soup-" + seed + ".html", htmlSoup(r).getBytes(StandardCharsets.UTF_8)));
        }
        cases.add(Arguments.of("deep-headings", deepHeadings(600).getBytes(StandardCharsets.UTF_8)));
        cases.add(Arguments.of("deep-lists", deepLists(2000).getBytes(StandardCharsets.UTF_8)));
        cases.add(Arguments.of("deep-html.html", ("<div>".repeat(5000) + "<ul><li>Rash</li></ul>" + "</div>".repeat(5000))
                .getBytes(StandardCharsets.UTF_8)));
        cases.add(Arguments.of("one-long-line", ("Itching may be caused by: " + "a, ".repeat(200_000) + "b.")
                .getBytes(StandardCharsets.UTF_8)));
        cases.add(Arguments.of("many-items", ("Cough may be caused by:\n\n" + "- Thing\n".repeat(50_000))
                .getBytes(StandardCharsets.UTF_8)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void endsInAClearErrorOrAValidGraph(String name, byte[] bytes) {
        String file = "fuzz/" + name + (name.endsWith(".html") ? "" : ".txt");
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> { // a guard against a hang, not a speed test
            ImportedDocument result;
            try {
                result = Importer.create().build().read(file, bytes);
            } catch (DocumentException e) {
                assertTrue(e.getMessage().startsWith(file + ":"), "the error names the file: " + e.getMessage());
                assertTrue(e.getMessage().length() < 500, "one readable line");
                return;
            }
            Model m = MAPPER.map(result.document()).model();
            ValidationReport report = SHAPES.validate(m.getGraph());
            if (!report.conforms()) {
                fail(file + " gave a graph that breaks the shapes: " + ShapesValidator.describe(report, m.getGraph()));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RDFDataMgr.write(out, m, Lang.NTRIPLES);
            Model back = RDFParser.fromString(out.toString(StandardCharsets.UTF_8), Lang.NTRIPLES).toModel();
            assertTrue(back.isIsomorphicWith(m), "round-trips as N-Triples");
        });
    }

    @Test
    void tooLargeIsRefusedBeforeReading() {
        byte[] big = new byte[(int) Importer.DEFAULT_MAX_DOCUMENT_BYTES + 1];
        DocumentException e = org.junit.jupiter.api.Assertions.assertThrows(DocumentException.class,
                () -> Importer.create().build().read("big.txt", big));
        assertTrue(e.getMessage().startsWith("big.txt: too large"), e.getMessage());
    }

    @Test
    void hostileNamesBecomeValidStableIris() {
        Iris iris = new Iris(Iris.DEFAULT_BASE);
        for (String name : List.of("Crohn's \"disease\"", "<script>", "A / B", "#1 cause", "../../etc/passwd",
                "  spaces  ", "Крапивница", "荨麻疹", "\u202Ereversed", "?query=x&y", "100%", "\u0301")) {
            String iri = iris.cause(name, org.symptomgraph.model.CauseKind.CONDITION);
            IRIx parsed = IRIx.create(iri);
            assertTrue(parsed.isAbsolute() && !parsed.hasViolations(), iri);
            assertTrue(iri.startsWith(Iris.DEFAULT_BASE + "cause/"), iri);
            String path = iri.substring((Iris.DEFAULT_BASE + "cause/").length());
            assertTrue(!path.contains("/") && !path.contains("..") && !path.contains("#"), iri);
            assertEquals(iri, iris.cause(name, org.symptomgraph.model.CauseKind.CONDITION), "stable");
        }
    }

    private static byte[] randomBytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }

    /** The seed page with a few bytes changed, inserted or deleted. */
    private static byte[] mutate(SplittableRandom r, byte[] page) {
        List<Byte> b = new ArrayList<>();
        for (byte x : page) {
            b.add(x);
        }
        for (int k = 0; k < 1 + r.nextInt(20); k++) {
            int at = r.nextInt(b.size());
            switch (r.nextInt(3)) {
                case 0 -> b.set(at, (byte) (32 + r.nextInt(95)));
                case 1 -> b.add(at, (byte) "\n-*1.():,;#".charAt(r.nextInt(11)));
                default -> b.remove(at);
            }
        }
        byte[] out = new byte[b.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i);
        }
        return out;
    }

    /** A page of the right shape whose names abuse Unicode and IRI syntax. */
    private static String unicodePage(SplittableRandom r) {
        StringBuilder page = new StringBuilder("Rash").append(pick(r)).append(" may be caused by:\n\n");
        for (int i = 0; i < 1 + r.nextInt(8); i++) {
            page.append(i + 1).append(". ").append(pick(r)).append("Cause").append(pick(r)).append(i)
                    .append(" (").append(pick(r)).append(")\n");
        }
        return page.append("\nMedicines\n\nSome medicines such as ").append(pick(r)).append("drug and ")
                .append(pick(r)).append(" (Brand").append(pick(r)).append(")\n").toString();
    }

    private static String htmlSoup(SplittableRandom r) {
        String[] tags = {"<h2>", "</h2>", "<ul>", "</ul>", "<li>", "</li>", "<p>", "</p>", "<script>", "</script>",
            "<nav>", "</nav>", "<!--", "-->", "<ol>", "<div class=newsletter>", "</div>", "<table><tr><td>"};
        StringBuilder page = new StringBuilder("<html><body><h1>Fever causes</h1>");
        for (int i = 0; i < 40; i++) {
            page.append(tags[r.nextInt(tags.length)]).append(r.nextBoolean() ? "Malaria " + pick(r) : "");
        }
        return page.toString();
    }

    private static String pick(SplittableRandom r) {
        return ABUSE[r.nextInt(ABUSE.length)];
    }

    private static String deepHeadings(int n) {
        StringBuilder page = new StringBuilder("Cough may be caused by:\n\n1. Infections\n\n");
        for (int i = 0; i < n; i++) {
            page.append("#".repeat(1 + i % 6)).append(" Infections level ").append(i).append("\n\n- Cold ").append(i)
                    .append("\n\n");
        }
        return page.toString();
    }

    private static String deepLists(int n) {
        StringBuilder page = new StringBuilder("Cough may be caused by:\n\n");
        for (int i = 0; i < n; i++) {
            page.append(" ".repeat(Math.min(i, 200))).append("- Cause ").append(i).append(":\n");
        }
        return page.toString();
    }
}
