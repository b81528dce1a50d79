package dev.brook.runtime.state.heap;

import dev.brook.api.common.state.ListState;
import dev.brook.api.common.state.ListStateDescriptor;
import dev.brook.runtime.state.OperatorStateContents;
import dev.brook.runtime.state.OperatorStateContents.Mode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** A list or union list operator state: one list for the whole parallel instance. */
final class OperatorListState<T> implements ListState<T>, HeapOperatorStateBackend.RegisteredState {

    private static final String NO_NULLS = "ListState does not accept null elements";

    private final ListStateDescriptor<T> descriptor;
    private final Mode mode;
    private final ArrayList<T> elements = new ArrayList<>();

    OperatorListState(ListStateDescriptor<T> descriptor, Mode mode) {
        this.descriptor = descriptor;
        this.mode = mode;
    }

    @Override
    public ListStateDescriptor<T> descriptor() {
        return descriptor;
    }

    @Override
    public Mode mode() {
        return mode;
    }

    @Override
    public OperatorStateContents contents() {
        return OperatorStateContents.list(
                mode, elements, descriptor.getElementTypeInformation().createSerializer());
    }

    @Override
    @SuppressWarnings("unchecked") // restored from a state of the same name and mode
    public void restore(OperatorStateContents restored) {
        elements.addAll((List<T>) restored.elements());
    }

    /** The elements, read-only: change them through the state. Empty, never null, if none. */
    @Override
    public Iterable<T> get() {
        return Collections.unmodifiableList(elements);
    }

    @Override
    public void add(T value) {
        elements.add(Objects.requireNonNull(value, NO_NULLS));
    }

    @Override
    public void update(List<T> values) {
        elements.clear();
        addAll(values);
    }

    @Override
    public void addAll(List<T> values) {
        if (values != null) {
            for (T v : values) {
                add(v);
            }
        }
    }

    @Override
    public void clear() {
        elements.clear();
    }
}
