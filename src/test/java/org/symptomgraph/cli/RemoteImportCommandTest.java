package org.symptomgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symptomgraph.server.AdminCredentials;
import org.symptomgraph.testing.Cli;
import org.symptomgraph.testing.Fixtures;
import org.symptomgraph.testing.Http;
import org.symptomgraph.testing.TestServer;

/** {@code import --endpoint} updates a live server through its admin route, and only with credentials. */
class RemoteImportCommandTest {

    @TempDir
    Path dir;

    @Test
    void sendsDocumentsToARunningServer() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "a-long-enough-admin-token-for-tests\n");
        try (TestServer server = TestServer.petechiae(s -> {
            try {
                return s.withAdmin(AdminCredentials.load(null, token));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })) {
            Cli.Run wrong = Cli.run("import", Fixtures.testDocument("hiccups.txt").toString(),
                    "--endpoint", server.root(), "--token-file",
                    Files.writeString(dir.resolve("bad"), "not-the-right-token-at-all\n").toString());
            assertEquals(1, wrong.status(), wrong.toString());
            Cli.Run run = Cli.run("import", Fixtures.testDocument("hiccups.txt").toString(),
                    "--endpoint", server.root(), "--token-file", token.toString());
            assertEquals(0, run.status(), run.toString());
            assertTrue(run.out().contains("1 document(s) sent, 0 failed"), run.out());
            String count = Http.query(server.endpoint(), Fixtures.PREFIXES
                    + "SELECT (COUNT(?c) AS ?n) WHERE { ?s rdfs:label 'Hiccups'@en ; schema:cause ?c }", "text/csv").body();
            assertEquals("4", count.strip().lines().toList().get(1).strip(), "the public endpoint sees the new page");
        }
    }
}
