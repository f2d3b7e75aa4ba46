package cn.zwgk.assistant.disclosure;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** How files and download pages are served: never rendered as something else, never cached, never referred. */
final class AttachmentResponses {

    private AttachmentResponses() {
    }

    /**
     * The file as a download under its (Chinese) name: {@code filename*=UTF-8''…} (RFC 6266/8187),
     * with a plain ASCII {@code filename} for old clients.
     */
    static ResponseEntity<byte[]> file(Attachment a, byte[] content) {
        String extension = a.name().substring(a.name().lastIndexOf('.') + 1);
        return secured(ResponseEntity.ok(), "default-src 'none'; sandbox")
                .contentType(MediaType.parseMediaType(a.contentType()))
                .contentLength(content.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"attachment-" + a.id() + "." + extension
                        + "\"; filename*=UTF-8''" + encode(a.name()))
                .body(content);
    }

    static ResponseEntity<byte[]> html(HttpStatusCode status, String html) {
        return secured(ResponseEntity.status(status), "default-src 'none'; style-src 'unsafe-inline'")
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(html.getBytes(StandardCharsets.UTF_8));
    }

    static ResponseEntity<byte[]> text(HttpStatusCode status, String text) {
        return secured(ResponseEntity.status(status), "default-src 'none'")
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity.BodyBuilder secured(ResponseEntity.BodyBuilder response, String policy) {
        return response.header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", policy);
    }

    /** RFC 8187 value encoding: UTF-8 bytes, everything but attr-char percent-encoded. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }
}
