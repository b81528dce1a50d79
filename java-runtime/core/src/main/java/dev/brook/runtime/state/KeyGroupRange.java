package dev.brook.runtime.state;

import java.io.Serializable;

/** An inclusive range of key groups {@code [start, end]}; empty when end < start. */
public record KeyGroupRange(int start, int end) implements Serializable {

    public int numberOfKeyGroups() {
        return Math.max(0, end - start + 1);
    }

    public boolean contains(int keyGroup) {
        return keyGroup >= start && keyGroup <= end;
    }
}
