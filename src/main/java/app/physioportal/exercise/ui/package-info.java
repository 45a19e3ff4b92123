/** How an exercise is shown wherever a plan lists it: its icon and its steps. */
@NamedInterface("panels")
@NullMarked
package app.physioportal.exercise.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
