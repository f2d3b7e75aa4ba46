package cn.zwgk.assistant.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips, with a clear reason, when the external backends were asked for but are not running. */
public class ExternalBackendCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestBackends.external()) {
            return ConditionEvaluationResult.enabled("embedded H2 and Redis");
        }
        if (TestBackends.externalReachable()) {
            return ConditionEvaluationResult.enabled("PostgreSQL and Redis on 127.0.0.1");
        }
        return ConditionEvaluationResult.disabled("test.backend=external but PostgreSQL :" + TestBackends.PG_PORT
                + " or Redis :" + TestBackends.REDIS_PORT + " is not reachable");
    }
}
