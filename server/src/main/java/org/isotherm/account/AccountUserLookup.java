package org.isotherm.account;

import java.util.Optional;
import java.util.UUID;
import org.isotherm.auth.UserLookup;
import org.springframework.stereotype.Component;

/** Hands authentication the users this feature owns. */
@Component
class AccountUserLookup implements UserLookup {

    private final UserRepository users;

    AccountUserLookup(UserRepository users) {
        this.users = users;
    }

    @Override
    public Optional<KnownUser> findById(UUID id) {
        return users.findById(id).map(AccountUserLookup::known);
    }

    @Override
    public Optional<KnownUser> findByEmail(String email) {
        return users.findByEmail(email).map(AccountUserLookup::known);
    }

    private static KnownUser known(UserAccount user) {
        return new KnownUser(
                user.id(),
                user.organizationId(),
                user.email(),
                user.passwordHash(),
                user.role(),
                user.confirmed(),
                user.passwordResetRequired(),
                user.tokenVersion(),
                user.active());
    }
}
