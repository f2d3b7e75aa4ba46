package cn.zwgk.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;

import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;

/**
 * The top-level packages are Spring Modulith modules. Each declares the modules it may use
 * ({@code @ApplicationModule(allowedDependencies)} in its package-info); {@code verify()} fails on a cycle,
 * on a use of another module's internals (its sub-packages), and on a dependency not declared.
 * The build also writes the module diagrams into {@code docs/modules/} (shown in docs/architecture.md).
 */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(Application.class);
    private static final Path DOCS = Path.of("docs", "modules");

    @Test
    void modulesRespectTheirDeclaredBoundaries() {
        MODULES.verify();
    }

    @Test
    void everyModuleDeclaresWhatItMayUse() {
        assertThat(MODULES.stream()).allSatisfy(module -> {
            ApplicationModule declared = Class.forName(module.getBasePackage().getName() + ".package-info")
                    .getAnnotation(ApplicationModule.class);
            assertThat(declared).as("@ApplicationModule on %s", module.getIdentifier()).isNotNull();
            assertThat(declared.allowedDependencies()).as("allowed dependencies of %s", module.getIdentifier())
                    .doesNotContain(ApplicationModule.OPEN_TOKEN);
        });
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .contains("platform", "wechat", "conversation", "notification");
    }

    @Test
    void writesTheModuleDiagrams() throws IOException {
        DiagramOptions options = DiagramOptions.defaults().withStyle(DiagramStyle.UML);
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml(options)
                .writeIndividualModulesAsPlantUml(options);
        try (var files = Files.list(DOCS)) {
            for (Path puml : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                Files.write(puml, inStableOrder(Files.readAllLines(puml)));
            }
        }
        Path all = DOCS.resolve("components.puml");
        assertThat(all).exists();
        Path svg = render(all);
        assertThat(Files.readString(svg)).contains("<svg").contains("Reminders").contains("Platform");
    }

    /**
     * The lines as written, but each run of component lines and each run of relationship lines sorted:
     * Spring Modulith writes them in an order that changes from run to run, and a build should not leave
     * the diagrams changed when the modules did not.
     */
    static List<String> inStableOrder(List<String> lines) {
        List<String> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        String runKind = null;
        for (String line : lines) {
            String kind = line.startsWith("  component ") ? "component" : line.contains(" --> ") ? "relationship" : null;
            if (!Objects.equals(kind, runKind)) {
                Collections.sort(run);
                out.addAll(run);
                run.clear();
                runKind = kind;
            }
            if (kind == null) {
                out.add(line);
            } else {
                run.add(line);
            }
        }
        Collections.sort(run);
        out.addAll(run);
        return out;
    }

    /** PlantUML's own layout engine (smetana), so that no Graphviz is needed. */
    private static Path render(Path puml) throws IOException {
        String source = Files.readString(puml).replaceFirst("@startuml", "@startuml\n!pragma layout smetana");
        Path svg = puml.resolveSibling(puml.getFileName().toString().replace(".puml", ".svg"));
        try (OutputStream out = Files.newOutputStream(svg)) {
            new SourceStringReader(source).outputImage(out, new FileFormatOption(FileFormat.SVG));
        }
        return svg;
    }
}
