package org.isotherm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Holds the package structure: each top-level package under {@code org.isotherm} is a module (Spring Modulith), and
 * the arrows between modules are exactly the ones listed in {@link #ALLOWED}, the one place where they are decided.
 * A new arrow is a design decision: add it here, and to the README's package map, which this test also checks.
 */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(IsothermApplication.class);

    /**
     * Which modules each module may use. {@code web} (HTTP plumbing), {@code geo} (pure geometry) and {@code db}
     * (embedded database, read caches) are the shared base and use no feature; {@code geo} knows no HTTP. The
     * inversions that keep it acyclic: {@code auth} declares {@code UserLookup} and {@code account} implements it;
     * {@code aoi} declares {@code AoiUsage} and {@code order} implements it; {@code housekeeping} declares
     * {@code Purge} and the features that keep rows for a while implement it.
     */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            // web answers geo's errors (invalid geometry, unreadable area file) with the guide's 400
            Map.entry("web", Set.of("geo")),
            Map.entry("geo", Set.of()),
            Map.entry("lst", Set.of("geo")),
            Map.entry("db", Set.of()),
            Map.entry("housekeeping", Set.of("web")),
            Map.entry("notify", Set.of("housekeeping", "web")),
            Map.entry("auth", Set.of("db", "web")),
            Map.entry("account", Set.of("auth", "housekeeping", "notify", "web")),
            Map.entry("aoi", Set.of("auth", "geo", "web")),
            Map.entry("product", Set.of("account", "aoi", "auth", "web")),
            Map.entry("order", Set.of("account", "aoi", "auth", "product", "web")),
            Map.entry("fulfilment", Set.of("aoi", "auth", "order", "product", "web")),
            Map.entry("stac", Set.of("auth", "db", "geo", "web")));

    @Test
    void modulesFormNoCycleAndUseNoInternalsOfAnother() {
        MODULES.verify();
    }

    @Test
    void modulesUseOnlyTheModulesTheyAreAllowedTo() {
        var actual = actualArrows();
        assertThat(actual.keySet()).as("every module is listed in ALLOWED").isEqualTo(ALLOWED.keySet());
        actual.forEach((module, uses) -> assertThat(uses)
                .as("modules that %s uses (add a new arrow to ALLOWED and the README only by design)", module)
                .isSubsetOf(ALLOWED.get(module)));
    }

    /** Each table is read and written by the package that owns it, so a repository is used in its own package only. */
    @Test
    void repositoriesAreUsedOnlyInTheirOwnPackage() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.isotherm");
        noClasses()
                .should(useARepositoryOfAnotherPackage())
                .because("another feature's tables are reached through its public service")
                .check(classes);
    }

    @Test
    void readmePackageMapShowsTheArrowsAsTheyAre() throws IOException {
        var readme = Files.readString(Path.of("..", "README.md"));
        var diagram =
                readme.substring(readme.indexOf("```mermaid"), readme.indexOf("```", readme.indexOf("```mermaid") + 3));
        var drawn = new TreeMap<String, Set<String>>();
        var arrow = Pattern.compile("^\\s*(\\w+) --> (\\w+)\\s*$", Pattern.MULTILINE)
                .matcher(diagram);
        while (arrow.find()) {
            drawn.computeIfAbsent(arrow.group(1), m -> new TreeSet<>()).add(arrow.group(2));
        }
        var actual = new TreeMap<>(actualArrows());
        actual.values().removeIf(Set::isEmpty);
        assertThat(drawn).isEqualTo(actual);
    }

    private static Map<String, Set<String>> actualArrows() {
        return MODULES.stream()
                .collect(Collectors.toMap(
                        ApplicationModule::getName,
                        module -> module.getDirectDependencies(MODULES)
                                .uniqueModules()
                                .map(ApplicationModule::getName)
                                .collect(Collectors.toCollection(TreeSet::new))));
    }

    private static ArchCondition<JavaClass> useARepositoryOfAnotherPackage() {
        return new ArchCondition<>("use a repository of another package") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                item.getDirectDependenciesFromSelf().stream()
                        .filter(d -> d.getTargetClass().getName().matches("org\\.isotherm\\..*Repository(\\$.*)?"))
                        .filter(d -> !d.getTargetClass().getPackageName().equals(item.getPackageName()))
                        .forEach(d -> events.add(SimpleConditionEvent.satisfied(d, d.getDescription())));
            }
        };
    }
}
