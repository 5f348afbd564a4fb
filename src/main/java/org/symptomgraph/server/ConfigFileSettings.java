package org.symptomgraph.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.fuseki.FusekiConfigException;
import org.apache.jena.fuseki.server.FusekiVocab;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.symptomgraph.rdf.Iris;

/**
 * The module's settings in a Fuseki configuration file (fuseki/config.ttl): properties of the
 * dataset's {@code fuseki:Service}, in the namespace {@value #NS}, each at most once but
 * {@code allowService}; what is not given takes serve's default.
 *
 * <pre>
 * PREFIX sgf: &lt;https://w3id.org/symptomgraph/fuseki#&gt;
 * &lt;#symptomgraph&gt; a fuseki:Service ; fuseki:name "symptomgraph" ;
 *     sgf:queryTimeout 30 ;                             # serve --timeout (seconds)
 *     sgf:resultLimit 10000 ;                           # serve --result-limit
 *     sgf:responseLimit 67108864 ;                      # serve --response-limit (bytes)
 *     sgf:base "https://w3id.org/symptomgraph/" ;       # serve --base
 *     sgf:publicUrl "https://example.org/symptomgraph/sparql" ;  # serve --public-url
 *     sgf:allowService &lt;https://query.wikidata.org/sparql&gt; ;  # serve --allow-service (repeatable)
 *     sgf:clientAddressHeader "X-Forwarded-For" .       # serve --client-address-header
 * </pre>
 */
final class ConfigFileSettings {

    static final String NS = "https://w3id.org/symptomgraph/fuseki#";
    private static final Property QUERY_TIMEOUT = property("queryTimeout");
    private static final Property RESULT_LIMIT = property("resultLimit");
    private static final Property RESPONSE_LIMIT = property("responseLimit");
    private static final Property BASE = property("base");
    private static final Property PUBLIC_URL = property("publicUrl");
    private static final Property ALLOW_SERVICE = property("allowService");
    private static final Property CLIENT_ADDRESS_HEADER = property("clientAddressHeader");
    private static final List<Property> KNOWN = List.of(QUERY_TIMEOUT, RESULT_LIMIT, RESPONSE_LIMIT, BASE,
            PUBLIC_URL, ALLOW_SERVICE, CLIENT_ADDRESS_HEADER);

    private ConfigFileSettings() {
    }

    private static Property property(String localName) {
        return ResourceFactory.createProperty(NS, localName);
    }

    /**
     * The settings given to the service named {@code datasetName} ("symptomgraph"); the defaults when
     * there is no configuration file (a dataset named on Fuseki's command line).
     *
     * @throws FusekiConfigException naming the property, for an unknown property or a bad value
     */
    static EndpointSettings read(Model config, String datasetName) {
        EndpointSettings settings = EndpointSettings.defaults(0);
        Resource service = config == null ? null : service(config, datasetName);
        if (service == null) {
            return settings;
        }
        for (Statement st : service.listProperties().toList()) {
            if (st.getPredicate().getNameSpace().equals(NS) && !KNOWN.contains(st.getPredicate())) {
                throw new FusekiConfigException("symptomgraph: unknown setting " + st.getPredicate()
                        + " (known: " + KNOWN.stream().map(Property::getLocalName).toList() + ")");
            }
        }
        try {
            Long seconds = number(service, QUERY_TIMEOUT);
            if (seconds != null) {
                settings = settings.withQueryTimeout(Duration.ofSeconds(seconds));
            }
            Long rows = number(service, RESULT_LIMIT);
            if (rows != null) {
                settings = settings.withResultLimit(rows);
            }
            Long bytes = number(service, RESPONSE_LIMIT);
            if (bytes != null) {
                settings = settings.withResponseLimit(bytes);
            }
            List<String> services = new ArrayList<>();
            service.listProperties(ALLOW_SERVICE).forEach(st -> services.add(text(st.getObject(), ALLOW_SERVICE)));
            settings = settings.withAllowedServices(services);
            String header = text(service, CLIENT_ADDRESS_HEADER);
            if (header != null) {
                settings = settings.withClients(settings.clients().withAddressHeader(header));
            }
            String base = text(service, BASE);
            if (base != null) {
                settings = settings.withBase(new Iris(base).base());
            }
            return settings.withPublicUrl(text(service, PUBLIC_URL));
        } catch (IllegalArgumentException e) {
            throw new FusekiConfigException("symptomgraph: " + e.getMessage());
        }
    }

    private static Resource service(Model config, String datasetName) {
        for (Resource s : config.listSubjectsWithProperty(FusekiVocab.pServiceName).toList()) {
            String name = s.getProperty(FusekiVocab.pServiceName).getString();
            boolean isService = s.hasProperty(FusekiVocab.pDataset); // not an endpoint of that name
            if (isService && (name.equals(datasetName) || name.equals("/" + datasetName))) {
                return s;
            }
        }
        return null;
    }

    private static Statement once(Resource service, Property p) {
        List<Statement> values = service.listProperties(p).toList();
        if (values.size() > 1) {
            throw new IllegalArgumentException(p.getLocalName() + " is given " + values.size() + " times");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static Long number(Resource service, Property p) {
        Statement st = once(service, p);
        if (st == null) {
            return null;
        }
        try {
            return Long.parseLong(st.getObject().isLiteral() ? st.getObject().asLiteral().getLexicalForm().strip() : "");
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(p.getLocalName() + " must be a whole number, not " + st.getObject());
        }
    }

    private static String text(Resource service, Property p) {
        Statement st = once(service, p);
        return st == null ? null : text(st.getObject(), p);
    }

    /** A string or an IRI. */
    private static String text(RDFNode value, Property p) {
        if (value.isURIResource()) {
            return value.asResource().getURI();
        }
        if (value.isLiteral()) {
            return value.asLiteral().getLexicalForm();
        }
        throw new IllegalArgumentException(p.getLocalName() + " must be a string or an IRI, not a blank node");
    }
}
