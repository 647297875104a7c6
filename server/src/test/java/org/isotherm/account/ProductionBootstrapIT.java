package org.isotherm.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.isotherm.PlatformProperties;
import org.isotherm.auth.Passwords;
import org.isotherm.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.mock.env.MockEnvironment;

/** First start against a production database (a URL configured): an empty database of its own, migrated here. */
class ProductionBootstrapIT extends IntegrationTest {

    @Autowired
    DataSource shared;

    @Autowired
    Passwords passwords;

    String database;
    JdbcClient jdbc;

    @BeforeEach
    void emptyDatabase() throws Exception {
        database = "prod_" + UUID.randomUUID().toString().replace("-", "");
        JdbcClient.create(shared).sql("CREATE DATABASE " + database).update();
        String url;
        try (var connection = shared.getConnection()) {
            url = connection.getMetaData().getURL().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        }
        var dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), url, "postgres", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    @AfterEach
    void dropDatabase() {
        JdbcClient.create(shared)
                .sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)")
                .update();
    }

    private PlatformBootstrap bootstrap(BootstrapProperties operator) {
        var environment = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/prod");
        return new PlatformBootstrap(
                jdbc,
                new UserRepository(jdbc),
                new OrganizationRepository(jdbc),
                passwords,
                operator,
                new PlatformProperties(Path.of("target/production-bootstrap-never-written")),
                environment);
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void neverInventsCredentials() {
        bootstrap(new BootstrapProperties(null, null)).run(null);

        assertThat(count("users")).isZero();
        assertThat(count("organizations")).isZero();
    }

    @Test
    void createsTheConfiguredOperatorOnlyOnce() {
        var operator = new BootstrapProperties("ops@example.org", "a long operator password");
        bootstrap(new BootstrapProperties(null, null)).run(null);
        bootstrap(operator).run(null);
        bootstrap(operator).run(null);

        var user = new UserRepository(jdbc).findByEmail("ops@example.org").orElseThrow();
        assertThat(user.role()).isEqualTo(org.isotherm.auth.Role.OPERATOR);
        assertThat(passwords.matches("a long operator password", user.passwordHash()))
                .isTrue();
        assertThat(count("users")).isEqualTo(1);
        assertThat(count("organization_domains")).isZero();
    }
}
