package dev.brook.python;

import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputView;
import java.io.IOException;

/** Writes a {@link PythonKey} as its value, with the serializer of the key's declared type. */
public final class PythonKeySerializer extends TypeSerializer<PythonKey> {

    private static final long serialVersionUID = 1L;

    private final TypeSerializer<Object> valueSerializer;

    public PythonKeySerializer(TypeSerializer<Object> valueSerializer) {
        this.valueSerializer = valueSerializer;
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public TypeSerializer<PythonKey> duplicate() {
        TypeSerializer<Object> duplicate = valueSerializer.duplicate();
        return duplicate == valueSerializer ? this : new PythonKeySerializer(duplicate);
    }

    @Override
    public PythonKey createInstance() {
        return null;
    }

    @Override
    public PythonKey copy(PythonKey from) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(PythonKey record, DataOutputView target) throws IOException {
        valueSerializer.serialize(record.getValue(), target);
    }

    @Override
    public PythonKey deserialize(DataInputView source) throws IOException {
        return new PythonKey(valueSerializer.deserialize(source));
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof PythonKeySerializer other
                && other.valueSerializer.equals(valueSerializer);
    }

    @Override
    public int hashCode() {
        return valueSerializer.hashCode();
    }
}
