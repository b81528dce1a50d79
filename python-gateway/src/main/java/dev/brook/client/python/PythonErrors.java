package dev.brook.client.python;

import dev.brook.python.PythonException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Failures as a Python user should read them: the job's failure with the user's own Python
 * traceback when a Python function raised, otherwise the chain of messages, never a Java stack.
 */
final class PythonErrors {

    private PythonErrors() {}

    /** Blocks for {@code future}; a failure becomes a {@link PythonJobException}. */
    static <T> T await(CompletableFuture<T> future)
            throws PythonJobException, InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new PythonJobException(describe(e.getCause()), e.getCause());
        }
    }

    /** One readable message for {@code failure}. */
    static String describe(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof ExecutionException || t instanceof CompletionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof PythonException) {
                // The job's failure names the Python exception again; keep only its own words.
                String head = t == c ? "" : firstLine(t);
                int cause = head.indexOf(PythonException.class.getName());
                if (cause >= 0) {
                    head = head.substring(0, cause).strip();
                }
                return head.isEmpty() ? c.getMessage() : head + "\n" + c.getMessage();
            }
        }
        StringBuilder message = new StringBuilder(message(t));
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            String line = message(c);
            if (!message.toString().contains(line)) {
                message.append("\nCaused by: ").append(line);
            }
        }
        return message.toString();
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    private static String firstLine(Throwable t) {
        String m = message(t);
        int end = m.indexOf('\n');
        return end < 0 ? m : m.substring(0, end);
    }
}
