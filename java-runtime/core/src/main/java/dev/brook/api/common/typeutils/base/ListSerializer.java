package dev.brook.api.common.typeutils.base;

import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Serializes lists, including a null list and null elements; reads them back as {@link ArrayList}s.
 *
 * <p>Form: a var-int of (size + 1), 0 meaning a null list; then the elements in groups of eight,
 * each group led by a byte whose bit i is set when element i of the group is null (null elements
 * are not written). The grouping lets both directions stream without buffering the null mask.
 */
public final class ListSerializer<T> extends TypeSerializer<List<T>> {

    private static final long serialVersionUID = 1L;

    private final TypeSerializer<T> elementSerializer;

    public ListSerializer(TypeSerializer<T> elementSerializer) {
        this.elementSerializer = Objects.requireNonNull(elementSerializer, "elementSerializer");
    }

    public TypeSerializer<T> getElementSerializer() {
        return elementSerializer;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<List<T>> duplicate() {
        TypeSerializer<T> duplicate = elementSerializer.duplicate();
        return duplicate == elementSerializer ? this : new ListSerializer<>(duplicate);
    }

    @Override
    public List<T> createInstance() {
        return new ArrayList<>(0);
    }

    @Override
    public List<T> copy(List<T> from) {
        if (from == null) {
            return null;
        }
        List<T> copy = new ArrayList<>(from.size());
        for (T element : from) {
            copy.add(element == null ? null : elementSerializer.copy(element));
        }
        return copy;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(List<T> record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeVarInt(0);
            return;
        }
        int remaining = record.size();
        target.writeVarInt(remaining + 1);
        // Two iterators: one looks ahead to build a group's null mask, one writes the group.
        Iterator<T> lookahead = record.iterator();
        Iterator<T> elements = record.iterator();
        while (remaining > 0) {
            int groupSize = Math.min(8, remaining);
            int nullMask = 0;
            for (int i = 0; i < groupSize; i++) {
                if (lookahead.next() == null) {
                    nullMask |= 1 << i;
                }
            }
            target.writeByte(nullMask);
            for (int i = 0; i < groupSize; i++) {
                T element = elements.next();
                if ((nullMask & (1 << i)) == 0) {
                    elementSerializer.serialize(element, target);
                }
            }
            remaining -= groupSize;
        }
    }

    @Override
    public List<T> deserialize(DataInputView source) throws IOException {
        int sizePlusOne = source.readVarInt();
        if (sizePlusOne == 0) {
            return null;
        }
        int remaining = sizePlusOne - 1;
        List<T> list = new ArrayList<>(remaining);
        while (remaining > 0) {
            int groupSize = Math.min(8, remaining);
            int nullMask = source.readUnsignedByte();
            for (int i = 0; i < groupSize; i++) {
                list.add((nullMask & (1 << i)) != 0 ? null : elementSerializer.deserialize(source));
            }
            remaining -= groupSize;
        }
        return list;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof ListSerializer
                && elementSerializer.equals(((ListSerializer<?>) obj).elementSerializer);
    }

    @Override
    public int hashCode() {
        return 31 * ListSerializer.class.getName().hashCode() + elementSerializer.hashCode();
    }

    @Override
    public String toString() {
        return "ListSerializer<" + elementSerializer + ">";
    }
}
