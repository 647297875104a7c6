package org.isotherm.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.isotherm.support.Http;
import org.isotherm.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminIT extends IntegrationTest {

    private Http operator;

    @BeforeEach
    void setUp() {
        operator = fixtures.http().bearer(fixtures.operator().token());
    }

    private static String unique(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void registersAnOrganizationWhoseDomainThenSignsUp() {
        var domain = unique("acme") + ".example";

        var response = operator.post(
                "/admin/organizations", Map.of("name", unique("Acme"), "domains", List.of(domain.toUpperCase())));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("domains").toString()).isEqualTo("[\"" + domain + "\"]");
        assertThat(response.json().get("created").asString()).endsWith("Z");
        var signUp = http().post("/auth/signup", Map.of("email", "ann@" + domain, "password", "long enough"));
        assertThat(signUp.status()).isEqualTo(202);
    }

    @Test
    void listsOrganizationsPageByPage() {
        var name = unique("Listed");
        operator.post("/admin/organizations", Map.of("name", name, "domains", List.of()));

        var all = operator.get("/admin/organizations?limit=3").json();
        var page = operator.get("/admin/organizations?limit=1&offset=1").json();

        assertThat(all.get("count").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(all.get("items").get(0).get("name").asString()).isEqualTo(name);
        assertThat(page.get("count").asLong()).isEqualTo(all.get("count").asLong());
        assertThat(page.get("items").size()).isEqualTo(1);
        assertThat(page.get("items").get(0)).isEqualTo(all.get("items").get(1));
    }

    @Test
    void refusesTakenNameOrDomain() {
        var name = unique("Taken");
        var domain = unique("taken") + ".example";
        operator.post("/admin/organizations", Map.of("name", name, "domains", List.of(domain)));

        var sameName = operator.post(
                "/admin/organizations",
                Map.of("name", name.toUpperCase(), "domains", List.of(unique("d") + ".example")));
        var sameDomain =
                operator.post("/admin/organizations", Map.of("name", unique("Other"), "domains", List.of(domain)));

        assertThat(sameName.status()).isEqualTo(409);
        assertThat(sameName.body()).isEqualTo("{\"detail\":\"An organization with this name already exists\"}");
        assertThat(sameDomain.status()).isEqualTo(409);
        assertThat(sameDomain.body()).isEqualTo("{\"detail\":\"Domain already registered: " + domain + "\"}");
    }

    @Test
    void validatesNameAndDomains() {
        var response = operator.post(
                "/admin/organizations",
                Map.of("name", " ", "domains", List.of("ok.example", "not a domain", "ok.example", "nodot")));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body())
                .isEqualTo("{\"detail\":[{\"loc\":[\"body\",\"name\"],\"msg\":\"String should have at least 1"
                        + " character\",\"type\":\"string_too_short\"},"
                        + "{\"loc\":[\"body\",\"domains\",1],\"msg\":\"Input should be a domain name such as"
                        + " example.com\",\"type\":\"value_error\"},"
                        + "{\"loc\":[\"body\",\"domains\",2],\"msg\":\"Duplicate domain\",\"type\":\"value_error\"},"
                        + "{\"loc\":[\"body\",\"domains\",3],\"msg\":\"Input should be a domain name such as"
                        + " example.com\",\"type\":\"value_error\"}]}");
        var missing = operator.post("/admin/organizations", "{}");
        assertThat(missing.body())
                .isEqualTo("{\"detail\":[{\"loc\":[\"body\",\"name\"],\"msg\":\"Field required\",\"type\":\"missing\"},"
                        + "{\"loc\":[\"body\",\"domains\"],\"msg\":\"Field required\",\"type\":\"missing\"}]}");
    }

    @Test
    void createsAConfirmedUserWhoLogsInAtOnce() {
        var workspace = fixtures.workspace();
        var email = unique("made") + "@anywhere.example";

        var response = operator.post(
                "/admin/organizations/" + workspace.id + "/users",
                Map.of("email", email, "password", "operator-chosen", "role", "admin"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("email").asString()).isEqualTo(email);
        assertThat(response.json().get("role").asString()).isEqualTo("admin");
        assertThat(response.json().get("confirmed").asBoolean()).isTrue();
        var login = http().postForm("/token", Map.of("username", email, "password", "operator-chosen"));
        assertThat(login.status()).isEqualTo(200);
    }

    @Test
    void refusesUserForUnknownOrganizationOrTakenEmail() {
        var workspace = fixtures.workspace();

        var unknown = operator.post(
                "/admin/organizations/" + UUID.randomUUID() + "/users",
                Map.of("email", unique("u") + "@x.example", "password", "long enough"));
        var taken = operator.post(
                "/admin/organizations/" + workspace.id + "/users",
                Map.of("email", workspace.admin.email(), "password", "long enough"));
        var invalid = operator.post(
                "/admin/organizations/" + workspace.id + "/users", Map.of("email", "x@y.example", "role", "boss"));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"detail\":\"Organization not found\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body())
                .isEqualTo(
                        "{\"detail\":[{\"loc\":[\"body\",\"password\"],\"msg\":\"Field required\",\"type\":\"missing\"},"
                                + "{\"loc\":[\"body\",\"role\"],\"msg\":\"Input should be 'viewer', 'member', 'admin' or"
                                + " 'operator'\",\"type\":\"enum\"}]}");
    }
}
