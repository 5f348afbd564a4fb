package org.symptomgraph.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.riot.WebContent;

/**
 * The output-format names clients send in {@code format=}, {@code output=} or {@code results=}
 * that Fuseki does not know, as the media types it does. SPARQLWrapper, the usual Python client,
 * sends {@code rdf+xml}, {@code rdf} and {@code n3}; Fuseki answered them with a 400. (N3 is
 * answered as Turtle, which every N3 reader reads.)
 */
final class FormatNamesFilter implements Filter {

    private static final Map<String, String> NAMES = Map.of(
            "rdf+xml", WebContent.contentTypeRDFXML,
            "rdf", WebContent.contentTypeRDFXML,
            "n3", WebContent.contentTypeTurtle);
    private static final java.util.Set<String> PARAMETERS = java.util.Set.of("format", "output", "results");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        boolean named = PARAMETERS.stream().map(http::getParameterValues).filter(v -> v != null)
                .flatMap(Arrays::stream).anyMatch(v -> NAMES.containsKey(key(v)));
        chain.doFilter(named ? new Translated(http) : request, response);
    }

    private static String key(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }

    /** The request with the format parameters' values as media types. */
    private static final class Translated extends HttpServletRequestWrapper {

        Translated(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            String[] values = getParameterValues(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = super.getParameterValues(name);
            if (values == null || !PARAMETERS.contains(name)) {
                return values;
            }
            return Arrays.stream(values).map(v -> NAMES.getOrDefault(key(v), v)).toArray(String[]::new);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> map = new LinkedHashMap<>();
            super.getParameterMap().keySet().forEach(name -> map.put(name, getParameterValues(name)));
            return map;
        }
    }
}
