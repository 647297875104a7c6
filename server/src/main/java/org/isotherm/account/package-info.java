/**
 * Workspaces (organizations), their users and the account flows: sign-up, confirmation, password reset,
 * invitations, members, the operator API.
 */
@NullMarked
package org.isotherm.account;

import org.jspecify.annotations.NullMarked;
