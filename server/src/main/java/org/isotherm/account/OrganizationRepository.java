package org.isotherm.account;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Workspaces and the e-mail domains that sign up into them. */
@Repository
public class OrganizationRepository {

    private final JdbcClient jdbc;

    public OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID insert(String name, Collection<String> domains) {
        var id = UUID.randomUUID();
        jdbc.sql("INSERT INTO organizations (id, name) VALUES (:id, :name)")
                .param("id", id)
                .param("name", name)
                .update();
        for (var domain : domains) {
            jdbc.sql("INSERT INTO organization_domains (domain, organization_id) VALUES (:domain, :id)")
                    .param("domain", domain.toLowerCase(Locale.ROOT))
                    .param("id", id)
                    .update();
        }
        return id;
    }

    public Optional<UUID> findByDomain(String domain) {
        return jdbc.sql("SELECT organization_id FROM organization_domains WHERE domain = :domain")
                .param("domain", domain.toLowerCase(Locale.ROOT))
                .query(UUID.class)
                .optional();
    }

    public Optional<String> findName(UUID id) {
        return jdbc.sql("SELECT name FROM organizations WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
    }
}
