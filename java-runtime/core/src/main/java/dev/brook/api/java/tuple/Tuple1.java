package dev.brook.api.java.tuple;

import java.util.Objects;

/**
 * A tuple with 1 field: an ordered, mutable record of values of fixed types. Fields are the public
 * members {@code f0} to {@code f0}; they may be null, although serializers of basic types do not
 * accept null fields.
 *
 * <p>Generated code: edit the generator, not this file.
 *
 * @param <T0> the type of field 0
 */
public class Tuple1<T0> extends Tuple {

    private static final long serialVersionUID = 1L;

    /** Field 0 of the tuple. */
    public T0 f0;

    /** Creates a tuple whose fields are all null. */
    public Tuple1() {}

    /** Creates a tuple holding the given values. */
    public Tuple1(T0 f0) {
        this.f0 = f0;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    @SuppressWarnings("unchecked") // the caller states the field's type; a mismatch fails at use
    public <T> T getField(int pos) {
        switch (pos) {
            case 0:
                return (T) this.f0;
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
            default:
                throw new IndexOutOfBoundsException(outOfBounds(pos));
        }
    }

    /** Sets all fields at once. */
    public void setFields(T0 f0) {
        this.f0 = f0;
    }

    /** A shallow copy: a new tuple holding the same field references. */
    @Override
    public Tuple1<T0> copy() {
        return new Tuple1<>(f0);
    }

    /** Creates a tuple holding the given values, with the types inferred from them. */
    public static <T0> Tuple1<T0> of(T0 f0) {
        return new Tuple1<>(f0);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tuple1)) {
            return false;
        }
        Tuple1<?> other = (Tuple1<?>) o;
        return Objects.equals(f0, other.f0);
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(f0);
        return h;
    }

    /** The fields in parentheses, separated by commas without spaces: {@code (a,b)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        sb.append(fieldToString(f0));
        return sb.append(')').toString();
    }
}
