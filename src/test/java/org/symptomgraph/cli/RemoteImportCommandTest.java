package org.symptomgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symptomgraph.server.AdminPasswords;
import org.symptomgraph.server.AdminSettings;
import org.symptomgraph.testing.Cli;
import org.symptomgraph.testing.Fixtures;
import org.symptomgraph.testing.Http;
import org.symptomgraph.testing.TestServer;

/** {@code admin passwd} makes a user; {@code import --endpoint} then updates a live server through its admin port. */
class RemoteImportCommandTest {

    @TempDir
    Path dir;

    @Test
    void sendsDocumentsToARunningServer() throws Exception {
        Path passwords = dir.resolve("admin.passwords");
        Cli.Run made = Cli.run("admin", "passwd", "importer", "--generate", "--cost", "10", "--file", passwords.toString());
        assertEquals(0, made.status(), made.toString());
        String password = made.out().lines().filter(l -> l.startsWith("password (shown once): ")).findFirst()
                .orElseThrow().substring("password (shown once): ".length());
        assertTrue(Files.readString(passwords).contains("importer: " + AdminPasswords.PREFIX + "$2"));
        assertTrue(!Files.readString(passwords).contains(password), "the file holds the hash, not the password");

        try (TestServer server = TestServer.petechiae(s -> s.withAdmin(AdminSettings.of(0, passwords)))) {
            Cli.Run noPassword = Cli.run("import", Fixtures.testDocument("hiccups.txt").toString(),
                    "--endpoint", server.adminRoot(), "--user", "importer");
            assertEquals(1, noPassword.status(), noPassword.toString());
            Cli.Run wrong = Cli.run("import", Fixtures.testDocument("hiccups.txt").toString(), "--endpoint",
                    server.adminRoot(), "--user", "importer", "--password-file",
                    Files.writeString(dir.resolve("wrong"), "not-the-password\n").toString());
            assertEquals(1, wrong.status(), wrong.toString());
            String hiccups = Fixtures.testDocument("hiccups.txt").toString();
            String badBreath = Fixtures.testDocument("bad-breath.txt").toString();
            Cli.Run run = Cli.run("import", hiccups, badBreath, "--endpoint", server.adminRoot(), "--user", "importer",
                    "--password-file", Files.writeString(dir.resolve("password"), password + "\n").toString());
            assertEquals(0, run.status(), run.toString());
            // The lines a local import of the same documents prints: each document, then the summary.
            Cli.Run local = Cli.run("import", hiccups, badBreath, "--db", dir.resolve("db").toString());
            assertEquals(0, local.status(), local.toString());
            List<String> remoteLines = run.out().lines().filter(l -> !l.contains("time:")).toList();
            List<String> localLines = local.out().lines().filter(l -> !l.contains("time:")).toList();
            assertEquals(localLines, remoteLines, run.out());
            assertTrue(remoteLines.get(0).matches(
                    "\\Q" + hiccups + "\\E: Hiccups: 4 causes, \\d+ categories -> <https://w3id.org/symptomgraph/graph/hiccups/"
                    + "[0-9-]+> \\(added\\)"), remoteLines.get(0));
            assertTrue(run.out().contains("2 document(s) imported, 0 failed"), run.out());
            assertTrue(run.out().contains("database:  2 added, 0 replaced, 0 unchanged"), run.out());
            assertFalse(run.out().contains("{"), "no raw JSON: " + run.out());
            String count = Http.query(server.endpoint(), Fixtures.PREFIXES
                    + "SELECT (COUNT(?c) AS ?n) WHERE { ?s rdfs:label 'Hiccups'@en ; schema:cause ?c }", "text/csv").body();
            assertEquals("4", count.strip().lines().toList().get(1).strip(), "the public endpoint sees the new page");
        }
    }
}
