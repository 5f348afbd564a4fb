package org.symptomgraph.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.symptomgraph.server.AdminPasswords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code symptomgraph admin passwd}: the users of the admin route. */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "The users of the admin route (serve --admin-password-file).",
        subcommands = {AdminCommand.Passwd.class})
final class AdminCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing command: passwd");
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = {"Set a user's password in the admin password file (Jetty's format, a bcrypt hash; "
                    + "the file is made if missing). The password is read from the console, or from the first line "
                    + "of standard input; --generate makes a random one and prints it once.",
                "A running server reads the file again within seconds."},
            footer = {"", "Examples:",
                "  symptomgraph admin passwd alice --file admin.passwords",
                "  symptomgraph admin passwd importer --generate --file admin.passwords"})
    static final class Passwd implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "USER", description = "The user name (letters, digits, '.', '_', '@', '-').")
        String user;

        @Option(names = "--file", paramLabel = "FILE", defaultValue = "admin.passwords",
                description = "The password file (default: ${DEFAULT-VALUE}).")
        Path file;

        @Option(names = "--generate", description = "Make a random password and print it.")
        boolean generate;

        @Option(names = "--cost", paramLabel = "N", defaultValue = "" + AdminPasswords.DEFAULT_COST,
                description = "bcrypt's cost: 2^N rounds (default: ${DEFAULT-VALUE}).")
        int cost;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            String password = generate ? AdminPasswords.generate() : read();
            try {
                AdminPasswords.set(file, user, password, cost);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            out.println("set the password of " + user + " in " + file);
            if (generate) {
                out.println("password (shown once): " + password);
            }
            return 0;
        }

        private String read() throws IOException {
            Console console = System.console();
            if (console != null) {
                char[] first = console.readPassword("password for %s: ", user);
                char[] again = console.readPassword("again: ");
                if (first == null || again == null || !new String(first).equals(new String(again))) {
                    throw new UserError("the passwords differ");
                }
                return new String(first);
            }
            byte[] in = System.in.readNBytes(4096);
            return new String(in, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        }
    }
}
