package org.isotherm.auth;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.github.bucket4j.Bucket;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Token buckets for {@code POST /token} and the {@code /auth/*} endpoints: one per client address and one per
 * account (e-mail), each refilled whole once per {@link RateLimitProperties#window()}, so a window allows
 * exactly the configured number of attempts however slowly they come. In memory on each node, forgotten after
 * a quiet while.
 */
@Component
public class LoginRateLimiter {

    private final LoadingCache<String, Bucket> perAddress;
    private final LoadingCache<String, Bucket> perAccount;

    LoginRateLimiter(RateLimitProperties properties) {
        var idle = properties.window().multipliedBy(2);
        this.perAddress = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(idle)
                .build(key -> bucket(properties.perAddress(), properties.window()));
        this.perAccount = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(idle)
                .build(key -> bucket(properties.perAccount(), properties.window()));
    }

    /**
     * Counts one attempt from the request's client address and, when given, against {@code account}; throws
     * {@link TooManyRequestsException} when either is exhausted.
     */
    public void check(HttpServletRequest request, @Nullable String account) {
        consume(perAddress.get(String.valueOf(request.getRemoteAddr())));
        if (account != null && !account.isBlank()) {
            consume(perAccount.get(account.strip().toLowerCase(Locale.ROOT)));
        }
    }

    private static void consume(Bucket bucket) {
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new TooManyRequestsException(seconds);
        }
    }

    private static Bucket bucket(int capacity, Duration window) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillIntervally(capacity, window))
                .build();
    }
}
