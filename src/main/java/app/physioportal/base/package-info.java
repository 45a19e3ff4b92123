/**
 * Shared pieces that know no feature: bad input ({@link app.physioportal.base.InvalidInput}), the scheduled jobs'
 * database lock, signed links, the portal's public address, the build files' cache headers; widgets in base.ui.
 */
@NullMarked
package app.physioportal.base;

import org.jspecify.annotations.NullMarked;
