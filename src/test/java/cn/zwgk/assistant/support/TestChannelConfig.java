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
 * (accounts, texts, menu) copied as it is, plus the account of WeChat's documentation examples
 * from {@code src/test/resources/channel-config-vectors}.
 */
public final class TestChannelConfig {

    public static final String OFFICIAL_SAMPLE_APP_ID = "wxofficialsample01";
    private static final String VECTORS = "/channel-config-vectors/accounts/official-sample.yml";

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
        try (Stream<Path> files = Files.walk(source); InputStream vectors = TestChannelConfig.class.getResourceAsStream(VECTORS)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.copy(vectors, target.resolve("accounts/official-sample.yml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
