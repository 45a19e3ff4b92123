package app.physioportal.plan;

/**
 * Whether a message belongs to a patient's conversation, for a plan change made in answer to it. The messages
 * module answers (it depends on plans, not the other way round).
 */
public interface MessageReference {

    boolean isInConversationOf(long messageId, long patientId);
}
