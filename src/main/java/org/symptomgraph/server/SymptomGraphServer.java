package org.symptomgraph.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.system.FusekiLogging;
import org.symptomgraph.dumps.Dumps;
import org.symptomgraph.limits.QueryLimits;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.store.GraphStore;

/**
 * The public, read-only endpoint: Apache Jena Fuseki main over the TDB2 database, with CORS, a
 * health check, and no way to write, and with {@link SymptomGraphModule} (the limits of one query,
 * {@link QueryLimits}, and of one client, {@link ClientLimits}; the pages, the catalogue, VoID, the
 * dumps); and, on a port of its own, the admin route ({@link AdminServer}).
 */
public final class SymptomGraphServer implements AutoCloseable {

    private final FusekiServer fuseki;
    private final FusekiServer admin;
    private final Site site;

    private SymptomGraphServer(FusekiServer fuseki, FusekiServer admin) {
        this.fuseki = fuseki;
        this.admin = admin;
        this.site = SymptomGraphModule.site(fuseki);
    }

    /** Builds and starts the server, and the admin server when the settings have one; without dumps. */
    public static SymptomGraphServer start(GraphStore store, EndpointSettings settings) {
        return start(store, settings, null);
    }

    /** Builds and starts the server; with {@code dumps} (null for none) kept current and served at /dumps/. */
    /**
     * fuseki/cors.properties, the file the stock server takes with --cors, from the jar: Fuseki reads
     * CORS settings only from a file, so the copy goes to a temporary file for it.
     */
    private static String corsSettings() {
        try (InputStream in = SymptomGraphServer.class.getResourceAsStream("/fuseki/cors.properties")) {
            if (in == null) {
                throw new IllegalStateException("fuseki/cors.properties is not in the jar");
            }
            Path file = Files.createTempFile("symptomgraph-cors", ".properties");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SymptomGraphServer start(GraphStore store, EndpointSettings settings, Dumps dumps) {
        FusekiLogging.setLogging();
        int port = settings.port() == 0 ? freePort() : settings.port();
        // Only reading operations, as fuseki/config.ttl names them: a write has nowhere to go.
        DataService.Builder service = DataService.newBuilder(store.dataset().asDatasetGraph())
                .addEndpoint(Operation.Query, "")
                .addEndpoint(Operation.Query, "sparql")
                .addEndpoint(Operation.Query, "query")
                .addEndpoint(Operation.GSP_R, "get");
        FusekiServer fuseki = FusekiServer.create()
                .port(port)
                .loopback(settings.loopbackOnly())
                .enableCors(true, corsSettings())
                .enablePing(true)
                .add("/" + EndpointSettings.DATASET, service)
                // This module alone (not the ones a ServiceLoader would find), with serve's settings.
                .fusekiModules(FusekiModules.create(new SymptomGraphModule(settings, store, dumps)))
                .build();
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
        return new SymptomGraphServer(fuseki, admin);
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
        return site.endpointUrl();
    }

    /**
     * Waits until the VoID description, counted in the background after start, is stored (until
     * then the database still changes, and the counting takes a core). Returns whether it is.
     */
    public boolean awaitVoid(java.time.Duration timeout) throws InterruptedException {
        return site.awaitVoid(timeout);
    }

    /**
     * Waits until the dumps are of the data as it is now (after the VoID description: see
     * {@link #awaitVoid}); whether they are. True when the server has no dumps.
     */
    public boolean awaitDumps(java.time.Duration timeout) throws InterruptedException {
        return site.awaitDumps(timeout);
    }

    /** Blocks until the server stops. */
    public void join() {
        fuseki.join();
    }

    /** Stops the module's background work (as stopping Fuseki would, after it), then both servers. */
    @Override
    public void close() {
        site.close();
        if (admin != null) {
            admin.stop();
        }
        fuseki.stop();
    }
}
