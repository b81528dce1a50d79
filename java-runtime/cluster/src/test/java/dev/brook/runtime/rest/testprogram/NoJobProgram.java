package dev.brook.runtime.rest.testprogram;

/** A program for jar tests that forgets to call {@code execute()}. */
public final class NoJobProgram {

    private NoJobProgram() {}

    public static void main(String[] args) {
        // defines no job
    }
}
