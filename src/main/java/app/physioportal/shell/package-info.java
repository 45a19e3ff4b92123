/** The application shell: the main layout with role-based navigation, the home redirect and the error pages. */
package app.physioportal.shell;
