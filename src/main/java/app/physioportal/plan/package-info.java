/** Versioned exercise plans and the adherence log. */
package app.physioportal.plan;
