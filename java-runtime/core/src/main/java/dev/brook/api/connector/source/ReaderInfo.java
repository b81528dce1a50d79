package dev.brook.api.connector.source;

import java.io.Serializable;

/** A registered source reader: its subtask and where it runs. */
public record ReaderInfo(int subtaskId, String location) implements Serializable {
    public int getSubtaskId() {
        return subtaskId;
    }

    public String getLocation() {
        return location;
    }
}
