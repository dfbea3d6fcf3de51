package touchpoint;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/**
 * One rule for what a test class is called. A {@code *Test} runs plain JVM code in surefire, before the jar is
 * built: no application context, server, database, Redis or browser. A {@code *IT} starts one of those and runs in
 * failsafe. The names then tell how long a class takes and what it needs, and {@code -Dtest=...} runs only fast ones.
 */
@AnalyzeClasses(packages = "touchpoint", importOptions = ImportOption.OnlyIncludeTests.class)
class TestKindsTest {

    private static final DescribedPredicate<JavaClass> BOOTS_THE_SERVICE = new DescribedPredicate<>(
            "boot the service (@MicronautTest, directly or through a shared annotation)") {
        @Override
        public boolean test(JavaClass type) {
            return type.isAnnotatedWith(MicronautTest.class) || type.isMetaAnnotatedWith(MicronautTest.class);
        }
    };

    @ArchTest
    static final ArchRule classes_that_boot_the_service_are_integration_tests = classes().that(BOOTS_THE_SERVICE)
            .and().areNotAnnotations()
            .should().haveSimpleNameEndingWith("IT");

    @ArchTest
    static final ArchRule unit_tests_start_no_server_database_or_browser = noClasses()
            .that().haveSimpleNameEndingWith("Test")
            .should().dependOnClassesThat().resideInAnyPackage("io.micronaut.runtime.server..",
                    "io.zonky.test.db..", "redis.embedded..", "com.microsoft.playwright..", "com.icegreen..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.micronaut.context.ApplicationContext")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("touchpoint.testing.EmbeddedInfra");
}
