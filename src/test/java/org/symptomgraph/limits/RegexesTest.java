package org.symptomgraph.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.jena.sparql.expr.ExprEvalException;
import org.junit.jupiter.api.Test;

class RegexesTest {

    @Test
    void aPatternIsCompiledOnceForItsTextAndFlags() {
        assertSame(Regexes.compile("\\s+", null), Regexes.compile("\\s+", null));
        assertSame(Regexes.compile("a b", "ix"), Regexes.compile("a b", "ix"));
        assertNotSame(Regexes.compile("ab", "i"), Regexes.compile("ab", null));
        // The flags still count: the same text case-insensitive or not.
        assertEquals(true, Regexes.compile("ab", "i").matcher("AB").find());
        assertEquals(false, Regexes.compile("ab", null).matcher("AB").find());
    }

    @Test
    void aPatternThatDoesNotCompileFailsEveryTime() {
        for (int i = 0; i < 2; i++) {
            assertThrows(ExprEvalException.class, () -> Regexes.compile("(a", null));
            assertThrows(ExprEvalException.class, () -> Regexes.compile("(a)\\1", null), "no back-references");
        }
    }
}
