package org.isotherm.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.github.bucket4j.Bucket;
import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Token buckets for {@code POST /token} and the {@code /auth/*} endpoints, as {@link RateLimitProperties} describes:
 * per account and client address, per client address, and per account (skipped for a client address the account
 * logged in from). Each is refilled whole once per window, so a window allows exactly the configured number of
 * attempts however slowly they come. In memory on each node, forgotten after a quiet while.
 */
@Component
public class LoginRateLimiter {

    private final LoadingCache<String, Bucket> perAddress;
    private final LoadingCache<AccountAtAddress, Bucket> perAccountAndAddress;
    private final LoadingCache<String, Bucket> perAccount;
    private final Cache<AccountAtAddress, Boolean> knownAddresses;

    LoginRateLimiter(RateLimitProperties properties) {
        this.perAddress = buckets(properties.perAddress(), properties.window());
        this.perAccountAndAddress = buckets(properties.perAccountAndAddress(), properties.window());
        this.perAccount = buckets(properties.perAccount(), properties.accountWindow());
        this.knownAddresses = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(properties.knownAddressTtl())
                .build();
    }

    /**
     * Counts one attempt from the request's client address and, when given, against {@code account}; throws
     * {@link TooManyRequestsException} when a limit is exhausted. A bucket that refuses spares the ones after it, so
     * guesses beyond the limit of one address do not also drain the account's.
     */
    public void check(HttpServletRequest request, @Nullable String account) {
        var address = addressOf(request);
        consume(perAddress.get(address));
        if (account != null && !account.isBlank()) {
            var key = new AccountAtAddress(account.strip().toLowerCase(Locale.ROOT), address);
            consume(perAccountAndAddress.get(key));
            if (knownAddresses.getIfPresent(key) == null) {
                consume(perAccount.get(key.account()));
            }
        }
    }

    /** Notes a successful login: its client address no longer counts against the account's own limit. */
    void succeeded(HttpServletRequest request, String account) {
        knownAddresses.put(new AccountAtAddress(account.strip().toLowerCase(Locale.ROOT), addressOf(request)), true);
    }

    /** The address a limit counts: the client's, or for IPv6 its /64 network. */
    private static String addressOf(HttpServletRequest request) {
        var address = String.valueOf(request.getRemoteAddr());
        // only a literal with a colon: anything else could make InetAddress ask DNS
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            if (InetAddress.getByName(address) instanceof Inet6Address v6) {
                return HexFormat.of().formatHex(v6.getAddress(), 0, 8) + "::/64";
            }
            return address;
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private static void consume(Bucket bucket) {
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new TooManyRequestsException(seconds);
        }
    }

    private static <K> LoadingCache<K, Bucket> buckets(int capacity, Duration window) {
        return Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(window.multipliedBy(2))
                .build(key -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(capacity).refillIntervally(capacity, window))
                        .build());
    }

    private record AccountAtAddress(String account, String address) {}
}
