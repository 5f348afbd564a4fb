package org.symptomgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.symptomgraph.queries.CannedQuery;
import org.symptomgraph.queries.QueryCatalog;

/**
 * Which queries are never cached: the search by indexOf answers as the regular expression that
 * states the rule, on the canned queries and on generated text around each keyword.
 */
class UnrepeatableQueryTest {

    private static final Pattern RULE = Pattern.compile("(?i)\\b(?:NOW|RAND|UUID|STRUUID|BNODE)\\s*\\(|\\bSERVICE\\b");

    @Test
    void theRuleAsARegularExpression() {
        List<String> texts = new ArrayList<>();
        QueryCatalog.load().all().stream().map(CannedQuery::text).forEach(texts::add);
        String[] pieces = {"now", "NOW", "Rand", "uuid", "STRUUID", "bnode", "service", "SERVICE", "known", "nowhere",
            "servicer", "_service", "x", " ", "\t", "\n", "(", ")", "_", "é", "1", "?", "<", ">", ":", "#"};
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(6); n >= 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            texts.add(text.toString());
        }
        for (String text : texts) {
            assertEquals(RULE.matcher(text).find(), CacheValidators.unrepeatable(text), text);
        }
    }

    @Test
    void examples() {
        assertTrue(CacheValidators.unrepeatable("SELECT (NOW () AS ?t) {}"));
        assertTrue(CacheValidators.unrepeatable("SELECT * { SERVICE <http://example.org/> { ?s ?p ?o } }"));
        assertFalse(CacheValidators.unrepeatable("# what is known (so far)\nSELECT ?nowhere { ?s <http://x/service_y> ?o }"));
    }
}
