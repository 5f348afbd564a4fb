package org.symptomgraph.server;

import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiAutoModule;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symptomgraph.dumps.Dumps;
import org.symptomgraph.store.GraphStore;

/**
 * symptomgraph as a Fuseki module: for the dataset {@code /symptomgraph} of a Fuseki main server,
 * the request guard, pooled response buffers, per-client limits, the limits of one query and the
 * result cap, the canned-query catalogue, the service description and VoID, linked-data pages for
 * every IRI of the graph, and the home, search, query and ontology pages ({@link Site}).
 *
 * <p>{@code serve} is Fuseki main with this module ({@link SymptomGraphServer}), its settings from
 * the command line. A stock Fuseki server finds it through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.apache.jena.fuseki.main.sys.FusekiAutoModule}, in
 * target/symptomgraph-fuseki.jar), its settings from the configuration file
 * ({@link ConfigFileSettings}). A server without a dataset {@code /symptomgraph} (the admin server,
 * any other) gets nothing.
 */
public final class SymptomGraphModule implements FusekiAutoModule {

    private static final Logger LOG = LoggerFactory.getLogger(SymptomGraphModule.class);
    /** The servlet-context attribute that holds what the module added to a server: its {@link Site}. */
    private static final String SITE = Site.class.getName();

    private final EndpointSettings settings;
    private final GraphStore store;
    private final Dumps dumps;

    /** As a stock Fuseki server loads it: settings from the configuration file, over the dataset it configured. */
    public SymptomGraphModule() {
        this(null, null, null);
    }

    /**
     * @param settings the settings, or null to read them from the configuration file
     * @param store    the database the dataset is (to be told of imports), or null for the dataset as configured
     * @param dumps    the dumps to keep current and serve at /dumps/, or null for none
     */
    SymptomGraphModule(EndpointSettings settings, GraphStore store, Dumps dumps) {
        this.settings = settings;
        this.store = store;
        this.dumps = dumps;
    }

    @Override
    public String name() {
        return "symptomgraph";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        String path = "/" + EndpointSettings.DATASET;
        DatasetGraph dsg = builder.getDataset(path);
        if (dsg == null) {
            return;
        }
        EndpointSettings chosen = settings != null ? settings : ConfigFileSettings.read(configModel, EndpointSettings.DATASET);
        GraphStore served = store != null ? store : GraphStore.of(DatasetFactory.wrap(dsg));
        Site site = new Site(served, chosen, path, dumps);
        site.addTo(builder);
        builder.addServletAttribute(SITE, site);
        LOG.debug("symptomgraph on {}: result limit {}, timeout {} s, base {}", path, chosen.resultLimit(),
                chosen.queryTimeout().toSeconds(), chosen.base());
    }

    @Override
    public void server(FusekiServer server) {
        Site site = site(server);
        if (site != null) {
            site.built(server);
        }
    }

    @Override
    public void serverAfterStarting(FusekiServer server) {
        Site site = site(server);
        if (site != null) {
            site.started();
        }
    }

    @Override
    public void serverStopped(FusekiServer server) {
        Site site = site(server);
        if (site != null) {
            site.close();
        }
    }

    /** What the module added to a built server; null when it added nothing. */
    static Site site(FusekiServer server) {
        return (Site) server.getServletContext().getAttribute(SITE);
    }
}
