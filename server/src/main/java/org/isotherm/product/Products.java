package org.isotherm.product;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The public surface of the product feature: which products a workspace may order, with their rules. */
@Service
public class Products {

    private final ProductRepository repository;

    Products(ProductRepository repository) {
        this.repository = repository;
    }

    /** The products enabled for this workspace, in catalogue order. */
    public List<Product> available(UUID workspaceId) {
        return repository.available(workspaceId);
    }

    /** Every product, enabled or not, for checks that run after ordering (automatic validation). */
    public java.util.Optional<Product> find(String name) {
        return repository.find(name);
    }
}
