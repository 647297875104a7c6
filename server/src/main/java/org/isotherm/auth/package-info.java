/**
 * Who is calling: POST /token, JWT bearer tokens, workspace API keys, roles, login rate limits and the security
 * filter chain.
 */
@NullMarked
package org.isotherm.auth;

import org.jspecify.annotations.NullMarked;
