package cn.zwgk.assistant.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A channel-config folder for the integration tests: the project's own {@code channel-config}
 * (accounts, texts, menu) copied as it is, plus the accounts of
 * {@code src/test/resources/channel-config-vectors}: WeChat's documentation examples, and an
 * account in safe mode.
 */
public final class TestChannelConfig {

    public static final String OFFICIAL_SAMPLE_APP_ID = "wxofficialsample01";
    private static final String VECTORS = "/channel-config-vectors/accounts/";
    private static final String[] VECTOR_ACCOUNTS = {"official-sample.yml", "safe-sample.yml", "kefu-sample.yml"};

    private static Path dir;

    private TestChannelConfig() {
    }

    public static synchronized String dir() {
        if (dir == null) {
            dir = create();
        }
        return dir.toString();
    }

    private static Path create() {
        Path source = Path.of("channel-config");
        Path target = TestBackends.tempDir("zwgk-channel-config-");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            for (String account : VECTOR_ACCOUNTS) {
                try (InputStream vector = TestChannelConfig.class.getResourceAsStream(VECTORS + account)) {
                    Files.copy(vector, target.resolve("accounts/" + account));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
