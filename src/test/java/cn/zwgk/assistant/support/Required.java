package cn.zwgk.assistant.support;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.opentest4j.AssertionFailedError;

/**
 * What a test needs from the machine (PostgreSQL and Redis, Chromium, the shared corpus, the local
 * PostgreSQL cluster). Where it is missing the test is skipped, saying why, on a developer's
 * machine; under {@code CI=true} it fails instead, so that CI cannot pass by skipping.
 */
public final class Required {

    private Required() {
    }

    /** Whether this run is CI's: the environment variable {@code CI} is {@code true}. */
    public static boolean underCi() {
        return underCi(System.getenv("CI"));
    }

    static boolean underCi(String ci) {
        return ci != null && "true".equalsIgnoreCase(ci.trim());
    }

    /** For an {@code ExecutionCondition}: enabled when {@code present}, else skipped, or failed under CI. */
    public static ConditionEvaluationResult enabledIf(boolean present, String enabledReason, String missing) {
        return enabledIf(present, enabledReason, missing, System.getenv("CI"));
    }

    static ConditionEvaluationResult enabledIf(boolean present, String enabledReason, String missing, String ci) {
        if (present) {
            return ConditionEvaluationResult.enabled(enabledReason);
        }
        if (underCi(ci)) {
            throw failure(missing);
        }
        return ConditionEvaluationResult.disabled(missing);
    }

    /** Inside a test: goes on when {@code present}, else aborts it (skipped), or fails it under CI. */
    public static void assume(boolean present, String missing) {
        assume(present, missing, System.getenv("CI"));
    }

    static void assume(boolean present, String missing, String ci) {
        if (present) {
            return;
        }
        if (underCi(ci)) {
            throw failure(missing);
        }
        Assumptions.abort(missing);
    }

    private static AssertionFailedError failure(String missing) {
        return new AssertionFailedError("CI=true and a test requirement is missing (outside CI this test would be skipped): "
                + missing);
    }
}
