package dev.brook.core.fs;

import java.io.File;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Paths;
import java.util.Objects;

/** A file system path. Local paths and {@code file://} URIs are supported. */
public final class Path implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String path;

    public Path(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("A path must not be empty");
        }
        this.path = path;
    }

    public Path(Path parent, String child) {
        this(parent.toNioPath().resolve(child).toString());
    }

    public static Path fromLocalFile(File file) {
        return new Path(file.getAbsolutePath());
    }

    public String getPath() {
        return toNioPath().toString();
    }

    public String getName() {
        java.nio.file.Path name = toNioPath().getFileName();
        return name == null ? "" : name.toString();
    }

    /** This path on the local file system; fails with a clear message for other schemes. */
    public java.nio.file.Path toNioPath() {
        if (path.contains("://")) {
            URI uri = URI.create(path);
            if (!"file".equals(uri.getScheme())) {
                throw new UnsupportedOperationException(
                        "Path '"
                                + path
                                + "' uses the file system scheme '"
                                + uri.getScheme()
                                + "', which Brook does not support; use a local path or file://.");
            }
            return Paths.get(uri);
        }
        return Paths.get(path);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Path p && p.path.equals(path);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path);
    }

    @Override
    public String toString() {
        return path;
    }
}
