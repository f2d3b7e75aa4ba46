package cn.zwgk.assistant.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * One module started on its own (Spring Modulith's {@code @ApplicationModuleTest}) with the shared
 * {@code platform} module, on the embedded backends: its beans, what it declares it uses (mocked where the
 * test says so), and nothing else. A module's own behaviour, through its public surface and its events.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest
@ContextConfiguration(initializers = BackendInitializer.class)
// the readiness group names health contributors of modules that a module test does not start
@TestPropertySource(properties = "management.endpoint.health.validate-group-membership=false")
public @interface ModuleTest {

    @AliasFor(annotation = ApplicationModuleTest.class, attribute = "mode")
    BootstrapMode mode() default BootstrapMode.STANDALONE;

    /** Other modules to start with it (by name), instead of mocking them. */
    @AliasFor(annotation = ApplicationModuleTest.class, attribute = "extraIncludes")
    String[] extraIncludes() default {};
}
