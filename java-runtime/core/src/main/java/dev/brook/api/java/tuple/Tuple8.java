package dev.brook.api.java.tuple;

import java.util.Objects;

/**
 * A tuple with 8 fields: an ordered, mutable record of values of fixed types. Fields are the public
 * members {@code f0} to {@code f7}; they may be null, although serializers of basic types do not
 * accept null fields.
 *
 * <p>Generated code: edit the generator, not this file.
 *
 * @param <T0> the type of field 0
 * @param <T1> the type of field 1
 * @param <T2> the type of field 2
 * @param <T3> the type of field 3
 * @param <T4> the type of field 4
 * @param <T5> the type of field 5
 * @param <T6> the type of field 6
 * @param <T7> the type of field 7
 */
public class Tuple8<T0, T1, T2, T3, T4, T5, T6, T7> extends Tuple {

    private static final long serialVersionUID = 1L;

    /** Field 0 of the tuple. */
    public T0 f0;

    /** Field 1 of the tuple. */
    public T1 f1;

    /** Field 2 of the tuple. */
    public T2 f2;

    /** Field 3 of the tuple. */
    public T3 f3;

    /** Field 4 of the tuple. */
    public T4 f4;

    /** Field 5 of the tuple. */
    public T5 f5;

    /** Field 6 of the tuple. */
    public T6 f6;

    /** Field 7 of the tuple. */
    public T7 f7;

    /** Creates a tuple whose fields are all null. */
    public Tuple8() {}

    /** Creates a tuple holding the given values. */
    public Tuple8(T0 f0, T1 f1, T2 f2, T3 f3, T4 f4, T5 f5, T6 f6, T7 f7) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
        this.f3 = f3;
        this.f4 = f4;
        this.f5 = f5;
        this.f6 = f6;
        this.f7 = f7;
    }

    @Override
    public int getArity() {
        return 8;
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
            case 3:
                return (T) this.f3;
            case 4:
                return (T) this.f4;
            case 5:
                return (T) this.f5;
            case 6:
                return (T) this.f6;
            case 7:
                return (T) this.f7;
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
            case 3:
                this.f3 = (T3) value;
                break;
            case 4:
                this.f4 = (T4) value;
                break;
            case 5:
                this.f5 = (T5) value;
                break;
            case 6:
                this.f6 = (T6) value;
                break;
            case 7:
                this.f7 = (T7) value;
                break;
            default:
                throw new IndexOutOfBoundsException(outOfBounds(pos));
        }
    }

    /** Sets all fields at once. */
    public void setFields(T0 f0, T1 f1, T2 f2, T3 f3, T4 f4, T5 f5, T6 f6, T7 f7) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
        this.f3 = f3;
        this.f4 = f4;
        this.f5 = f5;
        this.f6 = f6;
        this.f7 = f7;
    }

    /** A shallow copy: a new tuple holding the same field references. */
    @Override
    public Tuple8<T0, T1, T2, T3, T4, T5, T6, T7> copy() {
        return new Tuple8<>(f0, f1, f2, f3, f4, f5, f6, f7);
    }

    /** Creates a tuple holding the given values, with the types inferred from them. */
    public static <T0, T1, T2, T3, T4, T5, T6, T7> Tuple8<T0, T1, T2, T3, T4, T5, T6, T7> of(
            T0 f0, T1 f1, T2 f2, T3 f3, T4 f4, T5 f5, T6 f6, T7 f7) {
        return new Tuple8<>(f0, f1, f2, f3, f4, f5, f6, f7);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tuple8)) {
            return false;
        }
        Tuple8<?, ?, ?, ?, ?, ?, ?, ?> other = (Tuple8<?, ?, ?, ?, ?, ?, ?, ?>) o;
        return Objects.equals(f0, other.f0)
                && Objects.equals(f1, other.f1)
                && Objects.equals(f2, other.f2)
                && Objects.equals(f3, other.f3)
                && Objects.equals(f4, other.f4)
                && Objects.equals(f5, other.f5)
                && Objects.equals(f6, other.f6)
                && Objects.equals(f7, other.f7);
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(f0);
        h = 31 * h + Objects.hashCode(f1);
        h = 31 * h + Objects.hashCode(f2);
        h = 31 * h + Objects.hashCode(f3);
        h = 31 * h + Objects.hashCode(f4);
        h = 31 * h + Objects.hashCode(f5);
        h = 31 * h + Objects.hashCode(f6);
        h = 31 * h + Objects.hashCode(f7);
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
        sb.append(',');
        sb.append(fieldToString(f3));
        sb.append(',');
        sb.append(fieldToString(f4));
        sb.append(',');
        sb.append(fieldToString(f5));
        sb.append(',');
        sb.append(fieldToString(f6));
        sb.append(',');
        sb.append(fieldToString(f7));
        return sb.append(')').toString();
    }
}
