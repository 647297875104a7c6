package org.isotherm.stac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.isotherm.web.BadRequestException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The fields extension's cases as stac-api-validator 0.6.8 checks them, on one item. */
class FieldsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String ITEM = """
            {"type":"Feature","stac_version":"1.1.0","id":"a","collection":"c","bbox":[0,0,1,1],
             "geometry":{"type":"Point","coordinates":[0,0]},
             "properties":{"datetime":"2025-06-01T00:00:00Z","eo:cloud_cover":12,"gsd":30},
             "assets":{"lst":{"href":"https://example.com/lst.tif"}},"links":[]}""";

    private static final String RANGE = ITEM.replace(
            "\"datetime\":\"2025-06-01T00:00:00Z\"",
            "\"datetime\":null,\"start_datetime\":\"2025-06-01T00:00:00Z\",\"end_datetime\":\"2025-06-02T00:00:00Z\"");

    private static JsonNode post(String item, String fields) {
        var request = SearchParameters.fromBody(JSON.readTree("{\"fields\":" + fields + "}"));
        return JSON.readTree(Fields.apply(JSON, item, request.fields()));
    }

    private static JsonNode get(String item, String fields) {
        return JSON.readTree(Fields.apply(JSON, item, SearchParameters.fieldsText(fields)));
    }

    private static List<String> names(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }

    @Test
    void answersTheDefaultSetWhenNoFieldIsNamed() {
        for (var feature : List.of(
                post(ITEM, "{}"),
                post(ITEM, "{\"include\":null,\"exclude\":null}"),
                post(ITEM, "{\"include\":[],\"exclude\":[]}"),
                get(ITEM, ""))) {
            assertThat(names(feature))
                    .containsExactly("type", "stac_version", "id", "geometry", "bbox", "links", "assets", "properties");
            assertThat(names(feature.get("properties"))).containsExactly("datetime");
        }
        assertThat(names(post(RANGE, "{}").get("properties")))
                .containsExactly("datetime", "start_datetime", "end_datetime");
    }

    @Test
    void refusesFieldsThatAreNotAnObject() {
        for (var fields : List.of("null", "\"id\"", "[\"id\"]")) {
            assertThatThrownBy(() -> post(ITEM, fields))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessage("Invalid fields: must be an object with include and exclude lists");
        }
    }

    @Test
    void addsIncludesToTheMembersThatIdentifyTheItem() {
        assertThat(names(post(ITEM, "{\"include\":[\"bbox\"]}")))
                .containsExactly("type", "stac_version", "id", "links", "bbox");
        assertThat(names(get(ITEM, "+assets"))).containsExactly("type", "stac_version", "id", "links", "assets");
    }

    @Test
    void excludesFromTheWholeItemWhenIncludeIsAbsent() {
        var feature = post(ITEM, "{\"exclude\":[\"geometry\"]}");
        assertThat(names(feature))
                .containsExactly("type", "stac_version", "id", "collection", "bbox", "properties", "assets", "links");
        assertThat(feature.at("/properties/eo:cloud_cover").asInt()).isEqualTo(12);
        assertThat(names(get(ITEM, "-geometry"))).isEqualTo(names(feature));
    }

    @Test
    void excludesFromTheDefaultSetWhenIncludeIsNullOrEmpty() {
        for (var include : List.of("null", "[]")) {
            var feature = post(ITEM, "{\"exclude\":[\"geometry\"],\"include\":" + include + "}");
            assertThat(names(feature))
                    .containsExactly("type", "stac_version", "id", "bbox", "links", "assets", "properties");
            assertThat(names(feature.get("properties"))).containsExactly("datetime");
        }
    }

    @Test
    void keepsANestedIncludeInsideAnExcludedMember() {
        for (var feature : List.of(
                post(ITEM, "{\"exclude\":[\"properties\"],\"include\":[\"properties.eo:cloud_cover\"]}"),
                get(ITEM, "-properties,+properties.eo:cloud_cover"))) {
            assertThat(names(feature)).containsExactly("type", "stac_version", "id", "links", "properties");
            assertThat(names(feature.get("properties"))).containsExactly("eo:cloud_cover");
        }
    }

    @Test
    void excludesANestedMemberOfAnIncludedOne() {
        var feature = post(ITEM, "{\"include\":[\"properties\"],\"exclude\":[\"properties.gsd\"]}");
        assertThat(names(feature.get("properties"))).containsExactly("datetime", "eo:cloud_cover");
    }

    @Test
    void includesAMemberThatIsAlsoExcluded() {
        assertThat(names(post(ITEM, "{\"include\":[\"geometry\"],\"exclude\":[\"geometry\"]}")))
                .containsExactly("type", "stac_version", "id", "links", "geometry");
        assertThat(names(get(ITEM, "+geometry,-geometry")))
                .containsExactly("type", "stac_version", "id", "links", "geometry");
    }
}
