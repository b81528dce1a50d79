package dev.brook.client.cli;

import dev.brook.client.program.PackagedProgram;
import dev.brook.client.program.ProgramInvocationException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.util.HashSet;
import java.util.Set;

/**
 * Prints why a program or job failed: the chain of causes, each with its message, and the stack
 * frames of the user's own code (Brook's and the JDK's frames are left out), so the first lines
 * name the problem and where it is.
 */
final class FailureReport {

    private static final int MAX_FRAMES = 12;
    private final PrintStream err;
    private final Set<StackTraceElement> printedFrames = new HashSet<>();

    FailureReport(PrintStream err) {
        this.err = err;
    }

    void print(Throwable failure) {
        err.println();
        err.println("------------------------------------------------------------");
        err.println(" The program finished with the following exception:");
        err.println();
        if (failure instanceof ProgramInvocationException) {
            err.println(failure.getMessage());
            if (failure.getCause() != null) {
                printChain(failure.getCause());
            }
            return;
        }
        printChain(failure);
    }

    /**
     * Prints the first failure's description, then each cause whose message says something the
     * lines before did not (wrappers that repeat their cause's message are skipped), each with the
     * user-code frames of its stack trace.
     */
    private void printChain(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        StringBuilder said = new StringBuilder();
        Throwable t = unwrap(failure);
        boolean first = true;
        while (t != null && seen.add(t)) {
            String msg = t.getMessage();
            boolean repeats = !first && msg != null && said.indexOf(stripClass(msg)) >= 0;
            if (!repeats) {
                String line = describe(t);
                err.println((first ? "" : "Caused by: ") + line);
                said.append(line).append('\n');
            }
            printUserFrames(t);
            first = false;
            t = t.getCause();
        }
    }

    /** The message without a leading "some.Exception: " that wrappers copy from their cause. */
    private static String stripClass(String msg) {
        int idx = msg.lastIndexOf("Exception: ");
        return idx >= 0 ? msg.substring(idx + "Exception: ".length()) : msg;
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof InvocationTargetException
                        || t.getClass() == RuntimeException.class
                                && t.getCause() != null
                                && t.getMessage() != null
                                && t.getMessage().equals(String.valueOf(t.getCause())))
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * Brook's own exceptions carry messages written for users, so only the message is shown; other
     * exceptions (the JDK's, the user's) are named by their class.
     */
    private static String describe(Throwable t) {
        if (t.getClass().getName().startsWith("dev.brook.") && t.getMessage() != null) {
            return t.getMessage();
        }
        String msg = t.getMessage();
        return t.getClass().getName() + (msg == null ? "" : ": " + msg);
    }

    private void printUserFrames(Throwable t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            if (isUserFrame(frame)
                    && printedFrames.size() < MAX_FRAMES
                    && printedFrames.add(frame)) {
                err.println(
                        "\tat "
                                + frame.getClassName()
                                + "."
                                + frame.getMethodName()
                                + "("
                                + frame.getFileName()
                                + ":"
                                + frame.getLineNumber()
                                + ")");
            }
        }
    }

    /** A frame of a class from the job's jar (loaded by the program's own class loader). */
    private static boolean isUserFrame(StackTraceElement frame) {
        return PackagedProgram.USER_CODE_LOADER_NAME.equals(frame.getClassLoaderName());
    }
}
