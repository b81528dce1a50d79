package dev.brook.streaming.runtime.operators.windowing;

import dev.brook.api.common.state.KeyedStateStore;
import dev.brook.streaming.api.functions.windowing.AllWindowFunction;
import dev.brook.streaming.api.functions.windowing.ProcessAllWindowFunction;
import dev.brook.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.brook.streaming.api.functions.windowing.WindowFunction;
import dev.brook.streaming.api.windowing.windows.Window;
import dev.brook.streaming.runtime.operators.FunctionLifecycle;
import dev.brook.util.Collector;
import dev.brook.util.OutputTag;

/** Adapts each kind of user window function to {@link InternalWindowFunction}. */
public final class WindowFunctions {

    private WindowFunctions() {}

    /** Emits the window's (single, pre-aggregated) values as they are. */
    public static <T, K, W extends Window> InternalWindowFunction<T, T, K, W> passThrough() {
        return new InternalWindowFunction<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public void open(FunctionOpener opener) {}

            @Override
            public void close() {}

            @Override
            public void process(
                    K key, W window, WindowContext ctx, Iterable<T> input, Collector<T> out) {
                for (T v : input) {
                    out.collect(v);
                }
            }
        };
    }

    public static <IN, OUT, K, W extends Window> InternalWindowFunction<IN, OUT, K, W> of(
            WindowFunction<IN, OUT, K, W> fn) {
        return new InternalWindowFunction<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public void open(FunctionOpener opener) throws Exception {
                opener.open(fn);
            }

            @Override
            public void close() throws Exception {
                FunctionLifecycle.close(fn);
            }

            @Override
            public void process(
                    K key, W window, WindowContext ctx, Iterable<IN> input, Collector<OUT> out)
                    throws Exception {
                fn.apply(key, window, input, out);
            }
        };
    }

    /** A non-keyed window function; the (constant) key is ignored. */
    public static <IN, OUT, K, W extends Window> InternalWindowFunction<IN, OUT, K, W> ofAll(
            AllWindowFunction<IN, OUT, W> fn) {
        return new InternalWindowFunction<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public void open(FunctionOpener opener) throws Exception {
                opener.open(fn);
            }

            @Override
            public void close() throws Exception {
                FunctionLifecycle.close(fn);
            }

            @Override
            public void process(
                    K key, W window, WindowContext ctx, Iterable<IN> input, Collector<OUT> out)
                    throws Exception {
                fn.apply(window, input, out);
            }
        };
    }

    public static <IN, OUT, K, W extends Window> InternalWindowFunction<IN, OUT, K, W> of(
            ProcessWindowFunction<IN, OUT, K, W> fn) {
        return new ProcessAdapter<>(fn);
    }

    /** A non-keyed process window function; the (constant) key is ignored. */
    public static <IN, OUT, K, W extends Window> InternalWindowFunction<IN, OUT, K, W> ofAll(
            ProcessAllWindowFunction<IN, OUT, W> fn) {
        return new ProcessAllAdapter<>(fn);
    }

    private static final class ProcessAdapter<IN, OUT, K, W extends Window>
            implements InternalWindowFunction<IN, OUT, K, W> {
        private static final long serialVersionUID = 1L;
        private final ProcessWindowFunction<IN, OUT, K, W> fn;
        private transient Ctx ctx;

        ProcessAdapter(ProcessWindowFunction<IN, OUT, K, W> fn) {
            this.fn = fn;
        }

        @Override
        public void open(FunctionOpener opener) throws Exception {
            opener.open(fn);
            ctx = new Ctx();
        }

        @Override
        public void close() throws Exception {
            FunctionLifecycle.close(fn);
        }

        @Override
        public void process(
                K key, W window, WindowContext context, Iterable<IN> input, Collector<OUT> out)
                throws Exception {
            ctx.window = window;
            ctx.internal = context;
            fn.process(key, ctx, input, out);
        }

        @Override
        public void clear(W window, WindowContext context) throws Exception {
            ctx.window = window;
            ctx.internal = context;
            fn.clear(ctx);
        }

        private final class Ctx extends ProcessWindowFunction<IN, OUT, K, W>.Context {
            W window;
            WindowContext internal;

            Ctx() {
                fn.super();
            }

            @Override
            public W window() {
                return window;
            }

            @Override
            public long currentProcessingTime() {
                return internal.currentProcessingTime();
            }

            @Override
            public long currentWatermark() {
                return internal.currentWatermark();
            }

            @Override
            public KeyedStateStore windowState() {
                return internal.windowState();
            }

            @Override
            public KeyedStateStore globalState() {
                return internal.globalState();
            }

            @Override
            public <X> void output(OutputTag<X> outputTag, X value) {
                internal.output(outputTag, value);
            }
        }
    }

    private static final class ProcessAllAdapter<IN, OUT, K, W extends Window>
            implements InternalWindowFunction<IN, OUT, K, W> {
        private static final long serialVersionUID = 1L;
        private final ProcessAllWindowFunction<IN, OUT, W> fn;
        private transient Ctx ctx;

        ProcessAllAdapter(ProcessAllWindowFunction<IN, OUT, W> fn) {
            this.fn = fn;
        }

        @Override
        public void open(FunctionOpener opener) throws Exception {
            opener.open(fn);
            ctx = new Ctx();
        }

        @Override
        public void close() throws Exception {
            FunctionLifecycle.close(fn);
        }

        @Override
        public void process(
                K key, W window, WindowContext context, Iterable<IN> input, Collector<OUT> out)
                throws Exception {
            ctx.window = window;
            ctx.internal = context;
            fn.process(ctx, input, out);
        }

        @Override
        public void clear(W window, WindowContext context) throws Exception {
            ctx.window = window;
            ctx.internal = context;
            fn.clear(ctx);
        }

        private final class Ctx extends ProcessAllWindowFunction<IN, OUT, W>.Context {
            W window;
            WindowContext internal;

            Ctx() {
                fn.super();
            }

            @Override
            public W window() {
                return window;
            }

            @Override
            public KeyedStateStore windowState() {
                return internal.windowState();
            }

            @Override
            public KeyedStateStore globalState() {
                return internal.globalState();
            }

            @Override
            public <X> void output(OutputTag<X> outputTag, X value) {
                internal.output(outputTag, value);
            }
        }
    }
}
