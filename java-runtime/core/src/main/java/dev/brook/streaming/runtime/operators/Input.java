package dev.brook.streaming.runtime.operators;

import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.streaming.runtime.streamrecord.Watermark;
import dev.brook.streaming.runtime.streamrecord.WatermarkStatus;

/** One input of an operator. */
public interface Input<IN> {

    void processElement(StreamRecord<IN> element) throws Exception;

    void processWatermark(Watermark mark) throws Exception;

    void processWatermarkStatus(WatermarkStatus status) throws Exception;

    /** Sets the keyed-state context to the key of {@code record}; a no-op on non-keyed inputs. */
    void setKeyContextElement(StreamRecord<IN> record) throws Exception;

    /** True if {@link #setKeyContextElement} must be called before each record. */
    boolean isKeyed();
}
