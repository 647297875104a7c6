package org.isotherm.product;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.isotherm.account.Workspaces;
import org.isotherm.web.BadRequestException;
import org.isotherm.web.NotFoundException;
import org.isotherm.web.RequestValidationException;
import org.isotherm.web.ValidationError;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The operator's product administration (under {@code /admin}, operators only): change a product's rules, and
 * switch products on or off per workspace. Every product is on for every workspace until switched off.
 */
@Tag(name = "Operator")
@RestController
class ProductAdminController {

    private static final Set<String> FIELDS = Set.of(
            "title",
            "description",
            "resolution_m",
            "max_bbox_width_m",
            "max_bbox_height_m",
            "min_lead_days",
            "min_period_days",
            "max_period_days",
            "frequencies",
            "coverage_min_lat",
            "coverage_max_lat",
            "product_options");

    private final ProductRepository repository;
    private final Workspaces workspaces;

    ProductAdminController(ProductRepository repository, Workspaces workspaces) {
        this.repository = repository;
        this.workspaces = workspaces;
    }

    @Operation(summary = "Every product with its rules")
    @GetMapping("/admin/products")
    List<ProductController.ProductView> list() {
        return repository.all().stream().map(ProductController.ProductView::of).toList();
    }

    @Operation(
            summary = "Change a product's rules",
            description = "Send only the fields to change; null removes a limit (bbox, period bounds).")
    @PatchMapping("/admin/products/{name}")
    @Transactional
    ProductController.ProductView update(@PathVariable String name, @RequestBody JsonNode body) {
        var current = repository.find(name).orElseThrow(() -> new NotFoundException("Product not found"));
        var changed = apply(current, body);
        if (changed.minPeriodDays() != null
                && changed.maxPeriodDays() != null
                && changed.minPeriodDays() > changed.maxPeriodDays()) {
            throw new BadRequestException("min_period_days must not exceed max_period_days");
        }
        if (changed.coverageMinLat() >= changed.coverageMaxLat()) {
            throw new BadRequestException("coverage_min_lat must be south of coverage_max_lat");
        }
        repository.update(changed);
        return ProductController.ProductView.of(changed);
    }

    @Operation(summary = "Products of a workspace, each with whether it is enabled")
    @GetMapping("/admin/organizations/{id}/products")
    List<WorkspaceProduct> workspaceProducts(@PathVariable UUID id) {
        workspaces.requireExisting(id);
        var disabled = repository.disabled(id);
        return repository.all().stream()
                .map(p -> new WorkspaceProduct(p.name(), !disabled.contains(p.name())))
                .toList();
    }

    @Operation(summary = "Enable a product for a workspace")
    @PutMapping("/admin/organizations/{id}/products/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void enable(@PathVariable UUID id, @PathVariable String name) {
        workspaces.requireExisting(id);
        repository.find(name).orElseThrow(() -> new NotFoundException("Product not found"));
        repository.enable(id, name);
    }

    @Operation(summary = "Disable a product for a workspace")
    @DeleteMapping("/admin/organizations/{id}/products/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disable(@PathVariable UUID id, @PathVariable String name) {
        workspaces.requireExisting(id);
        repository.find(name).orElseThrow(() -> new NotFoundException("Product not found"));
        repository.disable(id, name);
    }

    record WorkspaceProduct(String name, boolean enabled) {}

    private static Product apply(Product p, JsonNode body) {
        if (!body.isObject()) {
            throw new RequestValidationException(
                    ValidationError.body("Input should be a valid dictionary or object", "model_type"));
        }
        var errors = new ArrayList<ValidationError>();
        for (var field : body.propertyNames()) {
            if (!FIELDS.contains(field)) {
                errors.add(ValidationError.body("Extra inputs are not permitted", "extra_forbidden", field));
            }
        }
        var reader = new Reader(body, errors);
        var product = new Product(
                p.name(),
                reader.text("title", p.title()),
                reader.text("description", p.description()),
                reader.positive("resolution_m", p.resolutionM()),
                reader.limit("max_bbox_width_m", p.maxBboxWidthM()),
                reader.limit("max_bbox_height_m", p.maxBboxHeightM()),
                reader.optionalDays("min_lead_days", p.minLeadDays(), false),
                reader.optionalDays("min_period_days", p.minPeriodDays(), true),
                reader.optionalDays("max_period_days", p.maxPeriodDays(), true),
                reader.list(
                        "frequencies",
                        p.frequencies(),
                        v -> Frequency.parse(v).orElse(null),
                        "Input should be " + Frequency.choices()),
                reader.latitude("coverage_min_lat", p.coverageMinLat()),
                reader.latitude("coverage_max_lat", p.coverageMaxLat()),
                reader.list(
                        "product_options",
                        p.options(),
                        v -> v.matches("[a-z0-9_]{1,50}") ? v : null,
                        "Input should be a lower-case option name"));
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        return product;
    }

    /** Reads one PATCH field at a time, recording a 422 error instead of failing on the first. */
    private record Reader(JsonNode body, List<ValidationError> errors) {

        String text(String field, String current) {
            var node = body.get(field);
            if (node == null) {
                return current;
            }
            if (!node.isString() || node.stringValue().isBlank()) {
                errors.add(ValidationError.body("Input should be a non-empty string", "string_type", field));
                return current;
            }
            return node.stringValue();
        }

        double positive(String field, double current) {
            var node = body.get(field);
            if (node == null) {
                return current;
            }
            if (!node.isNumber() || node.doubleValue() <= 0) {
                errors.add(ValidationError.body("Input should be a number greater than 0", "greater_than", field));
                return current;
            }
            return node.doubleValue();
        }

        @Nullable
        Double limit(String field, @Nullable Double current) {
            var node = body.get(field);
            if (node == null) {
                return current;
            }
            return node.isNull() ? null : positive(field, current == null ? 1 : current);
        }

        int days(String field, int current, boolean positive) {
            var node = body.get(field);
            if (node == null) {
                return current;
            }
            if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < (positive ? 1 : 0)) {
                errors.add(ValidationError.body(
                        "Input should be a whole number of days, " + (positive ? 1 : 0) + " or more",
                        "int_type",
                        field));
                return current;
            }
            return node.intValue();
        }

        /** A number of days, or null (no limit) when the body says null. */
        @Nullable
        Integer optionalDays(String field, @Nullable Integer current, boolean positive) {
            var node = body.get(field);
            if (node == null) {
                return current;
            }
            return node.isNull() ? null : days(field, current == null ? 1 : current, positive);
        }

        double latitude(String field, double current) {
            var node = body.get(field);
            if (node == null) {
                return current;
            }
            if (!node.isNumber() || Math.abs(node.doubleValue()) > 90) {
                errors.add(ValidationError.body("Input should be a latitude from -90 to 90", "value_error", field));
                return current;
            }
            return node.doubleValue();
        }

        <T> List<T> list(String field, List<T> current, Function<String, @Nullable T> parse, String message) {
            var node = body.get(field);
            if (node == null) {
                return current;
            }
            if (!node.isArray()) {
                errors.add(ValidationError.body("Input should be a valid list", "list_type", field));
                return current;
            }
            var values = new LinkedHashSet<T>();
            int i = 0;
            for (var element : node) {
                var value = element.isString() ? parse.apply(element.stringValue()) : null;
                if (value == null) {
                    errors.add(ValidationError.body(message, "value_error", field, i));
                } else {
                    values.add(value);
                }
                i++;
            }
            if (field.equals("frequencies") && values.isEmpty() && errors.isEmpty()) {
                errors.add(ValidationError.body("A product needs at least one frequency", "too_short", field));
            }
            return List.copyOf(values);
        }
    }
}
