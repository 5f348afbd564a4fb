package org.symptomgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.symptomgraph.links.LinkGraph;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.testing.Http;
import org.symptomgraph.testing.TestServer;

/** A person clicking through the site from the home page meets no dead link. */
class SiteLinksTest {

    private static final int MOST_PAGES = 3000;

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.petechiae(LinkGraph.linkGraph(Path.of("data/links/links.tsv"), new Iris(Iris.DEFAULT_BASE)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyLinkFromEveryPageResolves() {
        String root = server.root();
        Deque<String> todo = new ArrayDeque<>();
        Set<String> seen = new LinkedHashSet<>();
        Map<String, String> dead = new LinkedHashMap<>();
        todo.add("/");
        seen.add("/");
        while (!todo.isEmpty() && seen.size() < MOST_PAGES) {
            String path = todo.poll();
            HttpResponse<String> r = Http.get(root + path, "text/html,*/*;q=0.8");
            if (r.statusCode() != 200) {
                dead.put(path, String.valueOf(r.statusCode()));
                continue;
            }
            if (!r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                continue;
            }
            Document page = Jsoup.parse(r.body(), root + path);
            Set<String> links = new LinkedHashSet<>();
            for (Element e : page.select("a[href], link[href], script[src]")) {
                links.add(e.hasAttr("src") ? e.attr("src") : e.attr("href"));
            }
            Element graph = page.getElementById("graph-data");
            if (graph != null) {
                JSON.parseAny(graph.data()).getAsObject().get("nodes").getAsArray()
                        .forEach(n -> links.add(((JsonObject) n).getString("href")));
            }
            for (String link : links) {
                if (link.startsWith("/") && !link.startsWith("//") && !link.startsWith("/symptomgraph/sparql")) {
                    String local = link.replaceAll("#.*$", "");
                    if (!local.isEmpty() && seen.add(local)) {
                        todo.add(local);
                    }
                }
            }
        }
        assertTrue(seen.size() > 150, "the crawl reached the mapping records too: " + seen.size());
        assertTrue(seen.stream().anyMatch(p -> p.startsWith("/mapping/")), "mapping records are linked");
        assertEquals(Map.of(), dead, "dead links");
    }

    @Test
    void theLinksGraphResolves() {
        HttpResponse<String> r = Http.get(server.root() + "/graph/links", "text/turtle");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("void:triples") || r.body().contains("rdfs.org/ns/void#triples"), r.body());
        assertEquals(200, Http.get(server.root() + "/graph/links", "text/html").statusCode());
        assertEquals(200, Http.get(server.root() + "/mapping/cause/leukemia/mondo/0005059", "text/html").statusCode());
    }
}
