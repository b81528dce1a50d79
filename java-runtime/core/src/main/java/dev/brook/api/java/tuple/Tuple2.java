package dev.brook.api.java.tuple;

import java.util.Objects;

/**
 * A tuple with 2 fields: an ordered, mutable record of values of fixed types. Fields are the public
 * members {@code f0} to {@code f1}; they may be null, although serializers of basic types do not
 * accept null fields.
 *
 * <p>Generated code: edit the generator, not this file.
 *
 * @param <T0> the type of field 0
 * @param <T1> the type of field 1
 */
public class Tuple2<T0, T1> extends Tuple {

    private static final long serialVersionUID = 1L;

    /** Field 0 of the tuple. */
    public T0 f0;

    /** Field 1 of the tuple. */
    public T1 f1;

    /** Creates a tuple whose fields are all null. */
    public Tuple2() {}

    /** Creates a tuple holding the given values. */
    public Tuple2(T0 f0, T1 f1) {
        this.f0 = f0;
        this.f1 = f1;
    }

    @Override
    public int getArity() {
        return 2;
    }

    @Override
    @SuppressWarnings("unchecked") // the caller states the field's type; a mismatch fails at use
    public <T> T getField(int pos) {
        switch (pos) {
            case 0:
                return (T) this.f0;
            case 1:
                return (T) this.f1;
            default:
                throw new IndexOutOfBoundsException(outOfBounds(pos));
        }
    }

    @Override
    @SuppressWarnings("unchecked") // the caller passes a value of the field's type
    public <T> void setField(T value, int pos) {
        switch (pos) {
            case 0:
                this.f0 = (T0) value;
                break;
            case 1:
                this.f1 = (T1) value;
                break;
            default:
                throw new IndexOutOfBoundsException(outOfBounds(pos));
        }
    }

    /** Sets all fields at once. */
    public void setFields(T0 f0, T1 f1) {
        this.f0 = f0;
        this.f1 = f1;
    }

    /** A new tuple with the two fields swapped; the field values are not copied. */
    public Tuple2<T1, T0> swap() {
        return new Tuple2<>(f1, f0);
    }

    /** A shallow copy: a new tuple holding the same field references. */
    @Override
    public Tuple2<T0, T1> copy() {
        return new Tuple2<>(f0, f1);
    }

    /** Creates a tuple holding the given values, with the types inferred from them. */
    public static <T0, T1> Tuple2<T0, T1> of(T0 f0, T1 f1) {
        return new Tuple2<>(f0, f1);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tuple2)) {
            return false;
        }
        Tuple2<?, ?> other = (Tuple2<?, ?>) o;
        return Objects.equals(f0, other.f0) && Objects.equals(f1, other.f1);
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(f0);
        h = 31 * h + Objects.hashCode(f1);
        return h;
    }

    /** The fields in parentheses, separated by commas without spaces: {@code (a,b)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        sb.append(fieldToString(f0));
        sb.append(',');
        sb.append(fieldToString(f1));
        return sb.append(')').toString();
    }
}
