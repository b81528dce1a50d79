package dev.brook.api.common.state;

import java.io.IOException;

/** One value per key; {@code null} until set (or after {@link #clear()}). */
public interface ValueState<T> extends State {
    T value() throws IOException;

    void update(T value) throws IOException;
}
