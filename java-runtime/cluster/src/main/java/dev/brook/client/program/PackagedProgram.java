package dev.brook.client.program;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * A job jar and its entry point: the class given with {@code -c}, or the one named in the jar's
 * manifest ({@code program-class} or {@code Main-Class}). The jar's classes are loaded by a class
 * loader of their own, whose parent is Brook's. A program can also be a class already on a class
 * path (application mode with the job's classes in the distribution), without a jar.
 */
public final class PackagedProgram {

    /** Name of the class loader of the job's classes; stack frames of user code carry it. */
    public static final String USER_CODE_LOADER_NAME = "user-code";

    private final File jarFile;
    private final ClassLoader classLoader;
    private final Class<?> mainClass;
    private final List<String> args;

    private PackagedProgram(
            File jarFile, ClassLoader classLoader, Class<?> mainClass, List<String> args) {
        this.jarFile = jarFile;
        this.classLoader = classLoader;
        this.mainClass = mainClass;
        this.args = args;
    }

    public static PackagedProgram load(File jarFile, String entryClass, List<String> args)
            throws ProgramInvocationException {
        if (jarFile == null) {
            throw new ProgramInvocationException("No JAR file given: flink run <jar-file>.");
        }
        if (!jarFile.isFile()) {
            throw new ProgramInvocationException(
                    "JAR file does not exist: "
                            + jarFile
                            + " (resolved to "
                            + jarFile.getAbsolutePath()
                            + ").");
        }
        String className = entryClass != null ? entryClass : manifestEntryClass(jarFile);
        URLClassLoader loader;
        try {
            loader =
                    new URLClassLoader(
                            USER_CODE_LOADER_NAME,
                            new URL[] {jarFile.toURI().toURL()},
                            PackagedProgram.class.getClassLoader());
        } catch (IOException e) {
            throw new ProgramInvocationException("Cannot open JAR file " + jarFile + ": " + e, e);
        }
        Class<?> mainClass;
        try {
            mainClass = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new ProgramInvocationException(
                    "Could not find the main class '"
                            + className
                            + "' in "
                            + jarFile.getName()
                            + ". Check the -c argument (a fully qualified class name) or the"
                            + " JAR's manifest.");
        }
        return new PackagedProgram(jarFile, loader, mainClass, args);
    }

    /**
     * A program whose entry class {@code entryClass} is loaded by {@code classLoader}; it has no
     * jar to ship ({@link #getJarFile()} is null).
     */
    public static PackagedProgram fromClassPath(
            String entryClass, List<String> args, ClassLoader classLoader)
            throws ProgramInvocationException {
        if (entryClass == null || entryClass.isBlank()) {
            throw new ProgramInvocationException(
                    "No entry class given: a program on the class path needs its main class.");
        }
        try {
            return new PackagedProgram(
                    null, classLoader, Class.forName(entryClass, false, classLoader), args);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new ProgramInvocationException(
                    "Could not find the main class '"
                            + entryClass
                            + "' on the class path. Check the entry class (a fully qualified"
                            + " class name) and that the job's jar is in usrlib/ or lib/.");
        }
    }

    private static String manifestEntryClass(File jarFile) throws ProgramInvocationException {
        String entryClass;
        try {
            entryClass = entryClassInManifest(jarFile);
        } catch (IOException e) {
            throw new ProgramInvocationException(
                    jarFile + " is not a valid JAR file: " + e.getMessage(), e);
        }
        if (entryClass == null) {
            throw new ProgramInvocationException(
                    "Neither a main class (-c) was given nor does the manifest of "
                            + jarFile.getName()
                            + " name one (Main-Class or program-class).");
        }
        return entryClass;
    }

    /**
     * The entry class the jar's manifest names ({@code program-class}, else {@code Main-Class}), or
     * null if it names none.
     */
    public static String entryClassInManifest(File jarFile) throws IOException {
        try (JarFile jar = new JarFile(jarFile)) {
            Manifest manifest = jar.getManifest();
            if (manifest == null) {
                return null;
            }
            Attributes attrs = manifest.getMainAttributes();
            String program = attrs.getValue("program-class");
            if (program != null && !program.isBlank()) {
                return program.trim();
            }
            String main = attrs.getValue(Attributes.Name.MAIN_CLASS);
            return main != null && !main.isBlank() ? main.trim() : null;
        }
    }

    public ClassLoader getUserCodeClassLoader() {
        return classLoader;
    }

    /** The job's jar, or null for a program on the class path. */
    public File getJarFile() {
        return jarFile;
    }

    /** Runs {@code main(args)} with the program's class loader as the context class loader. */
    public void invokeMain() throws Exception {
        Method main;
        try {
            main = mainClass.getMethod("main", String[].class);
        } catch (NoSuchMethodException e) {
            throw new ProgramInvocationException(
                    "The class "
                            + mainClass.getName()
                            + " has no 'public static void main(String[])'"
                            + " method.");
        }
        if (!Modifier.isStatic(main.getModifiers())) {
            throw new ProgramInvocationException(
                    "The main method of " + mainClass.getName() + " is not static.");
        }
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(classLoader);
        try {
            main.invoke(null, (Object) args.toArray(new String[0]));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        } finally {
            current.setContextClassLoader(previous);
        }
    }
}
