package cn.zwgk.assistant.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Where Debian's chromium and chromium-driver are not installed: skips browser tests, saying why,
 * or fails them under {@code CI=true} ({@link Required}).
 */
public final class BrowserAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return Required.enabledIf(Browser.available(), "Chromium at " + Browser.CHROMIUM,
                "no " + Browser.CHROMIUM + " or " + Browser.CHROMEDRIVER
                        + " (apt-get install -y chromium chromium-driver; .ci/run does)");
    }
}
