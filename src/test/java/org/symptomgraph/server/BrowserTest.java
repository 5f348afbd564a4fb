package org.symptomgraph.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symptomgraph.testing.TestServer;

/**
 * A real browser (Debian's headless Chromium) on the pages: the graph view draws nodes, and the
 * query page runs a canned query and shows its rows. Screenshots go to target/screenshots.
 * .ci/run installs Chromium where it is missing; without it this test is skipped.
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

    @BeforeAll
    static void start() throws Exception {
        chromium = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser")).stream()
                .filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(chromium != null, "Chromium is not installed (apt-get install chromium)");
        server = TestServer.petechiae();
        root = server.root();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void graphViewDrawsTheNeighbourhood() throws Exception {
        String dom = run("--dump-dom", root + "/symptom/petechiae");
        Matcher m = Pattern.compile("id=\"graph\"[^>]*data-nodes=\"(\\d+)\"").matcher(dom);
        assertTrue(m.find(), "the graph script ran");
        int nodes = Integer.parseInt(m.group(1));
        assertTrue(nodes >= 28, "symptom, 5 categories, 22 causes and its document: " + nodes);
        screenshot("symptom-petechiae.png", root + "/symptom/petechiae");
        screenshot("cause-cytomegalovirus-infection.png", root + "/cause/cytomegalovirus-infection");
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

    private static void screenshot(String name, String url) throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("screenshotDir", "target/screenshots")));
        run("--screenshot=" + dir.resolve(name), url);
        assertTrue(Files.size(dir.resolve(name)) > 10_000, name);
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
