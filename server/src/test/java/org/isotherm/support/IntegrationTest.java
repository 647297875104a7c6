package org.isotherm.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every test that needs the running platform: one application context, one embedded PostgreSQL and one
 * HTTP port for the whole run (Spring caches the context as long as subclasses add no configuration of their
 * own). Tests isolate themselves by data: each makes its own workspaces through {@link Fixtures}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class IntegrationTest {

    /** Declared here only, so every test class shares the one context (the same property sources). */
    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("isotherm.test.smtp-port", TestSmtp::port);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected Fixtures fixtures;

    protected Http http() {
        return new Http("http://localhost:" + port);
    }
}
