package org.isotherm.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses, before anything reads them, what no handler could take: a method the API has nowhere (405, where the
 * servlet would answer {@code CONNECT} with 501), a {@code Content-Type} that is a wildcard or does not parse (415),
 * and the NUL character in a query parameter, a form field or a JSON string (422 naming where).
 * JSON bodies are scanned as they stream, so nothing is buffered for it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestTextFilter extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> SERVED = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    /** The methods the API serves somewhere, for the {@code Allow} header of a 405 to any other. */
    static final String ALLOW = String.join(", ", new TreeSet<>(SERVED));

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SERVED.contains(request.getMethod())) {
            response.setHeader(HttpHeaders.ALLOW, ALLOW);
            ErrorBody.write(request, response, 405, "Method Not Allowed");
            return;
        }
        var contentType = request.getContentType();
        MediaType type = null;
        if (contentType != null) {
            try {
                type = MediaType.parseMediaType(contentType);
            } catch (InvalidMediaTypeException e) {
                ErrorBody.write(
                        request, response, 415, "Unsupported media type " + contentType + ": it does not parse");
                return;
            }
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                ErrorBody.write(request, response, 415, "Unsupported media type " + contentType + ": a wildcard");
                return;
            }
        }
        var where = type != null && MediaType.APPLICATION_FORM_URLENCODED.includes(type) ? "body" : "query";
        // the parameters of a multipart request are its parts, which only the upload's own limits may parse
        var parameters = type != null && MediaType.MULTIPART_FORM_DATA.includes(type)
                ? Map.<String, String[]>of()
                : request.getParameterMap();
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            for (var value : parameter.getValue()) {
                if (parameter.getKey().indexOf(0) >= 0 || value.indexOf(0) >= 0) {
                    var error = new UnstorableTextException(
                            where, parameter.getKey().replace("\0", ""));
                    writeUnprocessable(request, response, error);
                    return;
                }
            }
        }
        if (type != null
                        && (type.getSubtype().equals("json")
                                || type.getSubtype().endsWith("+json"))
                || type != null && type.getSubtype().contains("ndjson")) {
            chain.doFilter(new ScannedRequest(request), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void writeUnprocessable(
            HttpServletRequest request, HttpServletResponse response, UnstorableTextException error)
            throws IOException {
        response.setStatus(422);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream()
                .write(JSON.writeValueAsBytes(new ErrorBody(error.errors()).forRequest(request, 422)));
    }

    private static final class ScannedRequest extends HttpServletRequestWrapper {

        private ServletInputStream stream;

        ScannedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new NulScanningStream(super.getInputStream());
            }
            return stream;
        }
    }

    /**
     * Watches for the JSON escape of NUL (a backslash, {@code u} and four zeros) as bytes pass, across reads, and
     * knows where it is: it follows strings, escapes and the object and array nesting, so the 422 names the field as
     * a parser would. A raw NUL byte is invalid JSON that the parser refuses on its own. Malformed JSON is left for
     * the parser to refuse.
     */
    static final class NulScanningStream extends InspectedInputStream {

        private static final int MAX_KEY = 256;

        private final java.util.ArrayDeque<Frame> frames = new java.util.ArrayDeque<>();
        private final java.io.ByteArrayOutputStream key = new java.io.ByteArrayOutputStream();
        private boolean inString;
        private boolean stringIsKey;
        // inside a string: 0 plain; 1 after a backslash; 2..5 after backslash-u and that many zeros minus two
        private int escape;

        private static final class Frame {
            final boolean object;
            String key;
            int index;
            boolean expectingKey;

            Frame(boolean object) {
                this.object = object;
                this.expectingKey = object;
            }
        }

        NulScanningStream(ServletInputStream in) {
            super(in);
        }

        @Override
        void inspect(byte[] b, int off, int n) {
            for (int i = off; i < off + n; i++) {
                scan(b[i]);
            }
        }

        private void scan(byte b) {
            if (inString) {
                scanString(b);
                return;
            }
            var top = frames.peek();
            switch (b) {
                case '{' -> frames.push(new Frame(true));
                case '[' -> frames.push(new Frame(false));
                case '}', ']' -> frames.poll();
                case ',' -> {
                    if (top != null && top.object) {
                        top.expectingKey = true;
                    } else if (top != null) {
                        top.index++;
                    }
                }
                case ':' -> {
                    if (top != null) {
                        top.expectingKey = false;
                    }
                }
                case '"' -> {
                    inString = true;
                    stringIsKey = top != null && top.object && top.expectingKey;
                    key.reset();
                }
                default -> {}
            }
        }

        private void scanString(byte b) {
            if (escape == 0) {
                if (b == '"') {
                    inString = false;
                    if (stringIsKey && frames.peek() != null) {
                        frames.peek().key = key.toString(java.nio.charset.StandardCharsets.UTF_8);
                    }
                    return;
                }
                escape = b == '\\' ? 1 : 0;
            } else if (escape == 1) {
                escape = b == 'u' ? 2 : 0;
            } else if (b == '0') {
                if (++escape == 6) {
                    throw new UnstorableTextException("body", path());
                }
            } else {
                escape = b == '\\' ? 1 : 0;
            }
            if (stringIsKey && key.size() < MAX_KEY) {
                key.write(b);
            }
        }

        /** The JSON path of the value being read, outermost first; a key being read is its own field. */
        private Object[] path() {
            var path = new java.util.ArrayList<Object>();
            var outermostFirst = new java.util.ArrayList<>(frames);
            java.util.Collections.reverse(outermostFirst);
            for (var frame : outermostFirst) {
                if (frame.object && frame.key != null && !(frame == frames.peek() && stringIsKey)) {
                    path.add(frame.key);
                } else if (!frame.object) {
                    path.add(frame.index);
                }
            }
            return path.toArray();
        }
    }
}
