package dev.brook.runtime.rest.messages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A failure crosses the REST API as itself, or as a readable stand-in when it cannot. */
class SerializedThrowableTest {

    /** An exception type of "the user's program". */
    static final class ProgramFailure extends Exception {
        private static final long serialVersionUID = 1L;

        ProgramFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Holds something that cannot be serialized. */
    static final class Unserializable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @SuppressWarnings("unused")
        private final Object lock = new Object();

        Unserializable(String message) {
            super(message);
        }
    }

    @Test
    void comesBackAsTheOriginalWithItsCauses() {
        ProgramFailure failure = new ProgramFailure("bad input", new IOException("disk gone"));
        ObjectNode json = SerializedThrowable.toJson(failure);
        assertThat(json.path("class").asText()).isEqualTo(ProgramFailure.class.getName());
        assertThat(json.path("stack-trace").asText())
                .startsWith(ProgramFailure.class.getName() + ": bad input")
                .contains("Caused by: java.io.IOException: disk gone");

        Throwable back = SerializedThrowable.fromJson(json, getClass().getClassLoader());
        assertThat(back).isInstanceOf(ProgramFailure.class).hasMessage("bad input");
        assertThat(back.getCause()).isInstanceOf(IOException.class).hasMessage("disk gone");
        assertThat(back.getStackTrace()).isEqualTo(failure.getStackTrace());
    }

    @Test
    void becomesARemoteThrowableWhenItCannotBeReadBack() {
        ObjectNode json = SerializedThrowable.toJson(new Unserializable("holds a lock"));
        assertThat(json.has("serialized-throwable")).isFalse();
        Throwable back = SerializedThrowable.fromJson(json, getClass().getClassLoader());
        assertThat(back)
                .isInstanceOf(RemoteThrowable.class)
                .hasMessage(Unserializable.class.getName() + ": holds a lock");
        RemoteThrowable remote = (RemoteThrowable) back;
        assertThat(remote.getOriginalClassName()).isEqualTo(Unserializable.class.getName());
        assertThat(remote.getOriginalStackTrace()).contains("SerializedThrowableTest");

        ObjectNode corrupt = SerializedThrowable.toJson(new IllegalStateException("x"));
        corrupt.put("serialized-throwable", "bm90IGEgc2VyaWFsaXplZCBvYmplY3Q=");
        Throwable unreadable = SerializedThrowable.fromJson(corrupt, getClass().getClassLoader());
        assertThat(unreadable)
                .isInstanceOf(RemoteThrowable.class)
                .hasMessage("java.lang.IllegalStateException: x");
        assertThat(unreadable.getCause()).isNotNull();
    }
}
