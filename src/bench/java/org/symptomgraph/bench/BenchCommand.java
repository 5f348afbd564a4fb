package org.symptomgraph.bench;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.symptomgraph.cli.Main;
import org.symptomgraph.rdf.SoftwareVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * The {@code symptomgraph-bench} command line ({@code java -jar symptomgraph-bench.jar}): the benchmarks,
 * run on the product jar beside it, which the bench jar's manifest puts on its class path.
 */
@Command(name = "symptomgraph-bench", mixinStandardHelpOptions = true, versionProvider = BenchCommand.Version.class,
        description = {
            "Performance benchmarks of symptomgraph, each measured against bare Apache Jena in the same run.",
            "Results are Markdown tables on standard output; progress goes to standard error. Generated corpora "
                    + "and databases are kept under --work (reused by later runs with the same --seed)."},
        subcommands = {BenchCommand.Import.class, BenchCommand.Endpoint.class, BenchCommand.Frontend.class, BenchCommand.Ready.class,
            BenchCommand.Jmh.class, CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
            "  java -Xmx1g -jar symptomgraph-bench.jar import --pages 1000,10000",
            "  java -Xmx2g -jar symptomgraph-bench.jar endpoint --pages 10000",
            "  java -jar symptomgraph-bench.jar frontend --pages 1000",
            "  java -jar symptomgraph-bench.jar ready --pages 10000",
            "  java -jar symptomgraph-bench.jar jmh -wi 2 -i 3",
            "", "See docs/benchmarks.md for the figures and what limits them."})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing benchmark: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    public static void main(String[] args) {
        // --into takes new or existing, the names of ImportBenchmark.Into in lower case.
        System.exit(new CommandLine(new BenchCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    /** The version of the product the benchmarks run on. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"symptomgraph-bench, on symptomgraph " + SoftwareVersion.VERSION};
        }
    }

    /** Options every benchmark takes. */
    static final class Common {
        @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
                description = "Seed of the generated corpus (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--work", paramLabel = "DIR", defaultValue = "/tmp/symptomgraph-bench",
                description = "Folder for corpora and databases (default: ${DEFAULT-VALUE}); never the repository.")
        Path work;

        Path work() throws java.io.IOException {
            Files.createDirectories(work);
            return work;
        }
    }

    /** Options of the benchmarks that drive a mixed load at several concurrencies, against a baseline. */
    static final class MixedLoad {
        @Option(names = "--concurrency", split = ",", paramLabel = "N[,N...]", defaultValue = "1,8,32",
                description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
        List<Integer> concurrency;

        @Option(names = "--rounds", paramLabel = "N", defaultValue = "2",
                description = "Runs of each target and concurrency, alternating which goes first (default: ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--mix-limit", paramLabel = "MS", defaultValue = "1000",
                description = "Queries that the baseline (endpoint: bare Fuseki; frontend: the replica) takes longer than "
                        + "this to answer on the first pass are left out of the mixed load (default: ${DEFAULT-VALUE}); "
                        + "endpoint measures them alone.")
        long mixLimitMillis;
    }

    static PrintStream stderr() {
        return new PrintStream(System.err, true, StandardCharsets.UTF_8);
    }

    /** The import command in this JVM, its output on standard error (standard output is for the tables). */
    static ImportRunner importer() {
        return arguments -> {
            CommandLine cli = Main.commandLine();
            PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
            cli.setOut(err);
            cli.setErr(err);
            return cli.execute(Stream.concat(Stream.of("import"), arguments.stream()).toArray(String[]::new));
        };
    }

    static PrintStream stdout() {
        return new PrintStream(System.out, true, StandardCharsets.UTF_8);
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {
                "Import generated corpora with the import command: pages/s, quads/s, peak heap, for each size and "
                        + "kind of database (--into); then the same quads, written as N-Quads, loaded by Jena's TDB2 bulk loaders "
                        + "(the baseline). Prints the ratios of the targets: quads/s vs each loader, pages/s vs "
                        + "the first size.",
                "Run with -Xmx1g to check the heap bound; the import streams one document at a time."})
    static final class Import implements Callable<Integer> {
        @Mixin
        Common common;

        @Option(names = "--pages", split = ",", paramLabel = "N[,N...]", defaultValue = "1000,10000,100000",
                description = "Corpus sizes (default: ${DEFAULT-VALUE}).")
        List<Integer> pages;

        @Option(names = "--into", split = ",", paramLabel = "KIND[,KIND...]", defaultValue = "new",
                description = "Import into a NEW database (the bulk loader, as 'import' does for a new database) "
                        + "and/or an EXISTING one (write transactions of --batch documents, as 'import' does for a "
                        + "database that holds data; it holds the corpus's first page here) (default: ${DEFAULT-VALUE}).")
        List<ImportBenchmark.Into> into;

        @Option(names = "--batch", paramLabel = "N", defaultValue = "1000",
                description = "'import --batch' for an existing database (default: ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--baseline", split = ",", paramLabel = "LOADER", defaultValue = "phased",
                description = "TDB2 bulk loaders to compare with: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        List<ImportBenchmark.Baseline> baselines;

        @Override
        public Integer call() throws Exception {
            PrintStream log = stderr();
            ImportBenchmark bench = new ImportBenchmark(common.work(), common.seed, baselines, importer(), log);
            List<ImportBenchmark.Figures> all = new ArrayList<>();
            for (ImportBenchmark.Into where : into) {
                for (int n : pages) {
                    all.add(bench.run(n, where, batch));
                    bench.print(all, log);
                }
            }
            bench.print(all, stdout());
            return 0;
        }
    }

    @Command(name = "endpoint", mixinStandardHelpOptions = true,
            description = {
                "Queries per second and p50/p99 latency of (a) serve and (b) a bare Fuseki "
                        + "(FusekiServer.create().add(\"/ds\", dsg)) over a copy of the same database, same timeout, "
                        + "in one JVM, driven by a java.net.http harness: the canned queries (parameters bound to "
                        + "values in the database, capped at the result limit) and a simple SELECT, at each "
                        + "concurrency, rounds alternating a-b and b-a; then each query alone at concurrency 1.",
                "Databases: the bundled documents (--documents) and a generated corpus of each --pages size."})
    static final class Endpoint implements Callable<Integer> {
        @Mixin
        Common common;

        @Mixin
        MixedLoad mix;

        @Option(names = "--pages", split = ",", paramLabel = "N[,N...]", defaultValue = "10000",
                description = "Generated corpus sizes to serve (default: ${DEFAULT-VALUE}); 0 for none.")
        List<Integer> pages;

        @Option(names = "--documents", paramLabel = "DIR", defaultValue = "data/documents",
                description = "Also benchmark a database of these documents (default: ${DEFAULT-VALUE}, the petechiae "
                        + "page); 'none' to skip.")
        String documents;

        @Option(names = "--requests", paramLabel = "N", defaultValue = "1000",
                description = "Requests per run (default: ${DEFAULT-VALUE}).")
        int requests;

        @Option(names = "--cap", paramLabel = "SECONDS", defaultValue = "20",
                description = "Time cap of a run (default: ${DEFAULT-VALUE}).")
        int cap;

        @Option(names = "--repeats", paramLabel = "N", defaultValue = "20",
                description = "Requests per query and server when each query runs alone (default: ${DEFAULT-VALUE}).")
        int repeats;

        @Option(names = "--warmup", paramLabel = "N", defaultValue = "10",
                description = "Passes over every query on each server before measuring (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--bare-buffers", paramLabel = "stock|pooled", defaultValue = "stock",
                description = "Bare Fuseki's response buffers: stock (Fuseki 5.6 as shipped: a fresh 5 MiB buffer "
                        + "per response) or pooled (serve's fix, so that a/b shows only what serve adds) "
                        + "(default: ${DEFAULT-VALUE}).")
        BareBuffers bareBuffers;

        enum BareBuffers { stock, pooled }

        @Option(names = "--baseline", paramLabel = "bare|none", defaultValue = "bare",
                description = "bare: against a bare Fuseki over a copy (default); none: serve alone, each canned query "
                        + "by its route at concurrency 1, against ASK {} and the simple SELECT on the same server (no "
                        + "copy: for a database that does not fit in memory twice).")
        Baseline baseline;

        enum Baseline { bare, none }

        @Override
        public Integer call() throws Exception {
            PrintStream log = stderr();
            Path work = common.work();
            EndpointBenchmark bench = new EndpointBenchmark(work, new EndpointBenchmark.Load(mix.concurrency, requests,
                    Duration.ofSeconds(cap), mix.rounds, repeats, warmup, Duration.ofMillis(mix.mixLimitMillis),
                    bareBuffers == BareBuffers.pooled, baseline == Baseline.bare), log);
            PrintStream out = stdout();
            if (!"none".equals(documents)) {
                Path db = BenchFiles.documentsDatabase(work, Path.of(documents), importer());
                bench.run("documents in " + documents, db, out);
            }
            for (int n : pages) {
                if (n > 0) {
                    bench.run(String.format(Locale.ROOT, "%d generated pages", n),
                            BenchFiles.database(work, n, common.seed, importer(), log), out);
                }
            }
            return 0;
        }
    }

    @Command(name = "frontend", mixinStandardHelpOptions = true,
            description = {
                "The front end of docs/deploy.md against one replica: two 'serve' replicas of the product jar (each on "
                        + "a copy of the database) behind HAProxy and Varnish (deploy/haproxy.cfg, deploy/varnish.vcl, "
                        + "read from the working folder), all on free loopback ports. One sequence of GETs that repeat "
                        + "(Zipf-like: the canned queries with bound parameters by their route, the same as SPARQL "
                        + "GETs, a simple SELECT) goes (a) through Varnish and (b) to one replica directly, at each "
                        + "concurrency, rounds alternating: q/s, p50/p99, a/b; Varnish's hit ratio over each run (its "
                        + "counters, the cache emptied first); then clients that revalidate (If-None-Match, "
                        + "If-Modified-Since): the share of 304 answers and their latency against full 200 answers.",
                "Needs haproxy, varnishd and varnishstat (Debian packages haproxy and varnish); starts the product "
                        + "jar this one runs on (symptomgraph.jar beside it)."})
    static final class Frontend implements Callable<Integer> {
        @Mixin
        Common common;

        @Mixin
        MixedLoad mix;

        @Option(names = "--pages", paramLabel = "N", defaultValue = "0",
                description = "Size of a generated corpus to serve; 0 (the default) serves --documents.")
        int pages;

        @Option(names = "--documents", paramLabel = "DIR", defaultValue = "data/documents",
                description = "The documents served when --pages is 0 (default: ${DEFAULT-VALUE}, the petechiae page).")
        Path documents;

        @Option(names = "--requests", paramLabel = "N", defaultValue = "2000",
                description = "Length of the request sequence, sent whole in every run (default: ${DEFAULT-VALUE}).")
        int requests;

        @Option(names = "--zipf", paramLabel = "S", defaultValue = "1.0",
                description = "Popularity exponent: the k-th most asked request comes 1/k^S as often as the first "
                        + "(default: ${DEFAULT-VALUE}).")
        double zipf;

        @Option(names = "--warmup", paramLabel = "N", defaultValue = "5",
                description = "Passes over every distinct request on each replica before measuring (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--jvm", paramLabel = "OPTIONS", defaultValue = "-Xmx1g",
                description = "JVM options of each replica, space-separated (default: ${DEFAULT-VALUE}).")
        String jvm;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (ReadyBenchmark.productJar() == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "frontend starts the packaged product jar: "
                        + "run mvn package, then java -jar target/symptomgraph-bench.jar frontend");
            }
            if (!FrontendBenchmark.available()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "frontend needs haproxy, varnishd and "
                        + "varnishstat (apt-get install haproxy varnish)");
            }
            PrintStream log = stderr();
            Path work = common.work();
            FrontendBenchmark bench = new FrontendBenchmark(work, new FrontendBenchmark.Settings(mix.concurrency, requests, zipf,
                    mix.rounds, warmup, Duration.ofMillis(mix.mixLimitMillis), List.of(jvm.trim().split("\\s+")), common.seed), log);
            if (pages > 0) {
                bench.run(String.format(Locale.ROOT, "%d generated pages", pages),
                        BenchFiles.database(work, pages, common.seed, importer(), log), stdout());
            } else {
                bench.run("documents in " + documents, BenchFiles.documentsDatabase(work, documents, importer()), stdout());
            }
            return 0;
        }
    }

    @Command(name = "ready", mixinStandardHelpOptions = true,
            description = {
                "Time from starting 'java -jar symptomgraph.jar serve' to the first answered query: on an existing "
                        + "database (a generated corpus of --pages pages) and on an empty one (filled from "
                        + "--documents on start). Starts the product jar this one runs on (symptomgraph.jar beside it)."})
    static final class Ready implements Callable<Integer> {
        @Mixin
        Common common;

        @Option(names = "--pages", paramLabel = "N", defaultValue = "10000",
                description = "Size of the existing database (default: ${DEFAULT-VALUE}).")
        int pages;

        @Option(names = "--documents", paramLabel = "DIR", defaultValue = "data/documents",
                description = "What serve fills an empty database from (default: ${DEFAULT-VALUE}).")
        Path documents;

        @Option(names = "--runs", paramLabel = "N", defaultValue = "3",
                description = "Starts of each kind (default: ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--jvm", paramLabel = "OPTIONS", defaultValue = "-Xmx2g",
                description = "JVM options of the serve process, space-separated (default: ${DEFAULT-VALUE}).")
        String jvm;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintStream log = stderr();
            Path jar = ReadyBenchmark.productJar();
            if (jar == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "ready starts the packaged product jar: "
                        + "run mvn package, then java -jar target/symptomgraph-bench.jar ready");
            }
            Path work = common.work();
            Path existing = BenchFiles.database(work, pages, common.seed, importer(), log);
            List<String> options = List.of(jvm.trim().split("\\s+"));
            // The README's command adds the class-data archive the build writes next to the jar: each
            // start is measured with and without it, alternating.
            Path archive = jar.resolveSibling("symptomgraph.jsa");
            List<ReadyBenchmark> benches = new ArrayList<>(List.of(new ReadyBenchmark(jar, options, "", log)));
            if (Files.isRegularFile(archive)) {
                List<String> withArchive = new ArrayList<>(options);
                withArchive.add("-XX:SharedArchiveFile=" + archive);
                benches.add(new ReadyBenchmark(jar, withArchive, ", class-data archive", log));
            } else {
                log.println("note: no " + archive + " (mvn package writes it): starts without a class-data archive only");
            }
            List<ReadyBenchmark.Start> starts = new ArrayList<>();
            String label = String.format(Locale.ROOT, "existing, %d pages", pages);
            // The first start on a generated database adds serve's service graphs; not counted.
            benches.get(0).start(label + " (first start)", existing, false, documents);
            Path empty = work.resolve("ready-db-empty");
            for (int i = 0; i < runs; i++) {
                for (ReadyBenchmark bench : benches) {
                    starts.add(bench.start("empty, filled from " + documents, empty, true, documents));
                    starts.add(bench.start(label, existing, false, documents));
                }
            }
            BenchFiles.delete(empty);
            ReadyBenchmark.print(starts, stdout());
            return 0;
        }
    }

    @Command(name = "jmh",
            description = {
                "The JMH micro-benchmarks in this jar (the importer's parser and RDF mapping, documents per "
                        + "second): every argument goes to JMH's own command line (org.openjdk.jmh.Main), "
                        + "so 'jmh -h' lists JMH's options, 'jmh -l' the benchmarks."})
    static final class Jmh implements Callable<Integer> {
        @Unmatched
        List<String> arguments = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            org.openjdk.jmh.Main.main(arguments.toArray(String[]::new));
            return 0;
        }
    }
}
