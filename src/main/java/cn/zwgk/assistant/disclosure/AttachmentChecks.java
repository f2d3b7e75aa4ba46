package cn.zwgk.assistant.disclosure;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * Checks a file before it is attached: its name (shown to staff and applicants and offered as the
 * name to save under, so no paths, control or invisible characters) and its content against its
 * extension ({@link FileType}). Every refusal is an {@link IllegalArgumentException} saying why.
 */
final class AttachmentChecks {

    /** Longest name kept, in characters (Chinese names are kept as they are). */
    static final int MAX_NAME_LENGTH = 100;

    private AttachmentChecks() {
    }

    /**
     * The name to store and show. Names with a path ({@code /} or {@code \}) or control characters
     * are refused; invisible format characters (zero-width spaces, right-to-left overrides that
     * disguise an extension) are dropped, characters Windows does not allow in names become
     * {@code _}, leading dots and surrounding blanks go, and long names are shortened before the extension.
     */
    static String sanitiseName(String original) {
        if (original == null || original.isBlank()) {
            throw new IllegalArgumentException("a file has no name");
        }
        String name = Normalizer.normalize(original, Normalizer.Form.NFC);
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("file name '" + original + "' contains a path; send the file name only");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("file name '" + original.replaceAll("\\p{Cntrl}", "?")
                    + "' contains control characters");
        }
        StringBuilder kept = new StringBuilder();
        name.codePoints().filter(cp -> Character.getType(cp) != Character.FORMAT).forEach(kept::appendCodePoint);
        name = kept.toString().replaceAll("[<>:\"|?*]", "_").strip().replaceFirst("^[.\\s]+", "")
                .replaceFirst("[.\\s]+$", "");
        int dot = name.lastIndexOf('.');
        String base = dot < 0 ? name : name.substring(0, dot).strip();
        if (dot < 0 || base.isEmpty()) {
            throw new IllegalArgumentException("file name '" + original + "' needs a name and an extension ("
                    + FileType.extensions() + ")");
        }
        String extension = name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        int room = Math.max(1, MAX_NAME_LENGTH - extension.length() - 1);
        if (base.codePointCount(0, base.length()) > room) {
            base = base.substring(0, base.offsetByCodePoints(0, room)).strip();
        }
        return base + "." + extension;
    }

    /** The type of a file named {@code name} (already sanitised) whose content really is of that type. */
    static FileType check(String name, byte[] content) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        FileType type = FileType.byExtension(extension).orElseThrow(() -> new IllegalArgumentException(
                "'" + name + "': ." + extension + " files are not accepted; attach one of " + FileType.extensions()));
        if (content.length == 0) {
            throw new IllegalArgumentException("'" + name + "' is empty");
        }
        if (!type.matches(content)) {
            throw new IllegalArgumentException("'" + name + "' is not a ." + extension + " file: its content looks like "
                    + FileType.describe(content));
        }
        return type;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
