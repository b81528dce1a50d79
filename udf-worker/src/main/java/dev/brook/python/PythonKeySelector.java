package dev.brook.python;

import dev.brook.api.java.functions.KeySelector;
import dev.brook.api.java.tuple.Tuple2;

/**
 * Keys the records {@code (key, value)} that a Python {@code key_by} produces by their first field.
 * Use with {@link PythonKeyTypeInfo}: {@code stream.keyBy(new PythonKeySelector<>(), new
 * PythonKeyTypeInfo(keyType))}.
 */
public final class PythonKeySelector<K, V> implements KeySelector<Tuple2<K, V>, PythonKey> {

    private static final long serialVersionUID = 1L;

    @Override
    public PythonKey getKey(Tuple2<K, V> record) {
        return new PythonKey(record.f0);
    }
}
