package org.isotherm.order;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per-workspace overrides of {@code isotherm.orders.manual-review}. */
@Repository
class ReviewSettings {

    private final JdbcClient jdbc;

    ReviewSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Boolean> find(UUID workspaceId) {
        return jdbc.sql("SELECT manual_review FROM order_review_settings WHERE organization_id = :workspace")
                .param("workspace", workspaceId)
                .query(Boolean.class)
                .optional();
    }

    /** Sets the override, or removes it (back to the platform default) when {@code manualReview} is null. */
    void set(UUID workspaceId, @Nullable Boolean manualReview) {
        if (manualReview == null) {
            jdbc.sql("DELETE FROM order_review_settings WHERE organization_id = :workspace")
                    .param("workspace", workspaceId)
                    .update();
            return;
        }
        jdbc.sql("""
                        INSERT INTO order_review_settings (organization_id, manual_review) VALUES (:workspace, :manual)
                        ON CONFLICT (organization_id) DO UPDATE SET manual_review = EXCLUDED.manual_review""")
                .param("workspace", workspaceId)
                .param("manual", manualReview)
                .update();
    }
}
