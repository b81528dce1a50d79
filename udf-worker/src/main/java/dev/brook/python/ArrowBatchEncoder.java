package dev.brook.python;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Collects rows into Arrow vectors and writes them as one Arrow IPC stream (schema and one record
 * batch), the payload of a BATCH frame. The vectors are reused from batch to batch.
 *
 * <p>Threading model: used by one task thread.
 */
final class ArrowBatchEncoder implements AutoCloseable {

    private final ArrowColumn[] columns;
    private final VectorSchemaRoot root;
    private final FieldVector[] vectors;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    private int rows;

    /**
     * @param names the column names
     * @param columns the columns' conversions; a null entry is a nullable int64 column written with
     *     {@link #setLong}
     */
    ArrowBatchEncoder(BufferAllocator allocator, String[] names, ArrowColumn[] columns) {
        this.columns = columns;
        List<Field> fields = new ArrayList<>(columns.length);
        for (int i = 0; i < columns.length; i++) {
            ArrowColumn column = columns[i] == null ? new ArrowColumn.Int64() : columns[i];
            fields.add(column.field(names[i]));
        }
        this.root = VectorSchemaRoot.create(new Schema(fields), allocator);
        this.vectors = root.getFieldVectors().toArray(new FieldVector[0]);
        root.allocateNew();
    }

    /** Sets column {@code column} of the current row to {@code value}. */
    void set(int column, Object value) {
        columns[column].write(vectors[column], rows, value);
    }

    /**
     * Sets the int64 column {@code column} of the current row; null when {@code present} is false.
     */
    void setLong(int column, long value, boolean present) {
        BigIntVector vector = (BigIntVector) vectors[column];
        if (present) {
            vector.setSafe(rows, value);
        } else {
            vector.setNull(rows);
        }
    }

    /** Completes the current row. */
    void endRow() {
        rows++;
    }

    int rowCount() {
        return rows;
    }

    /** The rows so far as an Arrow IPC stream; the encoder is then empty again. */
    byte[] encode() throws IOException {
        root.setRowCount(rows);
        bytes.reset();
        try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, bytes)) {
            writer.start();
            writer.writeBatch();
            writer.end();
        }
        root.clear();
        root.allocateNew();
        rows = 0;
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        root.close();
    }
}
