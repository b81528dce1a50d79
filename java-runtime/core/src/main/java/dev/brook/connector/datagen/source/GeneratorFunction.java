package dev.brook.connector.datagen.source;

import dev.brook.api.common.functions.Function;
import dev.brook.api.connector.source.SourceReaderContext;

/** Produces the record with a given index for a {@link DataGeneratorSource}. */
@FunctionalInterface
public interface GeneratorFunction<T, O> extends Function {

    default void open(SourceReaderContext readerContext) throws Exception {}

    default void close() throws Exception {}

    O map(T value) throws Exception;
}
