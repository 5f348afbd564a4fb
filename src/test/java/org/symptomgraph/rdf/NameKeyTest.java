package org.symptomgraph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A name's lookup key: lower case, runs of white space as one space, none at the ends. */
class NameKeyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Petechiae|petechiae",
        "PETECHIAE|petechiae",
        "CMV|cmv",
        "Dilantin-125|dilantin-125",
        "'Easy  bruising'|easy bruising",
        "'Easy\t\nBruising'|easy bruising",
        "' Vitamin C deficiency '|vitamin c deficiency",
        "Ménière’s DISEASE|ménière’s disease"})
    void keyOfAName(String name, String key) {
        assertEquals(key, NameKey.of(name.replace("\\t", "\t").replace("\\n", "\n")));
    }
}
