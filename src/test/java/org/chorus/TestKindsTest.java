package org.chorus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.chorus.support.ChorusWebTest;
import org.chorus.support.RawHttp;

/** The kinds of test of docs/decisions/0007, enforced: the whole application only for what goes through HTTP. */
@AnalyzeClasses(packages = "org.chorus", importOptions = ImportOption.OnlyIncludeTests.class)
class TestKindsTest {

    @ArchTest
    static final ArchRule only_web_api_and_browser_tests_boot_the_whole_application = classes()
            .that()
            .areAnnotatedWith(ChorusWebTest.class)
            // the admin command line is assembled from the commands of every module
            .and()
            .doNotHaveSimpleName("AdminCliTest")
            // every path that publishes a statement, including the WordPress import in a module above statements
            .and()
            .doNotHaveSimpleName("PublishingPathsTest")
            .should()
            // MockMvc, a browser, or real HTTP (an HTTP client, or RawHttp for what clients refuse to send)
            .dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage(
                            "org.springframework.test.web.servlet..",
                            "org.chorus.browser..",
                            "com.microsoft.playwright..",
                            "java.net.http..",
                            // requests sent as written over a socket, with a session (SignInPathsTest)
                            "org.chorus.support.http..")
                    .or(JavaClass.Predicates.equivalentTo(RawHttp.class)))
            .because("a use case is tested with its module and its dependencies (@ChorusModuleTest), which starts"
                    + " faster and proves that it needs nothing above them");
}
