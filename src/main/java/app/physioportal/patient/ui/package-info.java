@NullMarked
package app.physioportal.patient.ui;

import org.jspecify.annotations.NullMarked;
