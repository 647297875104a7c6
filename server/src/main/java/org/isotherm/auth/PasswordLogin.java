package org.isotherm.auth;

import org.isotherm.auth.UserLookup.KnownUser;
import org.springframework.stereotype.Component;

/**
 * Decides a login by e-mail and password. Every outcome costs exactly one password verification (bcrypt, tens of
 * milliseconds, far above the rest): an unknown address, a removed member, an invitee without a password, a wrong
 * password, an unconfirmed address. Otherwise the answer's time would tell who has an account or an invitation.
 */
@Component
class PasswordLogin {

    static final String INCORRECT = "Incorrect username or password";

    private final UserLookup users;
    private final Passwords passwords;

    PasswordLogin(UserLookup users, Passwords passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    /** The user whose password this is, allowed to log in; throws {@link BadCredentialsException} saying why not. */
    KnownUser authenticate(String email, String password) {
        var user = users.findByEmail(email.strip()).filter(KnownUser::active);
        var matches =
                passwords.matches(password, user.map(KnownUser::passwordHash).orElse(null));
        if (user.isEmpty() || !matches) {
            throw new BadCredentialsException(INCORRECT);
        }
        if (!user.get().confirmed()) {
            throw new BadCredentialsException("Email not confirmed: follow the link in the confirmation e-mail");
        }
        if (user.get().passwordResetRequired()) {
            throw new BadCredentialsException("Password reset required: request a reset at POST /auth/password-reset");
        }
        return user.get();
    }
}
