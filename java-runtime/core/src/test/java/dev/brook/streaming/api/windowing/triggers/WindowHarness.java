package dev.brook.streaming.api.windowing.triggers;

import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.runtime.state.KeyedStateBackend;
import dev.brook.streaming.api.functions.windowing.WindowFunction;
import dev.brook.streaming.api.windowing.assigners.WindowAssigner;
import dev.brook.streaming.api.windowing.windows.TimeWindow;
import dev.brook.streaming.api.windowing.windows.Window;
import dev.brook.streaming.runtime.operators.windowing.WindowContents;
import dev.brook.streaming.runtime.operators.windowing.WindowFunctions;
import dev.brook.streaming.runtime.operators.windowing.WindowOperator;
import dev.brook.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import dev.brook.util.Collector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A window operator on {@code (key, value)} elements in the operator test harness, emitting each
 * firing as {@code key[start,end)=v1,v2,...} (or {@code key[global]=...}), with access to the
 * operator's keyed state so tests can check what triggers leave behind.
 */
final class WindowHarness<W extends Window> implements AutoCloseable {

    static final TypeInformation<Tuple2<String, Integer>> TYPE =
            Types.TUPLE(Types.STRING, Types.INT);

    final KeyedOneInputStreamOperatorTestHarness<String, Tuple2<String, Integer>, String> harness;
    private final KeyedStateBackend<?>[] backend = new KeyedStateBackend<?>[1];
    private int drained;

    WindowHarness(
            WindowAssigner<Object, W> assigner,
            Trigger<? super Tuple2<String, Integer>, ? super W> trigger,
            Duration allowedLateness)
            throws Exception {
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        p -> {
                            backend[0] = p.keyedStateBackend();
                            return new WindowOperator<
                                    String,
                                    Tuple2<String, Integer>,
                                    Tuple2<String, Integer>,
                                    String,
                                    W>(
                                    p,
                                    assigner,
                                    trigger,
                                    WindowContents.listing(TYPE),
                                    WindowFunctions.of(new Describe<W>()),
                                    null,
                                    allowedLateness.toMillis(),
                                    null);
                        },
                        t -> t.f0,
                        Types.STRING);
        harness.open();
    }

    void add(String key, int value, long timestamp) throws Exception {
        harness.processElement(Tuple2.of(key, value), timestamp);
    }

    /** The keys with a value in the trigger state {@code name} for {@code window}. */
    List<Object> keysWithState(String name, Window window) {
        return new ArrayList<>(backend[0].getKeys(name, window));
    }

    /** The firings since the last call. */
    List<String> drain() {
        List<String> all = harness.extractOutputValues();
        List<String> fresh = new ArrayList<>(all.subList(drained, all.size()));
        drained = all.size();
        return fresh;
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }

    private static final class Describe<W extends Window>
            implements WindowFunction<Tuple2<String, Integer>, String, String, W> {
        private static final long serialVersionUID = 1L;

        @Override
        public void apply(
                String key,
                W window,
                Iterable<Tuple2<String, Integer>> input,
                Collector<String> out) {
            StringBuilder s = new StringBuilder(key);
            if (window instanceof TimeWindow w) {
                s.append('[').append(w.getStart()).append(',').append(w.getEnd()).append(')');
            } else {
                s.append("[global]");
            }
            String separator = "=";
            for (Tuple2<String, Integer> t : input) {
                s.append(separator).append(t.f1);
                separator = ",";
            }
            out.collect(s.toString());
        }
    }
}
