package dev.brook;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaTypeVariable;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.brook.annotation.Internal;
import dev.brook.annotation.PublicEvolving;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The boundaries between Brook's public API and its implementation, checked on the compiled classes
 * of this module (tests excluded). Each rule holds strictly; exceptions are spelled out in the code
 * under test with {@link Internal}, not here.
 */
class ArchitectureTest {

    /** Packages users program against. */
    private static final String[] API_PACKAGES = {
        "dev.brook.api..",
        "dev.brook.streaming.api..",
        "dev.brook.util..",
        "dev.brook.configuration..",
        "dev.brook.connector..",
        "dev.brook.core..",
        "dev.brook.types..",
    };

    /** Packages that implement the API; users must never need their types. */
    private static final String[] IMPLEMENTATION_PACKAGES = {
        "dev.brook.runtime..", "dev.brook.streaming.runtime..",
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                        .importPackages("dev.brook");
    }

    private static final DescribedPredicate<JavaMember> PUBLIC_OR_PROTECTED_SOURCE_MEMBER =
            DescribedPredicate.describe(
                    "are public or protected (and not compiler-generated)",
                    m ->
                            (m.getModifiers().contains(JavaModifier.PUBLIC)
                                            || m.getModifiers().contains(JavaModifier.PROTECTED))
                                    && !m.getModifiers().contains(JavaModifier.SYNTHETIC)
                                    && !m.getModifiers().contains(JavaModifier.BRIDGE));

    /**
     * A type in an implementation package, unless it is itself marked as public API ({@link
     * PublicEvolving}): a few user-facing classes live where Flink keeps them, in runtime packages,
     * so that programs port by rewriting imports.
     */
    private static boolean isImplementationType(JavaClass type) {
        JavaClass base = type.getBaseComponentType();
        if (base.isAnnotatedWith(PublicEvolving.class)) {
            return false;
        }
        for (String p : IMPLEMENTATION_PACKAGES) {
            String prefix = p.substring(0, p.length() - 2);
            if (base.getPackageName().equals(prefix)
                    || base.getPackageName().startsWith(prefix + ".")) {
                return true;
            }
        }
        return false;
    }

    private static void addInvolved(JavaType type, Set<JavaClass> into) {
        into.addAll(type.getAllInvolvedRawTypes());
    }

    /** Every class named by the member's signature, including type arguments and bounds. */
    private static Set<JavaClass> signatureTypes(JavaMember member) {
        Set<JavaClass> types = new java.util.HashSet<>();
        if (member instanceof JavaField field) {
            addInvolved(field.getType(), types);
        } else if (member instanceof JavaCodeUnit unit) {
            addInvolved(unit.getReturnType(), types);
            unit.getParameterTypes().forEach(t -> addInvolved(t, types));
            unit.getThrowsClause().getTypes().forEach(t -> addInvolved(t, types));
            for (JavaTypeVariable<?> variable : unit.getTypeParameters()) {
                variable.getUpperBounds().forEach(t -> addInvolved(t, types));
            }
        }
        return types;
    }

    /** The member, its class or a class enclosing that class is marked {@link Internal}. */
    private static boolean isMarkedInternal(JavaMember member) {
        if (member.isAnnotatedWith(Internal.class)) {
            return true;
        }
        for (Optional<JavaClass> c = Optional.of(member.getOwner());
                c.isPresent();
                c = c.get().getEnclosingClass()) {
            if (c.get().isAnnotatedWith(Internal.class)) {
                return true;
            }
        }
        return false;
    }

    private static final ArchCondition<JavaMember> NOT_EXPOSE_IMPLEMENTATION_TYPES =
            new ArchCondition<>(
                    "not mention types of "
                            + String.join(", ", IMPLEMENTATION_PACKAGES)
                            + " in their signature, unless marked @Internal") {
                @Override
                public void check(JavaMember member, ConditionEvents events) {
                    if (isMarkedInternal(member)) {
                        return;
                    }
                    Set<String> exposed = new TreeSet<>();
                    for (JavaClass t : signatureTypes(member)) {
                        if (isImplementationType(t)) {
                            exposed.add(t.getName());
                        }
                    }
                    if (!exposed.isEmpty()) {
                        events.add(
                                SimpleConditionEvent.violated(
                                        member,
                                        member.getFullName()
                                                + " exposes "
                                                + exposed
                                                + " in "
                                                + member.getSourceCodeLocation()));
                    }
                }
            };

    @Test
    void apiMembersDoNotExposeImplementationTypesUnlessInternal() {
        ArchRule rule =
                members()
                        .that()
                        .areDeclaredInClassesThat()
                        .resideInAnyPackage(API_PACKAGES)
                        .and(PUBLIC_OR_PROTECTED_SOURCE_MEMBER)
                        .should(NOT_EXPOSE_IMPLEMENTATION_TYPES);
        rule.check(classes);
    }

    @Test
    void nothingDependsOnTheCommandLineClient() {
        ArchRule rule =
                noClasses()
                        .that()
                        .resideInAPackage("dev.brook..")
                        .and()
                        .resideOutsideOfPackage("dev.brook.client..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage("dev.brook.client..");
        rule.check(classes);
    }
}
