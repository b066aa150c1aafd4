package org.chorus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/** The layout rules of ../shared/STYLE.md, enforced. */
@AnalyzeClasses(packages = "org.chorus", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule no_vague_class_names = noClasses()
            .should()
            .haveSimpleNameEndingWith("Manager")
            .orShould()
            .haveSimpleNameEndingWith("Helper")
            .orShould()
            .haveSimpleNameEndingWith("Util")
            .orShould()
            .haveSimpleNameEndingWith("Utils")
            .orShould()
            .haveSimpleNameEndingWith("Impl")
            .because("classes are named after what they are in the domain");

    @ArchTest
    static final ArchRule repositories_stay_inside_their_module = classes()
            .that()
            .areAnnotatedWith(Repository.class)
            .should()
            .notBePublic()
            .because("no module reaches into another module's tables");

    @ArchTest
    static final ArchRule page_controllers_live_in_web = classes()
            .that()
            .areAnnotatedWith(Controller.class)
            .and()
            .resideOutsideOfPackage("org.chorus.shared..")
            .should()
            .resideInAPackage("..web..");

    @ArchTest
    static final ArchRule api_controllers_live_in_api =
            classes().that().areAnnotatedWith(RestController.class).should().resideInAPackage("..api..");

    @ArchTest
    static final ArchRule controllers_do_not_run_sql = noClasses()
            .that()
            .resideInAnyPackage("..web..", "..api..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.jdbc..")
            .because("SQL lives in the module's repositories");

    @ArchTest
    static final ArchRule no_jpa = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
            .because("Chorus uses JdbcClient with records, not JPA");

    @ArchTest
    static final ArchRule time_comes_from_the_injected_clock = noClasses()
            .that()
            .resideOutsideOfPackage("org.chorus.shared.config..")
            .should()
            .callMethod(java.time.Instant.class, "now")
            .orShould()
            .callMethod(java.time.LocalDateTime.class, "now")
            .orShould()
            .callMethod(java.time.ZonedDateTime.class, "now")
            .because("tests move the injected Clock instead of sleeping");
}
