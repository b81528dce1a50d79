package dev.brook.runtime.state.ttl;

import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputView;
import java.io.IOException;
import java.util.Objects;

/** Writes a {@link TtlStates.TtlValue}: its last access time, then its value. */
public final class TtlValueSerializer<V> extends TypeSerializer<TtlStates.TtlValue<V>> {

    private static final long serialVersionUID = 1L;

    private final TypeSerializer<V> valueSerializer;

    public TtlValueSerializer(TypeSerializer<V> valueSerializer) {
        this.valueSerializer = Objects.requireNonNull(valueSerializer, "valueSerializer");
    }

    @Override
    public boolean isImmutableType() {
        return valueSerializer.isImmutableType();
    }

    @Override
    public TypeSerializer<TtlStates.TtlValue<V>> duplicate() {
        return new TtlValueSerializer<>(valueSerializer.duplicate());
    }

    @Override
    public TtlStates.TtlValue<V> createInstance() {
        return new TtlStates.TtlValue<>(valueSerializer.createInstance(), 0);
    }

    @Override
    public TtlStates.TtlValue<V> copy(TtlStates.TtlValue<V> from) {
        return new TtlStates.TtlValue<>(valueSerializer.copy(from.value()), from.lastAccess());
    }

    @Override
    public int getLength() {
        int length = valueSerializer.getLength();
        return length < 0 ? -1 : 8 + length;
    }

    @Override
    public void serialize(TtlStates.TtlValue<V> record, DataOutputView target) throws IOException {
        target.writeLong(record.lastAccess());
        valueSerializer.serialize(record.value(), target);
    }

    @Override
    public TtlStates.TtlValue<V> deserialize(DataInputView source) throws IOException {
        long lastAccess = source.readLong();
        return new TtlStates.TtlValue<>(valueSerializer.deserialize(source), lastAccess);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof TtlValueSerializer<?> other
                && valueSerializer.equals(other.valueSerializer);
    }

    @Override
    public int hashCode() {
        return valueSerializer.hashCode() * 31 + 7;
    }
}
