package app.physioportal.messages;

import app.physioportal.plan.MessageReference;
import org.springframework.stereotype.Component;

/** Tells the plan module whether a plan change may link back to a message: only one in the same conversation. */
@Component
class PlanAnswers implements MessageReference {

    private final MessageService messages;

    PlanAnswers(MessageService messages) {
        this.messages = messages;
    }

    @Override
    public boolean isInConversationOf(long messageId, long patientId) {
        return messages.isInConversationOf(messageId, patientId);
    }
}
