package touchpoint;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import touchpoint.infra.Roles;

/**
 * The dependency rules of the feature packages: infrastructure knows no feature, the knowledge engine knows
 * no conversation, and the conversation core knows none of the features built on top of it. Services speak the
 * domain and leave HTTP to the adapters at the edge; other features see knowledge only through its facade;
 * role names live in one place.
 */
@AnalyzeClasses(packages = "touchpoint", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FEATURES = {"touchpoint.chat..", "touchpoint.knowledge..", "touchpoint.handoff..",
        "touchpoint.survey..", "touchpoint.analytics..", "touchpoint.admin..", "touchpoint.widget..", "touchpoint.contact..",
        "touchpoint.channel.."};

    /** What other features may use of {@code touchpoint.knowledge}: its interfaces and the records they speak. */
    private static final Set<String> KNOWLEDGE_FACADE = Set.of("KnowledgeBase", "Decision", "Candidate", "Question",
            "FaqView", "Faq", "FaqIndex", "TextEmbedder", "LanguageModel", "FaqFormat");

    @ArchTest
    static final ArchRule infra_depends_on_no_feature = noClasses().that().resideInAPackage("touchpoint.infra..")
            .should().dependOnClassesThat().resideInAnyPackage("touchpoint.chat..", "touchpoint.knowledge..",
                    "touchpoint.handoff..", "touchpoint.survey..", "touchpoint.analytics..", "touchpoint.admin..",
                    "touchpoint.widget..", "touchpoint.contact..", "touchpoint.channel..");

    @ArchTest
    static final ArchRule knowledge_knows_no_conversation = noClasses().that().resideInAPackage("touchpoint.knowledge..")
            .should().dependOnClassesThat().resideInAnyPackage("touchpoint.chat..", "touchpoint.handoff..",
                    "touchpoint.survey..", "touchpoint.analytics..", "touchpoint.admin..", "touchpoint.widget..",
                    "touchpoint.contact..");

    @ArchTest
    static final ArchRule chat_knows_no_feature_built_on_it = noClasses().that().resideInAPackage("touchpoint.chat..")
            .should().dependOnClassesThat().resideInAnyPackage("touchpoint.handoff..", "touchpoint.survey..",
                    "touchpoint.analytics..", "touchpoint.admin..", "touchpoint.widget..", "touchpoint.contact..",
                    "touchpoint.channel..");

    /** Contacts are built on the other features; they reach contacts only through hooks they declare themselves. */
    @ArchTest
    static final ArchRule no_feature_depends_on_contacts = noClasses().that().resideInAnyPackage("touchpoint.chat..",
                    "touchpoint.knowledge..", "touchpoint.handoff..", "touchpoint.survey..", "touchpoint.analytics..",
                    "touchpoint.admin..", "touchpoint.widget..")
            .should().dependOnClassesThat().resideInAPackage("touchpoint.contact..");

    @ArchTest
    static final ArchRule refusals_are_domain_exceptions = noClasses().should().dependOnClassesThat()
            .haveFullyQualifiedName("io.micronaut.http.exceptions.HttpStatusException")
            .because("services throw a touchpoint.infra.DomainException and one handler in infra maps it to problem+json");

    @ArchTest
    static final ArchRule only_edge_adapters_speak_http = noClasses().that().resideInAnyPackage(FEATURES)
            .and(DescribedPredicate.not(edgeAdapter())).and(DescribedPredicate.not(generated()))
            .should().dependOnClassesThat().resideInAPackage("io.micronaut.http..")
            .because("services and domain classes speak the domain; controllers and sockets translate to HTTP");

    @ArchTest
    static final ArchRule knowledge_is_reached_through_its_facade = noClasses()
            .that().resideInAnyPackage(FEATURES).and().resideOutsideOfPackage("touchpoint.knowledge..")
            .should().dependOnClassesThat(knowledgeInternal())
            .because("the engine, retrieval, content and LLM classes may change without other features noticing");

    @ArchTest
    static final ArchRule one_roles_class = classes().that().haveSimpleName("Roles")
            .should().haveFullyQualifiedName(Roles.class.getName());

    @ArchTest
    static final ArchRule role_names_are_declared_once = fields().that().haveRawType(String.class)
            .and(DescribedPredicate.describe("are named ADMIN or AGENT", f -> Set.of("ADMIN", "AGENT").contains(f.getName())))
            .should().beDeclaredIn(Roles.class)
            .because("every feature checks the same role names");

    /**
     * Adapters at the edge, which translate between HTTP and the domain: controllers and sockets, the
     * authentication provider, outbound HTTP clients, and listeners that configure the HTTP server itself.
     */
    private static DescribedPredicate<JavaClass> edgeAdapter() {
        return DescribedPredicate.describe("an edge adapter", c -> {
            JavaClass top = topLevel(c);
            return top.isAnnotatedWith("io.micronaut.http.annotation.Controller")
                    || top.isAnnotatedWith("io.micronaut.websocket.annotation.ServerWebSocket")
                    || top.getAllRawInterfaces().stream().anyMatch(i -> i.getPackageName().startsWith("io.micronaut.security.authentication"))
                    || top.getAllRawInterfaces().stream().anyMatch(i -> i.getName().equals("io.micronaut.context.event.BeanCreatedEventListener"))
                    || top.getDirectDependenciesFromSelf().stream()
                            .anyMatch(d -> d.getTargetClass().getName().equals("io.micronaut.http.client.HttpClient"));
        });
    }

    /** Micronaut's compile-time bean definitions, which carry the annotations of the class they define. */
    private static DescribedPredicate<JavaClass> generated() {
        return DescribedPredicate.describe("generated by Micronaut", c -> c.getName().contains(".$"));
    }

    private static DescribedPredicate<JavaClass> knowledgeInternal() {
        return DescribedPredicate.describe("a knowledge class outside its facade " + KNOWLEDGE_FACADE, c -> {
            JavaClass top = topLevel(c);
            return top.getPackageName().startsWith("touchpoint.knowledge")
                    && !(top.getPackageName().equals("touchpoint.knowledge") && KNOWLEDGE_FACADE.contains(top.getSimpleName()));
        });
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }
}
