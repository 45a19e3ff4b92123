/**
 * Dependency-free widgets every feature's screens use: page headers, field errors, text limits, route ids,
 * the colour scheme. They know nothing of the features, security or the shell around the pages.
 */
@NamedInterface("widgets")
@NullMarked
package app.physioportal.base.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
