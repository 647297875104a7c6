package org.isotherm.stac;

/**
 * Rewrites an asset's {@code href} each time an item leaves the API (item, items, search), for example to sign it
 * for a limited time so that a plain GET downloads it. Every item the API serves passes through
 * {@link StacDocuments}, which asks the beans implementing this in turn; with none, hrefs are served as stored.
 */
public interface AssetLinks {

    /** The href to serve for {@code storedHref}, or {@code storedHref} itself when this does not concern it. */
    String href(String collectionId, String itemId, String assetKey, String storedHref);
}
