package org.synergia.data;

/** What a column's values mean to an analyst, whatever their storage. */
public enum VariableType {
    /** Whole numbers (integer storage, no value labels). */
    INTEGER,
    /** Real numbers (floating-point storage, no value labels). */
    DOUBLE,
    /** Numeric codes with value labels (a factor). */
    CATEGORICAL,
    /** Text. */
    STRING
}
