package org.symptomgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.symptomgraph.links.LinkGraph;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.testing.Http;
import org.symptomgraph.testing.TestServer;

/**
 * A real browser (Debian's headless Chromium) on the pages, as the scripts leave them: the symptom
 * page leads with its causes grouped by category, with evidence and identifiers; the drawn graph's
 * labels do not overlap; the query page runs a canned query. A screenshot of each kind of page goes
 * to target/screenshots. .ci/run installs Chromium where it is missing; without it this test is skipped.
 */
class BrowserTest {

    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--virtual-time-budget=15000", "--window-size=1280,1600");

    private static TestServer server;
    private static String root;
    private static Path chromium;

    @TempDir
    static Path profiles;

    private static final String ADMIN_USER = "alice";
    private static final String ADMIN_PASSWORD = "correct horse battery staple";

    @BeforeAll
    static void start() throws Exception {
        chromium = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser")).stream()
                .filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(chromium != null, "Chromium is not installed (apt-get install chromium)");
        Path passwords = profiles.resolve("admin.passwords");
        AdminPasswords.set(passwords, ADMIN_USER, ADMIN_PASSWORD, AdminPasswords.MIN_COST);
        server = TestServer.petechiae(s -> s.withAdmin(AdminSettings.of(0, passwords)),
                LinkGraph.linkGraph(Path.of("data/links/links.tsv"), new Iris(Iris.DEFAULT_BASE)));
        root = server.root();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theSymptomPageLeadsWithItsCausesByCategoryWithEvidence() throws Exception {
        Document page = dom("/symptom/petechiae");
        Element causes = page.getElementById("causes");
        assertNotNull(causes, "the causes come first");
        assertTrue(page.select("main > section").first().id().equals("causes"), "before any other section");
        assertTrue(causes.selectFirst(".source").text().contains("petechiae.txt, dated 2023-05-26"));
        // The page's category tree: Infectious diseases under Medical conditions, with its nine causes.
        Element infectious = causes.select("li.category").stream()
                .filter(c -> c.selectFirst(".category-name").text().equals("Infectious diseases")).findFirst()
                .orElseThrow();
        assertEquals("Medical conditions", infectious.parent().parent().selectFirst(".category-name").text());
        assertEquals(9, infectious.select("> ul.causes > li.cause").size());
        Element phenytoin = causes.select("li.cause").stream()
                .filter(c -> c.selectFirst(".cause-name").text().equals("Phenytoin")).findFirst().orElseThrow();
        assertTrue(phenytoin.selectFirst(".brands").text().contains("Cerebyx, Dilantin-125, others"));
        assertTrue(phenytoin.selectFirst("blockquote.evidence").text().startsWith("Petechiae may result from taking"));
        assertTrue(phenytoin.selectFirst(".provenance").text().contains("line 12 of petechiae.txt, 2023-05-26"));
        Element identifiers = page.getElementById("identifiers");
        assertTrue(identifiers.text().contains("HPO") && identifiers.text().contains("0000967"), identifiers.text());
        assertTrue(identifiers.select("a[href=http://purl.obolibrary.org/obo/HP_0000967]").size() == 1);
        assertFalse(page.getElementById("statements").hasAttr("open"), "the raw statements are collapsed");
    }

    @Test
    void aCausePageListsItsSymptomsAndIdentifiersByVocabulary() throws Exception {
        Document page = dom("/cause/leukemia");
        Element row = page.selectFirst("#symptoms tr.symptom-row");
        assertTrue(row.text().contains("Petechiae") && row.text().contains("Other medical conditions"), row.text());
        String identifiers = page.getElementById("identifiers").text();
        for (String vocabulary : List.of("MONDO", "DOID", "MeSH", "SNOMED CT", "UMLS")) {
            assertTrue(identifiers.contains(vocabulary), vocabulary + " in " + identifiers);
        }
    }

    @ParameterizedTest
    @CsvSource({"/symptom/petechiae, 28", "/cause/cytomegalovirus-infection, 3", "/drug/phenytoin, 3"})
    void theGraphIsATreeWhoseLabelsDoNotOverlap(String path, int nodes) throws Exception {
        Element graph = dom(path).getElementById("graph");
        assertEquals(String.valueOf(nodes), graph.attr("data-nodes"), "nodes drawn");
        List<double[]> boxes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (JsonValue v : JSON.parseAny(graph.attr("data-label-boxes")).getAsArray()) {
            JsonObject b = v.getAsObject();
            ids.add(b.getString("id"));
            boxes.add(new double[] {number(b, "x1"), number(b, "y1"), number(b, "x2"), number(b, "y2")});
        }
        assertEquals(nodes, boxes.size());
        for (int i = 0; i < boxes.size(); i++) {
            double[] a = boxes.get(i);
            assertTrue(a[2] > a[0] && a[3] > a[1], "a label was drawn: " + ids.get(i));
            for (int j = i + 1; j < boxes.size(); j++) {
                double[] b = boxes.get(j);
                boolean overlap = a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
                assertFalse(overlap, "labels of " + ids.get(i) + " and " + ids.get(j) + " overlap");
            }
        }
    }

    @Test
    void theHomePageOffersSearchAndEverySymptomWithItsCauses() throws Exception {
        Document page = dom("/");
        assertNotNull(page.selectFirst("form.search input[name=q]"));
        Element petechiae = page.selectFirst(".symptom-list li");
        assertEquals("Petechiae", petechiae.selectFirst("a[href=/symptom/petechiae]").text());
        assertEquals("22 causes", petechiae.selectFirst(".count").text());
        for (String href : List.of("/query", "/symptomgraph/queries", "/.well-known/void", "/ontology")) {
            assertFalse(page.select("#data a[href=" + href + "]").isEmpty(), href);
        }
        Document results = dom("/search?q=cmv");
        assertTrue(results.select(".results a[href=/cause/cytomegalovirus-infection]").size() == 1);
    }

    @Test
    void aBrowserGetsA404Page() throws Exception {
        Document page = dom("/no/such/page");
        assertEquals("Not found", page.selectFirst("h1").text());
        assertNotNull(page.selectFirst("form.search"));
    }

    @Test
    void queryPageRunsACannedQuery() throws Exception {
        String url = root + "/query?example=causes-of-symptom&run=1";
        String dom = run("--dump-dom", url);
        assertTrue(dom.contains("22 results"), "YASGUI reports the rows");
        for (String cause : List.of("Leukemia", "Cytomegalovirus infection", "Phenytoin")) {
            assertTrue(dom.contains(cause), cause);
        }
        screenshot("query-causes-of-symptom.png", url);
    }

    @ParameterizedTest
    @CsvSource({
        "home.png, /",
        "symptom-petechiae.png, /symptom/petechiae",
        "cause-leukemia.png, /cause/leukemia",
        "drug-phenytoin.png, /drug/phenytoin",
        "category-infectious-diseases.png, /document/petechiae/2023-05-26/category/infectious-diseases",
        "document-petechiae.png, /document/petechiae/2023-05-26",
        "evidence-record.png, /document/petechiae/2023-05-26/assertion/leukemia",
        "mapping-record.png, /mapping/cause/leukemia/mondo/0005059",
        "search.png, /search?q=thromb",
        "not-found.png, /no/such/page",
        "ontology.png, /ontology"})
    void screenshotOfEachKindOfPage(String name, String path) throws Exception {
        screenshot(name, root + path);
    }

    private static double number(JsonObject o, String key) {
        return o.get(key).getAsNumber().value().doubleValue();
    }

    private static Document dom(String path) throws Exception {
        return Jsoup.parse(run("--dump-dom", root + path), root + path);
    }

    private static void screenshot(String name, String url) throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("screenshotDir", "target/screenshots")));
        run("--screenshot=" + dir.resolve(name), url);
        assertTrue(Files.size(dir.resolve(name)) > 10_000, name);
    }

    /**
     * The attack of issue 16, replayed: a link to the query page names another endpoint, which
     * answers the canned query with a language tag that holds markup. YASGUI used to take the
     * endpoint from the link and show the tag as HTML, so the markup ran on this server's origin
     * and wrote a document through the admin route with the login the browser held. Now the page
     * asks its own endpoint only, the policy lets no inline handler run and no request leave for
     * another origin, and the admin route is another origin anyway.
     */
    @Test
    void aLinkToAnotherEndpointRunsNoScript() throws Exception {
        List<String> evilRequests = java.util.Collections.synchronizedList(new ArrayList<>());
        String admin = server.adminRoot() + "/$/admin/documents/pwned.txt";
        String login = java.util.Base64.getEncoder().encodeToString((ADMIN_USER + ":" + ADMIN_PASSWORD)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // What the script would do: mark the page, then write through the admin route with the login.
        String script = "document.body.setAttribute('data-pwned','yes');fetch('" + admin + "',{method:'PUT',"
                + "headers:{'Authorization':'Basic " + login + "','Content-Type':'text/plain'},"
                + "body:'Pwned\\n\\nPwned may be caused by:\\n1. Scripts\\n'})";
        String lang = "en\"><img src=x onerror=\"" + script.replace("\"", "&quot;") + "\">";
        String answer = "{\"head\":{\"vars\":[\"cause\"]},\"results\":{\"bindings\":[{\"cause\":{\"type\":"
                + "\"literal\",\"value\":\"Leukemia\",\"xml:lang\":" + new org.apache.jena.atlas.json.JsonString(lang) + "}}]}}";
        HttpServer evil = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        evil.createContext("/", exchange -> {
            evilRequests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "*");
            exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
            byte[] body = exchange.getRequestMethod().equals("OPTIONS") ? new byte[0]
                    : answer.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/sparql-results+json");
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        evil.start();
        try {
            String evilEndpoint = "http://127.0.0.1:" + evil.getAddress().getPort() + "/sparql";
            String url = root + "/query?endpoint=" + java.net.URLEncoder.encode(evilEndpoint,
                    java.nio.charset.StandardCharsets.UTF_8) + "&example=causes-of-symptom&run=1";
            String dom = run("--dump-dom", url);
            assertFalse(dom.contains("data-pwned"), "the markup ran");
            assertTrue(evilRequests.isEmpty(), "the page asked the other endpoint: " + evilRequests);
            assertTrue(dom.contains("22 results"), "the canned query ran on this server's endpoint");
            HttpResponse<String> written = Http.query(server.endpoint(), "ASK { ?s ?p \"Pwned\"@en }",
                    "application/sparql-results+json");
            assertFalse(written.body().contains("true"), "a document was written through the admin route");
        } finally {
            evil.stop(0);
        }
    }

    /** Runs Chromium once with a fresh profile; at most 90 s. */
    private static String run(String action, String url) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString()));
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + Files.createTempDirectory(profiles, "profile"));
        command.add(action);
        command.add(url);
        Path out = Files.createTempFile(profiles, "out", ".html");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish in 90 s on " + url);
        }
        return Files.readString(out);
    }
}
