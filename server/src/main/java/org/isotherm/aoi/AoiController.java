package org.isotherm.aoi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.isotherm.auth.Caller;
import org.isotherm.auth.Role;
import org.isotherm.geo.AoiGeometry;
import org.isotherm.geo.AreaFiles;
import org.isotherm.geo.GeoJson;
import org.isotherm.geo.InvalidGeoJsonException;
import org.isotherm.geo.UtmMeasures;
import org.isotherm.web.BadRequestException;
import org.isotherm.web.ConflictException;
import org.isotherm.web.Idempotency;
import org.isotherm.web.ListQuery;
import org.isotherm.web.NotFoundException;
import org.isotherm.web.RequestTooLargeException;
import org.isotherm.web.RequestValidationException;
import org.isotherm.web.ValidationError;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;

/** The guide's Areas of Interest API, scoped to the caller's workspace. */
@Tag(name = "Areas of interest")
@RestController
@RequestMapping("/areas-of-interest")
class AoiController {

    /** Largest file {@code /convert} takes: 10 MB. */
    static final long MAX_UPLOAD = 10L * 1024 * 1024;

    private final AoiRepository repository;
    private final Idempotency idempotency;
    private final JsonMapper json;

    AoiController(AoiRepository repository, Idempotency idempotency, JsonMapper json) {
        this.repository = repository;
        this.idempotency = idempotency;
        this.json = json;
    }

    @Operation(summary = "Create an area of interest")
    @PostMapping
    ResponseEntity<?> create(
            @AuthenticationPrincipal Caller caller,
            @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String idempotencyKey,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = CreateAoiDocument.class)))
                    @RequestBody
                    JsonNode body) {
        caller.require(Role.MEMBER);
        var request = CreateAoiRequest.from(body);
        var geometry = parse(request.geojson(), "body", request.field());
        var measures = UtmMeasures.of(geometry.polygon());
        return idempotency.execute(caller.workspaceId(), "areas-of-interest", idempotencyKey, body, () -> {
            try {
                var aoi = repository.insert(
                        caller.workspaceId(),
                        request.name(),
                        request.description(),
                        geometry,
                        json.writeValueAsString(request.geojson()),
                        request.field(),
                        measures);
                return ResponseEntity.status(HttpStatus.CREATED).body(AoiResponse.of(aoi));
            } catch (DuplicateKeyException e) {
                throw new ConflictException(
                        "An area of interest named '" + request.name() + "' already exists in this workspace");
            }
        });
    }

    @Operation(summary = "Get an area of interest by its id")
    @GetMapping("/{area_of_interest_id}")
    AoiResponse get(@AuthenticationPrincipal Caller caller, @PathVariable("area_of_interest_id") UUID id) {
        return repository
                .find(caller.workspaceId(), id)
                .map(AoiResponse::of)
                .orElseThrow(() -> new NotFoundException("Area of interest not found"));
    }

    @Operation(summary = "List the workspace's areas of interest")
    @GetMapping
    AoiPage list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(defaultValue = "10") int limit,
            @RequestParam(defaultValue = "0") long offset,
            @RequestParam(defaultValue = "-created") String sort) {
        var errors = new ArrayList<ValidationError>();
        var query = ListQuery.of(limit, offset, sort, errors);
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        var items = repository.page(caller.workspaceId(), query.limit(), query.offset(), query.newestFirst()).stream()
                .map(AoiResponse::of)
                .toList();
        return new AoiPage(repository.count(caller.workspaceId()), items);
    }

    @Operation(summary = "Delete an area of interest (409 while unfinished orders use it)")
    @DeleteMapping("/{area_of_interest_id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal Caller caller, @PathVariable("area_of_interest_id") UUID id) {
        caller.require(Role.MEMBER);
        switch (repository.delete(caller.workspaceId(), id)) {
            case NOT_FOUND -> throw new NotFoundException("Area of interest not found");
            case IN_USE ->
                throw new ConflictException(
                        "The area of interest is used by orders that are not closed, cancelled or rejected");
            case DELETED -> {}
        }
    }

    @Operation(summary = "Bounding box width and height and area of a GeoJSON polygon, in metres")
    @PostMapping("/geometry-info")
    GeometryInfo geometryInfo(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            description = "A GeoJSON Polygon, MultiPolygon of one polygon, Feature, or"
                                    + " FeatureCollection of one feature",
                            content = @Content(schema = @Schema(type = "object")))
                    @RequestBody
                    JsonNode body) {
        var measures = UtmMeasures.of(parse(body, "body").polygon());
        return new GeometryInfo(measures.bboxWidth(), measures.bboxHeight(), measures.area());
    }

    @Operation(
            summary =
                    "Convert a KML file or a zipped Shapefile (with its .prj) to a GeoJSON Feature; nothing is stored")
    @PostMapping(path = "/convert", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    JsonNode convert(@RequestParam("file") MultipartFile file) throws IOException {
        if (file.getSize() > MAX_UPLOAD) {
            throw new RequestTooLargeException();
        }
        return AreaFiles.toFeature(file.getBytes());
    }

    /** Parses GeoJSON found at {@code loc}, turning shape problems into a 422 that points into it. */
    static AoiGeometry parse(JsonNode geojson, Object... loc) {
        try {
            return GeoJson.parse(geojson);
        } catch (InvalidGeoJsonException e) {
            var full = new ArrayList<Object>(List.of(loc));
            full.addAll(e.path());
            // FastAPI's (pydantic's) words for each problem, as the guide's clients expect them
            var error = switch (e.problem()) {
                case NOT_AN_OBJECT -> error(full, "Input should be a valid dictionary or object", "dict_type");
                case MISSING -> error(full, "Field required", "missing");
                case NOT_A_STRING -> error(full, "Input should be a valid string", "string_type");
                case UNKNOWN_TYPE ->
                    error(
                            full,
                            "Input should be 'Polygon', 'MultiPolygon', 'Feature' or 'FeatureCollection'",
                            "literal_error");
                case NOT_AN_ARRAY -> error(full, "Input should be a valid list", "list_type");
                case TOO_SHORT -> error(full, "A position needs at least 2 numbers (longitude, latitude)", "too_short");
                case NOT_A_NUMBER -> error(full, "Input should be a valid number", "float_type");
                // positions that make no ring are invalid geometry, which GeoJson already words as such
                case NOT_A_RING, NOT_A_LINE -> throw new BadRequestException(e.getMessage());
            };
            throw new RequestValidationException(error);
        }
    }

    private static ValidationError error(List<Object> loc, String msg, String type) {
        return new ValidationError(List.copyOf(loc), msg, type);
    }

    record AoiPage(long count, List<AoiResponse> items) {}

    /** A GeoJSON object as the API docs show it. */
    @Schema(name = "GeoJSON")
    record GeoJsonDocument(@Schema(example = "Polygon") String type, List<Object> coordinates) {}

    /** The body of {@code POST /areas-of-interest} as the API docs show it (it is read by {@link CreateAoiRequest}). */
    @Schema(
            name = "CreateAreaOfInterest",
            description = "Give the area as geometry (the guide: a Polygon or MultiPolygon of one polygon) or as"
                    + " geojson (also a Feature or FeatureCollection of one feature), not both")
    record CreateAoiDocument(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 200)
            String name,

            @Schema(maxLength = 2000) String description,
            GeoJsonDocument geometry,
            GeoJsonDocument geojson) {}

    record GeometryInfo(
            @JsonSerialize(using = PlainNumberSerializer.class)
            double bboxWidth,

            @JsonSerialize(using = PlainNumberSerializer.class)
            double bboxHeight,

            @JsonSerialize(using = PlainNumberSerializer.class)
            double area) {}
}
