package org.symptomgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextHit;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDFS;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The index searched through a reader kept open: each commit seen at once, every hit found. */
class KeptOpenTextIndexTest {

    private static final List<Resource> LABEL = List.of(RDFS.label);

    private KeptOpenTextIndex index;

    @BeforeEach
    void open() {
        EntityDefinition definition = new EntityDefinition("uri", "text", RDFS.label.asNode());
        definition.setUidField("uid");
        definition.setLangField("lang");
        TextIndexConfig config = new TextIndexConfig(definition);
        config.setValueStored(true);
        index = new KeptOpenTextIndex(new ByteBuffersDirectory(), config);
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void aSearchSeesEachCommitAndNothingBefore() {
        index.addEntity(entity("urn:x:a", "quuxitis"));
        assertEquals(List.of(), subjects("quux*"), "not committed yet");
        index.commit();
        assertEquals(List.of("urn:x:a"), subjects("quux*"));
        index.deleteEntity(entity("urn:x:a", "quuxitis"));
        index.addEntity(entity("urn:x:b", "zorbosis"));
        index.commit();
        assertEquals(List.of(), subjects("quux*"));
        assertEquals(List.of("urn:x:b"), subjects("zorb*"));
        // Highlighting is jena-text's own search, which sees the same commit.
        assertEquals(List.of("<b>zorbosis</b>"), index.query((Node) null, LABEL, "zorb*", null, null, -1, "s:<b>|e:</b>")
                .stream().map(h -> h.getLiteral().getLiteralLexicalForm()).toList());
        // A rolled-back write leaves what the last commit showed.
        index.addEntity(entity("urn:x:c", "quuxitis"));
        index.rollback();
        assertEquals(List.of(), subjects("quux*"));
    }

    /** jena-text stops at 10,000 hits when text:query gives no limit; a short word in label-search must miss nothing. */
    @Test
    void everyHitWithoutALimitAndNoMoreThanALimitGiven() {
        int keys = 10_050;
        for (int i = 0; i < keys; i++) {
            index.addEntity(entity("urn:x:" + i, "common " + i));
        }
        index.commit();
        assertEquals(keys, index.query((Node) null, LABEL, "comm*", null, null, -1, null).size());
        assertEquals(5, index.query((Node) null, LABEL, "comm*", null, null, 5, null).size());
        List<TextHit> one = index.query(NodeFactory.createURI("urn:x:7"), LABEL, "comm*", null, null, -1, null);
        assertEquals(List.of("urn:x:7 common 7"),
                one.stream().map(h -> h.getNode().getURI() + " " + h.getLiteral().getLiteralLexicalForm()).toList());
    }

    private List<String> subjects(String query) {
        return index.query((Node) null, LABEL, query, null, null, -1, null).stream().map(h -> h.getNode().getURI())
                .toList();
    }

    private static Entity entity(String uri, String text) {
        Entity entity = new Entity(uri, null);
        entity.put("text", text);
        return entity;
    }
}
