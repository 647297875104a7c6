package org.isotherm.account;

import java.time.Instant;
import org.isotherm.housekeeping.Purge;
import org.springframework.stereotype.Component;

/** One-time links used or expired more than {@code isotherm.accounts.link-retention} ago. */
@Component
class AccountLinkPurge implements Purge {

    private final AccountTokens tokens;
    private final AccountProperties properties;

    AccountLinkPurge(AccountTokens tokens, AccountProperties properties) {
        this.tokens = tokens;
        this.properties = properties;
    }

    @Override
    public String what() {
        return "account links";
    }

    @Override
    public long purge(Instant now, int batchSize) {
        var cutoff = now.minus(properties.linkRetention());
        return Purge.inBatches(batchSize, () -> tokens.deleteSpentBefore(cutoff, batchSize));
    }
}
