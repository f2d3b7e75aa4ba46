package cn.zwgk.assistant.platform;

/**
 * A setting the application will not start with (in production: a missing, shipped or weak
 * secret, an unresolved {@code ${…}}). Its message is one line that names the variable; the
 * start-up failure report prints it with what to do ({@code StartupRefusalFailureAnalyzer}).
 */
public class StartupRefusal extends IllegalStateException {

    private final String variable;
    private final String action;

    /**
     * @param variable the environment variable (or setting) to fix, e.g. {@code ADMIN_PASSWORD}
     * @param problem  what is wrong with it, e.g. "is not set"
     * @param action   what to do about it
     */
    public StartupRefusal(String variable, String problem, String action) {
        super("Refusing to start: " + variable + " " + problem);
        this.variable = variable;
        this.action = action;
    }

    public String variable() {
        return variable;
    }

    public String action() {
        return action;
    }
}
