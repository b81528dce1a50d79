package dev.brook.streaming.api.functions.sink.filesystem.bucketassigners;

import dev.brook.streaming.api.functions.sink.filesystem.BucketAssigner;

/** Writes everything directly into the base path. */
public class BasePathBucketAssigner<IN> implements BucketAssigner<IN, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getBucketId(IN element, Context context) {
        return "";
    }
}
