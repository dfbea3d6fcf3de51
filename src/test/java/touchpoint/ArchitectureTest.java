package touchpoint;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of the feature packages: infrastructure knows no feature, the knowledge engine knows
 * no conversation, and the conversation core knows none of the features built on top of it.
 */
@AnalyzeClasses(packages = "touchpoint", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule infra_depends_on_no_feature = noClasses().that().resideInAPackage("touchpoint.infra..")
            .should().dependOnClassesThat().resideInAnyPackage("touchpoint.chat..", "touchpoint.knowledge..",
                    "touchpoint.handoff..", "touchpoint.survey..", "touchpoint.analytics..", "touchpoint.admin..",
                    "touchpoint.widget..");

    @ArchTest
    static final ArchRule knowledge_knows_no_conversation = noClasses().that().resideInAPackage("touchpoint.knowledge..")
            .should().dependOnClassesThat().resideInAnyPackage("touchpoint.chat..", "touchpoint.handoff..",
                    "touchpoint.survey..", "touchpoint.analytics..", "touchpoint.admin..", "touchpoint.widget..");

    @ArchTest
    static final ArchRule chat_knows_no_feature_built_on_it = noClasses().that().resideInAPackage("touchpoint.chat..")
            .should().dependOnClassesThat().resideInAnyPackage("touchpoint.handoff..", "touchpoint.survey..",
                    "touchpoint.analytics..", "touchpoint.admin..", "touchpoint.widget..");

}
