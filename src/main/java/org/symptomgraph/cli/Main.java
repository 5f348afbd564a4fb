package org.symptomgraph.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.symptomgraph.rdf.SoftwareVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code symptomgraph} command line. */
@Command(name = "symptomgraph",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "A knowledge graph of symptoms and their causes, read from consumer-health pages.",
        subcommands = {
            ImportCommand.class, ServeCommand.class, ValidateCommand.class, ExportCommand.class, StatsCommand.class,
            QueryCommand.class, LinksCommand.class, BackupCommand.class, RestoreCommand.class, CompactCommand.class,
            AdminCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {"", "Run 'symptomgraph COMMAND --help' for the options of each command."})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log what happens in detail (debug level), with stack traces of errors.")
    void verbose(boolean on) {
        if (on) {
            Configurator.setLevel("org.symptomgraph", Level.DEBUG);
            verbose = true;
        }
    }

    static boolean verbose;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests to run commands in-process. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UserError) {
                commandLine.getErr().println("error: " + e.getMessage());
                return 1;
            }
            commandLine.getErr().println("error: " + e + (verbose ? "" : " (run with --verbose for details)"));
            if (verbose) {
                e.printStackTrace(commandLine.getErr());
            }
            return 3;
        });
        return cli;
    }

    /** Reports the version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"symptomgraph " + SoftwareVersion.VERSION};
        }
    }
}
