package org.isotherm.stac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.isotherm.support.Http;
import org.isotherm.support.IntegrationTest;
import org.isotherm.web.BadRequestException;
import org.isotherm.web.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class StacCatalogueIT extends IntegrationTest {

    @Autowired
    StacCatalogue catalogue;

    @Test
    void publishesADeliveryIdempotently() {
        var ws = fixtures.workspace();
        var item = Http.JSON.readTree(
                TestItems.box("delivery-1", 8, 49, 8.2, 49.1, Instant.parse("2026-07-08T23:58:15Z"), 3)
                        .replace("\"platform\":\"sba01\"", "\"platform\":\"sba01\",\"order:id\":\"o-1\""));
        assertThat(catalogue.publish(ws.id, "lstprecision", item)).isTrue();
        assertThat(catalogue.publish(ws.id, "lstprecision", item)).isFalse();
        assertThat(catalogue.exists(ws.id, "lstprecision", "delivery-1")).isTrue();
        var found = ws.http().get("/stac/search?filter=%22order:id%22%3D'o-1'").json();
        assertThat(found.get("numberMatched").asInt()).isEqualTo(1);
        assertThat(catalogue.exists(fixtures.workspace().id, "lstprecision", "delivery-1"))
                .isFalse();
        assertThatThrownBy(() -> catalogue.publish(ws.id, "nope", item)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> catalogue.publish(ws.id, "lstprecision", Http.JSON.readTree("{\"id\":\"x\"}")))
                .isInstanceOf(BadRequestException.class);
    }
}
