package org.symptomgraph.links;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.symptomgraph.importer.DocumentParser;
import org.symptomgraph.rdf.DocumentGraph;
import org.symptomgraph.rdf.DocumentMapper;
import org.symptomgraph.rdf.Iris;

class LinkingExplore {
    @Test
    void dump() throws Exception {
        Iris iris = new Iris(Iris.DEFAULT_BASE);
        Linker linker = new Linker(VocabularyIndex.shipped(), iris);
        List<Path> pages;
        try (Stream<Path> s = Files.list(Path.of("../shared/corpus/pages"))) {
            pages = s.sorted().toList();
        }
        StringBuilder out = new StringBuilder();
        for (Path p : Stream.concat(Stream.of(Path.of("data/documents/petechiae.txt")), pages.stream()).toList()) {
            String text = Files.readString(p);
            if (text.startsWith("SOURCE:")) {
                text = text.substring(text.indexOf('\n', text.indexOf('\n') + 1) + 1);
            }
            DocumentGraph g = new DocumentMapper(iris).map(new DocumentParser().parse(p.getFileName().toString(),
                    text.getBytes(StandardCharsets.UTF_8)).document());
            out.append("== ").append(p.getFileName()).append('\n');
            var all = linker.candidates(g.model(), true);
            for (var e : Linker.entities(g.model()).entrySet()) {
                String iri = e.getKey().getURI();
                var cs = all.stream().filter(c -> c.entity().equals(iri)).toList();
                out.append(e.getValue()).append(' ').append(iri.substring(iris.base().length())).append('\n');
                for (var c : cs) {
                    out.append("    ").append(c.linked() ? "LINK " : "cand ").append(c.term().id()).append(" '")
                            .append(c.term().label()).append("' via '").append(c.matched().text()).append("' ")
                            .append(c.matched().scope()).append(' ').append(c.predicate().getLocalName()).append(' ')
                            .append(c.score()).append(' ').append(c.note()).append('\n');
                }
            }
        }
        Files.writeString(Path.of("target/linking-explore.txt"), out.toString());
    }
}
