package cn.zwgk.assistant.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** The console's shell (menu, signed-in user, office zone) reaches every screen, wherever its feature keeps it. */
class ConsoleModelTest {

    @Test
    void theAdviceNamesEveryFeaturesScreenPackage() {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        Set<String> screenPackages = scan.findCandidateComponents("cn.zwgk.assistant").stream()
                .map(b -> b.getBeanClassName().substring(0, b.getBeanClassName().lastIndexOf('.')))
                .filter(p -> p.endsWith(".web")).collect(Collectors.toSet());
        Set<String> advised = Arrays.stream(ConsoleModel.class.getAnnotation(ControllerAdvice.class).basePackages())
                .collect(Collectors.toSet());
        assertThat(screenPackages).isNotEmpty();
        assertThat(advised).containsAll(screenPackages).contains("cn.zwgk.assistant.console");
    }
}
