/** Widgets without dependencies, in base.ui; nothing else. */
@NullMarked
package app.physioportal.base;

import org.jspecify.annotations.NullMarked;
