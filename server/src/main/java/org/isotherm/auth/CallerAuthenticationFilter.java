package org.isotherm.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer} or {@code X-Api-Key}. Bad credentials are not rejected here: the reason is
 * kept for the entry point, which answers 401 only where authentication is required, so public endpoints ignore a
 * stale header as FastAPI does.
 */
class CallerAuthenticationFilter extends OncePerRequestFilter {

    static final String API_KEY_HEADER = "X-Api-Key";
    static final String FAILURE_ATTRIBUTE = CallerAuthenticationFilter.class.getName() + ".failure";

    private final Credentials credentials;
    private final boolean anonymousStacRead;

    CallerAuthenticationFilter(Credentials credentials, boolean anonymousStacRead) {
        this.credentials = credentials;
        this.anonymousStacRead = anonymousStacRead;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            var caller = resolve(request);
            if (caller != null) {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new CallerAuthentication(caller));
                SecurityContextHolder.setContext(context);
            }
        } catch (BadCredentialsException e) {
            request.setAttribute(FAILURE_ATTRIBUTE, e.detail());
        }
        chain.doFilter(request, response);
    }

    private @Nullable Caller resolve(HttpServletRequest request) {
        var apiKey = request.getHeader(API_KEY_HEADER);
        if (apiKey != null && !apiKey.isBlank()) {
            return credentials.fromApiKey(apiKey.strip());
        }
        var authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            var token = authorization.substring(7).strip();
            if (!token.isEmpty()) {
                return credentials.fromBearerToken(token);
            }
        }
        // only a request that sent no credentials at all: a stale token still gets its 401, not a smaller view
        return anonymousStacRead && authorization == null && apiKey == null && readsStac(request)
                ? Caller.ANONYMOUS
                : null;
    }

    /** The STAC API's reads: what an anonymous reader may do. */
    static boolean readsStac(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        var method = request.getMethod();
        if (path.equals("/stac/search") && method.equals("POST")) {
            return true;
        }
        return (method.equals("GET") || method.equals("HEAD")) && (path.equals("/stac") || path.startsWith("/stac/"));
    }

    /** The authenticated caller as Spring Security sees it; authorities carry the role for URL rules. */
    static final class CallerAuthentication extends AbstractAuthenticationToken {

        private final Caller caller;

        CallerAuthentication(Caller caller) {
            super(List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())));
            this.caller = caller;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Caller getPrincipal() {
            return caller;
        }
    }
}
