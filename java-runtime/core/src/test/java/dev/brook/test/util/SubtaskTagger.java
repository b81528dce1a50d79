package dev.brook.test.util;

import dev.brook.api.common.functions.RichMapFunction;
import dev.brook.api.java.tuple.Tuple2;

/** Pairs each record with the index of the subtask that saw it: {@code (subtask, record)}. */
public final class SubtaskTagger<T> extends RichMapFunction<T, Tuple2<Integer, T>> {

    private static final long serialVersionUID = 1L;

    @Override
    public Tuple2<Integer, T> map(T value) {
        return Tuple2.of(getRuntimeContext().getIndexOfThisSubtask(), value);
    }
}
