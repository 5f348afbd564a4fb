package org.symptomgraph.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import org.apache.jena.rdf.model.Model;

/** A GET of the endpoint URL with no query answers with the service description, as SPARQL 1.1 says. */
final class ServiceDescriptionFilter implements Filter {

    private final Supplier<Model> description;

    /** @param description the description, made once the server is built (it names the endpoint's URL) */
    ServiceDescriptionFilter(Supplier<Model> description) {
        this.description = description;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (read && request.getParameter("query") == null) {
            RdfResponses.send(request, (HttpServletResponse) resp, description.get());
            return;
        }
        chain.doFilter(req, resp);
    }
}
