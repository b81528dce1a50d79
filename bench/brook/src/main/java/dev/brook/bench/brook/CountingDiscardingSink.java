package dev.brook.bench.brook;

import dev.brook.api.connector.sink2.Sink;
import dev.brook.api.connector.sink2.SinkWriter;
import dev.brook.api.connector.sink2.WriterInitContext;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.bench.common.SinkTotals;

/**
 * Drops every record after counting it and adding its {@code f1} to a checksum; the totals go to
 * {@link SinkTotals} when the writer closes. The per-record cost is two additions.
 */
public final class CountingDiscardingSink<T extends Tuple2<?, ? extends Number>>
        implements Sink<T> {

    private static final long serialVersionUID = 1L;

    private final String totalsDirectory = SinkTotals.directory();

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new CountingWriter<>(totalsDirectory);
    }

    private static final class CountingWriter<T extends Tuple2<?, ? extends Number>>
            implements SinkWriter<T> {
        private final String totalsDirectory;
        private long records;
        private long checksum;

        CountingWriter(String totalsDirectory) {
            this.totalsDirectory = totalsDirectory;
        }

        @Override
        public void write(T element, Context context) {
            records++;
            checksum += element.f1.longValue();
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {
            SinkTotals.add(totalsDirectory, records, checksum);
            records = 0;
            checksum = 0;
        }
    }
}
