package org.symptomgraph.importer.reading;

/**
 * One step of reading a page: each takes the state the steps before it left and adds to it. In order:
 * {@link FurniturePass}, {@link TitlePass}, {@link ImplicitListPass}, {@link StructurePass},
 * {@link CausePass}.
 */
interface ReadingPass {

    void apply(Reading reading);
}
