package org.symptomgraph.model;

/** What sort of thing a cause is; decided by the category it is listed under. */
public enum CauseKind {
    /** A medicine; parentheses after it hold brand names. */
    DRUG,
    /** An infectious disease. */
    INFECTION,
    /** Any other medical condition. */
    CONDITION,
    /** Something a person does, such as coughing or lifting weights. */
    ACTIVITY,
    /** A cause whose category says nothing about its kind. */
    UNSPECIFIED
}
