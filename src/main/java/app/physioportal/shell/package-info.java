/** The application shell: the main layout with role-based navigation, the home redirect and the error pages. */
@NullMarked
package app.physioportal.shell;

import org.jspecify.annotations.NullMarked;
