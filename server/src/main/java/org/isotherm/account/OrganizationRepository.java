package org.isotherm.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
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

    /** A workspace with its registered domains. */
    record Organization(UUID id, String name, List<String> domains, Instant created) {}

    private static final String SELECT_WITH_DOMAINS = """
            SELECT o.id, o.name, o.created,
                coalesce(array_agg(d.domain ORDER BY d.domain) FILTER (WHERE d.domain IS NOT NULL), '{}') AS domains
            FROM organizations o LEFT JOIN organization_domains d ON d.organization_id = o.id
            """;

    /** Newest first, as every listing of the API. */
    List<Organization> list(int limit, int offset) {
        return jdbc.sql(SELECT_WITH_DOMAINS
                        + " GROUP BY o.id ORDER BY o.created DESC, o.id LIMIT :limit OFFSET :offset")
                .param("limit", limit)
                .param("offset", offset)
                .query(OrganizationRepository::map)
                .list();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM organizations").query(Long.class).single();
    }

    Optional<Organization> find(UUID id) {
        return jdbc.sql(SELECT_WITH_DOMAINS + " WHERE o.id = :id GROUP BY o.id")
                .param("id", id)
                .query(OrganizationRepository::map)
                .optional();
    }

    boolean nameTaken(String name) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM organizations WHERE lower(name) = lower(:name))")
                .param("name", name)
                .query(Boolean.class)
                .single();
    }

    List<String> takenDomains(Collection<String> domains) {
        return jdbc.sql("SELECT domain FROM organization_domains WHERE domain = ANY(:domains) ORDER BY domain")
                .param(
                        "domains",
                        domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toArray(String[]::new))
                .query(String.class)
                .list();
    }

    /** Serialises changes to a workspace's admins (the last one must stay) until the transaction ends. */
    void lock(UUID id) {
        jdbc.sql("SELECT id FROM organizations WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(UUID.class)
                .optional();
    }

    private static Organization map(ResultSet rs, int row) throws SQLException {
        var domains = (String[]) rs.getArray("domains").getArray();
        return new Organization(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                List.of(domains),
                rs.getTimestamp("created").toInstant());
    }

    boolean exists(UUID id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM organizations WHERE id = :id)")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    public Optional<String> findName(UUID id) {
        return jdbc.sql("SELECT name FROM organizations WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
    }
}
