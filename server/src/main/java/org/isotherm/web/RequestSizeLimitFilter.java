package org.isotherm.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps every request body, declared or chunked, before any other layer reads it; the answer is 413 in the API's
 * error shape. Endpoints that take large bulk uploads raise their own limit through {@link WebProperties}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final WebProperties properties;

    RequestSizeLimitFilter(WebProperties properties) {
        this.properties = properties;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = properties.limitFor(request.getRequestURI());
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            reject(request, response);
            return;
        }
        if (declared >= 0 && declared <= limit) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private static void reject(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        ErrorBody.write(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Request body too large");
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class CountingStream extends InspectedInputStream {

        private final long limit;
        private long count;

        CountingStream(ServletInputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        void inspect(byte[] b, int off, int n) {
            count += n;
            if (count > limit) {
                throw new RequestTooLargeException();
            }
        }
    }
}
