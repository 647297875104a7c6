package org.isotherm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.isotherm.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Drives {@link Idempotency} with an action that writes a row, the way a creating endpoint does. */
class IdempotencyIT extends IntegrationTest {

    @Autowired
    Idempotency idempotency;

    @Autowired
    JdbcClient jdbc;

    UUID workspace;
    String table;

    @BeforeEach
    void scratchTable() {
        workspace = fixtures.workspace().id;
        table = "idem_it_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("CREATE TABLE " + table + " (id uuid PRIMARY KEY, name text)").update();
    }

    ResponseEntity<?> create(String key, Map<String, Object> body) {
        return idempotency.execute(workspace, "things", key, body, () -> {
            var id = UUID.randomUUID();
            jdbc.sql("INSERT INTO " + table + " (id, name) VALUES (:id, :name)")
                    .param("id", id)
                    .param("name", body.get("name"))
                    .update();
            return ResponseEntity.status(201).body(Map.of("id", id.toString(), "name", body.get("name")));
        });
    }

    long rows() {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void replaysFirstResponseToARetryWithoutCreatingAgain() {
        var first = create("key-1", Map.of("name", "a"));
        var retry = create("key-1", Map.of("name", "a"));

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getBody().toString())
                .contains(((Map<?, ?>) first.getBody()).get("id").toString());
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void rejectsSameKeyWithAnotherBody() {
        create("key-2", Map.of("name", "a"));

        assertThatThrownBy(() -> create("key-2", Map.of("name", "b")))
                .isInstanceOf(RequestValidationException.class)
                .hasMessageContaining("different request body");
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void runsEveryRequestWithoutAKey() {
        create(null, Map.of("name", "a"));
        create(null, Map.of("name", "a"));

        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void forgetsTheKeyOfAFailedRequestSoItCanBeRetried() {
        assertThatThrownBy(() -> idempotency.execute(workspace, "things", "key-3", Map.of(), () -> {
                    throw new BadRequestException("rule broken");
                }))
                .isInstanceOf(BadRequestException.class);

        var retry = create("key-3", Map.of("name", "c"));
        assertThat(retry.getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void createsOnceUnderConcurrentRequestsWithOneKey() throws Exception {
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(4);
        try {
            var results = new ArrayList<Future<ResponseEntity<?>>>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return create("key-4", Map.of("name", "same"));
                }));
            }
            start.countDown();
            for (var result : results) {
                assertThat(result.get().getStatusCode().value()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void treatsAKeyPastItsDayAsANewRequest() {
        create("key-5", Map.of("name", "a"));
        jdbc.sql("UPDATE idempotency_keys SET created = now() - interval '25 hours'"
                        + " WHERE organization_id = :workspace AND key = 'key-5'")
                .param("workspace", workspace)
                .update();

        var late = create("key-5", Map.of("name", "b"));
        var retryOfLate = create("key-5", Map.of("name", "b"));

        assertThat(late.getStatusCode().value()).isEqualTo(201);
        assertThat(late.getHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(retryOfLate.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retryOfLate.getBody().toString())
                .contains(((Map<?, ?>) late.getBody()).get("id").toString());
        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void rejectsMalformedKey() {
        assertThatThrownBy(() -> create("has space", Map.of("name", "d")))
                .isInstanceOf(RequestValidationException.class)
                .hasMessageContaining("printable ASCII");
    }
}
