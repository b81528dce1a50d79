package dev.brook.api.java.tuple;

import java.util.Objects;

/**
 * A tuple with 3 fields: an ordered, mutable record of values of fixed types. Fields are the public
 * members {@code f0} to {@code f2}; they may be null, although serializers of basic types do not
 * accept null fields.
 *
 * <p>Generated code: edit the generator, not this file.
 *
 * @param <T0> the type of field 0
 * @param <T1> the type of field 1
 * @param <T2> the type of field 2
 */
public class Tuple3<T0, T1, T2> extends Tuple {

    private static final long serialVersionUID = 1L;

    /** Field 0 of the tuple. */
    public T0 f0;

    /** Field 1 of the tuple. */
    public T1 f1;

    /** Field 2 of the tuple. */
    public T2 f2;

    /** Creates a tuple whose fields are all null. */
    public Tuple3() {}

    /** Creates a tuple holding the given values. */
    public Tuple3(T0 f0, T1 f1, T2 f2) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
    }

    @Override
    public int getArity() {
        return 3;
    }

    @Override
    @SuppressWarnings("unchecked") // the caller states the field's type; a mismatch fails at use
    public <T> T getField(int pos) {
        switch (pos) {
            case 0:
                return (T) this.f0;
            case 1:
                return (T) this.f1;
            case 2:
                return (T) this.f2;
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
            case 2:
                this.f2 = (T2) value;
                break;
            default:
                throw new IndexOutOfBoundsException(outOfBounds(pos));
        }
    }

    /** Sets all fields at once. */
    public void setFields(T0 f0, T1 f1, T2 f2) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
    }

    /** A shallow copy: a new tuple holding the same field references. */
    @Override
    public Tuple3<T0, T1, T2> copy() {
        return new Tuple3<>(f0, f1, f2);
    }

    /** Creates a tuple holding the given values, with the types inferred from them. */
    public static <T0, T1, T2> Tuple3<T0, T1, T2> of(T0 f0, T1 f1, T2 f2) {
        return new Tuple3<>(f0, f1, f2);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tuple3)) {
            return false;
        }
        Tuple3<?, ?, ?> other = (Tuple3<?, ?, ?>) o;
        return Objects.equals(f0, other.f0)
                && Objects.equals(f1, other.f1)
                && Objects.equals(f2, other.f2);
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(f0);
        h = 31 * h + Objects.hashCode(f1);
        h = 31 * h + Objects.hashCode(f2);
        return h;
    }

    /** The fields in parentheses, separated by commas without spaces: {@code (a,b)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        sb.append(fieldToString(f0));
        sb.append(',');
        sb.append(fieldToString(f1));
        sb.append(',');
        sb.append(fieldToString(f2));
        return sb.append(')').toString();
    }
}
