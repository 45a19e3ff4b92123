/** The demo clinic, seeded into an empty embedded database. */
package app.physioportal.demo;
