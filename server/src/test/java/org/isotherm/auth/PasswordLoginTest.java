package org.isotherm.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.isotherm.auth.UserLookup.KnownUser;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Every answer of a login costs one bcrypt verification: here counted, not timed. The encoder is real bcrypt (at the
 * lowest cost, for speed) that notes which hashes it was asked to verify.
 */
class PasswordLoginTest {

    private static final String PASSWORD = "the right password";

    /** Real bcrypt, recording each hash a password was verified against. */
    private static final class RecordingEncoder implements PasswordEncoder {
        final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        final List<String> verified = new ArrayList<>();

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            verified.add(encoded);
            return bcrypt.matches(raw, encoded);
        }
    }

    private final RecordingEncoder encoder = new RecordingEncoder();
    private final Passwords passwords = new Passwords(encoder);
    private final Map<String, KnownUser> byEmail = new HashMap<>();
    private final PasswordLogin login = new PasswordLogin(
            new UserLookup() {
                @Override
                public Optional<KnownUser> findById(UUID id) {
                    return byEmail.values().stream()
                            .filter(u -> u.id().equals(id))
                            .findFirst();
                }

                @Override
                public Optional<KnownUser> findByEmail(String email) {
                    return Optional.ofNullable(byEmail.get(email.toLowerCase(Locale.ROOT)));
                }
            },
            passwords);

    private final String realHash = passwords.hash(PASSWORD);

    private KnownUser user(
            String email, @Nullable String hash, boolean confirmed, boolean resetRequired, boolean active) {
        var user = new KnownUser(
                UUID.randomUUID(), UUID.randomUUID(), email, hash, Role.MEMBER, confirmed, resetRequired, 0, active);
        byEmail.put(email, user);
        return user;
    }

    /** The detail of the refusal; {@link RecordingEncoder#verified} then holds the hashes verified to reach it. */
    private String refusal(String email, String password) {
        encoder.verified.clear();
        try {
            login.authenticate(email, password);
        } catch (BadCredentialsException e) {
            return e.detail();
        }
        throw new AssertionError("Not refused: " + email);
    }

    @Test
    void verifiesAgainstADummyHashOfTheSameCostForAnUnknownAddress() {
        assertThat(refusal("nobody@a.test", PASSWORD)).isEqualTo(PasswordLogin.INCORRECT);

        assertThat(encoder.verified)
                .hasSize(1)
                .doesNotContain(realHash)
                .allSatisfy(hash -> assertThat(hash).startsWith(realHash.substring(0, 7)));
    }

    @Test
    void verifiesAgainstTheDummyHashForAnInviteeWithoutPasswordAsForAnUnknownAddress() {
        user("invitee@a.test", null, false, false, true);
        var forUnknown = refusal("nobody@a.test", PASSWORD);
        var dummy = encoder.verified.get(0);

        assertThat(refusal("invitee@a.test", PASSWORD)).isEqualTo(forUnknown);
        assertThat(encoder.verified).containsExactly(dummy);
    }

    @Test
    void verifiesAgainstTheDummyHashForARemovedMember() {
        user("removed@a.test", realHash, true, false, false);
        refusal("nobody@a.test", PASSWORD);
        var dummy = encoder.verified.get(0);

        assertThat(refusal("removed@a.test", PASSWORD)).isEqualTo(PasswordLogin.INCORRECT);
        assertThat(encoder.verified).containsExactly(dummy);
    }

    @Test
    void verifiesTheUsersOwnHashOnceForEveryOtherRefusal() {
        user("member@a.test", realHash, true, false, true);
        user("unconfirmed@a.test", realHash, false, false, true);
        user("reset@a.test", realHash, true, true, true);

        assertThat(refusal("member@a.test", "a wrong guess")).isEqualTo(PasswordLogin.INCORRECT);
        assertThat(encoder.verified).containsExactly(realHash);
        assertThat(refusal("unconfirmed@a.test", PASSWORD)).startsWith("Email not confirmed");
        assertThat(encoder.verified).containsExactly(realHash);
        assertThat(refusal("reset@a.test", PASSWORD)).startsWith("Password reset required");
        assertThat(encoder.verified).containsExactly(realHash);
    }

    @Test
    void letsTheRightPasswordInAfterOneVerification() {
        var member = user("member@a.test", realHash, true, false, true);
        encoder.verified.clear();

        assertThat(login.authenticate(" member@a.test ", PASSWORD)).isEqualTo(member);
        assertThat(encoder.verified).containsExactly(realHash);
    }
}
