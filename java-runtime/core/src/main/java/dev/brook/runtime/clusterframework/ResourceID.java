package dev.brook.runtime.clusterframework;

import java.io.Serializable;

/** Identity of a TaskManager. */
public record ResourceID(String id) implements Serializable {
    @Override
    public String toString() {
        return id;
    }
}
