package org.chorus.statements;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Decision 0003, enforced: statements start through their factories, and each event has one emitter. */
@AnalyzeClasses(packages = "org.chorus", importOptions = ImportOption.DoNotIncludeTests.class)
class OneWritePathTest {

    @ArchTest
    static final ArchRule statements_start_through_their_factories = noClasses()
            .that()
            .doNotBelongToAnyOf(Statement.class, Statements.class)
            .should()
            .callConstructorWhere(constructorOf(Statement.class))
            .because("the aggregate sets its own initial state; only the repository rebuilds stored ones");

    @ArchTest
    static final ArchRule only_the_publication_step_emits_statement_published = noClasses()
            .that()
            .doNotBelongToAnyOf(Publication.class, StatementPublished.class)
            .should()
            .callConstructorWhere(constructorOf(StatementPublished.class))
            .because("every path that makes a statement public goes through Publication");

    @ArchTest
    static final ArchRule only_review_emits_statement_retracted = noClasses()
            .that()
            .doNotBelongToAnyOf(ReviewingStatements.class, StatementRetracted.class)
            .should()
            .callConstructorWhere(constructorOf(StatementRetracted.class))
            .because("retracting is a step of the review workflow");

    private static DescribedPredicate<JavaConstructorCall> constructorOf(Class<?> type) {
        return DescribedPredicate.describe(
                "a constructor of " + type.getSimpleName(),
                call -> call.getTargetOwner().isEquivalentTo(type));
    }
}
