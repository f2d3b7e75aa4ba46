package cn.zwgk.assistant.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link StartupRefusal} anywhere in a failed start-up into Spring Boot's short report:
 * the one line naming the variable, then what to do, instead of a stack trace to dig through.
 * Registered in {@code META-INF/spring.factories}.
 */
class StartupRefusalFailureAnalyzer extends AbstractFailureAnalyzer<StartupRefusal> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupRefusal cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
