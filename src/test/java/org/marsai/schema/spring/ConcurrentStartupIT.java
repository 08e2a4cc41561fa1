package org.marsai.schema.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** Two nodes of an application starting at once on an empty database end with one history. */
class ConcurrentStartupIT {

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }

    @Test
    void twoApplicationContextsStartingAtOnceEndWithOneHistory() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            int changeSets = db.schema().changeSets().size();
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService nodes = Executors.newFixedThreadPool(2);
            List<ConfigurableApplicationContext> contexts = new ArrayList<>();
            try {
                List<Future<ConfigurableApplicationContext>> started = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    started.add(nodes.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return SpringApps.app(db, App.class).run();
                    }));
                }
                for (Future<ConfigurableApplicationContext> node : started) {
                    contexts.add(node.get(3, TimeUnit.MINUTES));
                }
                assertThat(db.count("SELECT COUNT(*) FROM DATABASECHANGELOG")).as("history rows").isEqualTo(changeSets);
                assertThat(db.count("SELECT COUNT(DISTINCT ID, FILENAME) FROM DATABASECHANGELOG"))
                        .as("distinct changesets in the history").isEqualTo(changeSets);
                assertThat(db.schema().status().isUpToDate()).as("up to date").isTrue();
            } finally {
                contexts.forEach(ConfigurableApplicationContext::close);
                nodes.shutdownNow();
            }
        }
    }
}
