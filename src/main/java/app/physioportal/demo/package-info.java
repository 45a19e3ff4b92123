/** The demo clinic, seeded into an empty embedded database. */
@NullMarked
package app.physioportal.demo;

import org.jspecify.annotations.NullMarked;
