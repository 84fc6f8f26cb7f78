/**
 * A heap dump opened in the app: its leak suspects with their paths from the GC roots, its classes by retained size
 * and the objects that keep most of the heap alive. Uses the model only; the view is JavaFX.
 */
package io.leaklens.ui.heapdump;
