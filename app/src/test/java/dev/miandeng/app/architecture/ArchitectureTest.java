package dev.miandeng.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The layering of docs/architecture.md, checked on every build over the production classes of every
 * module (this module sees them all). Maven's module edges already stop most wrong arrows at
 * compile time; these rules catch what Maven cannot see.
 */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          // The port contracts ship in the domain's test-jar; they are tests, not production code.
          .withImportOption(location -> !location.contains("-tests.jar"))
          .importPackages(Layers.ROOT);

  static Stream<ArchRule> rules() {
    Stream<ArchRule> layering =
        Stream.of(
            classes()
                .that()
                .resideInAPackage(Layers.DOMAIN)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", Layers.DOMAIN)
                .as("1. the domain depends on java.* only"),
            classes()
                .that()
                .resideInAPackage(Layers.APPLICATION)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", Layers.DOMAIN, Layers.APPLICATION)
                .as("2. the application depends on the domain and java.* only"),
            slices()
                .matching("dev.miandeng.adapter.(*)..")
                .should()
                .notDependOnEachOther()
                .as("3. adapters do not depend on each other"),
            noClasses()
                .that()
                .resideOutsideOfPackage(Layers.APP)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(Layers.APP)
                .as("3. nothing depends on the composition root"),
            noClasses()
                .that()
                .resideInAnyPackage(Layers.DOMAIN, Layers.APPLICATION, Layers.ADAPTERS)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(Layers.SIMULATOR)
                .as("3. the hexagon does not know the simulator"),
            slices()
                .matching("dev.miandeng.(**)")
                .should()
                .beFreeOfCycles()
                .as("5. no cycles between packages"),
            noClasses()
                .that()
                .resideInAPackage(Layers.ADAPTERS)
                .should()
                .dependOnClassesThat(inApplicationOutsideUseCaseSurface())
                .as(
                    "8. adapters reach the application only through use-case interfaces (and"
                        + " UseCases, the record that holds them)"),
            classes()
                .that(topLevelInApplication().and(JavaClass.Predicates.INTERFACES))
                .should()
                .haveSimpleNameEndingWith("UseCase")
                .orShould()
                .haveSimpleNameEndingWith("Result")
                .as("9. an application interface is a <Verb><Noun>UseCase or a …Result"),
            classes()
                .that(topLevelInApplication())
                .and()
                .haveSimpleNameEndingWith("Service")
                .should()
                .haveModifier(JavaModifier.FINAL)
                .andShould(implementTheirNamesakeUseCase())
                .as("9. a …Service is final and implements the …UseCase of its own name"),
            classes()
                .that(inPackage(Layers.APPLICATION))
                .and(implementAUseCase())
                .should()
                .haveSimpleNameEndingWith("Service")
                .as("9. whatever implements a …UseCase in the application is its …Service"),
            NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.as("6. no System.out / System.err"),
            NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.as("6. no java.util.logging"),
            NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.as("6. no generic exceptions thrown"));
    Stream<ArchRule> frameworks =
        Layers.FRAMEWORKS.stream()
            .map(
                f ->
                    noClasses()
                        .that()
                        .resideOutsideOfPackages(f.owners().toArray(String[]::new))
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(f.packages().toArray(String[]::new))
                        .as("4. " + f.name() + " stays inside " + f.owners()));
    return Stream.concat(layering, frameworks);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void holds(ArchRule rule) {
    rule.check(CLASSES);
  }

  static Stream<String> namedPackages() {
    return Stream.concat(
            Stream.of(Layers.DOMAIN, Layers.APPLICATION, Layers.SIMULATOR, Layers.APP),
            Layers.ADAPTER_PACKAGES.stream())
        .distinct();
  }

  @ParameterizedTest(name = "{0} holds classes")
  @MethodSource("namedPackages")
  @DisplayName("7. every package a rule names exists, so no rule passes vacuously")
  void everyNamedPackageHoldsClasses(String packageIdentifier) {
    assertThat(CLASSES.stream().filter(inPackage(packageIdentifier)))
        .as("classes in %s", packageIdentifier)
        .isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("frameworks")
  @DisplayName("7. every framework rule guards a framework its owners really use")
  void everyFrameworkIsUsedByAnOwner(Layers.Framework framework) {
    boolean used =
        CLASSES.stream()
            .filter(c -> framework.owners().stream().anyMatch(o -> inPackage(o).test(c)))
            .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
            .anyMatch(
                d ->
                    framework.packages().stream()
                        .anyMatch(p -> inPackage(p).test(d.getTargetClass())));
    assertThat(used).as("%s is used by %s", framework.name(), framework.owners()).isTrue();
  }

  static Stream<String> frameworkPackages() {
    return Layers.FRAMEWORKS.stream().flatMap(f -> f.packages().stream());
  }

  @ParameterizedTest(name = "{0} is on the classpath")
  @MethodSource("frameworkPackages")
  @DisplayName("7. every framework package a rule names exists, so a typo cannot pass vacuously")
  void everyFrameworkPackageExists(String packageIdentifier) {
    // Jars need not list directory entries, so ask ArchUnit's importer rather than the class
    // loader.
    String packageName = packageIdentifier.replace("..", "");

    assertThat(new ClassFileImporter().importPackages(packageName))
        .as("classes of %s on the classpath", packageName)
        .isNotEmpty();
  }

  static List<Layers.Framework> frameworks() {
    return Layers.FRAMEWORKS;
  }

  @Test
  @DisplayName("7. a rule pointed at a package that does not exist fails instead of passing")
  void aRuleOnAMissingPackageFails() {
    ArchRule renamed =
        classes()
            .that()
            .resideInAPackage("dev.miandeng.renamed..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..");

    assertThatThrownBy(() -> renamed.check(CLASSES))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("failed to check any classes");
  }

  /**
   * What an adapter may see of the application: the use-case interfaces, the sealed results, the
   * types nested in either (commands, result records), and {@code UseCases}, the record that holds
   * every use-case interface. Not how the core is wired: its driven ports and settings ({@code
   * DrivenPorts}, {@code CoreSettings}) and the services belong to the composition root.
   */
  private static DescribedPredicate<JavaClass> inApplicationOutsideUseCaseSurface() {
    return DescribedPredicate.describe(
        "application classes other than use-case interfaces, results and their nested types",
        c -> inPackage(Layers.APPLICATION).test(c) && !isUseCaseSurface(c));
  }

  private static boolean isUseCaseSurface(JavaClass c) {
    if (c.getName().equals(Layers.USE_CASES)) {
      return true;
    }
    JavaClass outer = c;
    while (outer.getEnclosingClass().isPresent()) {
      outer = outer.getEnclosingClass().get();
    }
    String name = outer.getSimpleName();
    return outer.isInterface() && (name.endsWith("UseCase") || name.endsWith("Result"));
  }

  private static DescribedPredicate<JavaClass> topLevelInApplication() {
    return DescribedPredicate.describe(
        "top-level classes of the application",
        c -> inPackage(Layers.APPLICATION).test(c) && c.isTopLevelClass());
  }

  private static DescribedPredicate<JavaClass> implementAUseCase() {
    return DescribedPredicate.describe(
        "implement a …UseCase",
        c ->
            !c.isInterface()
                && c.getAllRawInterfaces().stream()
                    .anyMatch(i -> i.getSimpleName().endsWith("UseCase")));
  }

  private static ArchCondition<JavaClass> implementTheirNamesakeUseCase() {
    return new ArchCondition<>("implement the …UseCase of the same name") {
      @Override
      public void check(JavaClass service, ConditionEvents events) {
        String useCase = service.getSimpleName().replaceFirst("Service$", "UseCase");
        boolean implemented =
            service.getRawInterfaces().stream().anyMatch(i -> i.getSimpleName().equals(useCase));
        if (!implemented) {
          events.add(
              SimpleConditionEvent.violated(
                  service, service.getName() + " does not implement " + useCase));
        }
      }
    };
  }

  private static DescribedPredicate<JavaClass> inPackage(String packageIdentifier) {
    PackageMatcher matcher = PackageMatcher.of(packageIdentifier);
    return DescribedPredicate.describe(
        "in " + packageIdentifier, c -> matcher.matches(c.getPackageName()));
  }
}
