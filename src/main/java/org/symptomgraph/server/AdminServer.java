package org.symptomgraph.server;

import java.io.IOException;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.atlas.web.AuthScheme;
import org.eclipse.jetty.server.Server;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.store.GraphStore;

/**
 * The admin route's own server: Fuseki main on its own port of the loopback interface, with
 * Fuseki's builder security (Jetty's HTTP Basic over the password file, every path for any user
 * of the file), no CORS, and {@link AdminLockout} in front of the login. Reach it from elsewhere
 * through a TLS proxy or an SSH tunnel.
 */
final class AdminServer {

    static final String REALM = "symptomgraph admin";
    /** Requests of one address that run at once, and the server's threads. */
    private static final int PER_CLIENT = 2;
    private static final int THREADS = 16;

    private AdminServer() {
    }

    static FusekiServer build(GraphStore store, Iris iris, AdminSettings settings) throws IOException {
        AdminPasswords.check(settings.passwordFile());
        FusekiServer fuseki = FusekiServer.create()
                .port(settings.port() == 0 ? SymptomGraphServer.freePort() : settings.port())
                .loopback(true)
                .passwordFile(settings.passwordFile().toString())
                .auth(AuthScheme.BASIC)
                .realm(REALM)
                .numServerThreads(2, THREADS)
                .addServlet(AdminServlet.PATH + "/*", new AdminServlet(store, iris))
                // No Fuseki module (a ServiceLoader would find symptomgraph's): this server is the route alone.
                .fusekiModules(FusekiModules.empty())
                .build();
        Server jetty = fuseki.getJettyServer();
        ClientLimits.minimumDataRates(jetty);
        PerClientLimit each = new PerClientLimit(jetty.getHandler(), PER_CLIENT, null);
        jetty.setHandler(new SecurityHeaders(new AdminLockout(each, settings.lockout())));
        return fuseki;
    }
}
