/** The embedded PostgreSQL that runs when no database URL is configured. */
@NullMarked
package org.isotherm.db;

import org.jspecify.annotations.NullMarked;
