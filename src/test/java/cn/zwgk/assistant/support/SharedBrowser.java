package cn.zwgk.assistant.support;

import java.util.function.Consumer;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One headless browser for the tests of a class, opened on first use (so a class whose tests are
 * all skipped never starts Chromium) and closed after the last test:
 * {@code @RegisterExtension static final SharedBrowser browsers = new SharedBrowser();}.
 */
public final class SharedBrowser implements AfterAllCallback {

    private Browser browser;

    /** The class's browser, opened against the application on {@code port} the first time. */
    public Browser get(int port) {
        return get(port, b -> { });
    }

    /** The same, with {@code onOpen} run once when it is opened (signing in, say). */
    public Browser get(int port, Consumer<Browser> onOpen) {
        if (browser == null) {
            browser = Browser.open(port);
            onOpen.accept(browser);
        }
        return browser;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
