/** The append-only audit trail: who did what to which patient's record, and when. */
@NullMarked
package app.physioportal.audit;

import org.jspecify.annotations.NullMarked;
