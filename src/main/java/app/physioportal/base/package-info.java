/** Widgets without dependencies, in base.ui; nothing else. */
package app.physioportal.base;
