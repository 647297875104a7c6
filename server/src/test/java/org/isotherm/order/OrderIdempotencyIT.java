package org.isotherm.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotherm.order.OrderBodies.batch;
import static org.isotherm.order.OrderBodies.copies;
import static org.isotherm.order.OrderBodies.order;
import static org.isotherm.order.OrderBodies.with;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import org.isotherm.support.Fixtures.TestWorkspace;
import org.isotherm.support.Http;
import org.isotherm.support.IntegrationTest;
import org.isotherm.support.TestAois;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OrderIdempotencyIT extends IntegrationTest {

    @Autowired
    TestAois aois;

    TestWorkspace ws;
    UUID aoi;

    @BeforeEach
    void setUp() {
        ws = fixtures.workspace();
        aoi = aois.field(ws.id);
    }

    Http keyed(String key) {
        return ws.http().header("Idempotency-Key", key);
    }

    @Test
    void aRetryWithTheSameKeyAndBodyReturnsTheFirstResponseAndCreatesNothing() {
        var body = batch(copies(order(aoi), 3));

        var first = keyed("batch-1").post("/orders/batch", body);
        var retry = keyed("batch-1").post("/orders/batch", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(ws.http().get("/orders").json().get("count").asLong()).isEqualTo(3);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        keyed("batch-2").post("/orders/batch", batch(order(aoi)));

        var other = keyed("batch-2").post("/orders/batch", batch(with(order(aoi), "comment", "another")));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("detail").get(0).get("loc").toString())
                .isEqualTo("[\"header\",\"Idempotency-Key\"]");
        assertThat(ws.http().get("/orders").json().get("count").asLong()).isEqualTo(1);
    }

    @Test
    void aFailedRequestDoesNotUseUpTheKey() {
        var bad = keyed("batch-3").post("/orders/batch", batch(with(order(aoi), "frequency", "daily")));
        assertThat(bad.status()).isEqualTo(400);

        var good = keyed("batch-3").post("/orders/batch", batch(order(aoi)));

        assertThat(good.status()).isEqualTo(201);
    }

    @Test
    void keysAreScopedToTheWorkspace() {
        var other = fixtures.workspace();
        var otherAoi = aois.field(other.id);
        keyed("shared").post("/orders/batch", batch(order(aoi)));

        var response = other.http().header("Idempotency-Key", "shared").post("/orders/batch", batch(order(otherAoi)));

        assertThat(response.status()).isEqualTo(201);
        assertThat(other.http().get("/orders").json().get("count").asLong()).isEqualTo(1);
    }

    @Test
    void twoConcurrentRequestsWithOneKeyCreateOneBatch() throws Exception {
        var body = batch(copies(order(aoi), 25));
        var barrier = new CyclicBarrier(2);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var a = CompletableFuture.supplyAsync(() -> send(barrier, body), pool);
            var b = CompletableFuture.supplyAsync(() -> send(barrier, body), pool);

            assertThat(a.get().status()).isEqualTo(201);
            assertThat(b.get().status()).isEqualTo(201);
            assertThat(a.get().json()).isEqualTo(b.get().json());
        } finally {
            pool.shutdownNow();
        }
        assertThat(ws.http().get("/orders").json().get("count").asLong()).isEqualTo(25);
    }

    private Http.Response send(CyclicBarrier barrier, Object body) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return keyed("concurrent").post("/orders/batch", body);
    }
}
