package org.symptomgraph.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.DEF;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.WebContent;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.symptomgraph.queries.CannedQuery;
import org.symptomgraph.queries.Parameter;
import org.symptomgraph.queries.QueryCatalog;
import org.symptomgraph.queries.QueryRunner;

/**
 * The canned queries over HTTP: {@code /symptomgraph/queries} is the catalogue (JSON), and
 * {@code /symptomgraph/queries/NAME?param=value} runs one, content-negotiated like the endpoint.
 * A filter, because Fuseki would otherwise take the path for an endpoint of the dataset.
 */
final class CatalogueFilter implements Filter {

    private final QueryCatalog catalog;
    private final Dataset dataset;
    private final String prefix;
    private final ResultCap cap;

    /** @param prefix the catalogue's path, e.g. "/symptomgraph/queries" */
    CatalogueFilter(QueryCatalog catalog, Dataset dataset, String prefix, long resultLimit) {
        this.catalog = catalog;
        this.dataset = dataset;
        this.prefix = prefix;
        this.cap = new ResultCap(resultLimit);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD, OPTIONS");
            RdfResponses.problem(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "The catalogue is read-only");
            return;
        }
        if (path.equals(prefix) || path.equals(prefix + "/")) {
            sendJson(response, catalogue(request));
            return;
        }
        String name = path.substring(prefix.length() + 1);
        Optional<CannedQuery> query = catalog.get(name);
        if (query.isEmpty()) {
            RdfResponses.problem(response, HttpServletResponse.SC_NOT_FOUND, "No canned query named '" + name + "'");
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> values.put(k, v[v.length - 1]));
        Query bound;
        try {
            bound = query.get().bind(values);
        } catch (IllegalArgumentException e) {
            RdfResponses.problem(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        if (query.get().paged()) {
            response.setHeader("Link", pageLinks(values));
        }
        boolean cut = cap.apply(bound);
        try {
            run(request, response, bound, cut);
        } catch (QueryCancelledException e) {
            RdfResponses.problem(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Query timed out");
        } catch (QueryDeniedException e) {
            // As the SPARQL endpoint answers a SERVICE call that is not allowed.
            RdfResponses.problem(response, 422, e.getMessage());
        } catch (QueryParseException e) {
            // A value the query cannot search with (a text of too many words for the text index), as the
            // SPARQL endpoint answers a text search it cannot parse.
            RdfResponses.problem(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        }
    }

    /**
     * Links to the next and previous pages, as grlc gives them (RFC 8288): a page is a listing's
     * slice, and the page after the last one is empty. The links are relative references (the
     * query part alone), so they hold whatever host, port and proxy the client came through.
     */
    private static String pageLinks(Map<String, String> values) {
        long page = Long.parseLong(values.getOrDefault(CannedQuery.PAGE, "1").strip());
        List<String> links = new ArrayList<>();
        links.add("<" + pageQuery(values, page + 1) + ">; rel=\"next\"");
        if (page > 1) {
            links.add("<" + pageQuery(values, page - 1) + ">; rel=\"prev\"");
            links.add("<" + pageQuery(values, 1) + ">; rel=\"first\"");
        }
        return String.join(", ", links);
    }

    private static String pageQuery(Map<String, String> values, long page) {
        Map<String, String> query = new LinkedHashMap<>(values);
        query.put(CannedQuery.PAGE, Long.toString(page));
        return "?" + query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** @param cut the query asks for one row more than the cap (see {@link ResultCap}) */
    private void run(HttpServletRequest request, HttpServletResponse response, Query query, boolean cut)
            throws IOException {
        response.setHeader("Vary", "Accept");
        if (query.isConstructType()) {
            Model graph = !cut ? QueryRunner.construct(dataset, query)
                    : ModelFactory.createModelForGraph(ResultCap.construct(query, cap.take(
                            RowSet.adapt(QueryRunner.select(dataset, ResultCap.solutions(query))), response))
                            .getDefaultGraph());
            RdfResponses.send(request, response, graph);
            return;
        }
        AcceptList offer = query.isAskType() ? DEF.rsOfferBoolean : DEF.rsOfferTable;
        String accept = request.getHeader("Accept");
        MediaType type = accept == null ? MediaType.create(WebContent.contentTypeResultsJSON)
                : AcceptList.match(new AcceptList(accept), offer);
        Lang lang = type == null ? null : RDFLanguages.contentTypeToLang(type.getContentTypeStr());
        if (lang == null || !ResultSetLang.isRegistered(lang)) {
            RdfResponses.problem(response, HttpServletResponse.SC_NOT_ACCEPTABLE,
                    "Results come as application/sparql-results+json, +xml, text/csv or text/tab-separated-values");
            return;
        }
        // Run first, write after: an error (a refused SERVICE, a timeout) can still get its status.
        Boolean answer = query.isAskType() ? QueryRunner.ask(dataset, query) : null;
        ResultSet rows = query.isAskType() ? null : QueryRunner.select(dataset, query);
        if (rows != null && cut) {
            RowSet all = RowSet.adapt(rows);
            rows = ResultSet.adapt(RowSetStream.create(all.getResultVars(), cap.take(all, response).iterator()));
        }
        response.setContentType(type.getContentTypeStr());
        response.setCharacterEncoding(WebContent.charsetUTF8);
        try (OutputStream out = response.getOutputStream()) {
            if (answer != null) {
                ResultSetFormatter.output(out, answer, lang);
            } else {
                ResultSetFormatter.output(out, rows, lang);
            }
        }
    }

    private JsonObject catalogue(HttpServletRequest request) {
        String here = request.getRequestURL().toString().replaceAll("/$", "");
        JsonArray queries = new JsonArray();
        for (CannedQuery q : catalog.all()) {
            JsonObject o = new JsonObject();
            o.put("name", q.name());
            o.put("title", q.title());
            o.put("description", q.description());
            JsonArray keywords = new JsonArray();
            q.keywords().forEach(keywords::add);
            o.put("keywords", keywords);
            JsonArray parameters = new JsonArray();
            for (Parameter p : q.parameters()) {
                JsonObject po = new JsonObject();
                po.put("name", p.name());
                po.put("type", p.type().name().toLowerCase());
                po.put("required", p.required());
                p.defaultValue().ifPresent(d -> po.put("default", d));
                parameters.add(po);
            }
            o.put("parameters", parameters);
            o.put("form", q.query().queryType().name().toLowerCase());
            o.put("url", here + "/" + q.name());
            o.put("sparql", q.text());
            queries.add(o);
        }
        JsonObject catalogue = new JsonObject();
        catalogue.put("queries", queries);
        return catalogue;
    }

    private static void sendJson(HttpServletResponse response, JsonObject json) throws IOException {
        response.setContentType(WebContent.contentTypeJSON);
        response.setCharacterEncoding(WebContent.charsetUTF8);
        try (OutputStream out = response.getOutputStream()) {
            out.write(json.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
