package dev.brook.python;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

/**
 * Reads the rows of an Arrow IPC stream sent by the worker (an OUTPUT frame). Used as {@code try
 * (decoder.open(bytes)) { for rows: read(...) }}.
 *
 * <p>Threading model: used by one task thread.
 */
final class ArrowBatchDecoder {

    private final BufferAllocator allocator;
    private final ArrowColumn[] columns;
    private ArrowStreamReader reader;
    private FieldVector[] vectors;
    private int rows;

    /**
     * @param columns the columns' conversions; a null entry is an int64 column read with {@link
     *     #getLong}
     */
    ArrowBatchDecoder(BufferAllocator allocator, ArrowColumn[] columns) {
        this.allocator = allocator;
        this.columns = columns;
    }

    /** Loads {@code ipcStream}; its rows are readable until {@link Batch#close}. */
    Batch open(byte[] ipcStream) throws IOException {
        reader = new ArrowStreamReader(new ByteArrayInputStream(ipcStream), allocator);
        VectorSchemaRoot root = reader.getVectorSchemaRoot();
        if (!reader.loadNextBatch()) {
            rows = 0;
            vectors = new FieldVector[0];
        } else {
            rows = root.getRowCount();
            List<FieldVector> list = root.getFieldVectors();
            if (list.size() < columns.length) {
                throw new IOException(
                        "The Python worker sent "
                                + list.size()
                                + " columns, expected "
                                + columns.length);
            }
            vectors = list.toArray(new FieldVector[0]);
        }
        return new Batch();
    }

    /** The rows of one loaded stream. */
    final class Batch implements AutoCloseable {
        int rows() {
            return rows;
        }

        Object get(int column, int row) {
            return columns[column].read(vectors[column], row);
        }

        boolean isNull(int column, int row) {
            return vectors[column].isNull(row);
        }

        long getLong(int column, int row) {
            return ((BigIntVector) vectors[column]).get(row);
        }

        @Override
        public void close() throws IOException {
            reader.close();
            reader = null;
            vectors = null;
        }
    }
}
