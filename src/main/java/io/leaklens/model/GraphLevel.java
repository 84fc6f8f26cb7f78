package io.leaklens.model;

/** How finely a reference graph tells objects apart. */
public enum GraphLevel {
    /** One node per object (chains merge where they pass through the same object). */
    OBJECTS,
    /** One node per class reached along the same fields from the same root: 100,000 leaked entries read as one. */
    CLASSES
}
