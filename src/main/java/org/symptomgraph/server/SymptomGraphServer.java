package org.symptomgraph.server;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.system.FusekiLogging;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.symptomgraph.describe.CurrentViewDescribe;
import org.symptomgraph.dumps.Dumps;
import org.symptomgraph.limits.QueryLimits;
import org.symptomgraph.queries.QueryCatalog;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.queries.SparqlExamples;
import org.symptomgraph.store.GraphStore;

/**
 * The public, read-only endpoint: Apache Jena Fuseki over the TDB2 database, with CORS, a query
 * timeout, a result limit, a health check and a readiness route ({@link ReadyServlet}), and no way
 * to write; validators and lifetimes on every answer of the data ({@link CacheValidators}); the
 * limits of one query ({@link QueryLimits}) and of one client ({@link ClientLimits}); and, on a
 * port of its own, the admin route ({@link AdminServer}).
 */
public final class SymptomGraphServer implements AutoCloseable {

    private final FusekiServer fuseki;
    private final FusekiServer admin;
    private final String endpointUrl;
    private final BackgroundVoid voidDescription;
    private final ServedDumps dumps;
    private final ServedVersion version;

    private SymptomGraphServer(FusekiServer fuseki, FusekiServer admin, String endpointUrl,
            BackgroundVoid voidDescription, ServedDumps dumps, ServedVersion version) {
        this.version = version;
        this.fuseki = fuseki;
        this.admin = admin;
        this.endpointUrl = endpointUrl;
        this.voidDescription = voidDescription;
        this.dumps = dumps;
    }

    /** Builds and starts the server, and the admin server when the settings have one; without dumps. */
    public static SymptomGraphServer start(GraphStore store, EndpointSettings settings) {
        return start(store, settings, null);
    }

    /** Builds and starts the server; with {@code dumps} (null for none) kept current and served at /dumps/. */
    public static SymptomGraphServer start(GraphStore store, EndpointSettings settings, Dumps dumps) {
        FusekiLogging.setLogging();
        DatasetGraph dsg = store.dataset().asDatasetGraph();
        dsg.getContext().set(ARQ.queryTimeout, Long.toString(settings.queryTimeout().toMillis()));
        QueryLimits.apply(dsg.getContext(), new LinkedHashSet<>(settings.allowedServices()));
        CurrentViewDescribe.init();

        int port = settings.port() == 0 ? freePort() : settings.port();
        String path = "/" + EndpointSettings.DATASET;
        String url = settings.publicUrl() != null ? settings.publicUrl() : "http://localhost:" + port + path + "/sparql";
        boolean federation = !settings.allowedServices().isEmpty();
        QueryCatalog catalog = QueryCatalog.load();
        ServiceGraphs.removeAllBut(store.dataset(),
                Set.of(SparqlExamples.graphName(url), VoidDescription.graphName(url)));
        store.replaceServiceGraph(SparqlExamples.graphName(url), SparqlExamples.describe(catalog, url));
        CatalogueFilter catalogue = new CatalogueFilter(catalog, store.dataset(), path + "/queries",
                settings.resultLimit());
        // Counting a large database takes a while: the VoID description is made after start, in the
        // background, and /.well-known/void answers 503 until it is ready.
        BackgroundVoid voidDescription = new BackgroundVoid(store, settings.base(), url);
        BooleanSupplier ready = () -> voidDescription.get() != null;
        ServedVersion version = new ServedVersion(store, String.join("|", ServedVersion.code(), url, settings.base(),
                Long.toString(settings.resultLimit()), settings.allowedServices().toString()));
        ServedDumps served = dumps == null ? null
                : new ServedDumps(store, dumps, settings.base(), url, version::dumpsDescribed);
        if (served != null) {
            voidDescription.whenReady(served::start);
        }
        CacheValidators validators = new CacheValidators(version, ready, dataPaths(path),
                request -> queryText(request, path, catalog), settings.cacheMaxAge());

        FormatNamesFilter formatNames = new FormatNamesFilter();
        // Only reading operations: a write has nowhere to go.
        DataService.Builder service = DataService.newBuilder(dsg)
                .addEndpoint(Operation.Query, "")
                .addEndpoint(Operation.Query, "sparql")
                .addEndpoint(Operation.Query, "query")
                .addEndpoint(Operation.GSP_R, "get");
        FusekiServer.Builder builder = FusekiServer.create()
                .port(port)
                .loopback(settings.loopbackOnly())
                .numServerThreads(8, settings.clients().threads())
                .enableCors(true, null)
                .enablePing(true)
                .registerOperation(Operation.Query, new LimitedQuery(settings.resultLimit()))
                .add(path, service)
                // First after CORS: a 304 is answered before any other work.
                .addFilter("/*", validators)
                .addFilter(path + "/queries", catalogue)
                .addFilter(path + "/queries/*", catalogue)
                .addFilter(path, formatNames)
                .addFilter(path + "/sparql", formatNames)
                .addFilter(path + "/query", formatNames)
                .addFilter(path + "/sparql", new ServiceDescriptionFilter(
                        ServiceDescription.describe(url, federation, VoidDescription.datasetIri(settings.base()))));

        LocalLinks links = new LocalLinks(settings.base());
        LinkedDataServlet resources = new LinkedDataServlet(links, new Describer(store.dataset()));
        for (String minted : LinkedDataServlet.PATHS) {
            builder.addServlet("/" + minted + "/*", resources);
        }
        builder.addServlet("/ontology", resources)
                .addServlet("", SiteServlet.page(request -> HomePage.render(store.dataset(), links, url)))
                .addServlet("/search", SiteServlet.page(request -> HomePage.search(catalog, store.dataset(), links,
                        request.getParameter("q"))))
                .addServlet("/query", SiteServlet.page(request -> QueryPage.render(catalog, path + "/sparql")))
                .addServlet("/.well-known/void", SiteServlet.rdf(served == null ? voidDescription
                        : served.describing(voidDescription)))
                .addServlet("/static/*", new ClasspathFiles("web", ClasspathFiles.ANY, ClasspathFiles.DAILY))
                .addServlet("/webjars/*", new ClasspathFiles("META-INF/resources/webjars", Html.WEBJARS,
                        ClasspathFiles.IMMUTABLE))
                .addServlet(ReadyServlet.PATH, new ReadyServlet(version, ready))
                .addFilter("/*", new NotFound(links));
        if (served != null) {
            served.register(builder);
        }
        FusekiServer fuseki = builder.build();
        ResponseBuffers.pool(fuseki);
        RequestGuard.install(fuseki, path);
        settings.clients().install(fuseki, path, settings.responseLimit());
        FusekiServer admin;
        try {
            admin = settings.admin() == null ? null
                    : AdminServer.build(store, new Iris(settings.base()), settings.admin());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fuseki.start();
        if (admin != null) {
            admin.start();
        }
        voidDescription.start();
        return new SymptomGraphServer(fuseki, admin, url, voidDescription, served, version);
    }

    /** The paths whose GET answers depend only on the data (and the server's code and settings). */
    private static Predicate<String> dataPaths(String datasetPath) {
        Set<String> pages = Set.of("", "/", "/ontology", "/search", "/query", "/.well-known/void");
        return p -> pages.contains(p) || p.equals(datasetPath) || p.startsWith(datasetPath + "/")
                || LinkedDataServlet.PATHS.stream().anyMatch(minted -> p.startsWith("/" + minted + "/"));
    }

    /** The SPARQL a GET runs: the query parameter of the endpoint, or a canned query's text. */
    private static String queryText(HttpServletRequest request, String datasetPath, QueryCatalog catalog) {
        String p = request.getRequestURI().substring(request.getContextPath().length());
        String canned = datasetPath + "/queries/";
        if (p.startsWith(canned)) {
            return catalog.get(p.substring(canned.length())).map(q -> q.text()).orElse(null);
        }
        return p.startsWith(datasetPath) ? request.getParameter("query") : null;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return fuseki.getHttpPort();
    }

    /** The admin server's port; -1 when there is none. */
    public int adminPort() {
        return admin == null ? -1 : admin.getHttpPort();
    }

    /** The Jetty server underneath, for tests of its configuration. */
    org.eclipse.jetty.server.Server jetty() {
        return fuseki.getJettyServer();
    }

    /** The SPARQL endpoint's URL as clients see it. */
    public String endpointUrl() {
        return endpointUrl;
    }

    /**
     * Waits until the VoID description, counted in the background after start, is stored (until
     * then the database still changes, and the counting takes a core). Returns whether it is.
     */
    public boolean awaitVoid(java.time.Duration timeout) throws InterruptedException {
        return voidDescription.await(timeout);
    }

    /**
     * Waits until the dumps are of the data as it is now (after the VoID description: see
     * {@link #awaitVoid}); whether they are. True when the server has no dumps.
     */
    public boolean awaitDumps(java.time.Duration timeout) throws InterruptedException {
        return dumps == null || dumps.awaitIdle(timeout);
    }

    /** Blocks until the server stops. */
    public void join() {
        fuseki.join();
    }

    @Override
    public void close() {
        voidDescription.cancel();
        version.close();
        if (admin != null) {
            admin.stop();
        }
        if (dumps != null) {
            dumps.close();
        }
        fuseki.stop();
    }
}
