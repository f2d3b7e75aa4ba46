package cn.zwgk.assistant.platform;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The production profile's checks of the configuration as a whole, run before any other bean is
 * made (so before a database or Redis is reached): every {@code ${…}} in the application's own
 * settings resolves to a value that is not blank, no secret variable holds a value shipped in the repository
 * ({@link ShippedSecrets}), and {@code PUBLIC_BASE_URL} is an absolute http(s) address. The checks
 * of single settings stay with their modules ({@code DATA_ENCRYPTION_KEY}: PersonalDataCipher,
 * {@code ADMIN_PASSWORD}: access.FirstAdmin, the accounts' secrets: wechat.AccountRegistry); all
 * refuse with a {@link StartupRefusal}.
 */
@Component
class ProductionSettings implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([^:${}]+)}");
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{([^:${}]+):");
    private static final String ATTACHED = "configurationProperties";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (environment instanceof ConfigurableEnvironment env && env.acceptsProfiles(Profiles.of("prod"))) {
            check(env, ShippedSecrets.shipped());
        }
    }

    static void check(ConfigurableEnvironment env, ShippedSecrets shipped) {
        for (String name : settingNames(env)) {
            Object raw = winner(env, name).getProperty(name);
            if (raw instanceof CharSequence text) {
                checkSetting(env, name, text.toString(), shipped);
            }
        }
        String base = env.getProperty("PUBLIC_BASE_URL");
        if (base == null || base.isBlank()) {
            throw new StartupRefusal("PUBLIC_BASE_URL", "is not set", "Set PUBLIC_BASE_URL to this deployment's public "
                    + "address, e.g. https://gk.example.gov.cn: links in template messages and reply notices start with it.");
        }
        if (!absoluteHttp(base)) {
            throw new StartupRefusal("PUBLIC_BASE_URL", "is not an absolute http(s) address",
                    "Set PUBLIC_BASE_URL to e.g. https://gk.example.gov.cn.");
        }
    }

    private static void checkSetting(ConfigurableEnvironment env, String name, String raw, ShippedSecrets shipped) {
        Matcher required = REQUIRED.matcher(raw);
        while (required.find()) {
            String variable = required.group(1);
            String value = resolve(env, variable);
            if (value == null) {
                throw new StartupRefusal(variable, "is not set (" + name + " reads ${" + variable + "})",
                        "Set " + variable + " in the environment: production has no default for it.");
            }
            // blank would quietly mean the embedded default (REDIS_URL="" starts an in-process Redis)
            if (value.isBlank()) {
                throw new StartupRefusal(variable, "is empty (" + name + " reads ${" + variable + "})",
                        "Set " + variable + " in the environment: production has no default for it.");
            }
        }
        Matcher defaulted = DEFAULTED.matcher(raw);
        while (defaulted.find()) {
            String variable = defaulted.group(1);
            if (ShippedSecrets.secretName(variable) && shipped.contains(resolve(env, variable))) {
                throw shippedValue(variable);
            }
        }
        if (ShippedSecrets.secretName(name) && shipped.contains(resolve(env, name))) {
            String variable = ShippedSecrets.variableOf(raw);
            throw shippedValue(variable == null ? name : variable);
        }
    }

    static StartupRefusal shippedValue(String variable) {
        return new StartupRefusal(variable, "holds a value shipped in the repository for local runs",
                "Set " + variable + " to a secret of your own: the repository's values are public.");
    }

    /** Names of the settings from the application's own configuration files (application*.yml). */
    private static Set<String> settingNames(ConfigurableEnvironment env) {
        Set<String> names = new LinkedHashSet<>();
        for (PropertySource<?> source : env.getPropertySources()) {
            if (source instanceof OriginTrackedMapPropertySource files && files.getName().contains("application")) {
                names.addAll(List.of(files.getPropertyNames()));
            }
        }
        return names;
    }

    /**
     * The property source whose value of {@code name} counts: the first that has it, past Spring
     * Boot's "configurationProperties" view, which stands in front of all the others.
     */
    private static PropertySource<?> winner(ConfigurableEnvironment env, String name) {
        for (PropertySource<?> source : env.getPropertySources()) {
            if (!ATTACHED.equals(source.getName()) && source.containsProperty(name)) {
                return source;
            }
        }
        throw new IllegalStateException("no source for " + name);
    }

    private static String resolve(Environment env, String name) {
        try {
            return env.getProperty(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean absoluteHttp(String url) {
        try {
            URI uri = URI.create(url.strip());
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
