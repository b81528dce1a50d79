package dev.brook.client.cli;

import dev.brook.api.common.JobID;

/** Job ids typed on the command line. */
final class JobIds {

    private JobIds() {}

    static JobID parse(String text) {
        try {
            return JobID.fromHexString(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "'"
                            + text
                            + "' is not a job id: expected 32 hexadecimal characters, as 'flink"
                            + " list' prints them.",
                    e);
        }
    }
}
