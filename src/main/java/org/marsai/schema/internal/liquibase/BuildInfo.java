package org.marsai.schema.internal.liquibase;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The versions this jar was built with, as Maven wrote them into {@code build.properties}. */
public final class BuildInfo {

    static final String LIQUIBASE_VERSION;

    static {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/org/marsai/schema/build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource: a damaged jar, named below
        }
        LIQUIBASE_VERSION = properties.getProperty("liquibase.version", "(unknown: build.properties is missing)");
    }

    private BuildInfo() {
    }
}
