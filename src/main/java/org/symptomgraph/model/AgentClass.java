package org.symptomgraph.model;

/** Kinds of infectious agent, as schema.org's InfectiousAgentClass enumerates them. */
public enum AgentClass {
    BACTERIA("Bacteria"),
    FUNGUS("Fungus"),
    VIRUS("Virus"),
    PROTOZOA("Protozoa"),
    PRION("Prion"),
    MULTICELLULAR_PARASITE("MulticellularParasite");

    private final String schemaName;

    AgentClass(String schemaName) {
        this.schemaName = schemaName;
    }

    /** Local name of the schema.org enumeration member. */
    public String schemaName() {
        return schemaName;
    }
}
