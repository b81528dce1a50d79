package dev.brook.api.java.tuple;

import java.util.Objects;

/**
 * A tuple with 22 fields: an ordered, mutable record of values of fixed types. Fields are the
 * public members {@code f0} to {@code f21}; they may be null, although serializers of basic types
 * do not accept null fields.
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
 * @param <T8> the type of field 8
 * @param <T9> the type of field 9
 * @param <T10> the type of field 10
 * @param <T11> the type of field 11
 * @param <T12> the type of field 12
 * @param <T13> the type of field 13
 * @param <T14> the type of field 14
 * @param <T15> the type of field 15
 * @param <T16> the type of field 16
 * @param <T17> the type of field 17
 * @param <T18> the type of field 18
 * @param <T19> the type of field 19
 * @param <T20> the type of field 20
 * @param <T21> the type of field 21
 */
public class Tuple22<
                T0,
                T1,
                T2,
                T3,
                T4,
                T5,
                T6,
                T7,
                T8,
                T9,
                T10,
                T11,
                T12,
                T13,
                T14,
                T15,
                T16,
                T17,
                T18,
                T19,
                T20,
                T21>
        extends Tuple {

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

    /** Field 8 of the tuple. */
    public T8 f8;

    /** Field 9 of the tuple. */
    public T9 f9;

    /** Field 10 of the tuple. */
    public T10 f10;

    /** Field 11 of the tuple. */
    public T11 f11;

    /** Field 12 of the tuple. */
    public T12 f12;

    /** Field 13 of the tuple. */
    public T13 f13;

    /** Field 14 of the tuple. */
    public T14 f14;

    /** Field 15 of the tuple. */
    public T15 f15;

    /** Field 16 of the tuple. */
    public T16 f16;

    /** Field 17 of the tuple. */
    public T17 f17;

    /** Field 18 of the tuple. */
    public T18 f18;

    /** Field 19 of the tuple. */
    public T19 f19;

    /** Field 20 of the tuple. */
    public T20 f20;

    /** Field 21 of the tuple. */
    public T21 f21;

    /** Creates a tuple whose fields are all null. */
    public Tuple22() {}

    /** Creates a tuple holding the given values. */
    public Tuple22(
            T0 f0,
            T1 f1,
            T2 f2,
            T3 f3,
            T4 f4,
            T5 f5,
            T6 f6,
            T7 f7,
            T8 f8,
            T9 f9,
            T10 f10,
            T11 f11,
            T12 f12,
            T13 f13,
            T14 f14,
            T15 f15,
            T16 f16,
            T17 f17,
            T18 f18,
            T19 f19,
            T20 f20,
            T21 f21) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
        this.f3 = f3;
        this.f4 = f4;
        this.f5 = f5;
        this.f6 = f6;
        this.f7 = f7;
        this.f8 = f8;
        this.f9 = f9;
        this.f10 = f10;
        this.f11 = f11;
        this.f12 = f12;
        this.f13 = f13;
        this.f14 = f14;
        this.f15 = f15;
        this.f16 = f16;
        this.f17 = f17;
        this.f18 = f18;
        this.f19 = f19;
        this.f20 = f20;
        this.f21 = f21;
    }

    @Override
    public int getArity() {
        return 22;
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
            case 8:
                return (T) this.f8;
            case 9:
                return (T) this.f9;
            case 10:
                return (T) this.f10;
            case 11:
                return (T) this.f11;
            case 12:
                return (T) this.f12;
            case 13:
                return (T) this.f13;
            case 14:
                return (T) this.f14;
            case 15:
                return (T) this.f15;
            case 16:
                return (T) this.f16;
            case 17:
                return (T) this.f17;
            case 18:
                return (T) this.f18;
            case 19:
                return (T) this.f19;
            case 20:
                return (T) this.f20;
            case 21:
                return (T) this.f21;
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
            case 8:
                this.f8 = (T8) value;
                break;
            case 9:
                this.f9 = (T9) value;
                break;
            case 10:
                this.f10 = (T10) value;
                break;
            case 11:
                this.f11 = (T11) value;
                break;
            case 12:
                this.f12 = (T12) value;
                break;
            case 13:
                this.f13 = (T13) value;
                break;
            case 14:
                this.f14 = (T14) value;
                break;
            case 15:
                this.f15 = (T15) value;
                break;
            case 16:
                this.f16 = (T16) value;
                break;
            case 17:
                this.f17 = (T17) value;
                break;
            case 18:
                this.f18 = (T18) value;
                break;
            case 19:
                this.f19 = (T19) value;
                break;
            case 20:
                this.f20 = (T20) value;
                break;
            case 21:
                this.f21 = (T21) value;
                break;
            default:
                throw new IndexOutOfBoundsException(outOfBounds(pos));
        }
    }

    /** Sets all fields at once. */
    public void setFields(
            T0 f0,
            T1 f1,
            T2 f2,
            T3 f3,
            T4 f4,
            T5 f5,
            T6 f6,
            T7 f7,
            T8 f8,
            T9 f9,
            T10 f10,
            T11 f11,
            T12 f12,
            T13 f13,
            T14 f14,
            T15 f15,
            T16 f16,
            T17 f17,
            T18 f18,
            T19 f19,
            T20 f20,
            T21 f21) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
        this.f3 = f3;
        this.f4 = f4;
        this.f5 = f5;
        this.f6 = f6;
        this.f7 = f7;
        this.f8 = f8;
        this.f9 = f9;
        this.f10 = f10;
        this.f11 = f11;
        this.f12 = f12;
        this.f13 = f13;
        this.f14 = f14;
        this.f15 = f15;
        this.f16 = f16;
        this.f17 = f17;
        this.f18 = f18;
        this.f19 = f19;
        this.f20 = f20;
        this.f21 = f21;
    }

    /** A shallow copy: a new tuple holding the same field references. */
    @Override
    public Tuple22<
                    T0,
                    T1,
                    T2,
                    T3,
                    T4,
                    T5,
                    T6,
                    T7,
                    T8,
                    T9,
                    T10,
                    T11,
                    T12,
                    T13,
                    T14,
                    T15,
                    T16,
                    T17,
                    T18,
                    T19,
                    T20,
                    T21>
            copy() {
        return new Tuple22<>(
                f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18,
                f19, f20, f21);
    }

    /** Creates a tuple holding the given values, with the types inferred from them. */
    public static <
                    T0,
                    T1,
                    T2,
                    T3,
                    T4,
                    T5,
                    T6,
                    T7,
                    T8,
                    T9,
                    T10,
                    T11,
                    T12,
                    T13,
                    T14,
                    T15,
                    T16,
                    T17,
                    T18,
                    T19,
                    T20,
                    T21>
            Tuple22<
                            T0,
                            T1,
                            T2,
                            T3,
                            T4,
                            T5,
                            T6,
                            T7,
                            T8,
                            T9,
                            T10,
                            T11,
                            T12,
                            T13,
                            T14,
                            T15,
                            T16,
                            T17,
                            T18,
                            T19,
                            T20,
                            T21>
                    of(
                            T0 f0,
                            T1 f1,
                            T2 f2,
                            T3 f3,
                            T4 f4,
                            T5 f5,
                            T6 f6,
                            T7 f7,
                            T8 f8,
                            T9 f9,
                            T10 f10,
                            T11 f11,
                            T12 f12,
                            T13 f13,
                            T14 f14,
                            T15 f15,
                            T16 f16,
                            T17 f17,
                            T18 f18,
                            T19 f19,
                            T20 f20,
                            T21 f21) {
        return new Tuple22<>(
                f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18,
                f19, f20, f21);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tuple22)) {
            return false;
        }
        Tuple22<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> other =
                (Tuple22<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?>) o;
        return Objects.equals(f0, other.f0)
                && Objects.equals(f1, other.f1)
                && Objects.equals(f2, other.f2)
                && Objects.equals(f3, other.f3)
                && Objects.equals(f4, other.f4)
                && Objects.equals(f5, other.f5)
                && Objects.equals(f6, other.f6)
                && Objects.equals(f7, other.f7)
                && Objects.equals(f8, other.f8)
                && Objects.equals(f9, other.f9)
                && Objects.equals(f10, other.f10)
                && Objects.equals(f11, other.f11)
                && Objects.equals(f12, other.f12)
                && Objects.equals(f13, other.f13)
                && Objects.equals(f14, other.f14)
                && Objects.equals(f15, other.f15)
                && Objects.equals(f16, other.f16)
                && Objects.equals(f17, other.f17)
                && Objects.equals(f18, other.f18)
                && Objects.equals(f19, other.f19)
                && Objects.equals(f20, other.f20)
                && Objects.equals(f21, other.f21);
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
        h = 31 * h + Objects.hashCode(f8);
        h = 31 * h + Objects.hashCode(f9);
        h = 31 * h + Objects.hashCode(f10);
        h = 31 * h + Objects.hashCode(f11);
        h = 31 * h + Objects.hashCode(f12);
        h = 31 * h + Objects.hashCode(f13);
        h = 31 * h + Objects.hashCode(f14);
        h = 31 * h + Objects.hashCode(f15);
        h = 31 * h + Objects.hashCode(f16);
        h = 31 * h + Objects.hashCode(f17);
        h = 31 * h + Objects.hashCode(f18);
        h = 31 * h + Objects.hashCode(f19);
        h = 31 * h + Objects.hashCode(f20);
        h = 31 * h + Objects.hashCode(f21);
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
        sb.append(',');
        sb.append(fieldToString(f8));
        sb.append(',');
        sb.append(fieldToString(f9));
        sb.append(',');
        sb.append(fieldToString(f10));
        sb.append(',');
        sb.append(fieldToString(f11));
        sb.append(',');
        sb.append(fieldToString(f12));
        sb.append(',');
        sb.append(fieldToString(f13));
        sb.append(',');
        sb.append(fieldToString(f14));
        sb.append(',');
        sb.append(fieldToString(f15));
        sb.append(',');
        sb.append(fieldToString(f16));
        sb.append(',');
        sb.append(fieldToString(f17));
        sb.append(',');
        sb.append(fieldToString(f18));
        sb.append(',');
        sb.append(fieldToString(f19));
        sb.append(',');
        sb.append(fieldToString(f20));
        sb.append(',');
        sb.append(fieldToString(f21));
        return sb.append(')').toString();
    }
}
