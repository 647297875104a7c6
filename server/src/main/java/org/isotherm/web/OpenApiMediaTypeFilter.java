package org.isotherm.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves the OpenAPI document under its own media type too. STAC and OGC API clients follow the landing page's
 * {@code service-desc} link asking for the type it advertises, {@link #MEDIA_TYPE}, and expect that type back;
 * springdoc answers only {@code application/json} (and 406 to anything else), so the request is passed on as
 * JSON and the answer labelled with the type asked for.
 */
@Component
public class OpenApiMediaTypeFilter extends OncePerRequestFilter {

    /** The document's media type; its version is the one springdoc writes into {@code "openapi"}. */
    public static final String MEDIA_TYPE = "application/vnd.oai.openapi+json;version=3.1";

    private static final MediaType OPENAPI = MediaType.parseMediaType("application/vnd.oai.openapi+json");
    private static final String PATH = "/openapi.json";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PATH.equals(request.getRequestURI()) || !asksForTheOpenApiType(request.getHeader(HttpHeaders.ACCEPT));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new AcceptingJson(request), new Labelled(response));
    }

    private static boolean asksForTheOpenApiType(@Nullable String accept) {
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type ->
                            type.isCompatibleWith(OPENAPI) && !type.isWildcardType() && !type.isWildcardSubtype());
        } catch (IllegalArgumentException e) {
            // an unreadable Accept header is the content negotiation's to answer
            return false;
        }
    }

    private static final class AcceptingJson extends HttpServletRequestWrapper {

        AcceptingJson(HttpServletRequest request) {
            super(request);
        }

        @Override
        public @Nullable String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? MediaType.APPLICATION_JSON_VALUE : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name)
                    ? Collections.enumeration(List.of(MediaType.APPLICATION_JSON_VALUE))
                    : super.getHeaders(name);
        }
    }

    /** The JSON answer under the OpenAPI type; errors keep their own type. */
    private static final class Labelled extends HttpServletResponseWrapper {

        Labelled(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setContentType(@Nullable String type) {
            super.setContentType(relabel(type));
        }

        @Override
        public void setHeader(String name, @Nullable String value) {
            super.setHeader(name, HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? relabel(value) : value);
        }

        @Override
        public void addHeader(String name, @Nullable String value) {
            super.addHeader(name, HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? relabel(value) : value);
        }

        private @Nullable String relabel(@Nullable String type) {
            boolean json = type != null && type.startsWith(MediaType.APPLICATION_JSON_VALUE);
            return json && getStatus() == SC_OK ? MEDIA_TYPE : type;
        }
    }
}
