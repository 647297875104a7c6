package org.isotherm.product;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code products} table and the per-workspace switches in {@code disabled_products}. */
@Repository
class ProductRepository {

    private static final String COLUMNS = """
            p.name, p.title, p.description, p.resolution_m, p.max_bbox_width_m, p.max_bbox_height_m, p.min_lead_days,
            p.min_period_days, p.max_period_days, p.frequencies, p.coverage_min_lat, p.coverage_max_lat, p.options""";

    private final JdbcClient jdbc;

    ProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Product> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM products p ORDER BY p.position, p.name")
                .query(ProductRepository::map)
                .list();
    }

    Optional<Product> find(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM products p WHERE p.name = :name")
                .param("name", name)
                .query(ProductRepository::map)
                .optional();
    }

    List<Product> available(UUID workspaceId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM products p
                        WHERE NOT EXISTS (SELECT 1 FROM disabled_products d
                                          WHERE d.organization_id = :workspace AND d.product_name = p.name)
                        ORDER BY p.position, p.name""")
                .param("workspace", workspaceId)
                .query(ProductRepository::map)
                .list();
    }

    List<String> disabled(UUID workspaceId) {
        return jdbc.sql("SELECT product_name FROM disabled_products WHERE organization_id = :workspace ORDER BY 1")
                .param("workspace", workspaceId)
                .query(String.class)
                .list();
    }

    void update(Product product) {
        jdbc.sql("""
                        UPDATE products SET title = :title, description = :description, resolution_m = :resolution,
                               max_bbox_width_m = :maxWidth, max_bbox_height_m = :maxHeight, min_lead_days = :lead,
                               min_period_days = :minPeriod, max_period_days = :maxPeriod,
                               frequencies = :frequencies, coverage_min_lat = :minLat, coverage_max_lat = :maxLat,
                               options = :options
                        WHERE name = :name""")
                .param("title", product.title())
                .param("description", product.description())
                .param("resolution", product.resolutionM())
                .param("maxWidth", product.maxBboxWidthM())
                .param("maxHeight", product.maxBboxHeightM())
                .param("lead", product.minLeadDays())
                .param("minPeriod", product.minPeriodDays())
                .param("maxPeriod", product.maxPeriodDays())
                .param(
                        "frequencies",
                        product.frequencies().stream().map(Frequency::wire).toArray(String[]::new))
                .param("minLat", product.coverageMinLat())
                .param("maxLat", product.coverageMaxLat())
                .param("options", product.options().toArray(String[]::new))
                .param("name", product.name())
                .update();
    }

    void enable(UUID workspaceId, String product) {
        jdbc.sql("DELETE FROM disabled_products WHERE organization_id = :workspace AND product_name = :product")
                .param("workspace", workspaceId)
                .param("product", product)
                .update();
    }

    void disable(UUID workspaceId, String product) {
        jdbc.sql("""
                        INSERT INTO disabled_products (organization_id, product_name) VALUES (:workspace, :product)
                        ON CONFLICT DO NOTHING""").param("workspace", workspaceId).param("product", product).update();
    }

    private static Product map(ResultSet rs, int row) throws SQLException {
        return new Product(
                rs.getString("name"),
                rs.getString("title"),
                rs.getString("description"),
                rs.getDouble("resolution_m"),
                rs.getObject("max_bbox_width_m", Double.class),
                rs.getObject("max_bbox_height_m", Double.class),
                rs.getObject("min_lead_days", Integer.class),
                rs.getObject("min_period_days", Integer.class),
                rs.getObject("max_period_days", Integer.class),
                Arrays.stream(strings(rs.getArray("frequencies")))
                        .map(f -> Frequency.parse(f).orElseThrow())
                        .toList(),
                rs.getDouble("coverage_min_lat"),
                rs.getDouble("coverage_max_lat"),
                List.of(strings(rs.getArray("options"))));
    }

    private static String[] strings(@Nullable Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }
}
