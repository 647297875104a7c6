package org.isotherm.stac;

import org.springframework.stereotype.Component;

/**
 * Signs the hrefs of one made-up host, as fulfilment will sign its store's links; part of every test run's context,
 * and a no-op for every other href, so that the other tests see their items as stored.
 */
@Component
class TestAssetSigner implements AssetLinks {

    static final String HOST = "https://sign-me.test/";

    @Override
    public String href(String collectionId, String itemId, String assetKey, String storedHref) {
        return storedHref.startsWith(HOST)
                ? storedHref + "?signed=" + collectionId + "." + itemId + "." + assetKey
                : storedHref;
    }
}
