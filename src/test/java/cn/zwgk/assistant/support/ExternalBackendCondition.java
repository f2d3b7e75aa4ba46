package cn.zwgk.assistant.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * When the external backends were asked for but are not running: skips, with a clear reason, or
 * fails under {@code CI=true} ({@link Required}).
 */
public class ExternalBackendCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestBackends.external()) {
            return ConditionEvaluationResult.enabled("embedded H2 and Redis");
        }
        return Required.enabledIf(TestBackends.externalReachable(), "PostgreSQL and Redis on 127.0.0.1",
                "test.backend=external but PostgreSQL " + TestBackends.PG_HOST + ":" + TestBackends.PG_PORT
                        + " or Redis " + TestBackends.REDIS_HOST + ":" + TestBackends.REDIS_PORT + " is not reachable");
    }
}
