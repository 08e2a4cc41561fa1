package org.marsai.schema.internal.liquibase;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import liquibase.Scope;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;

/**
 * Runs Liquibase work in a scope of our own: changelogs and services resolved from this library's class
 * loader (so it works inside application servers), Liquibase's log sent to SLF4J and quiet by default
 * ({@link LiquibaseLog}), console output sent to that log instead of the host's stdout, no usage analytics,
 * and a deployment id per operation. A host application's own Liquibase use, outside this scope, is untouched.
 */
public final class LiquibaseScope {

    private static final ClassLoader LOADER = LiquibaseScope.class.getClassLoader();

    private LiquibaseScope() {
    }

    public static <T> T call(Callable<T> work) {
        Map<String, Object> values = new HashMap<>();
        values.put(Scope.Attr.classLoader.name(), LOADER);
        values.put(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(LOADER));
        values.put(Scope.Attr.logService.name(), LiquibaseLog.INSTANCE);
        values.put(Scope.Attr.ui.name(), new LoggerUIService());
        values.put(Scope.Attr.deploymentId.name(), newDeploymentId());
        values.put("liquibase.analytics.enabled", Boolean.FALSE);
        try {
            return Scope.child(values, work::call);
        } catch (MarsSchemaException e) {
            throw e;
        } catch (Exception e) {
            throw new MarsSchemaException(ErrorCode.UNEXPECTED, "Liquibase failed: " + e.getMessage(), e);
        }
    }

    /** Ten digits, as Liquibase's DEPLOYMENT_ID column holds; random so concurrent processes differ. */
    private static String newDeploymentId() {
        return String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
    }
}
