package org.symptomgraph.server;

import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.symptomgraph.describe.CurrentViewDescribe;
import org.symptomgraph.dumps.Dumps;
import org.symptomgraph.limits.QueryLimits;
import org.symptomgraph.queries.QueryCatalog;
import org.symptomgraph.queries.SparqlExamples;
import org.symptomgraph.store.GraphStore;

/**
 * What {@link SymptomGraphModule} adds to one Fuseki server, for its dataset: the limits of one
 * query on the dataset, the result cap, the filters and servlets (added to the builder), then, once
 * the server is built, the request guard, pooled response buffers and per-client limits (around
 * Jetty's handler), and the graphs that describe the service; after start, the VoID description
 * counted in the background, and the dumps when there are any.
 *
 * <p>The endpoint's URL is known once the server is built (its port), so what names it (the
 * service description, the VoID description, the example queries, the home page) is made then.
 */
final class Site {

    private final GraphStore store;
    private final EndpointSettings settings;
    private final String path;
    private final Dumps dumps;
    private final QueryCatalog catalog = QueryCatalog.load();
    private final LocalLinks links;
    private String endpointUrl;
    private Model serviceDescription;
    private BackgroundVoid voidDescription;
    private ServedDumps served;
    private ServedVersion version;
    private boolean closed;

    /**
     * @param store    the database the dataset is
     * @param settings what the module reads of them: timeout, result and response limits, allowed SERVICE
     *                 endpoints, public URL, base, client limits
     * @param path     the dataset's path, "/symptomgraph"
     * @param dumps    the dumps to keep current and serve at /dumps/, or null for none
     */
    Site(GraphStore store, EndpointSettings settings, String path, Dumps dumps) {
        this.store = store;
        this.settings = settings;
        this.path = path;
        this.dumps = dumps;
        this.links = new LocalLinks(settings.base());
    }

    /** Before the server is built: the dataset's query limits, the query handler, the filters and servlets. */
    void addTo(FusekiServer.Builder builder) {
        DatasetGraph dsg = store.dataset().asDatasetGraph();
        dsg.getContext().set(ARQ.queryTimeout, Long.toString(settings.queryTimeout().toMillis()));
        QueryLimits.apply(dsg.getContext(), new LinkedHashSet<>(settings.allowedServices()));
        CurrentViewDescribe.init();

        CatalogueFilter catalogue = new CatalogueFilter(catalog, store.dataset(), path + "/queries",
                settings.resultLimit());
        FormatNamesFilter formatNames = new FormatNamesFilter();
        version = new ServedVersion(store, String.join("|", ServedVersion.code(), String.valueOf(settings.publicUrl()),
                settings.base(), Long.toString(settings.resultLimit()), settings.allowedServices().toString()));
        BooleanSupplier ready = () -> voidDescription != null && voidDescription.get() != null;
        CacheValidators validators = new CacheValidators(version, ready, dataPaths(path),
                request -> queryText(request, path, catalog), settings.cacheMaxAge());
        builder.numServerThreads(8, settings.clients().threads())
                .registerOperation(Operation.Query, new LimitedQuery(settings.resultLimit()))
                // First after CORS: a 304 is answered before any other work.
                .addFilter("/*", validators)
                .addFilter(path + "/queries", catalogue)
                .addFilter(path + "/queries/*", catalogue)
                .addFilter(path, formatNames)
                .addFilter(path + "/sparql", formatNames)
                .addFilter(path + "/query", formatNames)
                .addFilter(path + "/sparql", new ServiceDescriptionFilter(() -> serviceDescription));

        LinkedDataServlet resources = new LinkedDataServlet(links, new Describer(store.dataset()));
        for (String minted : LinkedDataServlet.PATHS) {
            builder.addServlet("/" + minted + "/*", resources);
        }
        builder.addServlet("/ontology", resources)
                .addServlet("", SiteServlet.page(request -> HomePage.render(store.dataset(), links, endpointUrl)))
                .addServlet("/search", SiteServlet.page(request -> HomePage.search(catalog, store.dataset(), links,
                        request.getParameter("q"))))
                .addServlet("/query", SiteServlet.page(request -> QueryPage.render(catalog, path + "/sparql")))
                .addServlet("/.well-known/void", SiteServlet.rdf(this::voidDescription))
                .addServlet("/static/*", new ClasspathFiles("web", ClasspathFiles.ANY, ClasspathFiles.DAILY))
                .addServlet("/webjars/*", new ClasspathFiles("META-INF/resources/webjars", Html.WEBJARS,
                        ClasspathFiles.IMMUTABLE))
                .addServlet(ReadyServlet.PATH, new ReadyServlet(version, ready))
                .addFilter("/*", new NotFound(links));
        if (dumps != null) {
            builder.addServlet(DumpServlet.PATH + "/*", new DumpServlet(dumps));
        }
    }

    /** Once the server is built, before it starts: the endpoint's URL, what names it, and Jetty's handlers. */
    void built(FusekiServer fuseki) {
        endpointUrl = settings.publicUrl() != null ? settings.publicUrl()
                : "http://localhost:" + fuseki.getHttpPort() + path + "/sparql";
        VoidDescription.adopt(store.dataset(), settings.base(), endpointUrl);
        ServiceGraphs.removeAllBut(store.dataset(),
                Set.of(SparqlExamples.graphName(endpointUrl), VoidDescription.graphName(endpointUrl)));
        store.replaceServiceGraph(SparqlExamples.graphName(endpointUrl), SparqlExamples.describe(catalog, endpointUrl));
        serviceDescription = ServiceDescription.describe(endpointUrl, !settings.allowedServices().isEmpty(),
                VoidDescription.datasetIri(settings.base()));
        // Counting a large database takes a while: the VoID description is made after start, in the
        // background, and /.well-known/void answers 503 until it is ready.
        voidDescription = new BackgroundVoid(store, settings.base(), endpointUrl);
        if (dumps != null) {
            served = new ServedDumps(store, dumps, settings.base(), endpointUrl, version::dumpsDescribed);
            voidDescription.whenReady(served::start);
        }
        ResponseBuffers.pool(fuseki);
        RequestGuard.install(fuseki, path);
        settings.clients().install(fuseki, path, settings.responseLimit());
    }

    /** Once the server has started. */
    void started() {
        voidDescription.start();
    }

    /** The VoID description as served (with the newest dumps); null while it is being counted. */
    private Model voidDescription() {
        Model counted = voidDescription.get();
        return served == null ? counted : served.with(counted);
    }

    String endpointUrl() {
        return endpointUrl;
    }

    boolean awaitVoid(Duration timeout) throws InterruptedException {
        return voidDescription.await(timeout);
    }

    boolean awaitDumps(Duration timeout) throws InterruptedException {
        return served == null || served.awaitIdle(timeout);
    }

    /** Stops the background work: the VoID counting, the dumps. Once; a second call does nothing. */
    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (voidDescription != null) {
            voidDescription.cancel();
        }
        if (served != null) {
            served.close();
        }
        if (version != null) {
            version.close();
        }
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
}
