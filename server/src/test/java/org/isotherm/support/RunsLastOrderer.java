package org.isotherm.support;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The suite's class order (set in {@code junit-platform.properties}): the discovered order, except that classes
 * marked {@link RunsLast} come after every other. Surefire hands all classes of the run to one JUnit launch, so the
 * order holds for the whole suite.
 */
public class RunsLastOrderer implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        // a stable sort: the others keep their order
        context.getClassDescriptors()
                .sort(Comparator.comparing((ClassDescriptor descriptor) -> descriptor.isAnnotated(RunsLast.class)));
    }
}
