package org.symptomgraph.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.symptomgraph.cli.Main;
import picocli.CommandLine;

/** Runs the command line in-process and keeps what it printed. */
public final class Cli {

    /** Exit status, standard output and standard error of one run. */
    public record Run(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private Cli() {
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }
}
