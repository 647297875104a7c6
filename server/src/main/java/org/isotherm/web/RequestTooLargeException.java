package org.isotherm.web;

/** Raised while reading a body that turned out larger than {@code isotherm.web.max-request-size}. */
public class RequestTooLargeException extends RuntimeException {

    public RequestTooLargeException() {
        super("Request body too large", null, false, false);
    }

    static boolean causedBy(Throwable e) {
        for (var t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestTooLargeException
                    || t instanceof org.apache.tomcat.util.http.fileupload.impl.SizeException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
