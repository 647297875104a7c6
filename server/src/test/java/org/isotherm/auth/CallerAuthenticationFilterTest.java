package org.isotherm.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

class CallerAuthenticationFilterTest {

    @ParameterizedTest
    @CsvSource({
        "GET, /stac, true",
        "GET, /stac/, true",
        "GET, /stac/collections/demo/items/x, true",
        "HEAD, /stac/search, true",
        "POST, /stac/search, true",
        "POST, /stac/collections, false",
        "POST, /stac/collections/demo/items, false",
        "PUT, /stac/collections/demo, false",
        "DELETE, /stac/collections/demo/items/x, false",
        "PATCH, /stac/collections/demo, false",
        "GET, /stacked, false",
        "GET, /orders, false",
        "GET, /me, false",
        "GET, /admin/organizations, false"
    })
    void anAnonymousReaderMayOnlyReadTheStacApi(String method, String path, boolean reads) {
        assertThat(CallerAuthenticationFilter.readsStac(new MockHttpServletRequest(method, path)))
                .isEqualTo(reads);
    }
}
