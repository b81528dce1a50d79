package dev.brook.client.program.rest;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A {@code multipart/form-data} request body: text fields and files, the files streamed from disk
 * rather than read into memory.
 */
public final class MultipartBody {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String boundary;
    private final List<HttpRequest.BodyPublisher> parts = new ArrayList<>();

    public MultipartBody() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        this.boundary = "----brook" + HexFormat.of().formatHex(bytes);
    }

    /** A text field, e.g. the JSON {@code request} part of a job submission. */
    public MultipartBody field(String name, String contentType, String value) {
        parts.add(
                text(
                        "--"
                                + boundary
                                + "\r\nContent-Disposition: form-data; name=\""
                                + quoted(name)
                                + "\"\r\nContent-Type: "
                                + contentType
                                + "\r\n\r\n"
                                + value
                                + "\r\n"));
        return this;
    }

    /** A file part with the content of {@code file}, sent as {@code fileName}. */
    public MultipartBody file(String name, String fileName, Path file)
            throws FileNotFoundException {
        return file(name, fileName, HttpRequest.BodyPublishers.ofFile(file));
    }

    /** A file part with {@code content}, sent as {@code fileName}. */
    public MultipartBody file(String name, String fileName, byte[] content) {
        return file(name, fileName, HttpRequest.BodyPublishers.ofByteArray(content));
    }

    private MultipartBody file(String name, String fileName, HttpRequest.BodyPublisher content) {
        parts.add(
                text(
                        "--"
                                + boundary
                                + "\r\nContent-Disposition: form-data; name=\""
                                + quoted(name)
                                + "\"; filename=\""
                                + quoted(fileName)
                                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
        parts.add(content);
        parts.add(text("\r\n"));
        return this;
    }

    private static String quoted(String value) {
        return value.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static HttpRequest.BodyPublisher text(String s) {
        return HttpRequest.BodyPublishers.ofByteArray(s.getBytes(StandardCharsets.UTF_8));
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The body; the parts added so far, then the closing boundary. */
    public HttpRequest.BodyPublisher publisher() {
        List<HttpRequest.BodyPublisher> all = new ArrayList<>(parts);
        all.add(text("--" + boundary + "--\r\n"));
        return HttpRequest.BodyPublishers.concat(all.toArray(new HttpRequest.BodyPublisher[0]));
    }
}
