/** The append-only audit trail: who did what to which patient's record, and when. */
package app.physioportal.audit;
