package cn.zwgk.assistant.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips browser tests, saying why, where Debian's chromium and chromium-driver are not installed. */
public final class BrowserAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return Browser.available()
                ? ConditionEvaluationResult.enabled("Chromium at " + Browser.CHROMIUM)
                : ConditionEvaluationResult.disabled("Browser tests skipped: no " + Browser.CHROMIUM + " or "
                        + Browser.CHROMEDRIVER + " (apt-get install -y chromium chromium-driver; .ci/run does)");
    }
}
