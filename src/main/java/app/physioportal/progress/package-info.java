/** Weekly figures, baseline against now and the charts drawn from them. */
package app.physioportal.progress;
