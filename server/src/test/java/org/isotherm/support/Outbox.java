package org.isotherm.support;

import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Reads e-mails as a local user of the embedded platform does: from {@code GET /admin/outbox}, as the operator. */
public final class Outbox {

    private static final Pattern TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_-]+)");

    private Outbox() {}

    /** The newest e-mail to {@code email}; fails when there is none. */
    public static JsonNode latest(Http operator, String email) {
        var response = operator.get("/admin/outbox?limit=1&to="
                + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8));
        if (response.status() != 200 || response.json().get("count").asLong() == 0) {
            throw new AssertionError("No e-mail to " + email + ": " + response);
        }
        return response.json().get("items").get(0);
    }

    /**
     * The newest e-mail to {@code email} once there are at least {@code count}, for e-mails written in the background
     * after the answer (password reset); fails after 10 s.
     */
    public static JsonNode await(Http operator, String email, long count) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (count(operator, email) < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Fewer than " + count + " e-mails to " + email + " after 10 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return latest(operator, email);
    }

    public static long count(Http operator, String email) {
        return operator.get("/admin/outbox?limit=1&to="
                        + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8))
                .json()
                .get("count")
                .asLong();
    }

    /** The one-time token of the link in the newest e-mail to {@code email}. */
    public static String linkToken(Http operator, String email) {
        var body = latest(operator, email).get("body").asString();
        var matcher = TOKEN.matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("No link with a token in: " + body);
        }
        return matcher.group(1);
    }
}
